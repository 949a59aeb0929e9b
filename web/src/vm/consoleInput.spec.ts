import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CONSOLE_SLICE_BYTES,
  CONSOLE_TICK_MS,
  INTERRUPT_AFTER_MS,
  QUIET_MS,
  XOFF_LIMIT_MS,
  ConsoleInput,
  type ConsolePort,
} from "./consoleInput.ts";

/** A serial port that takes what it is given and drains when told. */
function fakePort() {
  const sent: number[] = [];
  let queued = 0;
  const port: ConsolePort = {
    send: (bytes) => {
      sent.push(...bytes);
      queued += bytes.byteLength;
    },
    drained: () => queued === 0,
    discard: () => {
      queued = 0;
    },
  };
  return { port, sent, drain: () => (queued = 0) };
}

const text = (s: string) => new TextEncoder().encode(s);

describe("console input", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("types a few bytes at once, without waiting", () => {
    const { port, sent } = fakePort();
    const reports: number[] = [];
    const input = new ConsoleInput(port, (n) => reports.push(n));
    input.push(text("ls\r"));
    expect(String.fromCharCode(...sent)).toBe("ls\r");
    expect(input.pending).toBe(0);
    expect(reports).toEqual([]);
  });

  it("feeds a paste a slice per tick, and only once the port took the last one", () => {
    const { port, sent, drain } = fakePort();
    const reports: number[] = [];
    const input = new ConsoleInput(port, (n) => reports.push(n));
    input.push(new Uint8Array(10 * 1024).fill(0x61));
    expect(sent.length).toBe(CONSOLE_SLICE_BYTES);
    vi.advanceTimersByTime(CONSOLE_TICK_MS * 3);
    expect(sent.length).toBe(CONSOLE_SLICE_BYTES); // the port has not taken the first slice
    drain();
    vi.advanceTimersByTime(CONSOLE_TICK_MS);
    expect(sent.length).toBe(2 * CONSOLE_SLICE_BYTES);
    for (let i = 0; i < 100 && input.pending > 0; i++) {
      drain();
      vi.advanceTimersByTime(CONSOLE_TICK_MS);
    }
    expect(sent.length).toBe(10 * 1024);
    expect(reports.at(-1)).toBe(0);
    // At the start, then once per KiB that went in (not per slice): 10 KiB, 9 KiB … 0.
    expect(reports.length).toBe(11);
  });

  it("cancels a bracketed paste: closes it, then Ctrl-C once the console is quiet", () => {
    const { port, sent } = fakePort();
    const input = new ConsoleInput(port);
    input.push(text(`\x1b[200~${"x".repeat(5000)}\x1b[201~`));
    expect(input.cancel()).toBe(5000 + 12 - CONSOLE_SLICE_BYTES);
    expect(String.fromCharCode(...sent.slice(-6))).toBe("\x1b[201~");
    expect(input.pending).toBe(0);
    // The guest still prints what it had taken: no Ctrl-C yet.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(QUIET_MS / 2);
      input.output(0x78);
    }
    expect(sent.at(-1)).not.toBe(0x03);
    vi.advanceTimersByTime(QUIET_MS + 100);
    expect(sent.at(-1)).toBe(0x03);
    expect(sent.length).toBe(CONSOLE_SLICE_BYTES + 7);
  });

  it("a plain paste gets its Ctrl-C too, at the latest after a while; nothing left, nothing sent", () => {
    const { port, sent } = fakePort();
    const input = new ConsoleInput(port);
    input.push(new Uint8Array(4096).fill(0x61));
    input.cancel();
    for (let t = 0; t < INTERRUPT_AFTER_MS + 200; t += 100) {
      vi.advanceTimersByTime(100);
      input.output(0x78); // a console that never goes quiet
    }
    expect(sent.at(-1)).toBe(0x03);
    const before = sent.length;
    expect(input.cancel()).toBe(0);
    vi.advanceTimersByTime(INTERRUPT_AFTER_MS);
    expect(sent.length).toBe(before);
  });

  it("holds while the guest's tty says XOFF, and goes on at its XON", () => {
    const { port, sent, drain } = fakePort();
    const input = new ConsoleInput(port);
    input.push(new Uint8Array(4096));
    input.output(0x13);
    drain();
    vi.advanceTimersByTime(CONSOLE_TICK_MS * 10);
    expect(sent.length).toBe(CONSOLE_SLICE_BYTES);
    input.output(0x11);
    expect(sent.length).toBe(2 * CONSOLE_SLICE_BYTES);
    // An XOFF that never gets its XON (a program printed the byte) holds only so long.
    input.output(0x13);
    drain();
    vi.advanceTimersByTime(XOFF_LIMIT_MS);
    expect(sent.length).toBe(3 * CONSOLE_SLICE_BYTES);
  });

  it("a replaced machine gets nothing of the old input", () => {
    const { port, sent } = fakePort();
    const input = new ConsoleInput(port);
    input.push(new Uint8Array(4096));
    input.clear();
    vi.advanceTimersByTime(100);
    expect(sent.length).toBe(CONSOLE_SLICE_BYTES);
    expect(port.drained()).toBe(true);
  });
});
