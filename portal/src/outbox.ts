/**
 * Reports are never lost and never doubled. A report is written to IndexedDB (the outbox)
 * with its own Idempotency-Key before anything is sent; then it is sent (multipart, files as
 * Blobs). Offline, on a network error, a 5xx or a 429, it stays and is sent again, with the
 * same key, when the connection returns (`online`), when the app starts and every half minute
 * while something waits; the API answers the same case for the same key. On 201 it moves, in
 * one transaction, to "my reports" with its tracking code and citizen token. A report the API
 * refuses (4xx) stays too, marked, until the citizen deletes it. One sender at a time per
 * browser (Web Locks where available), so tabs do not race. The reporter's actions on a case
 * (rating, answer, withdrawal) wait in the same outbox and go out in the same loop, after the
 * reports (./outbox-actions.ts).
 */
import { apiHeaders, isTransient } from './api';
import { all, OUTBOX, REPORTS, storedFile, subscribe, write, type StoredFile } from './device-store';
import { listActions, sendActions, storeAction, type NewAction } from './outbox-actions';

export { subscribe };

export type OutboxFile = StoredFile;
export interface OutboxEntry {
  key: string;
  createdAt: string;
  report: { description: string; [field: string]: unknown };
  files: OutboxFile[];
  state: 'pending' | 'rejected';
  attempts: number;
  lastError?: string;
}
export interface SavedReport {
  trackingCode: string;
  citizenToken: string;
  id: string;
  key: string;
  createdAt: string;
  sentAt: string;
  description: string;
}

export const listOutbox = () => all<OutboxEntry>(OUTBOX);
export async function listReports(): Promise<SavedReport[]> {
  return (await all<SavedReport>(REPORTS)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
export async function findReport(trackingCode: string): Promise<SavedReport | undefined> {
  const code = trackingCode.toUpperCase();
  return (await all<SavedReport>(REPORTS)).find((r) => r.trackingCode === code);
}
export async function reportForKey(key: string): Promise<SavedReport | undefined> {
  return (await all<SavedReport>(REPORTS)).find((r) => r.key === key);
}

/** Stores a new report (the key is chosen here, once) and starts sending; returns the key. */
export async function enqueue(report: OutboxEntry['report'], files: File[]): Promise<string> {
  const entry: OutboxEntry = {
    key: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    report,
    files: files.map(storedFile),
    state: 'pending',
    attempts: 0,
  };
  await write([OUTBOX], (tx) => tx.objectStore(OUTBOX).put(entry));
  void flush();
  return entry.key;
}

/** Keeps a rating, an answer or a withdrawal on the device and starts sending it (./outbox-actions.ts). */
export async function enqueueAction(action: NewAction): Promise<string> {
  const entry = await storeAction(action);
  void flush();
  return entry.key;
}

export async function discard(key: string): Promise<void> {
  await write([OUTBOX], (tx) => tx.objectStore(OUTBOX).delete(key));
}

type Outcome =
  { kind: 'sent'; saved: SavedReport } | { kind: 'retry'; error: string } | { kind: 'rejected'; error: string };

async function send(entry: OutboxEntry): Promise<Outcome> {
  const form = new FormData();
  form.append('report', JSON.stringify(entry.report));
  for (const file of entry.files) form.append('media', file.blob, file.name);
  let response: Response;
  try {
    response = await fetch('/api/v1/reports', {
      method: 'POST',
      body: form,
      headers: apiHeaders({ 'Idempotency-Key': entry.key }),
    });
  } catch (error) {
    return { kind: 'retry', error: String(error) };
  }
  const body = (await response.json().catch(() => null)) as {
    id?: string;
    trackingCode?: string;
    citizenToken?: string;
    error?: { code: string; message: string };
  } | null;
  if (response.status === 201 && body?.trackingCode && body.citizenToken && body.id) {
    return {
      kind: 'sent',
      saved: {
        trackingCode: body.trackingCode,
        citizenToken: body.citizenToken,
        id: body.id,
        key: entry.key,
        createdAt: entry.createdAt,
        sentAt: new Date().toISOString(),
        description: entry.report.description.slice(0, 200),
      },
    };
  }
  const error = body?.error?.message ?? `HTTP ${response.status}`;
  return { kind: isTransient(response.status) ? 'retry' : 'rejected', error };
}

/** Reports first (an action needs its report's tracking code), then the reporter's actions. */
async function flushOnce(): Promise<void> {
  if (await sendReports()) await sendActions();
}

/** False when the connection is gone. */
async function sendReports(): Promise<boolean> {
  for (const entry of await listOutbox()) {
    if (entry.state !== 'pending') continue;
    const outcome = await send(entry);
    if (outcome.kind === 'sent') {
      await write([OUTBOX, REPORTS], (tx) => {
        tx.objectStore(REPORTS).put(outcome.saved);
        tx.objectStore(OUTBOX).delete(entry.key);
      });
    } else {
      const next: OutboxEntry = {
        ...entry,
        attempts: entry.attempts + 1,
        lastError: outcome.error,
        state: outcome.kind === 'rejected' ? 'rejected' : 'pending',
      };
      await write([OUTBOX], (tx) => tx.objectStore(OUTBOX).put(next));
      if (outcome.kind === 'retry') return false; // offline: the rest would fail the same way
    }
  }
  return true;
}

let running = false;
let again = false;

async function flushLocked(): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) await locks.request('portal-outbox', () => flushOnce());
  else await flushOnce();
}

/** Sends whatever waits. One run at a time; a call during a run makes it go round once more. */
export async function flush(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      try {
        await flushLocked();
      } catch {
        // IndexedDB unavailable or a transaction failed: the entries stay, the next run retries.
      }
    } while (again);
  } finally {
    running = false;
  }
}

const RETRY_MS = 30_000;

/** Sends at start, when the connection returns, and periodically while something waits. */
export function startOutbox(): void {
  window.addEventListener('online', () => void flush());
  void flush();
  setInterval(() => {
    if (!navigator.onLine) return;
    void Promise.all([listOutbox(), listActions()]).then(async ([reports, actions]) => {
      if ([...reports, ...actions].some((e) => e.state === 'pending')) await flush();
    });
  }, RETRY_MS);
}
