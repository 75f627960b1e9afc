/**
 * The platform's statuses in Open311 terms.
 *
 * GeoReport v2 knows `open` and `closed` (docs/api-contract.md: closed, rejected, duplicate and
 * withdrawn are `closed`, the rest `open`). mySociety's extended statuses, used by
 * GET /servicerequestupdates and the `extended_status` of `extensions=true`:
 *
 * | platform status              | Open311 | extended status   |
 * |------------------------------|---------|-------------------|
 * | received                     | open    | open              |
 * | verifying, info_requested    | open    | investigating     |
 * | routing, awaiting_acceptance | open    | internal_referral |
 * | processing, awaiting_approval| open    | in_progress       |
 * | responded                    | open    | fixed             |
 * | closed                       | closed  | closed            |
 * | rejected                     | closed  | closed            |
 * | duplicate                    | closed  | duplicate         |
 * | withdrawn                    | closed  | closed            |
 *
 * `rejected` is `closed`, not `not_councils_responsibility`: operators reject for many reasons
 * (spam, no place given, not a public matter), and a report outside a unit's competence is not
 * rejected but returned and routed to another unit. `responded` is `fixed` because the unit's
 * result is published then; the case stays open for the reporter's rating.
 */
import type { CaseStatus } from '../../domain/case-steps';

export type Open311Status = 'open' | 'closed';

export type ExtendedStatus =
  'open' | 'investigating' | 'internal_referral' | 'in_progress' | 'fixed' | 'closed' | 'duplicate';

export const EXTENDED_STATUS: Record<CaseStatus, ExtendedStatus> = {
  received: 'open',
  verifying: 'investigating',
  info_requested: 'investigating',
  routing: 'internal_referral',
  awaiting_acceptance: 'internal_referral',
  processing: 'in_progress',
  awaiting_approval: 'in_progress',
  responded: 'fixed',
  closed: 'closed',
  rejected: 'closed',
  duplicate: 'duplicate',
  withdrawn: 'closed',
};

export const CLOSED_STATUSES: readonly CaseStatus[] = ['closed', 'rejected', 'duplicate', 'withdrawn'];

export function open311Status(status: CaseStatus): Open311Status {
  return CLOSED_STATUSES.includes(status) ? 'closed' : 'open';
}
