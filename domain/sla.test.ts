import { DateTime } from 'luxon';
import {
  computeStepDeadlines,
  findSlaPolicyConflicts,
  resolveSlaPolicy,
  validateSlaPolicy,
  type SlaPolicy,
} from './sla';
import { OFFICE_TIME_ZONE, VIETNAM_OFFICE_CALENDAR } from './working-calendar.fixture';

const cal = VIETNAM_OFFICE_CALENDAR;

function at(text: string): Date {
  return DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: OFFICE_TIME_ZONE }).toJSDate();
}

function local(date: Date): string {
  const instant = DateTime.fromJSDate(date, { zone: OFFICE_TIME_ZONE }).setLocale('en');
  return instant.toFormat(instant.second || instant.millisecond ? 'ccc yyyy-MM-dd HH:mm:ss' : 'ccc yyyy-MM-dd HH:mm');
}

function policy(overrides: Partial<SlaPolicy> & Pick<SlaPolicy, 'id'>): SlaPolicy {
  return {
    step: 'accept',
    categoryCode: null,
    level: null,
    duration: { amount: 8, unit: 'hours' },
    reminderAt: 0.75,
    escalations: [
      { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
      { level: 2, afterWorkingHours: 8, notify: 'ioc_supervisor' },
    ],
    active: true,
    ...overrides,
  };
}

describe('resolveSlaPolicy', () => {
  const anyAny = policy({ id: 'any-any' });
  const anyUrgent = policy({ id: 'any-urgent', level: 'urgent', duration: { amount: 4, unit: 'hours' } });
  const trafficAny = policy({ id: 'traffic-any', categoryCode: 'traffic', duration: { amount: 16, unit: 'hours' } });
  const trafficUrgent = policy({
    id: 'traffic-urgent',
    categoryCode: 'traffic',
    level: 'urgent',
    duration: { amount: 2, unit: 'hours' },
  });
  const retired = policy({ id: '0-retired', categoryCode: 'traffic', level: 'urgent', active: false });
  const processing = policy({ id: 'process', step: 'process', duration: { amount: 3, unit: 'days' } });
  const all = [anyAny, anyUrgent, trafficAny, trafficUrgent, retired, processing];

  it('prefers step + category + level', () => {
    expect(resolveSlaPolicy(all, { step: 'accept', categoryCode: 'traffic', level: 'urgent' })).toBe(trafficUrgent);
  });

  it('falls back to step + category, any level', () => {
    expect(resolveSlaPolicy(all, { step: 'accept', categoryCode: 'traffic', level: 'normal' })).toBe(trafficAny);
  });

  it('then to step + level, any category', () => {
    expect(resolveSlaPolicy(all, { step: 'accept', categoryCode: 'environment', level: 'urgent' })).toBe(anyUrgent);
  });

  it('then to the step’s catch-all', () => {
    expect(resolveSlaPolicy(all, { step: 'accept', categoryCode: 'environment', level: 'complex' })).toBe(anyAny);
  });

  it('then to nothing', () => {
    expect(resolveSlaPolicy(all, { step: 'verify', categoryCode: 'traffic', level: 'urgent' })).toBeUndefined();
    expect(
      resolveSlaPolicy([trafficUrgent], { step: 'accept', categoryCode: 'traffic', level: 'normal' }),
    ).toBeUndefined();
  });

  it('matches an unknown category or level only by "any"', () => {
    expect(resolveSlaPolicy(all, { step: 'accept', categoryCode: null, level: 'urgent' })).toBe(anyUrgent);
    expect(resolveSlaPolicy(all, { step: 'accept', categoryCode: null, level: null })).toBe(anyAny);
  });

  it('ignores inactive policies, however specific', () => {
    const onlyRetired = [retired, anyAny];
    expect(resolveSlaPolicy(onlyRetired, { step: 'accept', categoryCode: 'traffic', level: 'urgent' })).toBe(anyAny);
    expect(resolveSlaPolicy([retired], { step: 'accept', categoryCode: 'traffic', level: 'urgent' })).toBeUndefined();
  });

  it('breaks a tie between duplicates by the lowest id, numbers as numbers, whatever the order', () => {
    const nine = policy({ id: '9', categoryCode: 'traffic' });
    const ten = policy({ id: '10', categoryCode: 'traffic' });
    const subject = { step: 'accept', categoryCode: 'traffic', level: 'normal' } as const;
    expect(resolveSlaPolicy([ten, nine], subject)).toBe(nine);
    expect(resolveSlaPolicy([nine, ten], subject)).toBe(nine);
    const b = policy({ id: 'clx-b', categoryCode: 'traffic' });
    const a = policy({ id: 'clx-a', categoryCode: 'traffic' });
    expect(resolveSlaPolicy([b, a], subject)).toBe(a);
  });
});

describe('findSlaPolicyConflicts', () => {
  it('reports active duplicates, winner first, and ignores inactive ones', () => {
    const policies = [
      policy({ id: '10', categoryCode: 'traffic' }),
      policy({ id: '9', categoryCode: 'traffic' }),
      policy({ id: '8', categoryCode: 'traffic', active: false }),
      policy({ id: '7', categoryCode: 'traffic', level: 'urgent' }),
      policy({ id: '6', step: 'process', categoryCode: 'traffic' }),
    ];
    expect(findSlaPolicyConflicts(policies)).toEqual([
      { step: 'accept', categoryCode: 'traffic', level: null, ids: ['9', '10'] },
    ]);
  });
});

describe('validateSlaPolicy', () => {
  it('accepts a sensible policy', () => {
    expect(validateSlaPolicy(policy({ id: 'ok' }))).toEqual([]);
  });

  it('names each problem', () => {
    const broken = policy({
      id: 'broken',
      step: 'receive' as SlaPolicy['step'],
      duration: { amount: 1.5, unit: 'days' },
      reminderAt: 1,
      escalations: [
        { level: 1, afterWorkingHours: 8, notify: 'unit_leader' },
        { level: 2, afterWorkingHours: 4, notify: 'ioc_supervisor' },
        { level: 2, afterWorkingHours: -1, notify: 'ioc_supervisor' },
      ],
    });
    expect(validateSlaPolicy(broken).map((problem) => problem.path)).toEqual([
      'step',
      'duration.amount',
      'reminderAt',
      'escalations[2].level',
      'escalations[2].afterWorkingHours',
      'escalations',
      'escalations',
    ]);
    expect(validateSlaPolicy(policy({ id: 'zero', duration: { amount: 0, unit: 'hours' } }))).toEqual([
      { path: 'duration.amount', message: 'working hours must be a number above 0' },
    ]);
  });
});

describe('computeStepDeadlines', () => {
  const eightHours = policy({ id: 'accept-8h' });

  it('gives a Friday 16:30 report with 8 working hours a Monday-afternoon deadline, escalating after the weekend', () => {
    const deadlines = computeStepDeadlines(eightHours, cal, at('2026-03-06 16:30'));
    expect(local(deadlines.due)).toBe('Mon 2026-03-09 17:00'); // 0.5 h on Friday + 7.5 h on Monday
    expect(local(deadlines.remindAt)).toBe('Mon 2026-03-09 15:00'); // after 6 of the 8 hours
    expect(
      deadlines.escalations.map((escalation) => [escalation.level, escalation.notify, local(escalation.at)]),
    ).toEqual([
      [1, 'unit_leader', 'Tue 2026-03-10 07:30'],
      [2, 'ioc_supervisor', 'Wed 2026-03-11 08:00'],
    ]);
  });

  it('escalates a deadline at Friday’s close on Monday morning, not during the weekend', () => {
    const deadlines = computeStepDeadlines(
      policy({
        id: 'x',
        duration: { amount: 6, unit: 'hours' },
        escalations: [
          { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
          { level: 2, afterWorkingHours: 4, notify: 'ioc_supervisor' },
        ],
      }),
      cal,
      at('2026-03-06 09:00'),
    );
    expect(local(deadlines.due)).toBe('Fri 2026-03-06 17:00');
    expect(deadlines.escalations.map((escalation) => local(escalation.at))).toEqual([
      'Mon 2026-03-09 07:30',
      'Mon 2026-03-09 11:30',
    ]);
  });

  it('counts a report received on a public holiday from the next working day', () => {
    // 30/04/2026 (Thu) and 01/05 (Fri) are holidays: counting starts Monday 04/05 07:30.
    const deadlines = computeStepDeadlines(eightHours, cal, at('2026-04-30 09:00'));
    expect(local(deadlines.due)).toBe('Tue 2026-05-05 08:00');
    expect(local(deadlines.remindAt)).toBe('Mon 2026-05-04 15:30'); // after 6 of the 8 hours
  });

  it('counts working days for a days policy, reminding at a fraction of their working time', () => {
    const threeDays = policy({ id: 'process-3d', step: 'process', duration: { amount: 3, unit: 'days' } });
    // Received on National Day (Wed 02/09/2026): Thu 03, Fri 04, Mon 07 are the three days.
    const deadlines = computeStepDeadlines(threeDays, cal, at('2026-09-02 10:00'));
    expect(local(deadlines.due)).toBe('Mon 2026-09-07 17:00');
    expect(local(deadlines.remindAt)).toBe('Mon 2026-09-07 09:22:30'); // 0.75 × 22.5 h = 16 h 52.5 min
  });

  it('lists escalations in level order whatever the stored order', () => {
    const shuffled = policy({
      id: 'shuffled',
      escalations: [
        { level: 2, afterWorkingHours: 8, notify: 'ioc_supervisor' },
        { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
      ],
    });
    expect(
      computeStepDeadlines(shuffled, cal, at('2026-03-02 08:00')).escalations.map((escalation) => escalation.level),
    ).toEqual([1, 2]);
  });

  it('refuses an invalid policy instead of computing nonsense', () => {
    expect(() => computeStepDeadlines(policy({ id: 'bad', reminderAt: 1.5 }), cal, at('2026-03-02 08:00'))).toThrow(
      /Invalid SLA policy bad: reminderAt/,
    );
  });
});
