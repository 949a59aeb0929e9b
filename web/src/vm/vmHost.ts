// The UI thread's one door to the machine: starts the emulator worker, carries console bytes
// both ways, proxies guest-agent requests, watches the agent's heartbeat, and resets.
// React components use this facade and the vm store; nothing else talks to the worker.
import { AgentError, type AgentErrorCode, type AgentRequestType, type AgentRequests } from "./protocol.ts";
import type { ShellMark } from "./osc133.ts";
import { IMAGE_FILES } from "./guestConfig.ts";
import { consoleVerdict, type UnhealthyReason } from "./guestHealth.ts";
import { CONSOLE_PASTE_LIMIT_BYTES, CONSOLE_SLICE_BYTES } from "./consoleInput.ts";
import { useVmStore } from "./vmStore.ts";
import type { FromWorker, MachineAssets, ToWorker } from "./workerMessages.ts";

export type SaveResult =
  | { ok: true; bytes: number; ms: number; savedAt: number }
  /** `unhealthy`: not saved on purpose, so the last healthy save stays the one to go back to. */
  | { ok: false; quota: boolean; unhealthy?: UnhealthyReason; message: string };

/** An imported machine that unpacks to more than IMPORTED_STATE_LIMIT_BYTES (refused early). */
export class MachineTooLargeError extends Error {}

type Reply = Extract<FromWorker, { type: "saved" | "exported" | "imported" }>;

const notSaved = (unhealthy: UnhealthyReason): SaveResult => ({
  ok: false,
  quota: false,
  unhealthy,
  message: `not saved: ${unhealthy}`,
});
import wasmUrl from "v86/build/v86.wasm?url";
import workerUrl from "./worker/vmWorker.ts?worker&url";

/**
 * v86 paces its main loop with scheduler.postTask only when its page URL says
 * "use-scheduling-api"; otherwise it spawns a blob: worker as a timer, which our
 * Content-Security-Policy (worker-src 'self') rightly refuses. Inside our worker, location is
 * the worker's URL, so a query string opts in there (the service worker keeps it: see sw-template.js).
 */
const WORKER_URL_QUERY = "?use-scheduling-api";

const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 4_000;
/** Missed heartbeats in a row before the machine counts as unresponsive. */
const HEARTBEAT_MISSES = 2;

type Listener<T> = (value: T) => void;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AgentError) => void;
}

function assetUrls(base: string): MachineAssets {
  const at = (file: string) => new URL(`image/${file}`, base).href;
  return {
    wasm: new URL(wasmUrl, base).href,
    bios: at(IMAGE_FILES.bios),
    vgaBios: at(IMAGE_FILES.vgaBios),
    kernel: at(IMAGE_FILES.kernel),
    initrd: at(IMAGE_FILES.initrd),
    manifest: at(IMAGE_FILES.manifest),
    snapshot: at(IMAGE_FILES.snapshot),
    snapshotInfo: at(IMAGE_FILES.snapshotInfo),
    lazyFs: at(IMAGE_FILES.lazyFs),
    lazyFiles: at(IMAGE_FILES.lazyFiles),
  };
}

