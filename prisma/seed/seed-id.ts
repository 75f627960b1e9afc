/**
 * Deterministic ids for seeded rows: the same stable name gives the same UUID on every machine
 * and every run, so a re-run finds the rows it inserted before (createMany skips them) instead of
 * adding copies, and two databases seeded apart agree on the ids of the same rule or policy.
 */
import { createHash } from 'node:crypto';

/** Namespaces the names, so a seeded id never collides with one from another source. */
const NAMESPACE = 'field-report-platform:seed:';

/**
 * A UUID (version 8, "custom", RFC 9562) made of the SHA-256 of `kind` and `key`,
 * e.g. seedId('routing-rule', 'commune:18073').
 */
export function seedId(kind: string, key: string): string {
  const bytes = createHash('sha256').update(`${NAMESPACE}${kind}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
