import { LOCKOUT_POLICY, lockedUntilAfter, minutesLeft, slowDownMs } from './login-lockout';

const now = new Date('2026-11-30T02:00:00Z');
const minutesAfter = (failures: number) => {
  const until = lockedUntilAfter(failures, now);
  return until && (until.getTime() - now.getTime()) / 60_000;
};

describe('login lockout', () => {
  it('forgives the first four failures in a row', () => {
    for (let failures = 0; failures <= LOCKOUT_POLICY.freeAttempts; failures += 1)
      expect(lockedUntilAfter(failures, now)).toBeNull();
  });

  it('locks at the fifth failure and doubles the lock with each further one, up to an hour', () => {
    expect([5, 6, 7, 8, 9, 10, 50].map(minutesAfter)).toEqual([5, 10, 20, 40, 60, 60, 60]);
  });

  it('tells the user at least one minute while a lock lasts', () => {
    expect(minutesLeft(new Date(now.getTime() + 1_000), now)).toBe(1);
    expect(minutesLeft(new Date(now.getTime() + 4 * 60_000 + 1), now)).toBe(5);
  });
});

describe('the account-wide slow-down', () => {
  it('costs nothing for the first four failures, then doubles from one second up to ten', () => {
    expect([0, 1, 4, 5, 6, 7, 8, 9, 100].map((failures) => slowDownMs(failures))).toEqual([
      0, 0, 0, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});
