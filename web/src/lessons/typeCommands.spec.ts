import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { typeCommands } from "./typeCommands.ts";

function fakeTerminal() {
  const typed: string[] = [];
  const listeners = new Set<() => void>();
  return {
    typed,
    runInTerminal: (command: string) => typed.push(command),
    onCommandFinished: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    finish: () => [...listeners].forEach((l) => l()),
    listenerCount: () => listeners.size,
  };
}

describe("typeCommands", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("types the next line once the shell is back at a prompt", async () => {
    const terminal = fakeTerminal();
    const done = typeCommands(terminal, ["mkdir /x", "cd /x", "ls"]);
    expect(terminal.typed).toEqual(["mkdir /x"]);
    terminal.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(terminal.typed).toEqual(["mkdir /x", "cd /x"]);
    terminal.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(terminal.typed).toEqual(["mkdir /x", "cd /x", "ls"]);
    terminal.finish();
    await done;
    expect(terminal.listenerCount()).toBe(0);
  });

  it("settles only once its last command is back at a prompt, so a queued Run waits for it", async () => {
    const terminal = fakeTerminal();
    let settled = false;
    const first = typeCommands(terminal, ["lsns -t uts"]).then(() => (settled = true));
    const second = first.then(() => typeCommands(terminal, ["exit", "hostname"]));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    expect(terminal.typed).toEqual(["lsns -t uts"]);
    // lsns's prompt belongs to the first Run: it releases the second Run's first line, not its second.
    terminal.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(terminal.typed).toEqual(["lsns -t uts", "exit"]);
    terminal.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(terminal.typed).toEqual(["lsns -t uts", "exit", "hostname"]);
    terminal.finish();
    await second;
    expect(terminal.listenerCount()).toBe(0);
  });

  it("moves on after a pause when a line never finishes (a nested shell)", async () => {
    const terminal = fakeTerminal();
    const done = typeCommands(terminal, ["unshare --uts bash", "hostname demo"], 2_000);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(terminal.typed).toEqual(["unshare --uts bash"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(terminal.typed).toEqual(["unshare --uts bash", "hostname demo"]);
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(terminal.listenerCount()).toBe(0);
  });
});
