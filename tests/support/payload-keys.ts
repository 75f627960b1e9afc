/**
 * Temporal payload keys in tests. `npm test` passes a throw-away TEMPORAL_PAYLOAD_KEYS to every
 * suite; the recorded encrypted histories (tests/histories/encrypted/) were sealed with the fixed
 * RECORDED_PAYLOAD_KEYS below, committed for the tests only: it protects nothing real.
 */
import type { DataConverter } from '@temporalio/common';
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
