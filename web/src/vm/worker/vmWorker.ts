// The emulator's home: v86 runs here, off the UI thread, so a busy guest never freezes the page.
// The machine itself (v86 wiring, agent, lazy filesystem) is ../machine.ts, shared with Node.
import { AgentError } from "../protocol.ts";
import { execInGuest } from "../agentExec.ts";
import { RESTORE_LAB_IMAGES } from "../guestHealth.ts";
import { probeGuest } from "../healthProbe.ts";
import {
  IMPORTED_STATE_LIMIT_BYTES,
  MACHINE_FINGERPRINT,
  WARM_UP_COMMAND,
  WARM_UP_IDLE_MS,
  type GuestImages,
  type SnapshotInfo,
} from "../guestConfig.ts";
import { Machine } from "../machine.ts";
import { Osc133Parser } from "../osc133.ts";
import type { ColdBootReason, FromWorker, MachineAssets, StartMode, ToWorker } from "../workerMessages.ts";
import { AssetMissingError, fetchAsset, fetchJson } from "./fetchAsset.ts";
import { IdleWarmUp } from "./idleWarmUp.ts";
import { LazyFetcher } from "./lazyFetch.ts";
import { OutputBatcher } from "./outputBatcher.ts";
import { saveIfHealthy, type SaveEvidence } from "./saveFlow.ts";
import {
  clearSavedMachine,
  gunzip,
  StateTooLargeError,
  gzip,
  isQuotaError,
  readSavedMachine,
  writeSavedMachine,
  type SavedMachine,
} from "./savedMachine.ts";

interface ImageManifestLite {
  image_id: string;
}

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  /** The browser is back online: lazy files that failed are fetched again. */
  addEventListener(type: "online", listener: () => void): void;
};

