/**
 * Issue 14: Temporal holds no reporter's personal data in clear. Every client and worker encrypts
 * payloads with TEMPORAL_PAYLOAD_KEYS (platform/payload-codec.ts); the history as the server
 * returns it (what its Web UI and `temporal workflow show` display) is grepped for the reporter;
 * keys rotate; the back office's history view opens payloads only for readers allowed the identity.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createPrismaAbility, type AppAbility } from '../domain/abilities';
import { getCaseHistory } from '../api/services/get-case-history';
import { MASK } from '../api/services/mask-personal-data';
import { historyToJSON, type History } from '../platform/history-json';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadDecryptionError } from '../platform/payload-codec';
import { stateQuery } from '../workflows/messages';
import { CaseDriver, officials } from './support/case-driver';
import { metadataOf, payloadsOf, testDataConverter } from './support/payload-keys';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import type { WorkflowBundle } from '@temporalio/worker';
import { parsePayloadKeys } from '../platform/config';

const REPORTER = { name: 'Lê Thị Thu Trang', phone: '0934 567 812', email: 'thu.trang@example.vn' };
const DESCRIPTION = 'Cống thoát nước trước nhà số 17 ngõ 4 bị vỡ, nước thải tràn ra đường';
const ANSWER = 'Nhà tôi ở số 17, gọi 0934567812 khi đến';
const IN_CLEAR = [REPORTER.name, REPORTER.phone, REPORTER.email, '0934567812', DESCRIPTION, ANSWER, 'cống thoát'];

const config = testConfig();
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let bundle: WorkflowBundle;
let worker: Awaited<ReturnType<typeof startWorker>>;
let operator: string;
/** A client with no codec: it reads payloads as the server stores them. */
let raw: { client: Client; connection: Connection };

beforeAll(async () => {
  bundle = await bundleWorkflows();
  worker = await startWorker(config, bundle);
  operator = (await officials(db, ['operator'])).operator!;
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  raw = { connection, client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }) };
});
afterAll(async () => {
  await worker?.stop();
  await raw?.connection.close();
  await api.close();
});

/** A case with the reporter's identity, asked for and given more information. */
async function caseWithPersonalData(client: Client, taskQueue: string): Promise<CaseDriver> {
  const c = await CaseDriver.start(client, taskQueue, {
    description: DESCRIPTION,
    reporter: REPORTER,
    confidential: true,
  });
  await c.complete('verify', 'request_info', { question: 'Xin cho biết số nhà chính xác?' }, operator);
  await c.settled((s) => s.status === 'info_requested');
  await c.supplyInfo(ANSWER);
  await c.quiet();
  return c;
}

describe('payloads in Temporal', () => {
  let c: CaseDriver;
  let history: History;
  beforeAll(async () => {
    c = await caseWithPersonalData(temporal, config.TEMPORAL_TASK_QUEUE);
    history = await raw.client.workflow.getHandle(c.caseId).fetchHistory();
  });

  it("leave no reporter's name, phone, email, description or answer in clear in the server's history", () => {
    // proto3 JSON with every payload's bytes read as text: what Temporal's UI and CLI could show.
    const json = JSON.stringify(historyToJSON(history));
    const bytes = payloadsOf(history)
      .map((p) => Buffer.from(p.data!).toString('utf8'))
      .join('\n');
    for (const secret of IN_CLEAR) {
      expect(json).not.toContain(secret);
      expect(bytes).not.toContain(secret);
    }
  });

  it("are all sealed under the current key id, but for search attributes and the SDK's patch markers", () => {
    const payloads = payloadsOf(history);
    expect(payloads.length).toBeGreaterThan(20);
    const sealed = payloads.filter((p) => metadataOf(p, 'encoding') === ENCRYPTED_ENCODING);
    const clear = payloads.filter((p) => metadataOf(p, 'encoding') !== ENCRYPTED_ENCODING);
    expect(new Set(sealed.map((p) => metadataOf(p, KEY_ID_METADATA)))).toEqual(
      new Set([config.TEMPORAL_PAYLOAD_KEYS![0]!.id]),
    );
    // Temporal indexes search attributes (status, step, category: no personal data), and the SDK
    // writes patched()'s markers itself: neither goes through a codec.
    const uncoded = new Set(
      (history.events ?? []).flatMap((e) => [
        ...payloadsOf(e.upsertWorkflowSearchAttributesEventAttributes),
        ...payloadsOf(e.markerRecordedEventAttributes),
      ]),
    );
    expect(clear.length).toBeGreaterThan(0);
    for (const payload of clear) expect(uncoded).toContain(payload);
  });

  it('cannot be read by a client with another key: a clear error names the key id it lacks', async () => {
    const stranger = new Client({
      connection: raw.connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: testDataConverter(parsePayloadKeys(`other:${randomBytes(32).toString('base64')}`)),
    });
    const error = await stranger.workflow
      .getHandle(c.caseId)
      .query(stateQuery)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadDecryptionError);
    expect(String((error as Error).message)).toContain(`key "${config.TEMPORAL_PAYLOAD_KEYS![0]!.id}"`);
    expect(String((error as Error).message)).toContain('TEMPORAL_PAYLOAD_KEYS');
  });
});

