/**
 * The deadline activities over the seeded database: Hà Tĩnh's 2026/2027 calendars (Monday to
 * Friday 07:30–11:30 and 13:30–17:00, i.e. 7.5 working hours a day) and the default SLA policies.
 * Other suites share the database: seeded rows are only read; the policy this suite adds has a
 * random category code and is deleted afterwards. Caches have ttlMs 0, so every call reads the
 * database as it is.
 */
import { randomBytes } from 'node:crypto';
import {
  extendSchedule,
  scheduleStep,
  workingDeadline,
  type StepSchedule,
  type StepScheduleDependencies,
} from '../activities/step-schedule';
import { createCalendarSource, mergeWorkingCalendars, type WorkingCalendarRow } from '../activities/working-calendars';
import type { Pool } from 'pg';
import { createDb, type Db } from '../platform/db';
import { seedId } from '../prisma/seed/seed-id';
import { slaPolicyKey } from '../prisma/seed/sla-policies';

let db: Db;
let pool: Pool;
let deps: StepScheduleDependencies;
const tempCategory = `test-sla-${randomBytes(4).toString('hex')}`;
const createdPolicyIds: string[] = [];

beforeAll(() => {
  if (!process.env.DATABASE_URL) throw new Error('Run this suite through `npm test`, which prepares DATABASE_URL.');
  ({ db, pool } = createDb({ url: process.env.DATABASE_URL, poolSize: 4 }));
  deps = { db, calendars: createCalendarSource(db, { ttlMs: 0 }), ttlMs: 0 };
});

afterAll(async () => {
  if (createdPolicyIds.length > 0) await db.slaPolicy.deleteMany({ where: { id: { in: createdPolicyIds } } });
  await db?.$disconnect();
  await pool?.end();
});

const seededPolicy = (step: string, level: string | null = null) =>
  seedId('sla-policy', slaPolicyKey(step, null, level));

