import { AWKWARD_CALENDAR, VIETNAM_OFFICE_CALENDAR } from './working-calendar.fixture';
import { validateWorkingCalendar, type CalendarProblemCode, type WorkingCalendar } from './working-calendar';

const MORNING = { start: '07:30', end: '11:30' };
const AFTERNOON = { start: '13:30', end: '17:00' };
const valid: WorkingCalendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: { 1: [MORNING, AFTERNOON] },
  holidays: [],
  workingDays: [],
};

/** The [path, code] pairs of a calendar's problems, for compact expectations. */
function problemsOf(calendar: WorkingCalendar): [string, CalendarProblemCode][] {
  return validateWorkingCalendar(calendar).map((problem) => [problem.path, problem.code]);
}

describe('validateWorkingCalendar', () => {
  it('accepts the fixtures, touching periods and a 24:00 end', () => {
    expect(validateWorkingCalendar(VIETNAM_OFFICE_CALENDAR)).toEqual([]);
    expect(validateWorkingCalendar(AWKWARD_CALENDAR)).toEqual([]);
  });

  it('rejects an unknown time zone', () => {
    expect(problemsOf({ ...valid, timeZone: 'Asia/Hanoi_City' })).toEqual([['timeZone', 'invalid_time_zone']]);
    expect(problemsOf({ ...valid, timeZone: '' })).toEqual([['timeZone', 'invalid_time_zone']]);
  });

  it('rejects malformed times, empty periods and weekdays outside 1–7', () => {
    const calendar = {
      ...valid,
      weeklyHours: {
        1: [{ start: '7:30', end: '11:30' }],
        2: [{ start: '24:00', end: '24:00' }],
        3: [{ start: '13:30', end: '11:30' }],
        4: [{ start: '08:00', end: '25:00' }],
        8: [MORNING],
      },
    } as unknown as WorkingCalendar;
    expect(problemsOf(calendar)).toEqual([
      ['weeklyHours.1[0].start', 'invalid_time'],
      ['weeklyHours.2[0].start', 'invalid_time'],
      ['weeklyHours.3[0]', 'empty_period'],
      ['weeklyHours.4[0].end', 'invalid_time'],
      ['weeklyHours.8', 'invalid_weekday'],
    ]);
  });

  it('rejects overlapping periods, whatever their order', () => {
    const calendar: WorkingCalendar = { ...valid, weeklyHours: { 1: [AFTERNOON, { start: '07:30', end: '14:00' }] } };
    expect(problemsOf(calendar)).toEqual([['weeklyHours.1[0]', 'overlapping_periods']]);
  });

  it('rejects impossible and duplicate dates and nameless holidays', () => {
    const calendar: WorkingCalendar = {
      ...valid,
      holidays: [
        { date: '2026-02-30', name: 'Không có' },
        { date: '2026-9-2', name: 'Quốc khánh' },
        { date: '2026-09-02', name: 'Quốc khánh' },
        { date: '2026-09-02', name: 'Quốc khánh' },
        { date: '2026-09-01', name: ' ' },
      ],
    };
    expect(problemsOf(calendar)).toEqual([
      ['holidays[0].date', 'invalid_date'],
      ['holidays[1].date', 'invalid_date'],
      ['holidays[3].date', 'duplicate_date'],
      ['holidays[4].name', 'missing_name'],
    ]);
  });

  it('rejects a day that is both a holiday and a working day', () => {
    const calendar: WorkingCalendar = {
      ...valid,
      holidays: [{ date: '2026-03-07', name: 'Nghỉ' }],
      workingDays: [{ date: '2026-03-07', name: 'Làm bù' }],
    };
    expect(problemsOf(calendar)).toEqual([['workingDays[0].date', 'holiday_and_working_day']]);
  });

  it('requires periods for a working day when Monday has none to lend', () => {
    const calendar: WorkingCalendar = {
      ...valid,
      weeklyHours: { 2: [MORNING] },
      workingDays: [
        { date: '2026-03-07' },
        { date: '2026-03-14', periods: [{ start: '08:00', end: '07:00' }] },
        { date: '2026-03-21', periods: [] },
      ],
    };
    expect(problemsOf(calendar)).toEqual([
      ['workingDays[0].periods', 'no_default_periods'],
      ['workingDays[1].periods[0]', 'empty_period'],
      ['workingDays[2].periods', 'empty_period'],
    ]);
  });

  it('rejects a calendar with no working time at all', () => {
    expect(problemsOf({ ...valid, weeklyHours: { 6: [], 7: [] } })).toEqual([['weeklyHours', 'no_working_time']]);
  });

  it('explains each problem in words', () => {
    const [problem] = validateWorkingCalendar({
      ...valid,
      weeklyHours: { 1: [MORNING, { start: '11:00', end: '12:00' }] },
    });
    expect(problem?.message).toMatch(/overlaps period 0/);
  });
});
