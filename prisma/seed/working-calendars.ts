/**
 * The public offices' working calendars for 2026 and 2027 (Asia/Ho_Chi_Minh): Monday to Friday
 * 07:30–11:30 and 13:30–17:00, the holidays of the Labour Code 2019 (art. 112) on the days the
 * Government fixed, and compensatory working days. Each holiday carries its source and whether
 * the date is confirmed by a published decision; administrators complete and correct the
 * calendars in the back office, and a re-seed never overwrites a year that exists.
 *
 * 2026, checked facts (also in domain/working-calendar.fixture.ts):
 * - New Year: Thu 01/01, with Fri 02/01 off and Sat 10/01 worked in exchange (Văn phòng Chính
 *   phủ letter 12729/VPCP-KGVX of 25/12/2025: Deputy Prime Minister Phạm Thị Thanh Trà agreed
 *   with the Ministry of Home Affairs' proposal).
 * - Tết Bính Ngọ: Sat 14/02 to Sun 22/02 (9 days for officials, as announced by the Ministry of
 *   Home Affairs / Government, reported e.g. by congan.com.vn); only the weekdays are listed.
 * - Hùng Kings (10/3 lunar) on Sun 26/04, Mon 27/04 in lieu (Labour Code art. 111(3)).
 * - 30/04 (Thu) and 01/05 (Fri).
 * - National Day: Wed 02/09 and one adjacent day. NOT VERIFIED which one the Government fixed
 *   (01/09 or 03/09): 01/09 is seeded with confirmed: false.
 * 2027: the Government's decisions are not verified here (they usually come late in 2026). The
 * legal holidays are computed from the Labour Code with the lunar dates (Lunar New Year Sat
 * 06/02/2027, Hùng Kings Fri 16/04/2027, both by the Vietnamese lunar calendar at UTC+7) and
 * all marked confirmed: false.
 */
import type { IsoWeekday, WorkingPeriod } from '../../domain/working-calendar';
import type { Db } from '../../platform/db';
import { seedId } from './seed-id';

export interface SeedHoliday {
  date: string;
  name: string;
  source: string;
  confirmed: boolean;
}

export interface SeedWorkingDay {
  date: string;
  name: string;
  source: string;
}

export interface SeedWorkingCalendar {
  id: string;
  year: number;
  timeZone: string;
  weeklyHours: Partial<Record<IsoWeekday, WorkingPeriod[]>>;
  holidays: SeedHoliday[];
  workingDays: SeedWorkingDay[];
  sources: string[];
}

const OFFICE_DAY: WorkingPeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
const WEEKLY_HOURS = { 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY };

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112';
const IN_LIEU = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)';
const VPCP_12729 =
  'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: Phó Thủ tướng Phạm Thị Thanh Trà đồng ý đề xuất của Bộ Nội vụ về lịch nghỉ Tết Dương lịch 2026';
const TET_2026 =
  'Lịch nghỉ Tết Nguyên đán Bính Ngọ 2026 của cán bộ, công chức, viên chức: 9 ngày, từ thứ Bảy 14/02 đến hết Chủ nhật 22/02/2026, theo thông báo của Bộ Nội vụ / Chính phủ (báo chí đưa tin, ví dụ congan.com.vn)';
const NATIONAL_DAY_2026 = `${LABOUR_CODE}: Quốc khánh 02/09 và một ngày liền kề do Thủ tướng quyết định; CHƯA XÁC MINH ngày liền kề năm 2026 là 01/09 hay 03/09`;
const UNCONFIRMED_2027 =
  "Bộ luật Lao động 2019, Điều 112; Nghị định 145/2020/NĐ-CP — dates to be confirmed against the Prime Minister's decision for 2027";

const holiday = (date: string, name: string, source: string, confirmed: boolean): SeedHoliday => ({
  date,
  name,
  source,
  confirmed,
});

const CALENDAR_2026: Omit<SeedWorkingCalendar, 'id'> = {
  year: 2026,
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: WEEKLY_HOURS,
  holidays: [
    holiday('2026-01-01', 'Tết Dương lịch', LABOUR_CODE, true),
    holiday('2026-01-02', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', VPCP_12729, true),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) =>
      holiday(date, 'Tết Nguyên đán Bính Ngọ (nghỉ từ thứ Bảy 14/02 đến hết Chủ nhật 22/02/2026)', TET_2026, true),
    ),
    holiday('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)', LABOUR_CODE, true),
    holiday('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)', IN_LIEU, true),
    holiday('2026-04-30', 'Ngày Chiến thắng', LABOUR_CODE, true),
    holiday('2026-05-01', 'Ngày Quốc tế Lao động', LABOUR_CODE, true),
    holiday('2026-09-01', 'Quốc khánh (ngày liền kề, chưa xác nhận)', NATIONAL_DAY_2026, false),
    holiday('2026-09-02', 'Quốc khánh', LABOUR_CODE, true),
  ],
  workingDays: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01/2026', source: VPCP_12729 }],
  sources: [LABOUR_CODE, IN_LIEU, VPCP_12729, TET_2026, NATIONAL_DAY_2026],
};

const CALENDAR_2027: Omit<SeedWorkingCalendar, 'id'> = {
  year: 2027,
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: WEEKLY_HOURS,
  holidays: [
    holiday('2027-01-01', 'Tết Dương lịch', UNCONFIRMED_2027, false),
    // Lunar New Year (mùng 1 Tết Đinh Mùi) is Sat 06/02/2027; the run Thu 04/02–Wed 10/02 gives
    // the 5 legal days on weekdays.
    ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) =>
      holiday(
        date,
        'Tết Nguyên đán Đinh Mùi (dự kiến nghỉ từ thứ Năm 04/02 đến hết thứ Tư 10/02/2027)',
        UNCONFIRMED_2027,
        false,
      ),
    ),
    holiday('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', UNCONFIRMED_2027, false),
    holiday('2027-04-30', 'Ngày Chiến thắng', UNCONFIRMED_2027, false),
    holiday('2027-05-01', 'Ngày Quốc tế Lao động (thứ Bảy)', UNCONFIRMED_2027, false),
    holiday('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (01/05 là thứ Bảy)', `${IN_LIEU}; ${UNCONFIRMED_2027}`, false),
    holiday('2027-09-02', 'Quốc khánh', UNCONFIRMED_2027, false),
    holiday('2027-09-03', 'Quốc khánh (ngày liền kề, dự kiến)', UNCONFIRMED_2027, false),
  ],
  workingDays: [],
  sources: [UNCONFIRMED_2027, IN_LIEU],
};

export const SEED_WORKING_CALENDARS: readonly SeedWorkingCalendar[] = [CALENDAR_2026, CALENDAR_2027].map(
  (calendar) => ({
    id: seedId('working-calendar', String(calendar.year)),
    ...calendar,
  }),
);

/** Inserts the years that are missing (a year is unique); an existing year is never touched. */
export async function seedWorkingCalendars(db: Db): Promise<number> {
  const { count } = await db.workingCalendar.createMany({
    data: SEED_WORKING_CALENDARS.map((calendar) => ({
      ...calendar,
      // JSON columns take plain objects: copy the typed values into fresh literals.
      weeklyHours: JSON.parse(JSON.stringify(calendar.weeklyHours)) as Record<string, { start: string; end: string }[]>,
      holidays: calendar.holidays.map((entry) => ({ ...entry })),
      workingDays: calendar.workingDays.map((entry) => ({ ...entry })),
    })),
    skipDuplicates: true,
  });
  return count;
}
