/**
 * Calendars for tests (not a product default: the real calendar is data administrators edit).
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar, WorkingPeriod } from './working-calendar';

export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A common public-office day: 07:30–11:30 and 13:30–17:00, 7.5 working hours. */
const OFFICE_DAY: WorkingPeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
export const OFFICE_DAY_MS = 7.5 * 3_600_000;

function holidayRun(from: string, to: string, name: string): { date: string; name: string }[] {
  const days: { date: string; name: string }[] = [];
  for (let day = DateTime.fromISO(from); day <= DateTime.fromISO(to); day = day.plus({ days: 1 })) {
    days.push({ date: day.toISODate()!, name });
  }
  return days;
}

/**
 * Mon–Fri office hours and the public-servant holidays of 2026–2027.
 * Checked against the press: New Year 2026 Thu 01/01–Sun 04/01 with Fri 02/01 swapped for
 * Sat 10/01/2026 (VPCP letter 12729/VPCP-KGVX, 25/12/2025); Tết 2026 Sat 14/02–Sun 22/02/2026
 * (9 days, no Saturday to make up); Hùng Kings 2026 falls on Sunday 26/04, day in lieu Monday
 * 27/04; 30/04 and 01/05/2026 are Thu and Fri. Also the 2025 swap (Fri 02/05/2025 off, Sat
 * 26/04/2025 worked; notice 6150/TB-BLĐTBXH).
 * FIXTURES, not official decisions: National Day 2026 as 01–02/09 (from the brief); Tết 2027 as
 * Thu 04/02–Wed 10/02/2027 around the Lunar New Year of Sat 06/02/2027; Hùng Kings 2027 on
 * Fri 16/04/2027 (10/3 lunar by ICU's Chinese calendar, which
 * can differ from the Vietnamese one by a day); 03/05/2027 in lieu of Sat 01/05;
 * National Day 2027 as 02–03/09/2027.
 */
export const VIETNAM_OFFICE_CALENDAR: WorkingCalendar = {
  timeZone: OFFICE_TIME_ZONE,
  weeklyHours: { 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY },
  holidays: [
    { date: '2025-04-30', name: 'Ngày Chiến thắng' },
    { date: '2025-05-01', name: 'Quốc tế Lao động' },
    { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)' },
    { date: '2026-01-01', name: 'Tết Dương lịch' },
    { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)' },
    ...holidayRun('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ'),
    { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04, Chủ nhật)' },
    { date: '2026-04-30', name: 'Ngày Chiến thắng' },
    { date: '2026-05-01', name: 'Quốc tế Lao động' },
    { date: '2026-09-01', name: 'Quốc khánh' },
    { date: '2026-09-02', name: 'Quốc khánh' },
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    ...holidayRun('2027-02-04', '2027-02-10', 'Tết Nguyên đán Đinh Mùi (fixture)'),
    { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (fixture)' },
    { date: '2027-04-30', name: 'Ngày Chiến thắng' },
    { date: '2027-05-01', name: 'Quốc tế Lao động' },
    { date: '2027-05-03', name: 'Nghỉ bù Quốc tế Lao động (fixture)' },
    { date: '2027-09-02', name: 'Quốc khánh' },
    { date: '2027-09-03', name: 'Quốc khánh (fixture)' },
  ],
  workingDays: [
    { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05/2025' },
    { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01/2026' },
  ],
};

/**
 * An awkward calendar for property tests only: a zone with daylight saving, periods across the
 * DST changes (Sunday 01:30–03:30), days of different lengths, touching periods, work through
 * midnight (Thu 00:00–24:00 then Fri 00:00), a half-day compensatory Saturday and one with
 * Monday's hours.
 */
export const AWKWARD_CALENDAR: WorkingCalendar = {
  timeZone: 'Europe/Paris',
  weeklyHours: {
    1: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    2: [{ start: '09:00', end: '12:00' }],
    3: [
      { start: '14:00', end: '18:00' },
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
    ],
    4: [{ start: '00:00', end: '24:00' }],
    5: [
      { start: '00:00', end: '02:00' },
      { start: '08:00', end: '12:00' },
    ],
    7: [{ start: '01:30', end: '03:30' }],
  },
  holidays: [
    ...holidayRun('2026-07-13', '2026-07-31', 'Summer closure'),
    { date: '2026-12-25', name: 'Christmas' },
    { date: '2027-03-28', name: 'A Sunday off (the DST change day)' },
  ],
  workingDays: [
    { date: '2026-03-07', name: 'Half-day Saturday', periods: [{ start: '08:00', end: '10:00' }] },
    { date: '2027-06-12', name: 'Saturday with Monday hours' },
  ],
};