describe('scheduleStep', () => {
  it("'accept' started Friday 04/12/2026 16:30: due Monday 17:00 after 8 working hours, reminder at 75%, escalations in working time", async () => {
    // Friday 16:30–17:00 (0.5 h) + Monday 07:30–11:30 (4 h) + 13:30–17:00 (3.5 h) = 8 h.
    const schedule = await scheduleStep(deps, {
      step: 'accept',
      categoryCode: 'moi-truong',
      level: 'normal',
      startedAt: '2026-12-04T09:30:00.000Z',
    });
    expect(schedule).toEqual<StepSchedule>({
      policyId: seededPolicy('accept'),
      due: '2026-12-07T10:00:00.000Z', // Mon 17:00
      remindAt: '2026-12-07T08:00:00.000Z', // 6 h: 0.5 + 4 + 1.5 → Mon 15:00
      escalations: [
        // The deadline is the end of Monday's work: level 1 at the first working instant after it.
        { level: 1, notify: 'unit_leader', at: '2026-12-08T00:30:00.000Z' }, // Tue 07:30
        // + 8 working hours: Tuesday's 7.5 h and 0.5 h on Wednesday → Wed 08:00.
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-09T01:00:00.000Z' },
      ],
    });
  });

  it('a deadline at Friday 17:00 escalates on Monday morning, not at the weekend', async () => {
    // 'verify' (4 h) from Fri 11:00: 0.5 h before lunch, 3.5 h after → Fri 17:00.
    const schedule = await scheduleStep(deps, {
      step: 'verify',
      categoryCode: null,
      level: null,
      startedAt: '2026-12-04T04:00:00.000Z',
    });
    expect(schedule).toEqual<StepSchedule>({
      policyId: seededPolicy('verify'),
      due: '2026-12-04T10:00:00.000Z', // Fri 17:00
      remindAt: '2026-12-04T09:00:00.000Z', // 3 h → Fri 16:00
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2026-12-07T00:30:00.000Z' }, // Mon 07:30
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-08T01:00:00.000Z' }, // Mon 7.5 h + 0.5 h → Tue 08:00
      ],
    });
  });

  it('an urgent report takes the urgent policy of its step', async () => {
    // process/urgent: 4 working hours, ladder 0 h and 2 h. Fri 16:30 + 0.5 h, Mon 07:30 + 3.5 h = 11:00.
    const schedule = await scheduleStep(deps, {
      step: 'process',
      categoryCode: 'giao-thong',
      level: 'urgent',
      startedAt: '2026-12-04T09:30:00.000Z',
    });
    expect(schedule).toEqual<StepSchedule>({
      policyId: seededPolicy('process', 'urgent'),
      due: '2026-12-07T04:00:00.000Z', // Mon 11:00
      remindAt: '2026-12-07T03:00:00.000Z', // 3 h → Mon 10:00
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2026-12-07T04:00:00.000Z' }, // Mon 11:00, a working instant
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-07T08:00:00.000Z' }, // 0.5 h + 1.5 h → Mon 15:00
      ],
    });
    // The same step for a normal report: 3 working days.
    const normal = await scheduleStep(deps, {
      step: 'process',
      categoryCode: 'giao-thong',
      level: 'normal',
      startedAt: '2026-12-04T09:30:00.000Z',
    });
    expect(normal.policyId).toBe(seededPolicy('process'));
    expect(normal.due).toBe('2026-12-09T09:30:00.000Z'); // Fri 16:30 + 3 working days = Wed 16:30
  });

  it('a start during Tết 2027 counts from the first working day after it', async () => {
    // Holidays Thu 04/02–Wed 10/02/2027 (with the weekend): the first working instant is Thu 11/02 07:30.
    // 'process' (3 working days) from Thu 04/02 09:00: Thu 11, Fri 12, Mon 15/02 → Mon 17:00.
    const schedule = await scheduleStep(deps, {
      step: 'process',
      categoryCode: 'do-thi',
      level: null,
      startedAt: '2027-02-04T02:00:00.000Z',
    });
    expect(schedule).toEqual<StepSchedule>({
      policyId: seededPolicy('process'),
      due: '2027-02-15T10:00:00.000Z',
      // 75% of 3 × 7.5 h = 16 h 52 min 30 s: Thu 7.5 h, Fri 7.5 h, Mon 1 h 52 min 30 s → 09:22:30.
      remindAt: '2027-02-15T02:22:30.000Z',
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2027-02-16T00:30:00.000Z' }, // Tue 07:30
        { level: 2, notify: 'ioc_supervisor', at: '2027-02-17T01:00:00.000Z' }, // Tue 7.5 h + 0.5 h → Wed 08:00
      ],
    });
  });

  it('a start on a 2026 holiday, and a count across one', async () => {
    // National Day: Tue 01/09 and Wed 02/09/2026 are off. 'accept' (8 h) from Wed 10:00 counts from
    // Thu 07:30: Thursday's 7.5 h, 0.5 h on Friday → Fri 08:00.
    const nationalDay = await scheduleStep(deps, {
      step: 'accept',
      categoryCode: null,
      level: null,
      startedAt: '2026-09-02T03:00:00.000Z',
    });
    expect(nationalDay.due).toBe('2026-09-04T01:00:00.000Z');
    expect(nationalDay.remindAt).toBe('2026-09-03T08:30:00.000Z'); // 6 h → Thu 15:30
    // 'verify' (4 h) from Wed 29/04 15:00: 2 h that day; 30/04 and 01/05 are holidays, then the
    // weekend; 2 h more on Mon 04/05 → 09:30.
    const reunification = await scheduleStep(deps, {
      step: 'verify',
      categoryCode: null,
      level: null,
      startedAt: '2026-04-29T08:00:00.000Z',
    });
    expect(reunification.due).toBe('2026-05-04T02:30:00.000Z');
    expect(reunification.escalations[0]).toEqual({
      level: 1,
      notify: 'unit_leader',
      at: '2026-05-04T02:30:00.000Z',
    });
  });

  it("a category's own policy overrides the any-category one, and applies at once with ttlMs 0", async () => {
    const before = await scheduleStep(deps, {
      step: 'accept',
      categoryCode: tempCategory,
      level: 'normal',
      startedAt: '2026-12-04T09:30:00.000Z',
    });
    expect(before.policyId).toBe(seededPolicy('accept'));

    const created = await db.slaPolicy.create({
      data: {
        step: 'accept',
        categoryCode: tempCategory,
        level: null,
        durationAmount: 2,
        durationUnit: 'hours',
        reminderAt: 0.5,
        escalations: [{ level: 1, afterWorkingHours: 1, notify: 'ioc_supervisor' }],
        basis: 'test',
      },
    });
    createdPolicyIds.push(created.id);
    const after = await scheduleStep(deps, {
      step: 'accept',
      categoryCode: tempCategory,
      level: 'normal',
      startedAt: '2026-12-04T09:30:00.000Z',
    });
    // Fri 16:30 + 0.5 h, Mon 07:30 + 1.5 h = 09:00; reminder at 1 h → Mon 08:00; escalation 10:00.
    expect(after).toEqual<StepSchedule>({
      policyId: created.id,
      due: '2026-12-07T02:00:00.000Z',
      remindAt: '2026-12-07T01:00:00.000Z',
      escalations: [{ level: 1, notify: 'ioc_supervisor', at: '2026-12-07T03:00:00.000Z' }],
    });
    // Other categories keep the default.
    const other = await scheduleStep(deps, {
      step: 'accept',
      categoryCode: 'moi-truong',
      level: 'normal',
      startedAt: '2026-12-04T09:30:00.000Z',
    });
    expect(other.policyId).toBe(seededPolicy('accept'));
  });

  it('an invalid policy fails the activity with a message naming it, rather than falling back', async () => {
    const category = `${tempCategory}-bad`;
    const created = await db.slaPolicy.create({
      data: {
        step: 'assign',
        categoryCode: category,
        durationAmount: 1,
        durationUnit: 'hours',
        escalations: [{ level: 1, afterWorkingHours: 0, notify: 'mayor' }],
      },
    });
    createdPolicyIds.push(created.id);
    await expect(
      scheduleStep(deps, { step: 'assign', categoryCode: category, level: null, startedAt: '2026-12-04T09:30:00Z' }),
    ).rejects.toThrow(new RegExp(`SLA policy ${created.id} .*escalations\\[0\\]\\.notify`));
  });

  it('refuses a startedAt that is not an instant', async () => {
    await expect(
      scheduleStep(deps, { step: 'accept', categoryCode: null, level: null, startedAt: 'yesterday' }),
    ).rejects.toThrow(/startedAt must be an ISO instant/);
  });
});

