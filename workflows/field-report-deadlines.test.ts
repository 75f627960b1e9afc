/**
 * The case workflow's deadlines in the fast unit tier, on the time-skipping test server: a step's
 * reminder, overdue and escalation in working time (across a weekend and a holiday), the unit's
 * deadline moved by an extension and kept across a send-back, the information request's and the
 * rating's windows running out. The clock only moves forward and is the file's own: the tests
 * run in order, each positioning its cases from where the clock is.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { refusalOf, TEXT, type CaseDriver } from '../tests/support/case-driver';
import {
  caseWorkflowUnit,
  events,
  PEOPLE as people,
  toProcessing,
  toRating,
} from '../tests/support/case-workflow-unit';
import { eventually } from '../tests/support/eventually';
import { DEFAULT_POLICIES, FAKE_SETTINGS, policy, ROUTED_UNIT } from '../tests/support/fake-activities';
import { skipTo } from '../tests/support/time-skipping';
import type { WorkingCalendar } from '../domain/working-calendar';
import { VIETNAM_OFFICE_CALENDAR } from '../domain/working-calendar.fixture';
import type { CaseState } from './messages';

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
/** How long after a timer's instant its consequence may be recorded (the clock runs on meanwhile). */
const FIRE_SLACK = 60_000;

// Verify: 4 working hours, reminded at 3, overdue to the unit leader at the due, escalated to the
// IOC 8 working hours later (the seed's verify policy).
const POLICIES = [
  policy('verify', { amount: 4, unit: 'hours' }, [
    { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
    { level: 2, afterWorkingHours: 8, notify: 'ioc_supervisor' },
  ]),
  ...DEFAULT_POLICIES.filter((p) => p.step !== 'verify'),
];

/** A day off in the office calendar (not a weekend day, not already a holiday). */
const isWorkingDay = (day: DateTime) =>
  day.weekday <= 5 && !VIETNAM_OFFICE_CALENDAR.holidays.some((h) => h.date === day.toISODate());

/**
 * A Monday made a holiday, two weeks or more ahead of the test server's clock, whose Friday before
 * and Tuesday and Wednesday after are working days: a report on that Friday afternoon waits over
 * the weekend and the holiday. Made from the clock so the test does not age with the calendar.
 */
let holiday: DateTime;
let testCalendar: WorkingCalendar;
function calendarWithHoliday(now: number): WorkingCalendar {
  holiday = DateTime.fromMillis(now, { zone: ZONE }).plus({ weeks: 2 }).set({ weekday: 1 }).startOf('day');
  while (![holiday.minus({ days: 3 }), holiday.plus({ days: 1 }), holiday.plus({ days: 2 })].every(isWorkingDay))
    holiday = holiday.plus({ weeks: 1 });
  testCalendar = {
    ...VIETNAM_OFFICE_CALENDAR,
    holidays: [...VIETNAM_OFFICE_CALENDAR.holidays, { date: holiday.toISODate()!, name: 'Ngày nghỉ (kiểm thử)' }],
  };
  return testCalendar;
}

/**
 * The Monday of a week whose fortnight has no holiday in the test calendar, on or after `from`:
 * deadlines counted from its 08:00 are plain office arithmetic and fall inside office periods.
 */
function quietMonday(from: number): DateTime {
  let monday = DateTime.fromMillis(from, { zone: ZONE }).plus({ weeks: 1 }).set({ weekday: 1 }).startOf('day');
  const quiet = (start: DateTime) =>
    Array.from({ length: 14 }, (_, i) => start.plus({ days: i }).toISODate()).every(
      (date) => !testCalendar.holidays.some((h) => h.date === date),
    );
  while (!quiet(monday)) monday = monday.plus({ weeks: 1 });
  return monday;
}

const unit = caseWorkflowUnit(async (env) => ({
  policies: POLICIES,
  calendar: calendarWithHoliday(await env.currentTimeMs()),
  clock: () => env.currentTimeMs(),
}));
const { startCase, kinds } = unit;

/**
 * Moves the clock to `instant` (epoch ms) once the case has come to rest: a timer the workflow
 * is still about to start (its workflow task in flight) would otherwise be started after the
 * jump, counted from the new time, and fire that much late.
 */
async function sleepUntil(c: CaseDriver, instant: number): Promise<void> {
  await c.quiet(() => true);
  await unit.env.sleep(Math.max(1, instant - (await unit.env.currentTimeMs())));
}

/** When the workflow asked for the case's first notification of `event` (workflow time). */
function notifiedAt(caseId: string, event: string): number {
  const call = unit.world.callsOf('notifyOfficials', caseId).find((n) => n.input[0].event === event);
  if (!call) throw new Error(`no ${event} notification for ${caseId}`);
  return call.at;
}

const within = (actual: number, expected: number) => {
  expect(actual - expected).toBeGreaterThanOrEqual(0);
  expect(actual - expected).toBeLessThan(FIRE_SLACK);
};

describe('deadlines and windows of the case workflow', () => {
  it('escalates verification in working time: over a weekend and a holiday, reminder, overdue, then the IOC', async () => {
    const friday = holiday.minus({ days: 3 }).set({ hour: 16 });
    const tuesday = holiday.plus({ days: 1 });
    // 4 working hours from Fri 16:00: 1 h on Friday, none at the weekend or on the holiday, 3 h on
    // Tuesday from 07:30 → Tue 10:30; the reminder at 3 h → Tue 09:30; the IOC 8 working hours
    // after the due: 4.5 h on Tuesday, 3.5 h on Wednesday from 07:30 → Wed 11:00. (Each plus the
    // fraction of a second the workflow took to start after the clock was put at 16:00; no instant
    // falls on the end of an office period, where that fraction would carry it to the next one.)
    const due = tuesday.set({ hour: 10, minute: 30 }).toMillis();
    const remindAt = tuesday.set({ hour: 9, minute: 30 }).toMillis();
    const toIoc = tuesday.plus({ days: 1 }).set({ hour: 11 }).toMillis();

    await skipTo(unit.env, friday.toJSDate());
    const c = await startCase();
    const open = await c.settled((s) => s.openTask?.step === 'verify');
    within(Date.parse(open.deadline!), due);

    // The holiday's noon: nothing has fired.
    await sleepUntil(c, holiday.set({ hour: 12 }).toMillis());
    expect(await c.state()).toMatchObject({ overdue: false, escalationLevel: 0 });
    expect(kinds(c)).toEqual(['verification_started']);
    expect(events(unit.world.officialNotifications(c.caseId))).toEqual(['new_task']);

    // Tuesday 10:30 and a bit: reminded at 09:30 (the IOC's operators: no one holds the task),
    // overdue to the unit leader at 10:30.
    await sleepUntil(c, due + 2_000);
    const overdue = await c.settled((s) => s.overdue);
    expect(overdue).toMatchObject({ escalationLevel: 1, status: 'verifying' });
    await eventually(async () =>
      expect(events(unit.world.officialNotifications(c.caseId))).toEqual(['new_task', 'deadline_reminder', 'overdue']),
    );
    within(notifiedAt(c.caseId, 'deadline_reminder'), remindAt);
    expect(unit.world.officialNotifications(c.caseId)[1]).toMatchObject({
      audience: { unitId: null, roles: ['operator'] },
      params: { step: 'verify', due: open.deadline },
    });
    const projected = unit.world.transitions(c.caseId).find((t) => t.kind === 'overdue')!;
    within(Date.parse(projected.at), due);
    expect(projected).toMatchObject({ note: 'verify: level 1', case: { overdue: true, escalationLevel: 1 } });
    expect(unit.world.officialNotifications(c.caseId).at(-1)).toMatchObject({
      audience: { unitId: null, roles: ['leader'] },
    });

    // Wednesday 11:00: the IOC's supervisors.
    await sleepUntil(c, toIoc + 2_000);
    const escalated = await c.settled((s) => s.escalationLevel === 2);
    expect(escalated).toMatchObject({ overdue: true, status: 'verifying' });
    await eventually(async () => expect(kinds(c)).toEqual(['verification_started', 'overdue', 'escalated']));
    within(notifiedAt(c.caseId, 'escalated'), toIoc);
    expect(unit.world.transitions(c.caseId).at(-1)).toMatchObject({
      note: 'verify: level 2',
      case: { overdue: true, escalationLevel: 2 },
    });
    expect(unit.world.officialNotifications(c.caseId).at(-1)).toMatchObject({
      event: 'escalated',
      audience: { unitId: null, roles: ['supervisor'] },
    });
    // Each occurrence has its own key: a retried notification is sent once.
    const keys = unit.world.officialNotifications(c.caseId).map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);

    // Completing the task stops its watch: the case is on time again at the next step, days later.
    await c.complete('verify', 'accept', {}, people.operator);
    await sleepUntil(c, (await unit.env.currentTimeMs()) + 3 * DAY);
    expect(kinds(c).filter((k) => k === 'overdue' || k === 'escalated')).toHaveLength(2);
    expect(await c.state()).toMatchObject({ overdue: false, escalationLevel: 0, step: 'accept' });
  });

  it("watches the unit's deadline: reminder to the officer, overdue, moved by an extension, kept across a send-back", async () => {
    // Mon 08:00 of a week without holidays: the unit's 5 working days end next Mon 08:00, inside a period.
    await skipTo(
      unit.env,
      quietMonday(await unit.env.currentTimeMs())
        .set({ hour: 8 })
        .toJSDate(),
    );
    const c = await startCase();
    const processing = await toProcessing(c);
    const firstDue = Date.parse(processing.resolutionDeadline!);

    await sleepUntil(c, firstDue + 2_000);
    await c.settled((s) => s.overdue);
    await eventually(async () =>
      expect(events(unit.world.officialNotifications(c.caseId)).slice(-2)).toEqual(['deadline_reminder', 'overdue']),
    );
    const [reminder, overdue] = unit.world.officialNotifications(c.caseId).slice(-2);
    // The officer holding the task is reminded; the unit's leader hears it is overdue.
    expect(reminder).toMatchObject({ audience: { userIds: [people.officer] }, params: { step: 'process' } });
    expect(overdue).toMatchObject({ audience: { unitId: ROUTED_UNIT.id, roles: ['leader'] } });
    expect(notifiedAt(c.caseId, 'deadline_reminder')).toBeLessThan(firstDue);

    // Three more working days: the deadline moves, and its overdue is undone (not reached under it).
    await c.complete('process', 'request_extension', { workingDays: 3, reason: TEXT.reason }, people.officer);
    const granted = await c.complete('extension', 'grant', { workingDays: 3 }, people.leader);
    // (extendSchedule carries no case id: the last call is this case's.)
    const extended = unit.world.calls.filter((call) => call.name === 'extendSchedule').at(-1);
    expect(extended!.input[0]).toMatchObject({
      workingDays: 3,
      step: 'process',
      schedule: { due: processing.resolutionDeadline },
    });
    const secondDue = Date.parse(granted.resolutionDeadline!);
    expect(secondDue).toBeGreaterThan(firstDue + 3 * DAY - 1); // three working days: at least three days
    expect(granted).toMatchObject({ step: 'process', overdue: false, escalationLevel: 0 });
    expect(unit.world.transitions(c.caseId).find((t) => t.kind === 'extension_granted')).toMatchObject({
      note: '3',
      case: { resolutionDeadline: granted.resolutionDeadline, overdue: false },
    });

    // Past the new deadline: reminded and overdue again, under the new one.
    await sleepUntil(c, secondDue + 2_000);
    await c.settled((s) => s.overdue);
    await eventually(async () =>
      expect(events(unit.world.officialNotifications(c.caseId)).filter((e) => e === 'overdue')).toHaveLength(2),
    );

    // The reply is sent back: the unit's deadline is watched again, still overdue, nothing repeated.
    await c.complete('process', 'reply', { reply: TEXT.reply, attachmentIds: [randomUUID()] }, people.officer);
    const approving = await c.state();
    expect(approving).toMatchObject({ step: 'approve', overdue: false }); // approval has its own deadline
    const sentBack: CaseState = await c.complete('approve', 'send_back', { comment: TEXT.comment }, people.leader);
    expect(sentBack).toMatchObject({ step: 'process', overdue: true, escalationLevel: 1 });
    await sleepUntil(c, (await unit.env.currentTimeMs()) + DAY);
    expect(events(unit.world.officialNotifications(c.caseId)).filter((e) => e === 'overdue')).toHaveLength(2);
    expect(kinds(c).filter((k) => k === 'overdue')).toHaveLength(2);
  });

  it('goes back to verification when the reporter does not answer in time', async () => {
    const c = await startCase();
    const asked = await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator);
    await sleepUntil(c, Date.parse(asked.infoRequest!.due) + 1_000);
    const again = await c.settled((s) => s.openTask?.step === 'verify');
    expect(again).toMatchObject({ status: 'verifying', infoRequest: null });
    expect(kinds(c)).toEqual([
      'verification_started',
      'info_requested',
      'info_request_expired',
      'verification_started',
    ]);
    within(Date.parse(unit.world.transitions(c.caseId)[2]!.at), Date.parse(asked.infoRequest!.due));
    expect(await refusalOf(c.supplyInfo('Quá hạn rồi mới trả lời'))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
  });

  it('reminds the reporter halfway through the rating window, and closes the case unrated at its end', async () => {
    const c = await startCase();
    await toProcessing(c);
    const published = await toRating(c);
    const ratingDue = Date.parse(published.ratingDue!);
    const halfway = ratingDue - (FAKE_SETTINGS.ratingWindowDays / 2) * DAY;

    await sleepUntil(c, halfway + 2_000);
    await eventually(async () =>
      expect(unit.world.reporterNotifications(c.caseId).at(-1)).toMatchObject({
        event: 'rating_reminder',
        params: { deadline: published.ratingDue },
      }),
    );
    const reminder = unit.world.callsOf('notifyReporter', c.caseId).at(-1)!;
    within(reminder.at, halfway);
    expect(await c.state()).toMatchObject({ status: 'responded', step: 'rate' });

    await sleepUntil(c, ratingDue + 2_000);
    expect(await c.handle.result()).toMatchObject({ status: 'closed', ratingDue: null });
    expect(unit.world.transitions(c.caseId).at(-1)).toMatchObject({
      kind: 'closed_unrated',
      actorId: null,
      case: { status: 'closed' },
    });
    within(Date.parse(unit.world.transitions(c.caseId).at(-1)!.at), ratingDue);
    expect(unit.world.ratings(c.caseId)).toEqual([]);
    expect(events(unit.world.reporterNotifications(c.caseId)).slice(-2)).toEqual(['rating_reminder', 'case_closed']);
  });
});
