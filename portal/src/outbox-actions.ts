/**
 * The reporter's actions (a rating, an answer with its photos, a withdrawal) in the outbox:
 * written to the device with their own Idempotency-Key before anything is sent, sent by the
 * outbox's loop (./outbox.ts) and removed once the API has them. The API turns the key into the
 * workflow Update's id (docs/citizen-api.md), so a resend after a lost answer changes nothing
 * twice. An answer's photos go first, each with `<key>:file:<n>` (the API then answers with the
 * file it already has); their ids are kept on the entry as they arrive, so a retry resumes.
 */
import { apiHeaders, isTransient } from './api';
import { ACTIONS, all, storedFile, write, type StoredFile } from './device-store';

export type ActionKind = 'rate' | 'info' | 'withdraw';

export interface ActionEntry {
  key: string;
  trackingCode: string;
  /** The case's token kept on this device; absent for a report of the signed-in account (the cookie proves it). */
  citizenToken?: string;
  kind: ActionKind;
  /** The JSON body, without the files' ids (those come from `uploaded`). */
  body: Record<string, unknown>;
  files: StoredFile[];
  /** Ids the API gave the files sent so far, in the order of `files`. */
  uploaded: string[];
  createdAt: string;
  state: 'pending' | 'rejected';
  attempts: number;
  lastError?: string;
}

export type NewAction = Pick<ActionEntry, 'trackingCode' | 'citizenToken' | 'kind' | 'body'> & { files?: File[] };

const PATHS: Record<ActionKind, string> = { rate: 'rating', info: 'info', withdraw: 'withdraw' };

export const listActions = () => all<ActionEntry>(ACTIONS);

/** Keeps a new action on the device (its key chosen here, once); the outbox then sends it. */
export async function storeAction(action: NewAction): Promise<ActionEntry> {
  const entry: ActionEntry = {
    key: crypto.randomUUID(),
    trackingCode: action.trackingCode,
    ...(action.citizenToken && { citizenToken: action.citizenToken }),
    kind: action.kind,
    body: action.body,
    files: (action.files ?? []).map(storedFile),
    uploaded: [],
    createdAt: new Date().toISOString(),
    state: 'pending',
    attempts: 0,
  };
  await write([ACTIONS], (tx) => tx.objectStore(ACTIONS).put(entry));
  return entry;
}

export async function discardAction(key: string): Promise<void> {
  await write([ACTIONS], (tx) => tx.objectStore(ACTIONS).delete(key));
}

type Outcome = { kind: 'sent' } | { kind: 'retry'; error: string } | { kind: 'rejected'; error: string };

async function post(
  entry: ActionEntry,
  path: string,
  key: string,
  body: BodyInit,
  headers: Record<string, string> = {},
): Promise<{ ok: true; body: unknown } | { ok: false; outcome: Outcome }> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/reports/${encodeURIComponent(entry.trackingCode)}/${path}`, {
      method: 'POST',
      body,
      headers: apiHeaders({
        ...headers,
        ...(entry.citizenToken && { 'X-Citizen-Token': entry.citizenToken }),
        'Idempotency-Key': key,
      }),
    });
  } catch (error) {
    return { ok: false, outcome: { kind: 'retry', error: String(error) } };
  }
  const answer = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
  if (response.ok) return { ok: true, body: answer };
  const error = answer?.error?.message ?? `HTTP ${response.status}`;
  return { ok: false, outcome: { kind: isTransient(response.status) ? 'retry' : 'rejected', error } };
}

async function send(entry: ActionEntry): Promise<Outcome> {
  const uploaded = [...entry.uploaded];
  for (let index = uploaded.length; index < entry.files.length; index++) {
    const file = entry.files[index]!;
    const form = new FormData();
    form.append('file', file.blob, file.name);
    const result = await post(entry, 'media', `${entry.key}:file:${index}`, form);
    if (!result.ok) return result.outcome;
    uploaded.push((result.body as { id: string }).id);
    // Kept at once: a retry after a lost connection resumes with the next file.
    await write([ACTIONS], (tx) => tx.objectStore(ACTIONS).put({ ...entry, uploaded }));
  }
  const body = { ...entry.body, ...(uploaded.length > 0 && { mediaIds: uploaded }) };
  const result = await post(entry, PATHS[entry.kind], entry.key, JSON.stringify(body), {
    'Content-Type': 'application/json',
  });
  return result.ok ? { kind: 'sent' } : result.outcome;
}

/** Sends the actions that wait, oldest first; false when the connection is gone (the rest would fail too). */
export async function sendActions(): Promise<boolean> {
  const waiting = (await listActions()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const entry of waiting) {
    if (entry.state !== 'pending') continue;
    const outcome = await send(entry);
    if (outcome.kind === 'sent') {
      await discardAction(entry.key);
      continue;
    }
    // Re-read: the files' ids may have been kept meanwhile.
    const latest = (await listActions()).find((a) => a.key === entry.key) ?? entry;
    const next: ActionEntry = {
      ...latest,
      attempts: latest.attempts + 1,
      lastError: outcome.error,
      state: outcome.kind === 'rejected' ? 'rejected' : 'pending',
    };
    await write([ACTIONS], (tx) => tx.objectStore(ACTIONS).put(next));
    if (outcome.kind === 'retry') return false;
  }
  return true;
}