function post(message: FromWorker, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

let machine: Machine | undefined;
/** The shipped snapshot (zstd, as downloaded): what "Reset machine" goes back to. */
let freshState: ArrayBuffer | undefined;
let imageId = "";
/** Requests are handled one at a time: a save must not interleave with a reset or import. */
let queue: Promise<unknown> = Promise.resolve();
const consoleOut = new OutputBatcher((data) => post({ type: "console-output", data }, [data.buffer]));
const warmUp = new IdleWarmUp(WARM_UP_IDLE_MS, () => {
  machine?.agent.request("exec", { cmd: WARM_UP_COMMAND, timeout_ms: 5000 }).catch(() => undefined);
});
const marks = new Osc133Parser((mark) => {
  if (mark.kind === "output") warmUp.commandStarted();
  if (mark.kind === "finished") warmUp.commandFinished();
  post({ type: "mark", mark });
});

function download(url: string, file: string): Promise<ArrayBuffer> {
  return fetchAsset(url, (loaded, total) => post({ type: "download", file, loaded, total }));
}

const lazyFetcher = new LazyFetcher({
  failed: (message) => post({ type: "lazy-file", ok: false, message }),
  recovered: () => post({ type: "lazy-file", ok: true }),
});
scope.addEventListener("online", () => lazyFetcher.retry());

function options(wasm: string, images: GuestImages) {
  return {
    wasm,
    images,
    fetchLazyFile: lazyFetcher.fetch,
    onAgentEvent: (event: string) => post({ type: "agent-event", event }),
    onConsolePending: (pending: number) => post({ type: "console-pending", pending }),
  };
}

function attach(running: Machine): Machine {
  running.onConsole((byte) => {
    marks.feed(byte);
    consoleOut.push(byte);
  });
  machine = running;
  return running;
}

/** The snapshot, if the build shipped one that fits this image and machine; otherwise why not. */
async function loadSnapshot(assets: MachineAssets): Promise<ArrayBuffer | ColdBootReason> {
  const [info, manifest] = await Promise.all([
    fetchJson<SnapshotInfo>(assets.snapshotInfo).catch(() => undefined),
    fetchJson<ImageManifestLite>(assets.manifest).catch(() => undefined),
  ]);
  imageId = manifest?.image_id ?? "";
  if (!info) return "snapshot-missing";
  if (!manifest || info.image_id !== manifest.image_id || info.machine !== MACHINE_FINGERPRINT) {
    return "snapshot-mismatch";
  }
  try {
    return await download(assets.snapshot, "snapshot");
  } catch (error) {
    if (error instanceof AssetMissingError) return "snapshot-missing";
    throw error;
  }
}

/** The student's saved machine, whatever it was saved from. */
async function readSaved(): Promise<SavedMachine | undefined> {
  try {
    return await readSavedMachine();
  } catch (error) {
    console.warn("could not read the saved machine", error);
    return undefined;
  }
}

/** A saved machine restores only into the image and machine configuration it came from. */
function fits(saved: SavedMachine): boolean {
  return saved.image_id === imageId && saved.machine === MACHINE_FINGERPRINT;
}

/** The student's saved machine, if there is one for this image and machine configuration. */
async function loadSaved(): Promise<SavedMachine | undefined> {
  const saved = await readSaved();
  return saved && fits(saved) ? saved : undefined;
}

async function start(assets: MachineAssets, resume: boolean): Promise<void> {
  const began = performance.now();
  post({ type: "phase", phase: "downloading" });
  // The student's saved machine is looked up while the shipped one downloads.
  const [bios, vgaBios, snapshot, stored] = await Promise.all([
    download(assets.bios, "bios"),
    download(assets.vgaBios, "vga-bios"),
    loadSnapshot(assets),
    resume ? readSaved() : undefined,
  ]);
  const images: GuestImages = { bios, vgaBios, lazyFs: { files: assets.lazyFiles } };
  if (typeof snapshot !== "string") freshState = snapshot.slice(0);
  let resumeFailed = false;
  const saved = stored && fits(stored) ? stored : undefined;
  if (saved) {
    try {
      await restore(images, assets.wasm, await gunzip(saved.state));
      post({ type: "ready", mode: "resumed", ms: performance.now() - began, savedAt: saved.savedAt });
      return;
    } catch (error) {
      // A corrupt or incompatible save must not lock the student out: drop it, start fresh.
      console.warn("the saved machine could not be restored", error);
      resumeFailed = true;
      await discardEmulator();
      await clearSavedMachine().catch(() => undefined);
    }
  }
  if (typeof snapshot !== "string") {
    try {
      await restore(images, assets.wasm, snapshot);
      post({ type: "ready", mode: "snapshot", ms: performance.now() - began, resumeFailed });
      return;
    } catch (error) {
      console.warn("snapshot restore failed, booting from scratch", error);
      freshState = undefined;
      await discardEmulator();
      await coldBoot(images, assets, began, "snapshot-broken", resumeFailed);
      return;
    }
  }
  await coldBoot(images, assets, began, snapshot, resumeFailed);
}

async function discardEmulator(): Promise<void> {
  const old = machine;
  machine = undefined;
  await old?.destroy();
}

async function restore(images: GuestImages, wasm: string, state: ArrayBuffer): Promise<void> {
  post({ type: "phase", phase: "restoring" });
  attach(await Machine.restore(options(wasm, images), state));
  afterRestore();
}

async function coldBoot(
  images: GuestImages,
  assets: MachineAssets,
  began: number,
  reason: ColdBootReason,
  resumeFailed: boolean,
): Promise<void> {
  const [kernel, initrd] = await Promise.all([
    download(assets.kernel, "kernel"),
    download(assets.initrd, "initrd"),
  ]);
  post({ type: "phase", phase: "booting" });
  const lazyFs = { ...images.lazyFs, json: assets.lazyFs };
  const booted = attach(Machine.boot(options(assets.wasm, { ...images, kernel, initrd, lazyFs })));
  await booted.untilPrompt();
  post({ type: "phase", phase: "starting-agent" });
  await booted.agent.whenReady();
  post({ type: "ready", mode: "cold", coldReason: reason, ms: performance.now() - began, resumeFailed });
}

/** After a restore the guest's clock and screen are stale: bring both up to date. */
function afterRestore(): void {
  // Ctrl-L makes readline clear the screen and draw the prompt again.
  machine?.sendConsole(new Uint8Array([0x0c]));
  // The clock can wait a moment: the prompt comes first.
  const client = machine?.agent;
  setTimeout(() => {
    const now = Math.floor(Date.now() / 1000);
    client?.request("exec", { cmd: `date -s @${now} >/dev/null`, timeout_ms: 5000 }).catch(() => undefined);
  }, 1000);
  warmUp.arm();
}

/** Replaces the running machine's state in place (reset, import). */
async function replaceState(state: ArrayBuffer, mode: StartMode, savedAt?: number): Promise<void> {
  if (!machine) throw new Error("the machine is not running");
  const began = performance.now();
  post({ type: "phase", phase: "restoring" });
  await machine.replace(state);
  afterRestore();
  post({ type: "ready", mode, ms: performance.now() - began, savedAt });
}

async function reset(to: "fresh" | "saved", forget: boolean): Promise<void> {
  if (!machine) return;
  await replaceFor(to);
  // The save is forgotten only once the new machine is up: a reset that fails (or a tab that
  // closes half-way) leaves "Back to my last save" with the student's work.
  if (forget) await clearSavedMachine().catch(() => undefined);
}

async function replaceFor(to: "fresh" | "saved"): Promise<void> {
  const running = machine;
  if (!running) return;
  const saved = to === "saved" ? await loadSaved() : undefined;
  if (saved) {
    try {
      await replaceState(await gunzip(saved.state), "resumed", saved.savedAt);
      return;
    } catch (error) {
      console.warn("the saved machine could not be restored; starting fresh", error);
    }
  }
  if (freshState) {
    await replaceState(freshState.slice(0), "snapshot");
    return;
  }
  const began = performance.now();
  post({ type: "phase", phase: "booting" });
  running.restart();
  await running.untilPrompt();
  await running.agent.whenReady();
  post({ type: "ready", mode: "cold", coldReason: "snapshot-missing", ms: performance.now() - began });
}

/** Time the probe's file reads may take (a restored machine pages its files back in first). */
const PROBE_TIMEOUT_MS = 8_000;
/** lab-seed-images loads an image archive through podman: generous. */
const RESTORE_IMAGES_TIMEOUT_MS = 120_000;

async function save(id: number, evidence: SaveEvidence): Promise<void> {
  const running = machine;
  if (!running) {
    post({ type: "saved", id, ok: false, quota: false, message: "the machine is not running" });
    return;
  }
  const outcome = await saveIfHealthy(
    {
      probe: () => probeGuest(running.agent, PROBE_TIMEOUT_MS),
      restoreImages: async () =>
        void (await execInGuest(running.agent, RESTORE_LAB_IMAGES, RESTORE_IMAGES_TIMEOUT_MS)),
      capture: async () => gzip(await running.save()),
      keep: (state, savedAt) =>
        writeSavedMachine({ image_id: imageId, machine: MACHINE_FINGERPRINT, savedAt, state }),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => performance.now(),
    },
    evidence,
  );
  if (outcome.ok) post({ type: "saved", id, ...outcome });
  else if ("unhealthy" in outcome)
    post({
      type: "saved",
      id,
      ok: false,
      quota: false,
      unhealthy: outcome.unhealthy,
      message: outcome.unhealthy,
    });
  else
    post({
      type: "saved",
      id,
      ok: false,
      quota: isQuotaError(outcome.error),
      message: errorText(outcome.error),
    });
}

async function exportState(id: number): Promise<void> {
  try {
    if (!machine) throw new Error("the machine is not running");
    const state = await gzip(await machine.save());
    post({ type: "exported", id, ok: true, state, savedAt: Date.now() });
  } catch (error) {
    post({ type: "exported", id, ok: false, message: errorText(error) });
  }
}

async function importState(id: number, state: Blob): Promise<void> {
  const previous = machine ? await machine.save() : undefined;
  try {
    await replaceState(await gunzip(state, IMPORTED_STATE_LIMIT_BYTES), "resumed");
    const savedAt = Date.now();
    await writeSavedMachine({ image_id: imageId, machine: MACHINE_FINGERPRINT, savedAt, state });
    post({ type: "imported", id, ok: true, savedAt });
  } catch (error) {
    // Whatever went wrong, the student keeps the machine they had.
    if (previous) await replaceState(previous, "resumed").catch(() => undefined);
    post({
      type: "imported",
      id,
      ok: false,
      message: errorText(error),
      ...(error instanceof StateTooLargeError ? { tooLarge: true } : {}),
    });
  }
}

async function answer(id: number, request: () => Promise<unknown>): Promise<void> {
  try {
    post({ type: "agent-response", id, ok: true, result: await request() });
  } catch (error) {
    const code = error instanceof AgentError ? error.code : "closed";
    post({ type: "agent-response", id, ok: false, code, message: errorText(error) });
  }
}

function serially(task: () => Promise<void>): void {
  queue = queue.then(task).catch((error: unknown) => post({ type: "failed", message: errorText(error) }));
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      serially(() => start(message.assets, message.resume));
      break;
    case "console-input":
      warmUp.activity();
      machine?.sendConsole(message.data);
      break;
    case "lazy-retry":
      lazyFetcher.retry();
      break;
    case "console-cancel":
      machine?.cancelConsoleInput();
      break;
    case "agent-request": {
      const client = machine?.agent;
      void answer(message.id, () => {
        if (!client) return Promise.reject(new AgentError("closed", "the machine is not running"));
        // The message crossed a thread boundary untyped; its shape is the host's promise.
        return client.request(message.request, message.params as never, { timeoutMs: message.timeoutMs });
      });
      break;
    }
    case "reset":
      serially(() => reset(message.to, message.forget));
      break;
    case "save":
      serially(() => save(message.id, { health: message.health, atPrompt: message.atPrompt }));
      break;
    case "export":
      serially(() => exportState(message.id));
      break;
    case "import":
      serially(() => importState(message.id, message.state));
      break;
  }
};
