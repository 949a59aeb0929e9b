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

export async function gunzip(blob: Blob): Promise<ArrayBuffer> {
  const stream = blob.stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
}
