import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { ConfigError, loadConfig, parsePayloadKeys } from './config';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  KEY_ID_METADATA,
  PayloadDecryptionError,
  type PayloadKey,
} from './payload-codec';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const REPORT = { reporter: { name: 'Nguyễn Thị Hoa', phone: '0912 345 678' }, description: 'Rác thải ven đường' };
const plain = () => defaultPayloadConverter.toPayload(REPORT);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const sealedWith = async (codec: EncryptionCodec) => (await codec.encode([plain()]))[0]!;
const opened = async (codec: EncryptionCodec, payload: Payload) =>
  defaultPayloadConverter.fromPayload((await codec.decode([payload]))[0]!);

describe('the Temporal payload codec (AES-256-GCM)', () => {
  it('seals a payload whole, metadata included, under the current key id, and opens it again', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const sealed = await sealedWith(codec);
    expect(text(sealed.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(Object.keys(sealed.metadata ?? {}).sort()).toEqual([METADATA_ENCODING_KEY, KEY_ID_METADATA].sort());
    for (const secret of ['Nguyễn Thị Hoa', '0912 345 678', 'Rác thải', 'json/plain'])
      expect(text(sealed.data)).not.toContain(secret);
    expect(await opened(codec, sealed)).toEqual(REPORT);
  });

  it('uses a fresh IV each time: the same value never seals to the same bytes', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const [a, b] = await codec.encode([plain(), plain()]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('passes payloads without the encrypted encoding through (cases started before encryption)', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const before = plain();
    expect(await codec.decode([before])).toEqual([before]);
  });

  it('rotates: the first key seals, an older key id still opens what it sealed', async () => {
    const old = key('2026-01');
    const current = key('2026-07');
    const sealedBefore = await sealedWith(new EncryptionCodec([old]));
    const rotated = new EncryptionCodec([current, old]);
    expect(await opened(rotated, sealedBefore)).toEqual(REPORT);
    const sealedAfter = await sealedWith(rotated);
    expect(text(sealedAfter.metadata?.[KEY_ID_METADATA])).toBe('2026-07');
    expect(await opened(new EncryptionCodec([current]), sealedAfter)).toEqual(REPORT);
  });

  it('names the missing key id when a payload was sealed with a key it does not hold', async () => {
    const sealed = await sealedWith(new EncryptionCodec([key('retired')]));
    const codec = new EncryptionCodec([key('k2')]);
    await expect(codec.decode([sealed])).rejects.toThrow(PayloadDecryptionError);
    await expect(codec.decode([sealed])).rejects.toThrow(/key "retired", which TEMPORAL_PAYLOAD_KEYS does not hold/);
  });

  it('refuses a payload under the right id but a different key, or altered, or relabelled', async () => {
    const sealed = await sealedWith(new EncryptionCodec([key('k1')]));
    await expect(new EncryptionCodec([key('k1')]).decode([sealed])).rejects.toThrow(/does not decrypt with key "k1"/);

    const owner = new EncryptionCodec([key('k1')]);
    const mine = await sealedWith(owner);
    const altered = Buffer.from(mine.data!);
    altered[20] = altered[20]! ^ 1;
    await expect(owner.decode([{ ...mine, data: altered }])).rejects.toThrow(/does not decrypt/);

    // The key id is authenticated: the same bytes presented under another id of the same key fail.
    const shared = randomBytes(32);
    const byA = await sealedWith(new EncryptionCodec([{ id: 'a', key: shared }]));
    const relabelled = { ...byA, metadata: { ...byA.metadata, [KEY_ID_METADATA]: Buffer.from('b') } };
    await expect(new EncryptionCodec([{ id: 'b', key: shared }]).decode([relabelled])).rejects.toThrow(
      /does not decrypt with key "b"/,
    );
  });
});

describe('TEMPORAL_PAYLOAD_KEYS', () => {
  const base = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };
  const k = () => randomBytes(32).toString('base64');

  it('reads id:base64key entries, the first being the current key', () => {
    const [first, second] = [k(), k()];
    const keys = parsePayloadKeys(`2026-07:${first}, 2026-01:${second}`);
    expect(keys.map((entry) => entry.id)).toEqual(['2026-07', '2026-01']);
    expect(keys[0]!.key.equals(Buffer.from(first, 'base64'))).toBe(true);
  });

  it.each([
    ['no id', k(), /must be id:base64key/],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`, /key k1 must be 32 bytes in base64 \(it is 16\)/],
    ['a repeated id', `k1:${k()},k1:${k()}`, /key id k1 appears twice/],
    ['nothing', ' , ', /holds no key/],
  ])('names what is wrong with %s', (_, value, message) => {
    expect(() => parsePayloadKeys(value)).toThrow(ConfigError);
    expect(() => parsePayloadKeys(value)).toThrow(message);
    expect(() => loadConfig({ ...base, TEMPORAL_PAYLOAD_KEYS: value })).toThrow(/TEMPORAL_PAYLOAD_KEYS/);
  });

  it('is required in production, optional elsewhere', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/TEMPORAL_PAYLOAD_KEYS is required/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', TEMPORAL_PAYLOAD_KEYS: `k1:${k()}` }).TEMPORAL_PAYLOAD_KEYS)
      .toHaveLength(1);
    expect(loadConfig(base).TEMPORAL_PAYLOAD_KEYS).toBeUndefined();
  });
});