describe('extendSchedule', () => {
  it('moves the due by 2 working days across the weekend and recomputes the reminder and the ladder', async () => {
    // 'verify' (4 h) from Thu 03/12 16:00: 1 h on Thursday, 3 h on Friday → due Fri 10:30.
    const schedule = await scheduleStep(deps, {
      step: 'verify',
      categoryCode: null,
      level: null,
      startedAt: '2026-12-03T09:00:00.000Z',
    });
    expect(schedule.due).toBe('2026-12-04T03:30:00.000Z');

    const extended = await extendSchedule(deps, {
      schedule,
      workingDays: 2,
      step: 'verify',
      categoryCode: null,
      level: null,
    });
    expect(extended).toEqual<StepSchedule>({
      policyId: schedule.policyId,
      due: '2026-12-08T03:30:00.000Z', // Fri 10:30 + 2 working days = Tue 10:30
      // 75% of the 15 granted hours (Fri 4.5, Mon 7.5, Tue 3) = 11 h 15 min after Fri 10:30:
      // 4.5 h on Friday, 4 h on Monday morning, 2 h 45 min after lunch → Mon 16:15.
      remindAt: '2026-12-07T09:15:00.000Z',
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2026-12-08T03:30:00.000Z' }, // Tue 10:30
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-09T04:00:00.000Z' }, // + 8 h → Wed 11:00
      ],
    });
  });

  it('keeps the offsets of the old schedule when its policy was deleted since', async () => {
    const schedule: StepSchedule = {
      policyId: '00000000-0000-4000-8000-000000000000',
      due: '2026-12-04T10:00:00.000Z', // Fri 17:00
      remindAt: '2026-12-04T08:00:00.000Z', // 2 working hours before
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2026-12-07T00:30:00.000Z' }, // Mon 07:30: 0 h after
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-07T02:30:00.000Z' }, // Mon 09:30: 2 h after
      ],
    };
    const extended = await extendSchedule(deps, {
      schedule,
      workingDays: 1,
      step: 'accept',
      categoryCode: null,
      level: null,
    });
    expect(extended).toEqual<StepSchedule>({
      policyId: schedule.policyId,
      due: '2026-12-07T10:00:00.000Z', // Mon 17:00
      remindAt: '2026-12-07T08:00:00.000Z', // Mon 15:00, 2 h before
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2026-12-08T00:30:00.000Z' }, // Tue 07:30
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-08T02:30:00.000Z' }, // Tue 09:30
      ],
    });
  });

  it('counts from now for a step without a due, with the policy that applies now', async () => {
    const now = Date.parse('2026-12-04T09:30:00.000Z'); // Fri 16:30
    const extended = await extendSchedule(
      { ...deps, now: () => now },
      {
        schedule: { policyId: null, due: null, remindAt: null, escalations: [] },
        workingDays: 1,
        step: 'accept',
        categoryCode: null,
        level: null,
      },
    );
    expect(extended).toEqual<StepSchedule>({
      policyId: seededPolicy('accept'),
      due: '2026-12-07T09:30:00.000Z', // Mon 16:30
      // 75% of the 7.5 granted hours = 5 h 37 min 30 s: 0.5 h Friday, 4 h Monday morning → Mon 14:37:30.
      remindAt: '2026-12-07T07:37:30.000Z',
      escalations: [
        { level: 1, notify: 'unit_leader', at: '2026-12-07T09:30:00.000Z' },
        { level: 2, notify: 'ioc_supervisor', at: '2026-12-08T10:00:00.000Z' }, // 0.5 h + 7.5 h → Tue 17:00
      ],
    });
  });
});

