// What the student types or pastes, fed to the guest's serial console at a pace it can take.
// v86 queues every byte handed to a serial port and raises an interrupt for each; a 256 KB paste
// given at once jammed the guest's tty (no output for ten minutes, keys ignored), and since that
// queue is not part of a saved state it kept feeding the old paste into a reset machine. Here
// a paste goes in a slice per tick and stops while the guest's tty says so (its XOFF and XON:
// the console has `ixoff`, which v86's UART ignores), can be cancelled, and a reset empties it.

/** Bytes handed to the port per tick: typing (a few bytes) never waits. */
export const CONSOLE_SLICE_BYTES = 256;
/** Between slices: 256 B every 4 ms is ~64 KB/s, which the guest's shell keeps up with. */
export const CONSOLE_TICK_MS = 4;
/** The most a paste may be: beyond it the page refuses, and says to use the editor instead. */
export const CONSOLE_PASTE_LIMIT_BYTES = 512 * 1024;
const XOFF = 0x13;
const XON = 0x11;
/**
 * How long an XOFF holds without its XON: a program that prints a raw 0x13 byte must not stop
 * the keyboard for good; a tty really throttled by a slow reader says XON well before.
 */
export const XOFF_LIMIT_MS = 10_000;
/** Bash's bracketed paste ends with this; a cancelled paste still sends it, or readline waits. */
const PASTE_END = [0x1b, 0x5b, 0x32, 0x30, 0x31, 0x7e];
const INTERRUPT = 0x03;
/**
 * After a stopped paste, Ctrl-C goes once the console has printed nothing for this long: bash
 * is then back in its read and acts on it. Sent while bash still worked through the pasted
 * lines the tty already held, the interrupt waited for another key (in a heredoc, the prompt
 * did not come back), and the student had to press Ctrl-C twice, some time apart.
 */
export const QUIET_MS = 400;
/** …or after this long at most, when the console does not go quiet (a program printing). */
export const INTERRUPT_AFTER_MS = 5_000;
export interface ConsolePort {
  /** Hands bytes to the guest's serial port. */
  send(bytes: Uint8Array): void;
  /** Whether the port has taken what it was given (its own queue is empty). */
  drained(): boolean;
  /** Empties the port's own queue. */
  discard(): void;
}

export class ConsoleInput {
  private queue: Uint8Array[] = [];
  private offset = 0;
  private pendingBytes = 0;
  private reported = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The guest's tty said XOFF: until its XON (or XOFF_LIMIT_MS), nothing goes in. */
  private held: ReturnType<typeof setTimeout> | undefined;
  private lastOutput = 0;
  /** A stopped paste's Ctrl-C, waiting for the console to go quiet. */
  private interrupting: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly port: ConsolePort,
    /** Told the bytes still waiting whenever a whole KiB more has gone in, and at 0. */
    private readonly onPending?: (pending: number) => void,
  ) {}

  get pending(): number {
    return this.pendingBytes;
  }

  push(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.queue.push(bytes);
    this.pendingBytes += bytes.byteLength;
    if (this.timer === undefined && this.held === undefined) this.pump();
  }

  /** A byte the guest's console printed: its XOFF and XON pace the input. */
  output(byte: number): void {
    this.lastOutput = Date.now();
    if (byte === XOFF && this.held === undefined) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      this.held = setTimeout(() => this.release(), XOFF_LIMIT_MS);
    } else if (byte === XON) this.release();
  }

  private release(): void {
    if (this.held === undefined) return;
    clearTimeout(this.held);
    this.held = undefined;
    if (this.queue.length > 0 && this.timer === undefined) this.pump();
  }

  /**
   * Drops what has not gone in yet and ends what went in: a bracketed paste is closed (or
   * readline would wait for its end), then Ctrl-C once the console is quiet, so nothing of a
   * half-pasted command line or heredoc runs and the prompt comes back. Returns the bytes dropped.
   */
  cancel(): number {
    const dropped = this.takeAll();
    this.port.discard();
    if (dropped.byteLength === 0) return 0;
    if (endsBracketedPaste(dropped)) this.port.send(Uint8Array.from(PASTE_END));
    const since = Date.now();
    this.lastOutput = since;
    this.stopInterrupting();
    this.interrupting = setInterval(() => {
      const now = Date.now();
      if (now - this.lastOutput < QUIET_MS && now - since < INTERRUPT_AFTER_MS) return;
      this.stopInterrupting();
      this.port.send(Uint8Array.of(INTERRUPT));
    }, QUIET_MS / 4);
    return dropped.byteLength;
  }

  private stopInterrupting(): void {
    if (this.interrupting !== undefined) clearInterval(this.interrupting);
    this.interrupting = undefined;
  }

  /** The machine was replaced: nothing of the old input may reach the new one. */
  clear(): void {
    this.takeAll();
    this.port.discard();
    this.stopInterrupting();
    if (this.held !== undefined) clearTimeout(this.held);
    this.held = undefined;
  }

  private takeAll(): Uint8Array {
    const rest = new Uint8Array(this.pendingBytes);
    let at = 0;
    this.queue.forEach((chunk, i) => {
      const part = i === 0 ? chunk.subarray(this.offset) : chunk;
      rest.set(part, at);
      at += part.byteLength;
    });
    this.queue = [];
    this.offset = 0;
    this.pendingBytes = 0;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.report();
    return rest;
  }

  private pump = (): void => {
    this.timer = undefined;
    if (this.held !== undefined) return;
    if (this.port.drained()) {
      let room = CONSOLE_SLICE_BYTES;
      while (room > 0 && this.queue.length > 0) {
        const head = this.queue[0] as Uint8Array;
        const slice = head.subarray(this.offset, this.offset + room);
        this.port.send(slice);
        room -= slice.byteLength;
        this.pendingBytes -= slice.byteLength;
        this.offset += slice.byteLength;
        if (this.offset >= head.byteLength) {
          this.queue.shift();
          this.offset = 0;
        }
      }
      this.report();
    }
    if (this.queue.length > 0) this.timer = setTimeout(this.pump, CONSOLE_TICK_MS);
  };

  private report(): void {
    const kib = (n: number) => Math.ceil(n / 1024);
    if (kib(this.pendingBytes) === kib(this.reported)) return;
    this.reported = this.pendingBytes;
    this.onPending?.(this.pendingBytes);
  }
}

function endsBracketedPaste(bytes: Uint8Array): boolean {
  for (let i = 0; i + PASTE_END.length <= bytes.byteLength; i++)
    if (PASTE_END.every((byte, j) => bytes[i + j] === byte)) return true;
  return false;
}
