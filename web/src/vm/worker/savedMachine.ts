// The student's own machine, kept in IndexedDB (from the worker, so saving never blocks the
// page): one record, the v86 state gzip'd by the browser's CompressionStream, tagged with the
// image and machine configuration it can be restored into.
const DB_NAME = "container-lab";
const STORE = "machine";
const KEY = "current";

export interface SavedMachine {
  image_id: string;
  machine: string;
  savedAt: number;
  /** gzip'd v86 state. */
  state: Blob;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB did not open"));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error("IndexedDB transaction failed"));
      tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    });
  } finally {
    db.close();
  }
}

export function readSavedMachine(): Promise<SavedMachine | undefined> {
  return run<SavedMachine | undefined>("readonly", (store) => store.get(KEY));
}

export async function writeSavedMachine(saved: SavedMachine): Promise<void> {
  await run<IDBValidKey>("readwrite", (store) => store.put(saved, KEY));
}

export async function clearSavedMachine(): Promise<void> {
  await run<undefined>("readwrite", (store) => store.delete(KEY));
}

export async function gzip(data: ArrayBuffer): Promise<Blob> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).blob();
}

/** A gzip'd state that unpacks to more than it may: stopped there, never held in full. */
export class StateTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the machine unpacks to more than ${Math.round(limit / 2 ** 20)} MiB`);
  }
}

/** Unpacks a gzip'd state; with `limit`, stops and throws StateTooLargeError past that many bytes. */
export async function gunzip(blob: Blob, limit = Infinity): Promise<ArrayBuffer> {
  const reader = blob.stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new StateTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
}
