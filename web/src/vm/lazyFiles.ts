// The one seam into v86's internals: its 9p device (file store and reply buffer). v86 fetches a lazy file whole on first
// read, then drops its copy when the guest closes the file (FileStorageInterface.uncache), so every
// later guest page-cache miss would fetch and decompress the whole file again (31 MB for podman).
// Keeping what was loaded costs JS memory once per file; the guest test "lazy files are kept"
// fails if a v86 upgrade moves this seam.

/** What we rely on in v86's ServerFileStorageWrapper (src/browser/filestorage.js). */
interface V86FileStorage {
  uncache(name: string): void;
  load_from_server(name: string, size: number): Promise<Uint8Array>;
  /** Where the files are (a URL in the browser). */
  baseurl?: string;
  zstd_decompress?(size: number, data: Uint8Array): ArrayBuffer | Uint8Array;
  cache?(name: string, data: Uint8Array): Promise<void>;
}

/**
 * Fetches one lazy file's bytes (as stored: zstd); resolves only with them. v86's own loader
 * retries a network error forever and waits forever on an HTTP error, both without a word, so
 * the guest's read hung and the page blamed "a runaway process". The browser worker gives one
 * that reports a failure and retries when told (vm/worker/lazyFetch.ts).
 */
export type LazyFetch = (url: string) => Promise<ArrayBuffer>;

export interface LazyFileStats {
  /** Files fetched from the server (or disk, under Node) and decompressed. */
  loads: number;
  /** Their decompressed bytes. */
  bytes: number;
  /** Loads started and not finished yet. */
  pending: number;
}

/**
 * Resolves once no lazy file is loading and the 9p device has sent the replies waiting on them
 * (or after `timeoutMs`). A guest read waits in v86 for the file's fetch: a reply that arrives
 * after the machine's state was replaced lands in the new state, whose kernel never asked for
 * it. Machine.replace() waits here; Machine.save() does not (a save that waited made the next
 * save's health probe time out in the faults e2e tests).
 */
export async function lazyLoadsSettled(stats: LazyFileStats, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A macrotask after the last load: v86 writes the reply in that load's continuation.
  do await new Promise((resolve) => setTimeout(resolve, 0));
  while (stats.pending > 0 && Date.now() < deadline);
}

function storageOf(emulator: object): V86FileStorage {
  const fs9p = (emulator as { fs9p?: { storage?: Partial<V86FileStorage> } }).fs9p;
  const storage = fs9p?.storage;
  if (!storage || typeof storage.uncache !== "function" || typeof storage.load_from_server !== "function") {
    throw new Error("v86's 9p file store is not where lazyFiles.ts expects it (v86 upgrade?)");
  }
  return storage as V86FileStorage;
}

interface V86Events {
  add_listener(event: "emulator-loaded", listener: () => void): void;
}

/**
 * Makes v86 keep every lazy file it loaded; returns live counters of what it loaded. v86 builds
 * its 9p device once its wasm is loaded, so on a new emulator this takes effect at
 * "emulator-loaded", long before the guest's first 9p read.
 */
export function keepLoadedFiles(emulator: object & V86Events, fetchFile?: LazyFetch): LazyFileStats {
  const stats: LazyFileStats = { loads: 0, bytes: 0, pending: 0 };
  if ((emulator as { fs9p?: unknown }).fs9p) patch(storageOf(emulator), stats, fetchFile);
  else emulator.add_listener("emulator-loaded", () => patch(storageOf(emulator), stats, fetchFile));
  return stats;
}

/** v86's loader with the fetch replaced: decompress and cache as v86 does. */
function loaderWith(storage: V86FileStorage, fetchFile: LazyFetch): V86FileStorage["load_from_server"] {
  const { zstd_decompress: unzstd, cache } = storage;
  if (typeof unzstd !== "function" || typeof cache !== "function" || storage.baseurl === undefined)
    throw new Error("v86's 9p file store is not shaped as lazyFiles.ts expects (v86 upgrade?)");
  return async (name, size) => {
    let data = new Uint8Array(await fetchFile(`${storage.baseurl ?? ""}${name}`));
    if (name.endsWith(".zst")) data = new Uint8Array(unzstd.call(storage, size, data));
    await cache.call(storage, name, data);
    return data;
  };
}

function patch(storage: V86FileStorage, stats: LazyFileStats, fetchFile?: LazyFetch): void {
  const load = fetchFile ? loaderWith(storage, fetchFile) : storage.load_from_server.bind(storage);
  storage.load_from_server = async (name, size) => {
    stats.pending += 1;
    try {
      const data = await load(name, size);
      stats.loads += 1;
      stats.bytes += data.byteLength;
      return data;
    } finally {
      stats.pending -= 1;
    }
  };
  storage.uncache = () => {};
}

/**
 * The 9p device's reply buffer is scratch space (each reply is built whole before it is sent),
 * but v86 saves it with the machine: zeroed, a snapshot does not carry the last chunk of a file
 * the guest read (measured: 60 KB of a shipped snapshot). Skipped if v86 keeps it elsewhere.
 */
export function clearReplyBuffer(emulator: object): void {
  const device = (emulator as { v86?: { cpu?: { devices?: { virtio_9p?: { replybuffer?: unknown } } } } }).v86
    ?.cpu?.devices?.virtio_9p;
  if (device?.replybuffer instanceof Uint8Array) device.replybuffer.fill(0);
}
