/**
 * The Temporal event history of a case's workflow, for the back office's History tab: what the
 * workflow did, when, on whose word (an official's Update, the reporter's, or the system's own
 * timers and activities), readable, with the reporter's personal data masked. Also the same history
 * in proto3 JSON for download (masked payloads re-encoded, so Temporal's tools still read it).
 *
 * readHistory is the IOC's (domain/abilities.ts): a case the official may not read is not found,
 * one they may read but whose history they may not is forbidden.
 *
 * Temporal stores the payloads encrypted (platform/payload-codec.ts) and hands them back as stored:
 * they are decrypted here with the API client's codec, and only for a reader who may see the
 * reporter's identity (readPersonalData); for others they stay sealed and read as MASK.
 */
import { subject } from '@casl/ability';
import { isGrpcServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { tsToDate } from '@temporalio/common/lib/time';
import * as proto from '@temporalio/proto';
import { mayReadPersonalData, type AppAbility } from '../../domain/abilities';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { Case } from '../../prisma/generated/client';
import { historyToJSON, type History } from '../../platform/history-json';
import { decodeStoredPayload, isEncrypted } from '../../platform/payload-codec';
import { MASK, personalDataMask } from './mask-personal-data';
import { withTemporal } from './temporal-call';

type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

export interface HistoryReader {
  ability: AppAbility;
  userId: string;
}

export interface HistoryDependencies {
  db: Db;
  temporal: Client;
  config: Partial<Pick<Config, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>>;
}

/** One event, readable. */
export interface HistoryEntry {
  eventId: string;
  time: string;
  /** The event type, e.g. WorkflowExecutionStarted, ActivityTaskScheduled, WorkflowExecutionUpdateAccepted. */
  type: string;
  /** The activity type, the Update's name, the timer's id or the workflow type; null for others. */
  name: string | null;
  /** An official's name (their Update), 'citizen' (the reporter's Updates and the report), or 'system'. */
  who: string;
  /** The official's user id, when an official acted. */
  actorId: string | null;
  /** The task outcome an official chose, an activity's or Update's result (completed, failed: ...), a timer's firing. */
  outcome: string | null;
  /** The payload, shortened, personal data masked. */
  summary: string | null;
}

export interface CaseHistory {
  caseId: string;
  trackingCode: string;
  /** Temporal's Web UI page of the same workflow, when TEMPORAL_UI_URL is configured. */
  temporalUiUrl: string | null;
  /** Every event but the SDK's own bookkeeping (workflow tasks, activity starts); the export has them all. */
  events: HistoryEntry[];
}

/** Events that say how the SDK works, not what the case went through. */
const BOOKKEEPING = new Set([
  'WorkflowTaskScheduled',
  'WorkflowTaskStarted',
  'WorkflowTaskCompleted',
  'ActivityTaskStarted',
]);
/** The reporter's Updates (and the receipt the API asks for on their behalf). */
const REPORTER_UPDATES = new Set(['receipt', 'supplyInfo', 'rate', 'withdraw']);
const SUMMARY_LENGTH = 400;

export async function getCaseHistory(
  deps: HistoryDependencies,
  reader: HistoryReader,
  id: string,
): Promise<CaseHistory> {
  const row = await caseWithHistoryAccess(deps.db, reader.ability, id);
  const history = await readableHistory(deps.temporal, reader.ability, row);
  const mask = maskFor(row);
  const events = history.events ?? [];

  const officials = await officialNames(deps.db, events);
  const scheduled = new Map<string, string>(); // activity scheduled event id → activity type
  const updates = new Map<string, { name: string; actorId: string | null }>(); // update id → who asked
  const entries: HistoryEntry[] = [];
  for (const event of events) {
    const entry = describe(event, { scheduled, updates, officials, mask });
    if (!BOOKKEEPING.has(entry.type)) entries.push(entry);
  }
  return {
    caseId: row.id,
    trackingCode: row.trackingCode,
    temporalUiUrl: temporalUiUrl(deps, row.id),
    events: entries,
  };
}

/** The raw history in proto3 JSON, every payload masked; audited, as it leaves the system. */
export async function exportCaseHistory(
  deps: HistoryDependencies,
  reader: HistoryReader & { ip?: string; requestId?: string },
  id: string,
): Promise<{ trackingCode: string; json: unknown }> {
  const row = await caseWithHistoryAccess(deps.db, reader.ability, id);
  const history = await readableHistory(deps.temporal, reader.ability, row);
  const mask = maskFor(row);
  const masked = mapPayloads(history, (payload) => {
    const value = decode(payload);
    return value === undefined ? payload : defaultPayloadConverter.toPayload(mask(value));
  }) as History;
  await deps.db.auditLog.create({
    data: {
      actorKind: 'official',
      actorId: reader.userId,
      action: 'export_history',
      subjectType: 'Case',
      subjectId: row.id,
      caseId: row.id,
      ip: reader.ip ?? null,
      requestId: reader.requestId ?? null,
    },
  });
  return { trackingCode: row.trackingCode, json: historyToJSON(masked) };
}

async function caseWithHistoryAccess(db: Db, ability: AppAbility, id: string): Promise<Case> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await db.case.findUnique({ where: { id } }) : null;
  if (!row || !ability.can('read', subject('Case', row))) throw new AppError('NOT_FOUND', { what: id });
  if (!ability.can('readHistory', subject('Case', row))) throw new AppError('FORBIDDEN');
  return row;
}

