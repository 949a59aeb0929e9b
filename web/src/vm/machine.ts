// The machine core: the one place that wires v86 for our guest (serial ports, agent, lazy
// filesystem, boot, restore, replace, save). The browser worker (worker/vmWorker.ts) and the
// Node harness (scripts/lib/nodeGuest.ts) both drive the guest through this class.
import { V86 } from "v86";
import { AgentClient } from "./agentClient.ts";
import { ConsoleInput } from "./consoleInput.ts";
import { AGENT_PORT, CONSOLE_PORT, V86_JIT_CONFIG, v86Options, type GuestImages } from "./guestConfig.ts";
import {
  clearReplyBuffer,
  keepLoadedFiles,
  lazyLoadsSettled,
  type LazyFetch,
  type LazyFileStats,
} from "./lazyFiles.ts";
import { Osc133Parser } from "./osc133.ts";

export interface MachineOptions {
  /** URL (browser) or path (Node) of v86's wasm. */
  wasm: string;
  images: GuestImages;
  onAgentEvent?: (event: string, data: Record<string, unknown>) => void;
  agentTimeoutMs?: number;
  /** Fetches a lazy file (the browser's, which says when it fails); v86's own loader without. */
  fetchLazyFile?: LazyFetch;
  /** The console input still waiting to go in (a paste), each time a KiB more went in, and at 0. */
  onConsolePending?: (pending: number) => void;
}

/**
 * The console UART's receive queue, inside v86: it is not part of a saved state, so what is
 * left of a paste must be dropped by hand when the machine is replaced. Reached by shape (v86
 * does not export it); when a v86 update moves it, input still works, only unpaced.
 */
function consoleQueue(emulator: V86): number[] | undefined {
  const inner = emulator as unknown as { v86?: { cpu?: { devices?: { uart0?: { input?: unknown } } } } };
  const queue = inner.v86?.cpu?.devices?.uart0?.input;
  return Array.isArray(queue) ? (queue as number[]) : undefined;
}

/**
 * Applies V86_JIT_CONFIG to v86's code generator, once its wasm is loaded. Reached by shape, like
 * consoleQueue: when a v86 update moves it, the machine runs with v86's own settings.
 */
function configureJit(emulator: V86): void {
  const inner = emulator as unknown as {
    v86?: { cpu?: { wm?: { exports?: { set_jit_config?: (index: number, value: number) => void } } } };
  };
  const set = inner.v86?.cpu?.wm?.exports?.set_jit_config;
  if (typeof set !== "function") return;
  for (const [index, value] of V86_JIT_CONFIG) set(index, value);
}

type ConsoleListener = (byte: number) => void;

export class Machine {
  readonly agent: AgentClient;
  /** What the lazy filesystem fetched so far. */
  readonly lazyFiles: LazyFileStats;
  private readonly consoleListeners = new Set<ConsoleListener>();
  private readonly consoleInput: ConsoleInput;

  private constructor(
    private readonly emulator: V86,
    options: MachineOptions,
  ) {
    this.lazyFiles = keepLoadedFiles(emulator, options.fetchLazyFile);
    this.agent = new AgentClient({
      send: (bytes) => emulator.serial_send_bytes(AGENT_PORT, bytes),
      onEvent: options.onAgentEvent,
      defaultTimeoutMs: options.agentTimeoutMs,
    });
    emulator.add_listener(`serial${CONSOLE_PORT}-output-byte`, (byte: number) => {
      this.consoleInput.output(byte);
      for (const listener of this.consoleListeners) listener(byte);
    });
    emulator.add_listener(`serial${AGENT_PORT}-output-byte`, (byte: number) => this.agent.feed(byte));
    this.consoleInput = new ConsoleInput(
      {
        send: (bytes) => emulator.serial_send_bytes(CONSOLE_PORT, bytes),
        drained: () => (consoleQueue(emulator)?.length ?? 0) === 0,
        discard: () => consoleQueue(emulator)?.splice(0),
      },
      options.onConsolePending,
    );
  }

  /** Cold boot from the kernel and initramfs in `options.images`; see `untilPrompt()`. */
  static boot(options: MachineOptions): Machine {
    const emulator = new V86({ wasm_path: options.wasm, ...v86Options(options.images, true) });
    emulator.add_listener("emulator-loaded", () => configureJit(emulator));
    return new Machine(emulator, options);
  }

  /** A new emulator running a saved state (taken from a machine with the same configuration). */
  static async restore(options: MachineOptions, state: ArrayBuffer): Promise<Machine> {
    const emulator = new V86({ wasm_path: options.wasm, ...v86Options(options.images, false) });
    await new Promise<void>((resolve) => emulator.add_listener("emulator-loaded", () => resolve()));
    configureJit(emulator);
    await emulator.restore_state(state);
    const machine = new Machine(emulator, options);
    machine.agent.assumeReady();
    await emulator.run();
    return machine;
  }

  /** Every byte the console (ttyS0) prints; returns the unsubscribe function. */
  onConsole(listener: ConsoleListener): () => void {
    this.consoleListeners.add(listener);
    return () => this.consoleListeners.delete(listener);
  }

  /** Types into the console, a slice at a time when it is a paste (consoleInput.ts). */
  sendConsole(bytes: Uint8Array): void {
    this.consoleInput.push(bytes);
  }

  /** Drops the rest of a paste; returns how many bytes were dropped. */
  cancelConsoleInput(): number {
    return this.consoleInput.cancel();
  }

  /** Resolves at the shell's next prompt (its OSC 133 "input" mark). */
  untilPrompt(): Promise<void> {
    return new Promise((resolve) => {
      const probe = new Osc133Parser((mark) => {
        if (mark.kind !== "input") return;
        stop();
        resolve();
      });
      const stop = this.onConsole((byte) => probe.feed(byte));
    });
  }

  /** Puts a saved state into this running emulator (reset, import): requests in flight fail. */
  async replace(state: ArrayBuffer): Promise<void> {
    this.agent.failAll("agent_restarted", "the machine was reset");
    this.consoleInput.clear();
    await this.emulator.stop();
    // A reply still owed to the old state must not land in the new one (lazyFiles.ts).
    await lazyLoadsSettled(this.lazyFiles, 5_000);
    await this.emulator.restore_state(state);
    this.agent.assumeReady();
    await this.emulator.run();
  }

  /** Reboots from the kernel (no snapshot to go back to); the agent announces itself again. */
  restart(): void {
    this.agent.failAll("agent_restarted", "the machine was reset");
    this.consoleInput.clear();
    this.emulator.restart();
  }

  save(): Promise<ArrayBuffer> {
    clearReplyBuffer(this.emulator);
    return this.emulator.save_state();
  }

  async destroy(): Promise<void> {
    this.agent.failAll("closed", "the emulator was destroyed");
    this.consoleListeners.clear();
    this.consoleInput.clear();
    await this.emulator.destroy();
  }
}