export class VmHost {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly replies = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (error: Error) => void }
  >();
  private readonly outputListeners = new Set<Listener<Uint8Array>>();
  private readonly markListeners = new Set<Listener<ShellMark>>();
  private readonly encoder = new TextEncoder();
  private heartbeat?: ReturnType<typeof setInterval>;
  private missed = 0;
  private recentOutput = "";
  private commandSeq = 0;
  /** Since the last save: the shell drew its prompt. */
  private evidence = { promptSeen: false };

  /**
   * Starts (or, after a failure, restarts) the machine: the student's saved machine when there
   * is one and `resume` allows it, else the shipped snapshot, else a cold boot.
   */
  start(options: { resume?: boolean } = {}): void {
    this.stop();
    this.evidence = { promptSeen: false };
    useVmStore.setState({
      phase: "downloading",
      downloads: {},
      error: undefined,
      health: "ok",
      promptShown: false,
    });
    this.worker = new Worker(new URL(workerUrl + WORKER_URL_QUERY, document.baseURI), { type: "module" });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.handle(event.data);
    this.worker.onerror = (event) => this.fail(event.message || "the emulator worker failed to start");
    this.post({ type: "start", assets: assetUrls(document.baseURI), resume: options.resume ?? true });
  }

  stop(): void {
    this.stopHeartbeat();
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll("closed", "the machine stopped");
    for (const reply of this.replies.values()) reply.reject(new Error("the machine stopped"));
    this.replies.clear();
  }

  /**
   * A fresh machine from the shipped snapshot (or, with `to: "saved"`, the student's last
   * saved machine), without reloading the page. "Reset machine" forgets the saved machine;
   * recovering from a hung guest keeps it.
   */
  reset(options: { forget?: boolean; to?: "fresh" | "saved" } = {}): void {
    const forget = options.forget ?? true;
    const to = options.to ?? "fresh";
    if (!this.worker || useVmStore.getState().phase === "failed") {
      this.start({ resume: !forget });
      return;
    }
    this.rejectAll("agent_restarted", "the machine was reset");
    this.stopHeartbeat();
    this.newGeneration();
    // At once, not when the worker says so: keys typed from now on belong to the new machine.
    useVmStore.setState({ phase: "restoring" });
    this.post({ type: "reset", to, forget });
  }

  /**
   * Saves the machine into the browser (IndexedDB), in the worker: the page does not wait.
   * Only a healthy machine is saved (guestHealth.ts says what that is); otherwise the last
   * healthy save stays, and the result says why nothing was written.
   */
  async save(): Promise<SaveResult> {
    if (!this.worker || useVmStore.getState().phase !== "ready") {
      return { ok: false, quota: false, message: "the machine is not running" };
    }
    const { health, promptShown, commandRunning } = useVmStore.getState();
    const atPrompt = this.evidence.promptSeen || (promptShown && !commandRunning);
    try {
      const reply = await this.ask({ type: "save", id: this.nextId++, health, atPrompt });
      if (reply.type !== "saved") return { ok: false, quota: false, message: `unexpected ${reply.type}` };
      if (!reply.ok) {
        return reply.unhealthy
          ? notSaved(reply.unhealthy)
          : { ok: false, quota: reply.quota, message: reply.message };
      }
      this.evidence = { promptSeen: false };
      return { ok: true, bytes: reply.bytes, ms: reply.ms, savedAt: reply.savedAt };
    } catch (error) {
      return { ok: false, quota: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The machine's state, gzip'd, for a download. */
  async exportMachine(): Promise<{ state: Blob; savedAt: number }> {
    const reply = await this.ask({ type: "export", id: this.nextId++ });
    if (reply.type !== "exported" || !reply.ok)
      throw new Error("message" in reply ? reply.message : "export failed");
    return { state: reply.state, savedAt: reply.savedAt };
  }

  /**
   * Replaces the running machine with an exported one and keeps it as the saved machine;
   * resolves when that save was written.
   */
  async importMachine(state: Blob): Promise<number> {
    this.rejectAll("agent_restarted", "the machine was replaced");
    this.newGeneration();
    const reply = await this.ask({ type: "import", id: this.nextId++, state });
    if (reply.type === "imported" && !reply.ok && reply.tooLarge)
      throw new MachineTooLargeError(reply.message ?? "too large");
    if (reply.type !== "imported" || !reply.ok)
      throw new Error(reply.type === "imported" ? (reply.message ?? "import failed") : "import failed");
    return reply.savedAt ?? Date.now();
  }

  private newGeneration(): void {
    this.evidence = { promptSeen: false };
    useVmStore.setState((s) => ({
      health: "ok",
      commandRunning: false,
      promptShown: false,
      generation: s.generation + 1,
      paste: undefined,
    }));
  }

  private ask(message: Extract<ToWorker, { id: number }>): Promise<Reply> {
    if (!this.worker) return Promise.reject(new Error("the machine is not running"));
    return new Promise((resolve, reject) => {
      this.replies.set(message.id, { resolve, reject });
      this.post(message);
    });
  }

  /**
   * Types text (or raw bytes) into the guest console; a paste goes in at the guest's pace
   * (consoleInput.ts). Refuses, returning false, more than CONSOLE_PASTE_LIMIT_BYTES at once.
   */
  sendInput(data: string | Uint8Array): boolean {
    const bytes = typeof data === "string" ? this.encoder.encode(data) : data;
    if (bytes.byteLength > CONSOLE_PASTE_LIMIT_BYTES) return false;
    const paste = useVmStore.getState().paste;
    if (bytes.byteLength > CONSOLE_SLICE_BYTES || paste)
      useVmStore.setState({
        paste: {
          pending: (paste?.pending ?? 0) + bytes.byteLength,
          total: (paste?.total ?? 0) + bytes.byteLength,
        },
      });
    this.post({ type: "console-input", data: bytes }, [bytes.buffer]);
    return true;
  }

  /** Tries the lazy files that could not be fetched again, now. */
  retryLazyFiles(): void {
    this.post({ type: "lazy-retry" });
  }

  /** Drops what is left of a paste. */
  cancelInput(): void {
    this.post({ type: "console-cancel" });
  }

  onOutput(listener: Listener<Uint8Array>): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  onMark(listener: Listener<ShellMark>): () => void {
    this.markListeners.add(listener);
    return () => this.markListeners.delete(listener);
  }

  request<T extends AgentRequestType>(
    type: T,
    params: AgentRequests[T]["params"],
    options: { timeoutMs?: number } = {},
  ): Promise<AgentRequests[T]["result"]> {
    if (!this.worker || useVmStore.getState().phase !== "ready") {
      return Promise.reject(new AgentError("closed", "the machine is not running"));
    }
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ type: "agent-request", id, request: type, params, timeoutMs });
    });
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private handle(message: FromWorker): void {
    switch (message.type) {
      case "phase":
        useVmStore.setState({ phase: message.phase });
        break;
      case "download":
        useVmStore.setState((s) => ({
          downloads: { ...s.downloads, [message.file]: { loaded: message.loaded, total: message.total } },
        }));
        break;
      case "lazy-file":
        useVmStore.setState({ lazyFailure: message.ok ? undefined : message.message });
        break;
      case "console-pending":
        useVmStore.setState((s) =>
          message.pending === 0
            ? { paste: undefined }
            : { paste: { pending: message.pending, total: s.paste?.total ?? message.pending } },
        );
        break;
      case "console-output":
        this.watchConsole(message.data);
        for (const listener of this.outputListeners) listener(message.data);
        break;
      case "mark":
        this.trackCommand(message.mark);
        for (const listener of this.markListeners) listener(message.mark);
        break;
      case "agent-response": {
        const pending = this.pending.get(message.id);
        if (!pending) break;
        this.pending.delete(message.id);
        if (message.ok) pending.resolve(message.result);
        else pending.reject(new AgentError(message.code, message.message));
        break;
      }
      case "agent-event":
        if (message.event === "ready" && useVmStore.getState().health === "unresponsive") {
          useVmStore.setState({ health: "ok" });
        }
        break;
      case "saved":
      case "exported":
      case "imported":
        this.replies.get(message.id)?.resolve(message);
        this.replies.delete(message.id);
        break;
      case "ready":
        useVmStore.setState({
          phase: "ready",
          mode: message.mode,
          coldReason: message.coldReason,
          bootMs: message.ms,
          savedAt: message.savedAt,
          resumeFailed: message.resumeFailed ?? false,
          health: "ok",
          commandRunning: false,
        });
        this.startHeartbeat();
        break;
      case "failed":
        this.fail(message.message);
        break;
    }
  }

  private trackCommand(mark: ShellMark): void {
    if (mark.kind === "input") {
      this.evidence.promptSeen = true;
      if (!useVmStore.getState().promptShown) useVmStore.setState({ promptShown: true });
    }
    if (mark.kind === "output") useVmStore.setState({ commandRunning: true });
    if (mark.kind === "finished") {
      useVmStore.setState({
        commandRunning: false,
        lastCommand: { exitCode: mark.exitCode, seq: ++this.commandSeq, at: Date.now() },
      });
    }
  }

  private watchConsole(data: Uint8Array): void {
    this.recentOutput = (this.recentOutput + new TextDecoder().decode(data)).slice(-256);
    const verdict = consoleVerdict(this.recentOutput);
    if (verdict && useVmStore.getState().health !== verdict) {
      // The heartbeat goes on: it changes nothing while the health is not "ok".
      this.recentOutput = "";
      useVmStore.setState({ health: verdict });
    }
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.missed = 0;
    this.heartbeat = setInterval(() => {
      this.request("ping", {}, { timeoutMs: HEARTBEAT_TIMEOUT_MS }).then(
        () => {
          this.missed = 0;
          if (useVmStore.getState().health === "unresponsive") useVmStore.setState({ health: "ok" });
        },
        (error: unknown) => {
          if (error instanceof AgentError && error.code === "agent_restarted") return;
          if (++this.missed >= HEARTBEAT_MISSES && useVmStore.getState().health === "ok") {
            useVmStore.setState({ health: "unresponsive" });
          }
        },
      );
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private fail(message: string): void {
    this.stopHeartbeat();
    this.rejectAll("closed", message);
    useVmStore.setState({ phase: "failed", error: message });
  }

  private rejectAll(code: AgentErrorCode, message: string): void {
    for (const pending of this.pending.values()) pending.reject(new AgentError(code, message));
    this.pending.clear();
  }
}

/** The app's machine. */
export const vmHost = new VmHost();
