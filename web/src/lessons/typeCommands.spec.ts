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
    await done;
    expect(terminal.typed).toEqual(["mkdir /x", "cd /x", "ls"]);
    expect(terminal.listenerCount()).toBe(0);
  });

  it("moves on after a pause when a line never finishes (a nested shell)", async () => {
    const terminal = fakeTerminal();
    const done = typeCommands(terminal, ["unshare --uts bash", "hostname demo"], 2_000);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(terminal.typed).toEqual(["unshare --uts bash"]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(terminal.typed).toEqual(["unshare --uts bash", "hostname demo"]);
    expect(terminal.listenerCount()).toBe(0);
  });
});
