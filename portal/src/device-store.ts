/**
 * What the portal keeps on the device, in IndexedDB: reports waiting to be sent (outbox), the
 * reports sent with their tracking code and citizen token (reports), and the reporter's actions
 * waiting to be sent (actions: ratings, answers, withdrawals). Screens listen for changes.
 */
const DB_NAME = 'ihatinh-portal';
export const OUTBOX = 'outbox';
export const REPORTS = 'reports';
export const ACTIONS = 'actions';

/** A photo or video kept with what waits to be sent (IndexedDB stores Blobs as they are). */
export interface StoredFile {
  name: string;
  type: string;
  blob: Blob;
}

export const storedFile = (file: File): StoredFile => ({ name: file.name, type: file.type, blob: file });

let opening: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    // Version 2 added the actions store; upgrading keeps what version 1 held.
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(REPORTS)) db.createObjectStore(REPORTS, { keyPath: 'trackingCode' });
      if (!db.objectStoreNames.contains(ACTIONS)) db.createObjectStore(ACTIONS, { keyPath: 'key' });
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

export async function all<T>(store: string): Promise<T[]> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error);
  });
}

export async function write(stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(stores, 'readwrite');
  work(tx);
  await done(tx);
  notify();
}

// Changes, for the screens that show the outbox, "my reports" and a case's waiting actions.
const listeners = new Set<() => void>();
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function notify(): void {
  for (const listener of listeners) listener();
}
