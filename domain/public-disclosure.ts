/**
 * What the public may learn of a case, one rule for every public surface (the portal's tracking
 * page, the feed, Open311): a report's content (description, place, files) once the IOC has
 * screened it (a `verified` entry), never before; notes only of the entries written for the
 * public. The reporter's identity never.
 */

/** Timeline entries whose note is written for everyone; citizens' own words stay with the reporter. */
export const PUBLIC_NOTE_KINDS: ReadonlySet<string> = new Set([
  'rejected',
  'duplicate',
  'reply_published',
  'reopened',
  'closed',
]);

/** The timeline kind that marks a report as screened by the operations centre. */
export const SCREENED_KIND = 'verified';

export function isScreened(timeline: readonly { kind: string }[]): boolean {
  return timeline.some((e) => e.kind === SCREENED_KIND);
}
