// @vitest-environment jsdom
// The host facade's state changes, driven by a stand-in for the emulator worker: what the UI's
// store says as the worker reports phases, marks, panics, heartbeats and failures.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentError } from "./protocol.ts";
import { VmHost } from "./vmHost.ts";
import { useVmStore } from "./vmStore.ts";
import type { FromWorker, ToWorker } from "./workerMessages.ts";

class FakeWorker {
  static last: FakeWorker | undefined;
  readonly posted: ToWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const initial = useVmStore.getState();
let host: VmHost;
const worker = () => {
  if (!FakeWorker.last) throw new Error("no worker started");
  return FakeWorker.last;
};

beforeEach(() => {
  vi.stubGlobal("Worker", FakeWorker);
  useVmStore.setState(initial, true);
  host = new VmHost();
  host.start();
});

afterEach(() => {
  host.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("VmHost", () => {
  it("asks the worker to start with absolute asset URLs, the lazy filesystem included", () => {
    const start = worker().posted[0];
    expect(start?.type).toBe("start");
    if (start?.type !== "start") return;
    expect(start.assets.lazyFs).toMatch(/^http:.*\/image\/lazyfs\/fs\.json$/);
    expect(start.assets.lazyFiles).toMatch(/\/image\/lazyfs\/files\/$/);
    expect(useVmStore.getState().phase).toBe("downloading");
  });

  it("follows the worker's phases to ready, with how the machine started", () => {
    worker().emit({ type: "download", file: "snapshot", loaded: 5, total: 10 });
    expect(useVmStore.getState().downloads).toEqual({ snapshot: { loaded: 5, total: 10 } });
    worker().emit({ type: "phase", phase: "restoring" });
    expect(useVmStore.getState().phase).toBe("restoring");
    worker().emit({ type: "ready", mode: "snapshot", ms: 420 });
    expect(useVmStore.getState()).toMatchObject({
      phase: "ready",
      mode: "snapshot",
      bootMs: 420,
      health: "ok",
    });
  });

  it("turns the shell's marks into prompt shown, command running and the last exit status", () => {
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    worker().emit({ type: "mark", mark: { kind: "input" } });
    expect(useVmStore.getState().promptShown).toBe(true);
    worker().emit({ type: "mark", mark: { kind: "output" } });
    expect(useVmStore.getState().commandRunning).toBe(true);
    worker().emit({ type: "mark", mark: { kind: "finished", exitCode: 3 } });
    expect(useVmStore.getState()).toMatchObject({
      commandRunning: false,
      lastCommand: { exitCode: 3, seq: 1 },
    });
  });

  it("notices a kernel panic on the console, even split across chunks", () => {
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    const text = new TextEncoder();
    worker().emit({ type: "console-output", data: text.encode("[ 9.1] Kernel pa") });
    expect(useVmStore.getState().health).toBe("ok");
    worker().emit({ type: "console-output", data: text.encode("nic - not syncing") });
    expect(useVmStore.getState().health).toBe("panicked");
  });

  it("marks the machine unresponsive after two missed heartbeats, and ok when the agent is back", async () => {
    vi.useFakeTimers();
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    for (let miss = 0; miss < 2; miss++) {
      await vi.advanceTimersByTimeAsync(5_000);
      const ping = worker().posted.at(-1);
      expect(ping).toMatchObject({ type: "agent-request", request: "ping" });
      if (ping?.type === "agent-request")
        worker().emit({
          type: "agent-response",
          id: ping.id,
          ok: false,
          code: "host_timeout",
          message: "no",
        });
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(useVmStore.getState().health).toBe("unresponsive");
    worker().emit({ type: "agent-event", event: "ready" });
    expect(useVmStore.getState().health).toBe("ok");
  });

  it("resolves and rejects agent requests by id", async () => {
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    const ok = host.request("stat", { path: "/" });
    const bad = host.request("read_file", { path: "/nope" });
    const [first, second] = worker().posted.filter((m) => m.type === "agent-request");
    if (first?.type !== "agent-request" || second?.type !== "agent-request") throw new Error("no requests");
    worker().emit({ type: "agent-response", id: second.id, ok: false, code: "not_found", message: "gone" });
    worker().emit({ type: "agent-response", id: first.id, ok: true, result: { exists: true } });
    await expect(ok).resolves.toEqual({ exists: true });
    await expect(bad).rejects.toEqual(new AgentError("not_found", "gone"));
  });

  it("refuses agent requests before the machine is ready", async () => {
    await expect(host.request("ping", {})).rejects.toMatchObject({ code: "closed" });
  });

  it("a reset fails open requests, bumps the generation and restores at once", async () => {
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    const open = host.request("ping", {});
    const generation = useVmStore.getState().generation;
    host.reset();
    await expect(open).rejects.toMatchObject({ code: "agent_restarted" });
    expect(useVmStore.getState()).toMatchObject({
      phase: "restoring",
      generation: generation + 1,
      promptShown: false,
    });
    expect(worker().posted.at(-1)).toEqual({ type: "reset", to: "fresh", forget: true });
  });

  it("a worker failure shows the message and fails what was open", async () => {
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    const open = host.request("snapshot", {});
    worker().emit({ type: "failed", message: "out of memory" });
    await expect(open).rejects.toMatchObject({ code: "closed" });
    expect(useVmStore.getState()).toMatchObject({ phase: "failed", error: "out of memory" });
  });

  it("recognises a poweroff at once, and missed heartbeats do not turn it into 'not answering'", () => {
    vi.useFakeTimers();
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    worker().emit({
      type: "console-output",
      data: new TextEncoder().encode("\rRequesting system poweroff\r\nreboot: System halted\r\n"),
    });
    expect(useVmStore.getState().health).toBe("stopped");
    vi.advanceTimersByTime(30_000);
    expect(useVmStore.getState().health).toBe("stopped");
  });

  /** A save after the shell's `mark`: the request the worker got, answered with `reply`. */
  async function saveAfter(mark: "input" | "output", reply: Record<string, unknown>) {
    worker().emit({ type: "ready", mode: "snapshot", ms: 1 });
    worker().emit({ type: "mark", mark: { kind: mark } });
    const saving = host.save();
    await vi.waitFor(() => expect(worker().posted.some((m) => m.type === "save")).toBe(true));
    const request = worker().posted.find((m) => m.type === "save");
    if (request?.type !== "save") throw new Error("no save request");
    worker().emit({ type: "saved", id: request.id, ...reply } as FromWorker);
    return { request, result: await saving };
  }

  it("asks the worker for the whole save once, with what the page knows of the machine", async () => {
    const { request, result } = await saveAfter("input", { ok: true, bytes: 10, ms: 5, savedAt: 7 });
    expect(request).toMatchObject({ health: "ok", atPrompt: true });
    expect(result).toMatchObject({ ok: true, savedAt: 7 });
  });

  it("says the shell is busy, and passes on why the worker did not save", async () => {
    const { request, result } = await saveAfter("output", {
      ok: false,
      quota: false,
      unhealthy: "command-running",
      message: "command-running",
    });
    expect(request).toMatchObject({ atPrompt: false });
    expect(result).toMatchObject({ ok: false, unhealthy: "command-running" });
  });
});
