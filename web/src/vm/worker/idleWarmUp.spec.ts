import { afterEach, describe, expect, it, vi } from "vitest";
import { IdleWarmUp } from "./idleWarmUp.ts";

afterEach(() => vi.useRealTimers());

function setup() {
  vi.useFakeTimers();
  const run = vi.fn();
  return { run, warmUp: new IdleWarmUp(10_000, run) };
}

describe("IdleWarmUp", () => {
  it("runs once, after the machine has been idle that long since the restore", () => {
    const { run, warmUp } = setup();
    warmUp.arm();
    vi.advanceTimersByTime(9_999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    warmUp.activity();
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("typing starts the idle time over, and a running command holds it off", () => {
    const { run, warmUp } = setup();
    warmUp.arm();
    vi.advanceTimersByTime(8_000);
    warmUp.activity();
    vi.advanceTimersByTime(8_000);
    warmUp.commandStarted();
    vi.advanceTimersByTime(60_000);
    expect(run).not.toHaveBeenCalled();
    warmUp.commandFinished();
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("does nothing before a restore, or after cancel", () => {
    const { run, warmUp } = setup();
    warmUp.activity();
    vi.advanceTimersByTime(60_000);
    warmUp.arm();
    warmUp.cancel();
    vi.advanceTimersByTime(60_000);
    expect(run).not.toHaveBeenCalled();
  });
});