describe('workingDeadline', () => {
  it('counts working hours and days', async () => {
    await expect(workingDeadline(deps, { from: '2026-12-04T09:30:00.000Z', amount: 2, unit: 'hours' })).resolves.toBe(
      '2026-12-07T02:00:00.000Z',
    ); // Mon 09:00
    await expect(workingDeadline(deps, { from: '2026-12-04T09:30:00.000Z', amount: 5, unit: 'days' })).resolves.toBe(
      '2026-12-11T09:30:00.000Z',
    ); // Fri 16:30
    // New Year 2027 (Fri 01/01) from Thu 31/12/2026 16:00 + 2 h: 1 h that day, 1 h on Mon 04/01.
    await expect(workingDeadline(deps, { from: '2026-12-31T09:00:00.000Z', amount: 2, unit: 'hours' })).resolves.toBe(
      '2027-01-04T01:30:00.000Z',
    );
  });
});

describe('createCalendarSource', () => {
  const office = [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ];
  const row = (year: number, extra: Partial<WorkingCalendarRow> = {}): WorkingCalendarRow => ({
    year,
    timeZone: 'Asia/Ho_Chi_Minh',
    weeklyHours: { 1: office, 2: office, 3: office, 4: office, 5: office },
    holidays: [{ date: `${year}-01-01`, name: 'Tết Dương lịch', source: 'law', confirmed: true }],
    workingDays: [],
    ...extra,
  });
  /** A stand-in for the client, counting reads: only WorkingCalendar.findMany is used. */
  const fakeDb = (rows: () => WorkingCalendarRow[]) => {
    const calls = { count: 0 };
    const client = {
      workingCalendar: {
        findMany: () => {
          calls.count++;
          return Promise.resolve(rows());
        },
      },
    } as unknown as Db;
    return { client, calls };
  };

  it('merges the seeded years: both years’ holidays, without their sources', async () => {
    const calendar = await createCalendarSource(db, { ttlMs: 0 }).calendar();
    expect(calendar.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(calendar.holidays).toContainEqual({ date: '2026-09-02', name: 'Quốc khánh' });
    expect(calendar.holidays.map((holiday) => holiday.date)).toEqual(
      expect.arrayContaining(['2026-02-16', '2027-02-04', '2027-09-03']),
    );
    expect(calendar.holidays.every((holiday) => Object.keys(holiday).join() === 'date,name')).toBe(true);
    expect(calendar.workingDays).toContainEqual({ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01/2026' });
    expect(calendar.weeklyHours[1]).toEqual(office);
    expect(Object.isFrozen(calendar)).toBe(true);
  });

  it('takes the weekly hours and time zone of the newest year', () => {
    const saturday = { 6: [{ start: '07:30', end: '11:30' }] };
    const { calendar, problems } = mergeWorkingCalendars([
      row(2027, { weeklyHours: { 1: office, ...saturday } }),
      row(2026),
    ]);
    expect(problems).toEqual([]);
    expect(calendar.weeklyHours).toEqual({ 1: office, ...saturday });
    expect(calendar.holidays.map((holiday) => holiday.date)).toEqual(['2026-01-01', '2027-01-01']);
  });

  it('caches for ttlMs, then reads again', async () => {
    let clock = 0;
    const { client, calls } = fakeDb(() => [row(2026)]);
    const source = createCalendarSource(client, { ttlMs: 60_000, now: () => clock });
    const [first, concurrent] = await Promise.all([source.calendar(), source.calendar()]);
    expect(concurrent).toBe(first);
    clock = 59_999;
    expect(await source.calendar()).toBe(first);
    expect(calls.count).toBe(1);
    clock = 60_000;
    expect(await source.calendar()).not.toBe(first);
    expect(calls.count).toBe(2);
  });

  it('fails clearly without any calendar, and names the problems of an invalid one', async () => {
    await expect(createCalendarSource(fakeDb(() => []).client).calendar()).rejects.toThrow(
      /no working calendar configured/i,
    );
    const invalid = fakeDb(() => [
      row(2026),
      row(2027, {
        timeZone: 'Asia/Hanoi City',
        holidays: [
          { date: '2027-01-01', name: 'Tết Dương lịch' },
          { date: '2027-02-30', name: 'Tết' },
        ],
      }),
    ]);
    const failure = createCalendarSource(invalid.client, { ttlMs: 60_000 }).calendar();
    await expect(failure).rejects.toThrow(/Invalid working calendar/);
    await expect(failure).rejects.toThrow(/2027 timeZone: "Asia\/Hanoi City" is not an IANA time zone/);
    await expect(failure).rejects.toThrow(/2027 holidays\[1\]\.date: "2027-02-30" is not a date/);
    // A failure is not cached: the next call reads again.
    const source = createCalendarSource(invalid.client, { ttlMs: 60_000 });
    await expect(source.calendar()).rejects.toThrow();
    await expect(source.calendar()).rejects.toThrow();
    expect(invalid.calls.count).toBe(3);
  });
});
