/**
 * Lockout with back-off after repeated failed logins, per account AND client address: the first
 * few mistakes cost nothing, then each further failure locks that address out of the account for
 * twice as long as the last, up to a ceiling. A guesser gets a handful of tries an hour from each
 * address; an official who mistyped waits a few minutes at most. The lock is the address's only,
 * so nobody can lock a real official out by failing on purpose from elsewhere.
 *
 * Across all addresses, the account's consecutive failures slow every further attempt down (a
 * growing delay before the password is checked, capped): guessing from many addresses gets slow,
 * and the real official still gets in, a few seconds later.
 */
export const LOCKOUT_POLICY = {
  /** Failures in a row that are forgiven; the next one locks. */
  freeAttempts: 4,
  firstLockMinutes: 5,
  maxLockMinutes: 60,
} as const;

/**
 * When the account unlocks after `failedLogins` consecutive failures (counted including the
 * one that just happened), or null when it stays open. 5 failures → 5 min, 6 → 10, 7 → 20, …
 */
export function lockedUntilAfter(failedLogins: number, now: Date, policy = LOCKOUT_POLICY): Date | null {
  const beyond = failedLogins - policy.freeAttempts;
  if (beyond <= 0) return null;
  const minutes = Math.min(policy.firstLockMinutes * 2 ** (beyond - 1), policy.maxLockMinutes);
  return new Date(now.getTime() + minutes * 60_000);
}

/** Whole minutes left of a lock, at least 1 while it lasts (what the message tells the user). */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

export const SLOWDOWN_POLICY = {
  /** The account's failures in a row, from any address, that cost no time. */
  freeFailures: 4,
  firstDelayMs: 1_000,
  maxDelayMs: 10_000,
} as const;

/** How long an attempt on an account waits after `failedLogins` consecutive failures from anywhere: 5 → 1 s, 6 → 2 s, … ≤ 10 s. */
export function slowDownMs(failedLogins: number, policy = SLOWDOWN_POLICY): number {
  const beyond = failedLogins - policy.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(policy.firstDelayMs * 2 ** (beyond - 1), policy.maxDelayMs);
}