describe("the back office's history view", () => {
  let c: CaseDriver;
  beforeAll(async () => {
    c = await caseWithPersonalData(temporal, config.TEMPORAL_TASK_QUEUE);
  });
  const summaries = async (actions: ('read' | 'readHistory' | 'readPersonalData')[]) => {
    const ability = createPrismaAbility([{ action: actions, subject: 'Case' }]) as AppAbility;
    const { events } = await getCaseHistory({ db, temporal, config: {} }, { ability, userId: operator }, c.caseId);
    return events.map((e) => e.summary).filter((s): s is string => s !== null);
  };

  it('opens the payloads for a reader allowed the identity, the identity itself still masked', async () => {
    const text = (await summaries(['read', 'readHistory', 'readPersonalData'])).join('\n');
    expect(text).toContain('Cống thoát nước trước nhà số 17');
    expect(text).toContain(MASK);
    for (const secret of [REPORTER.name, REPORTER.phone, REPORTER.email, '0934567812'])
      expect(text).not.toContain(secret);
  });

  it('leaves them sealed for a reader who may see the history but not the identity', async () => {
    const shown = await summaries(['read', 'readHistory']);
    expect(shown.length).toBeGreaterThan(0);
    const text = shown.join('\n');
    for (const secret of IN_CLEAR) expect(text).not.toContain(secret);
    expect(text).not.toContain('status '); // not even the case's state: nothing was opened
    expect(shown.filter((s) => s === MASK).length).toBeGreaterThan(5);
  });
});

describe('rotating the key', () => {
  it('workers and clients given the new key first and the old one after open what the old sealed, and seal with the new', async () => {
    const c = await caseWithPersonalData(temporal, config.TEMPORAL_TASK_QUEUE);
    const [old] = config.TEMPORAL_PAYLOAD_KEYS!;
    // The deploy with the new key list: a fresh worker on the same task queue replays the case's
    // history, sealed with the old key, and the API's client is replaced likewise.
    const rotated = testConfig({
      TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
      TEMPORAL_PAYLOAD_KEYS: `next:${randomBytes(32).toString('base64')},${old!.id}:${old!.key.toString('base64')}`,
    });
    await worker.stop();
    worker = await startWorker(rotated, bundle);
    const rotatedApi = apiDependencies(rotated);
    try {
      const after = CaseDriver.attach(rotatedApi.deps.temporal, c.caseId, c.trackingCode);
      const before = (await raw.client.workflow.getHandle(c.caseId).fetchHistory()).events!.length;
      await after.complete('verify', 'accept', {}, operator);
      await after.quiet();
      const events = (await raw.client.workflow.getHandle(c.caseId).fetchHistory()).events ?? [];
      const keysIn = (from: number, to: number) =>
        new Set(
          payloadsOf({ events: events.slice(from, to) })
            .filter((p) => metadataOf(p, 'encoding') === ENCRYPTED_ENCODING)
            .map((p) => metadataOf(p, KEY_ID_METADATA)),
        );
      expect(keysIn(0, before)).toEqual(new Set([old!.id]));
      expect(keysIn(before, events.length)).toEqual(new Set(['next']));
      expect((await after.state()).status).toBe('awaiting_acceptance');
    } finally {
      await rotatedApi.close();
    }
  });
});
