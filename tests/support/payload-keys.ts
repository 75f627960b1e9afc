/**
 * Temporal payload keys in tests. `npm test` passes a throw-away TEMPORAL_PAYLOAD_KEYS to every
 * suite; the recorded encrypted histories (tests/histories/encrypted/) were sealed with the fixed
 * RECORDED_PAYLOAD_KEYS below, committed for the tests only: it protects nothing real.
 */
import type { DataConverter, Payload } from '@temporalio/common';
import { parsePayloadKeys } from '../../platform/config';
import { payloadDataConverter, type PayloadKey } from '../../platform/payload-codec';

export const RECORDED_PAYLOAD_KEYS = 'recorded-test-1:QTbWbSeOGAE+nFRMV+X6qBiLPuPL+A/fL1c237HsFCY=';

/** The keys `npm test` generated for this run. */
export function testPayloadKeys(): PayloadKey[] {
  const value = process.env.TEMPORAL_PAYLOAD_KEYS;
  if (!value) throw new Error('TEMPORAL_PAYLOAD_KEYS is not set: run these tests through `npm test`.');
  return parsePayloadKeys(value);
}

/** What clients and workers of a test pass as `dataConverter`, over `keys` (default: this run's). */
export function testDataConverter(keys: PayloadKey[] = testPayloadKeys()): DataConverter {
  return payloadDataConverter(keys)!;
}

/** Every payload (an object with metadata and data bytes) inside a history or part of one, as stored. */
export function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return found;
  const payload = value as Payload;
  if (payload.data instanceof Uint8Array && payload.metadata) found.push(payload);
  else for (const item of Object.values(value)) payloadsOf(item, found);
  return found;
}

/** A payload's metadata entry as text. */
export const metadataOf = (payload: Payload, key: string) =>
  Buffer.from(payload.metadata?.[key] ?? []).toString('utf8');