function fetchHistory(temporal: Client, caseId: string): Promise<History> {
  return withTemporal(temporal, async () => {
    try {
      return await temporal.workflow.getHandle(caseId).fetchHistory();
    } catch (error) {
      // The workflow is gone (past the namespace's retention): the case has no history to show.
      if (error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === 5))
        throw new AppError('NOT_FOUND', { what: caseId }, undefined, { cause: error });
      throw error;
    }
  });
}

/** The case's history, its payloads decrypted when the reader may see the reporter's identity. */
async function readableHistory(temporal: Client, ability: AppAbility, row: Case): Promise<History> {
  const history = await fetchHistory(temporal, row.id);
  if (!mayReadPersonalData(ability, row)) return history;
  return decodePayloads(history, temporal.options.loadedDataConverter.payloadCodecs);
}

/**
 * Every payload of the history through the client's codecs. One the API cannot decrypt (its key is
 * not configured here) stays sealed and reads as MASK: a key missing on the API costs a summary,
 * not the whole history.
 */
async function decodePayloads(history: History, codecs: readonly PayloadCodec[]): Promise<History> {
  if (codecs.length === 0) return history;
  const stored: Payload[] = [];
  mapPayloads(history, (payload) => (stored.push(payload), payload));
  const decoded = new Map<Payload, Payload>();
  for (const payload of stored) decoded.set(payload, await decodeStoredPayload(codecs, payload));
  return mapPayloads(history, (payload) => decoded.get(payload) ?? payload) as History;
}

