import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CONSOLE_SLICE_BYTES,
  CONSOLE_TICK_MS,
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

  it("cancels a bracketed paste: closes it, so readline leaves paste mode", () => {
    const { port, sent } = fakePort();
    const input = new ConsoleInput(port);
    input.push(text(`\x1b[200~${"x".repeat(5000)}\x1b[201~`));
    expect(input.cancel()).toBe(5000 + 12 - CONSOLE_SLICE_BYTES);
    expect(String.fromCharCode(...sent.slice(-6))).toBe("\x1b[201~");
    expect(input.pending).toBe(0);
    vi.advanceTimersByTime(100);
    expect(sent.length).toBe(CONSOLE_SLICE_BYTES + 6);
    const plain = fakePort();
    const other = new ConsoleInput(plain.port);
    other.push(new Uint8Array(4096).fill(0x61));
    other.cancel();
    expect(plain.sent.length).toBe(CONSOLE_SLICE_BYTES);
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
