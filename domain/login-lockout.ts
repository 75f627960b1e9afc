/**
 * Lockout with back-off after repeated failed logins: the first few mistakes cost nothing, then
 * each further failure locks the account for twice as long as the last, up to a ceiling. A
 * guesser gets a handful of tries an hour; an official who mistyped waits a few minutes at most.
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