/** `${TEMPORAL_UI_URL}/namespaces/<namespace>/workflows/<case id>`: the workflow's latest run there. */
export function temporalUiUrl({ config, temporal }: Pick<HistoryDependencies, 'config' | 'temporal'>, caseId: string) {
  if (!config.TEMPORAL_UI_URL) return null;
  const base = config.TEMPORAL_UI_URL.replace(/\/+$/, '');
  const namespace = config.TEMPORAL_NAMESPACE ?? temporal.options.namespace;
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(caseId)}`;
}

function maskFor(row: Case) {
  return personalDataMask({
    name: row.reporterName,
    phone: row.reporterPhone,
    email: row.reporterEmail,
    citizenId: row.citizenId,
  });
}

/** The names of the officials whose completeTask Updates the history holds. */
async function officialNames(db: Db, events: HistoryEvent[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const event of events) {
    const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    const actorId = actorOf(decodeAll(request?.input?.args?.payloads)[0]);
    if (actorId) ids.add(actorId);
  }
  if (ids.size === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function actorOf(arg: unknown): string | null {
  const actor = (arg as { actor?: { userId?: unknown } } | undefined)?.actor;
  return typeof actor?.userId === 'string' && /^[0-9a-f-]{36}$/i.test(actor.userId) ? actor.userId : null;
}

function describe(
  event: HistoryEvent,
  context: {
    scheduled: Map<string, string>;
    updates: Map<string, { name: string; actorId: string | null }>;
    officials: Map<string, string>;
    mask: <T>(value: T) => T;
  },
): HistoryEntry {
  const eventId = String(event.eventId ?? '');
  const entry: HistoryEntry = {
    eventId,
    time: event.eventTime ? tsToDate(event.eventTime).toISOString() : '',
    type: eventTypeName(event.eventType),
    name: null,
    who: 'system',
    actorId: null,
    outcome: null,
    summary: null,
  };
  const summarize = (payloads: Payload[] | null | undefined) => summary(context.mask(decodeAll(payloads)));
  const byActor = (actorId: string | null) => (actorId ? (context.officials.get(actorId) ?? actorId) : 'citizen');

  const started = event.workflowExecutionStartedEventAttributes;
  if (started) {
    Object.assign(entry, {
      name: started.workflowType?.name ?? null,
      who: 'citizen',
      summary: summarize(started.input?.payloads),
    });
  }
  const scheduled = event.activityTaskScheduledEventAttributes;
  if (scheduled) {
    const name = scheduled.activityType?.name ?? null;
    if (name) context.scheduled.set(eventId, name);
    Object.assign(entry, { name, summary: summarize(scheduled.input?.payloads) });
  }
  const activityOf = (scheduledEventId: unknown) => context.scheduled.get(String(scheduledEventId ?? '')) ?? null;
  const completed = event.activityTaskCompletedEventAttributes;
  if (completed) {
    Object.assign(entry, {
      name: activityOf(completed.scheduledEventId),
      outcome: 'completed',
      summary: summarize(completed.result?.payloads),
    });
  }
  const failed = event.activityTaskFailedEventAttributes;
  if (failed) {
    Object.assign(entry, {
      name: activityOf(failed.scheduledEventId),
      outcome: `failed: ${context.mask(failed.failure?.message ?? '')}`,
    });
  }
  const timedOut = event.activityTaskTimedOutEventAttributes;
  if (timedOut) Object.assign(entry, { name: activityOf(timedOut.scheduledEventId), outcome: 'timed out' });

  const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
  if (accepted) {
    const name = accepted.input?.name ?? null;
    const args = decodeAll(accepted.input?.args?.payloads);
    const actorId = actorOf(args[0]);
    const updateId = accepted.meta?.updateId;
    if (updateId && name) context.updates.set(updateId, { name, actorId });
    const outcome = (args[0] as { outcome?: unknown } | undefined)?.outcome;
    Object.assign(entry, {
      name,
      who: name && REPORTER_UPDATES.has(name) ? 'citizen' : byActor(actorId),
      actorId,
      outcome: typeof outcome === 'string' ? outcome : null,
      summary: summary(context.mask(args)),
    });
  }
  const updateDone = event.workflowExecutionUpdateCompletedEventAttributes;
  if (updateDone) {
    const asked = context.updates.get(updateDone.meta?.updateId ?? '');
    Object.assign(entry, {
      name: asked?.name ?? null,
      who: !asked || REPORTER_UPDATES.has(asked.name) ? 'citizen' : byActor(asked.actorId),
      actorId: asked?.actorId ?? null,
      outcome: updateDone.outcome?.failure
        ? `failed: ${context.mask(updateDone.outcome.failure.message ?? '')}`
        : 'completed',
      summary: summarize(updateDone.outcome?.success?.payloads),
    });
  }

  const timer = event.timerStartedEventAttributes;
  if (timer) {
    const ms =
      Number(timer.startToFireTimeout?.seconds ?? 0) * 1000 + Math.round((timer.startToFireTimeout?.nanos ?? 0) / 1e6);
    Object.assign(entry, { name: `timer ${timer.timerId ?? ''}`.trim(), summary: `fires after ${formatDuration(ms)}` });
  }
  const fired = event.timerFiredEventAttributes;
  if (fired) Object.assign(entry, { name: `timer ${fired.timerId ?? ''}`.trim(), outcome: 'fired' });
  const cancelled = event.timerCanceledEventAttributes;
  if (cancelled) Object.assign(entry, { name: `timer ${cancelled.timerId ?? ''}`.trim(), outcome: 'cancelled' });

  const upsert = event.upsertWorkflowSearchAttributesEventAttributes;
  if (upsert) {
    const fields = upsert.searchAttributes?.indexedFields ?? {};
    const values = Object.fromEntries(Object.entries(fields).map(([key, payload]) => [key, decode(payload)]));
    Object.assign(entry, { name: 'search attributes', summary: summary(context.mask(values)) });
  }
  const marker = event.markerRecordedEventAttributes;
  if (marker) Object.assign(entry, { name: marker.markerName ?? null });
  // A local activity (workflows/case-record.ts) is one marker: the SDK's own data names it.
  const local = marker?.markerName === 'core_local_activity' ? decode(marker.details?.data?.payloads?.[0]) : undefined;
  if (marker && local && typeof local === 'object' && 'activity_type' in local) {
    Object.assign(entry, {
      name: String(local.activity_type),
      outcome: marker.failure ? `failed: ${context.mask(marker.failure.message ?? '')}` : 'completed',
      summary: summarize(marker.details?.result?.payloads),
    });
  }

  const done = event.workflowExecutionCompletedEventAttributes;
  if (done) Object.assign(entry, { outcome: 'completed', summary: summarize(done.result?.payloads) });
  const workflowFailed = event.workflowExecutionFailedEventAttributes;
  if (workflowFailed)
    Object.assign(entry, { outcome: `failed: ${context.mask(workflowFailed.failure?.message ?? '')}` });
  const taskFailed = event.workflowTaskFailedEventAttributes;
  if (taskFailed) Object.assign(entry, { outcome: `failed: ${context.mask(taskFailed.failure?.message ?? '')}` });
  return entry;
}

/** EVENT_TYPE_ACTIVITY_TASK_SCHEDULED → ActivityTaskScheduled. */
function eventTypeName(type: HistoryEvent['eventType']): string {
  const name = typeof type === 'number' ? proto.temporal.api.enums.v1.EventType[type] : String(type ?? '');
  return (name ?? 'Unspecified')
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

function decode(payload: Payload | null | undefined): unknown {
  if (!payload) return undefined;
  if (isEncrypted(payload)) return MASK; // sealed for this reader
  try {
    return defaultPayloadConverter.fromPayload(payload);
  } catch {
    return undefined; // binary or foreign encodings: shown as they are, never guessed at
  }
}

function decodeAll(payloads: Payload[] | null | undefined): unknown[] {
  return (payloads ?? []).map(decode);
}

/** A short text of decoded values: a case state as its status and step, anything else as JSON. */
function summary(values: unknown): string | null {
  const list = Array.isArray(values) ? values : [values];
  const useful = list.filter((v) => v !== undefined && v !== null);
  if (useful.length === 0) return null;
  const text = useful
    .map((v) => {
      const state = v as { status?: unknown; step?: unknown; version?: unknown } | null;
      if (state && typeof state === 'object' && 'status' in state && 'step' in state && 'version' in state)
        return `status ${String(state.status)}, step ${String(state.step)}`;
      return typeof v === 'string' ? v : JSON.stringify(v);
    })
    .join(' · ');
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(' ') || '0s';
}

/** A copy of the history with every Payload (an object with metadata and data bytes) replaced. */
function mapPayloads(value: unknown, replace: (payload: Payload) => Payload): unknown {
  if (Array.isArray(value)) return value.map((item) => mapPayloads(item, replace));
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && record.metadata && typeof record.metadata === 'object')
    return replace(record as Payload);
  // Long values (protobufjs) and other leaf objects are kept as they are.
  if (typeof (record as { toNumber?: unknown }).toNumber === 'function') return value;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, mapPayloads(v, replace)]));
}
