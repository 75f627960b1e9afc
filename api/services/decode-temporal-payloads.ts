/**
 * Temporal's remote codec protocol (POST /api/temporal-codec/decode), so that Temporal's Web UI
 * can show an allowed official the payloads the platform encrypted (platform/payload-codec.ts).
 *
 * A payload carries no case id, so only a reader allowed every case's history and its reporter's
 * identity qualifies: readHistory and readPersonalData on Case without conditions (domain/abilities.ts:
 * the IOC's supervisors and admins). Everyone else is refused. Each decode is audited, as it shows
 * personal data. A payload the API cannot decrypt (a key it lacks) is returned as it came.
 */
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { AppAbility } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { decodeStoredPayload, isEncrypted } from '../../platform/payload-codec';
import { recordAudit } from './record-audit';

export interface CodecReader {
  ability: AppAbility;
  userId: string;
  /** The X-Namespace header Temporal's UI sends. */
  namespace?: string;
  ip?: string;
  requestId?: string;
}

export async function decodeTemporalPayloads(
  deps: { db: Db; codecs: readonly PayloadCodec[] },
  reader: CodecReader,
  payloads: Payload[],
): Promise<Payload[]> {
  if (!mayDecodeAnyCase(reader.ability)) throw new AppError('FORBIDDEN');
  const decoded: Payload[] = [];
  for (const payload of payloads) decoded.push(await decodeStoredPayload(deps.codecs, payload));
  const opened = payloads.filter(isEncrypted).length;
  if (opened > 0) {
    await recordAudit(deps.db, {
      actorKind: 'official',
      actorId: reader.userId,
      action: 'decode_temporal_payloads',
      subjectType: 'TemporalPayload',
      ip: reader.ip ?? null,
      requestId: reader.requestId ?? null,
      details: { namespace: reader.namespace ?? null, payloads: opened },
    });
  }
  return decoded;
}

/** A rule that holds for every case: no conditions, no field limits, not an exception. */
function mayDecodeAnyCase(ability: AppAbility): boolean {
  const everyCase = (action: 'readHistory' | 'readPersonalData') =>
    ability.rulesFor(action, 'Case').some((rule) => !rule.inverted && !rule.conditions && !rule.fields) &&
    !ability.rulesFor(action, 'Case').some((rule) => rule.inverted);
  return everyCase('readHistory') && everyCase('readPersonalData');
}
