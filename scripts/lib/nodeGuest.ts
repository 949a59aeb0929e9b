// The real guest, booted in v86 under Node.js: used by the guest tests, the snapshot build,
// lessons:check and the bench. The machine is the same core the browser worker drives
// (web/src/vm/machine.ts); this adds the console transcript and typing commands at the prompt.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import type { AgentClient } from "../../web/src/vm/agentClient.ts";
import { IMAGE_FILES, type GuestImages } from "../../web/src/vm/guestConfig.ts";
import type { LazyFileStats } from "../../web/src/vm/lazyFiles.ts";
import { Machine } from "../../web/src/vm/machine.ts";
import { Osc133Parser, type ShellMark } from "../../web/src/vm/osc133.ts";
import { DIST_DIR } from "./paths.ts";

/**
 * V8 compiles the WebAssembly that v86 generates for guest code with its baseline compiler only
 * (Liftoff), never again with its optimising one. Measured under Node on this 2-core machine, a
 * restored guest's first `podman run` took 18.6 s of wall clock and 36.6 s of CPU (two cores:
 * most of it V8 optimising code the guest ran a few times), with Liftoff only 8.4 s and 8.8 s;
 * a warm `podman run` 5.5 s / 10.1 s against 4.2 s / 4.2 s. A tight guest loop runs ~1.3x
 * slower, but the tests run many programs a few times each, and two guests side by side (npm
 * test's lanes) no longer fight over the second core. Set before any module is compiled; the
 * browser is left as students have it.
 */
setFlagsFromString("--liftoff-only");

function wasmPath(): string {
  return join(dirname(fileURLToPath(import.meta.resolve("v86"))), "v86.wasm");
}

/** A file as an ArrayBuffer of its own (v86 takes ArrayBuffers, not Node Buffers). */
export function readBuffer(path: string): ArrayBuffer {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function loadImages(dist = DIST_DIR, withKernel = true): GuestImages {
  return {
    bios: readBuffer(join(dist, IMAGE_FILES.bios)),
    vgaBios: readBuffer(join(dist, IMAGE_FILES.vgaBios)),
    lazyFs: {
      files: join(dist, IMAGE_FILES.lazyFiles) + "/",
      ...(withKernel ? { json: join(dist, IMAGE_FILES.lazyFs) } : {}),
    },
    ...(withKernel
      ? {
          kernel: readBuffer(join(dist, IMAGE_FILES.kernel)),
          initrd: readBuffer(join(dist, IMAGE_FILES.initrd)),
        }
      : {}),
  };
}

export interface RunResult {
  exitCode: number;
  /** What the command printed on the console (between the C and D marks), CRs removed. */
  output: string;
}

type Waiter = { test: () => boolean; resolve: () => void };

export class NodeGuest {
  private transcript = "";
  private readonly marks: ShellMark[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly osc = new Osc133Parser((mark) => {
    this.marks.push(mark);
    this.poke();
  });
  private readonly decoder = new TextDecoder();

  private constructor(private readonly machine: Machine) {
    machine.onConsole((byte) => {
      this.osc.feed(byte);
      this.transcript += this.decoder.decode(new Uint8Array([byte]), { stream: true });
      this.poke();
    });
  }

  get agent(): AgentClient {
    return this.machine.agent;
  }

  /** What the lazy filesystem fetched so far. */
  get lazyFiles(): LazyFileStats {
    return this.machine.lazyFiles;
  }

  /** Cold boot from the kernel and initramfs; resolves at the first prompt with the agent up. */
  static async boot(options: { dist?: string; timeoutMs?: number } = {}): Promise<NodeGuest> {
    const guest = new NodeGuest(
      Machine.boot({ wasm: wasmPath(), images: loadImages(options.dist), agentTimeoutMs: 20_000 }),
    );
    await guest.waitUntil(
      () => guest.marks.some((m) => m.kind === "input"),
      options.timeoutMs ?? 60_000,
      "first prompt",
    );
    await withTimeout(guest.agent.whenReady(), options.timeoutMs ?? 60_000, "agent ready");
    return guest;
  }

  /** Restores a state saved by `save()` into a new emulator (same machine config). */
  static async restore(state: ArrayBuffer, options: { dist?: string } = {}): Promise<NodeGuest> {
    const images = loadImages(options.dist, false);
    return new NodeGuest(await Machine.restore({ wasm: wasmPath(), images, agentTimeoutMs: 20_000 }, state));
  }

  /** Puts a saved state back into this running emulator, as the app's "Reset machine" does. */
  async reload(state: ArrayBuffer): Promise<void> {
    await this.machine.replace(state);
  }

  async save(): Promise<ArrayBuffer> {
    return this.machine.save();
  }

  /** Everything the console printed so far. */
  get output(): string {
    return this.transcript;
  }

  get markCount(): number {
    return this.marks.length;
  }

  marksSince(index: number): ShellMark[] {
    return this.marks.slice(index);
  }

  type(text: string): void {
    this.machine.sendConsole(new TextEncoder().encode(text));
  }

  /** Drops what is left of typed text still waiting to go in (the page's "Stop pasting"). */
  stopTyping(): number {
    return this.machine.cancelConsoleInput();
  }

  /** Types a command at the prompt and waits for its OSC 133 end mark and the next prompt. */
  async run(command: string, timeoutMs = 30_000): Promise<RunResult> {
    const start = this.marks.length;
    const textStart = this.transcript.length;
    this.type(command + "\n");
    let finishedAt = -1;
    await this.waitUntil(
      () => {
        const fresh = this.marks.slice(start);
        finishedAt = fresh.findIndex((m) => m.kind === "finished");
        return finishedAt >= 0 && fresh.slice(finishedAt).some((m) => m.kind === "input");
      },
      timeoutMs,
      `command ${JSON.stringify(command)}`,
    );
    const finished = this.marks[start + finishedAt] as Extract<ShellMark, { kind: "finished" }>;
    const text = this.transcript.slice(textStart);
    const output = between(text, "\x1b]133;C\x07", "\x1b]133;D;").replace(/\r/g, "");
    return { exitCode: finished.exitCode, output };
  }

  /** Waits until the console transcript (from `from` on) matches. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000, from = 0): Promise<void> {
    await this.waitUntil(
      () => pattern.test(this.transcript.slice(from)),
      timeoutMs,
      `console output ${pattern}`,
    );
  }

  destroy(): void {
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
    void this.machine.destroy();
  }

  private waitUntil(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return withTimeout(
      new Promise<void>((resolve) => this.waiters.add({ test, resolve })),
      timeoutMs,
      what,
      () => this.transcript.slice(-600),
    );
  }

  private poke(): void {
    for (const waiter of this.waiters) {
      if (waiter.test()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from < 0) return "";
  const to = text.indexOf(end, from + start.length);
  return text.slice(from + start.length, to < 0 ? undefined : to);
}

async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
  context?: () => string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const tail = context ? `\n--- console tail ---\n${context()}` : "";
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${tail}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
