/**
 * Encrypts every Temporal payload (workflow input, activity arguments and results, Updates,
 * queries, memos, failures' details) with AES-256-GCM before it leaves the process, so Temporal's
 * store, its histories and its Web UI hold no reporter's personal data in clear.
 *
 * A payload becomes `{ encoding: binary/encrypted, encryption-key-id: <id> }` around
 * `iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes)` of the whole original payload (its metadata
 * included), authenticated together with the key id. The first key encrypts; every key decrypts,
 * so keys rotate by putting a new one first and keeping the old ones while histories that use
 * them may still be read. Payloads without the encrypted encoding pass through: cases started
 * before encryption keep working.
 *
 * Runs outside the workflow sandbox (in the client and in the worker's main thread), so
 * node:crypto is fine here.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface PayloadKey {
  id: string;
  /** 32 bytes: AES-256. */
  key: Buffer;
}

/** A payload this process cannot decrypt: its key is not configured, or the data is not what that key sealed. */
export class PayloadDecryptionError extends Error {
  constructor(
    message: string,
    readonly keyId: string | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PayloadDecryptionError';
  }
}

const text = (value: string) => new TextEncoder().encode(value);
const fromBytes = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

export class EncryptionCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    const [current] = keys;
    if (!current) throw new Error('EncryptionCodec needs at least one key');
    for (const { id, key } of keys)
      if (key.length !== KEY_BYTES) throw new Error(`payload key ${id} must be ${KEY_BYTES} bytes`);
    this.current = current;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(text(id));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(id) }, data: sealed };
  }

  private decrypt(payload: Payload): Payload {
    const id = fromBytes(payload.metadata?.[KEY_ID_METADATA]);
    if (!id) throw new PayloadDecryptionError('an encrypted Temporal payload carries no key id', null);
    const key = this.keys.get(id);
    if (!key) {
      throw new PayloadDecryptionError(
        `a Temporal payload is encrypted with key "${id}", which TEMPORAL_PAYLOAD_KEYS does not hold ` +
          `(it has ${[...this.keys.keys()].map((k) => `"${k}"`).join(', ')}): add that key after the current one`,
        id,
      );
    }
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadDecryptionError(`an encrypted Temporal payload (key "${id}") is truncated`, id);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(text(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    } catch (error) {
      throw new PayloadDecryptionError(
        `a Temporal payload does not decrypt with key "${id}": the key configured under that id is not the one ` +
          'that encrypted it, or the payload was altered',
        id,
        { cause: error },
      );
    }
  }
}

export function isEncrypted(payload: Payload): boolean {
  return fromBytes(payload.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
}

/** What clients and workers pass as `dataConverter`: the codec over the configured keys, or none. */
export function payloadDataConverter(keys: readonly PayloadKey[] | undefined): DataConverter | undefined {
  return keys ? { payloadCodecs: [new EncryptionCodec(keys)] } : undefined;
}
