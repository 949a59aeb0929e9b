// The emulator's home: v86 runs here, off the UI thread, so a busy guest never freezes the page.
// This file and scripts/lib/nodeGuest.ts are the only places that touch v86.
import { V86 } from "v86";
import { AgentClient } from "../agentClient.ts";
import { AgentError } from "../protocol.ts";
import {
  AGENT_PORT,
  CONSOLE_PORT,
  MACHINE_FINGERPRINT,
  v86Options,
  type GuestImages,
  type SnapshotInfo,
} from "../guestConfig.ts";
import { Osc133Parser } from "../osc133.ts";
import type { ColdBootReason, FromWorker, MachineAssets, ToWorker } from "../workerMessages.ts";
import { AssetMissingError, fetchAsset, fetchJson } from "./fetchAsset.ts";
import { OutputBatcher } from "./outputBatcher.ts";

interface ImageManifestLite {
  image_id: string;
}

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

function post(message: FromWorker, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer);
}

let emulator: V86 | undefined;
let freshState: ArrayBuffer | undefined;
let agent: AgentClient | undefined;
const consoleOut = new OutputBatcher((data) => post({ type: "console-output", data }, [data.buffer]));
const marks = new Osc133Parser((mark) => post({ type: "mark", mark }));

function download(url: string, file: string): Promise<ArrayBuffer> {
  return fetchAsset(url, (loaded, total) => post({ type: "download", file, loaded, total }));
}

function attach(machine: V86): AgentClient {
  const client = new AgentClient({
    send: (bytes) => machine.serial_send_bytes(AGENT_PORT, bytes),
    onEvent: (event) => post({ type: "agent-event", event }),
  });
  machine.add_listener(`serial${CONSOLE_PORT}-output-byte`, (byte: number) => {
    marks.feed(byte);
    consoleOut.push(byte);
  });
  machine.add_listener(`serial${AGENT_PORT}-output-byte`, (byte: number) => client.feed(byte));
  return client;
}

/** The snapshot, if the build shipped one that fits this image and machine; otherwise why not. */
async function loadSnapshot(assets: MachineAssets): Promise<ArrayBuffer | ColdBootReason> {
  const [info, manifest] = await Promise.all([
    fetchJson<SnapshotInfo>(assets.snapshotInfo).catch(() => undefined),
    fetchJson<ImageManifestLite>(assets.manifest).catch(() => undefined),
  ]);
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

async function start(assets: MachineAssets): Promise<void> {
  const began = performance.now();
  post({ type: "phase", phase: "downloading" });
  const [bios, vgaBios, snapshot] = await Promise.all([
    download(assets.bios, "bios"),
    download(assets.vgaBios, "vga-bios"),
    loadSnapshot(assets),
  ]);
  if (typeof snapshot !== "string") {
    try {
      await restoreFresh({ bios, vgaBios }, assets.wasm, snapshot);
      post({ type: "ready", mode: "snapshot", ms: performance.now() - began });
      return;
    } catch (error) {
      console.warn("snapshot restore failed, booting from scratch", error);
      await emulator?.destroy();
      emulator = undefined;
      await coldBoot({ bios, vgaBios }, assets, began, "snapshot-broken");
      return;
    }
  }
  await coldBoot({ bios, vgaBios }, assets, began, snapshot);
}

async function restoreFresh(images: GuestImages, wasm: string, state: ArrayBuffer): Promise<void> {
  post({ type: "phase", phase: "restoring" });
  const machine = new V86({ wasm_path: wasm, ...v86Options(images, false) });
  await new Promise<void>((resolve) => machine.add_listener("emulator-loaded", () => resolve()));
  // The zstd-compressed state, as shipped: v86 inflates it itself. Kept for "Reset machine".
  freshState = state.slice(0);
  await machine.restore_state(state);
  emulator = machine;
  agent = attach(machine);
  agent.assumeReady();
  await machine.run();
  afterRestore();
}

async function coldBoot(
  images: GuestImages,
  assets: MachineAssets,
  began: number,
  reason: ColdBootReason,
): Promise<void> {
  const [kernel, initrd] = await Promise.all([
    download(assets.kernel, "kernel"),
    download(assets.initrd, "initrd"),
  ]);
  post({ type: "phase", phase: "booting" });
  const machine = new V86({ wasm_path: assets.wasm, ...v86Options({ ...images, kernel, initrd }, true) });
  emulator = machine;
  agent = attach(machine);
  await new Promise<void>((resolve) => {
    const stop = marksUntilPrompt(resolve);
    machine.add_listener("emulator-stopped", stop);
  });
  post({ type: "phase", phase: "starting-agent" });
  await agent.whenReady();
  post({ type: "ready", mode: "cold", coldReason: reason, ms: performance.now() - began });
}

/** Resolves at the first prompt's "input" mark. */
function marksUntilPrompt(resolve: () => void): () => void {
  let done = false;
  const probe = new Osc133Parser((mark) => {
    if (!done && mark.kind === "input") {
      done = true;
      resolve();
    }
  });
  emulator?.add_listener(`serial${CONSOLE_PORT}-output-byte`, (byte: number) => probe.feed(byte));
  return () => {
    if (!done) {
      done = true;
      resolve();
    }
  };
}

/** After a restore the guest's clock and screen are those of the build machine: bring both up to date. */
function afterRestore(): void {
  // Ctrl-L makes readline clear the screen and draw the prompt again.
  emulator?.serial_send_bytes(CONSOLE_PORT, new Uint8Array([0x0c]));
  const now = Math.floor(Date.now() / 1000);
  agent?.request("exec", { cmd: `date -s @${now} >/dev/null`, timeout_ms: 5000 }).catch(() => undefined);
}

async function reset(): Promise<void> {
  if (!emulator) return;
  agent?.failAll("agent_restarted", "the machine was reset");
  if (freshState) {
    post({ type: "phase", phase: "restoring" });
    await emulator.stop();
    await emulator.restore_state(freshState.slice(0));
    agent?.assumeReady();
    await emulator.run();
    afterRestore();
    post({ type: "ready", mode: "snapshot", ms: 0 });
  } else {
    const began = performance.now();
    post({ type: "phase", phase: "booting" });
    emulator.restart();
    await new Promise<void>((resolve) => marksUntilPrompt(resolve));
    await agent?.whenReady();
    post({ type: "ready", mode: "cold", coldReason: "snapshot-missing", ms: performance.now() - began });
  }
}

async function answer(id: number, request: () => Promise<unknown>): Promise<void> {
  try {
    post({ type: "agent-response", id, ok: true, result: await request() });
  } catch (error) {
    const code = error instanceof AgentError ? error.code : "closed";
    post({ type: "agent-response", id, ok: false, code, message: String((error as Error).message ?? error) });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      start(message.assets).catch((error: unknown) => {
        post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
      });
      break;
    case "console-input":
      emulator?.serial_send_bytes(CONSOLE_PORT, message.data);
      break;
    case "agent-request": {
      const client = agent;
      void answer(message.id, () => {
        if (!client) return Promise.reject(new AgentError("closed", "the machine is not running"));
        // The message crossed a thread boundary untyped; its shape is the host's promise.
        return client.request(message.request, message.params as never, { timeoutMs: message.timeoutMs });
      });
      break;
    }
    case "reset":
      reset().catch((error: unknown) => {
        post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
      });
      break;
  }
};
