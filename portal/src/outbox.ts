/**
 * Reports are never lost and never doubled. A report is written to IndexedDB (the outbox)
 * with its own Idempotency-Key before anything is sent; then it is sent (multipart, files as
 * Blobs). Offline, on a network error, a 5xx or a 429, it stays and is sent again, with the
 * same key, when the connection returns (`online`), when the app starts and every half minute
 * while something waits; the API answers the same case for the same key. On 201 it moves, in
 * one transaction, to "my reports" with its tracking code and citizen token. A report the API
 * refuses (4xx) stays too, marked, until the citizen deletes it. One sender at a time per
 * browser (Web Locks where available), so tabs do not race.
 */
import { apiHeaders } from './api';

export interface OutboxFile {
  name: string;
  type: string;
  blob: Blob;
}
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

const DB_NAME = 'ihatinh-portal';
const OUTBOX = 'outbox';
const REPORTS = 'reports';

let opening: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(REPORTS)) db.createObjectStore(REPORTS, { keyPath: 'trackingCode' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

async function all<T>(store: string): Promise<T[]> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error);
  });
}

async function write(stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(stores, 'readwrite');
  work(tx);
  await done(tx);
  notify();
}

// Changes, for the screens that show the outbox and "my reports".
const listeners = new Set<() => void>();
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function notify(): void {
  for (const listener of listeners) listener();
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
    files: files.map((f) => ({ name: f.name, type: f.type, blob: f })),
    state: 'pending',
    attempts: 0,
  };
  await write([OUTBOX], (tx) => tx.objectStore(OUTBOX).put(entry));
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
  // Throttled, or the server is struggling: later. Anything else the server will refuse again.
  if (response.status === 429 || response.status === 408 || response.status >= 500) return { kind: 'retry', error };
  return { kind: 'rejected', error };
}

async function flushOnce(): Promise<void> {
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
      if (outcome.kind === 'retry') return; // offline: the rest would fail the same way
    }
  }
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
    void listOutbox().then(async (entries) => {
      if (entries.some((e) => e.state === 'pending')) await flush();
    });
  }, RETRY_MS);
}
