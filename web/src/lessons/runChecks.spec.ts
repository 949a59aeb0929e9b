import { describe, expect, it, vi } from "vitest";
import type { Check } from "./lessonModel.ts";
import {
  CHECK_TIMEOUT_MS,
  SETTLE_PAUSES_MS,
  describeFailure,
  runChecks,
  runChecksSettled,
  type CheckRun,
} from "./runChecks.ts";

const check = (code: string, message?: string): Check => ({
  code,
  line: 1,
  column: 1,
  ...(message ? { message } : {}),
});
const exited = (exit_code: number, timed_out = false): CheckRun => ({
  exit_code,
  signal: null,
  timed_out,
  stdout: "",
  stderr: "",
});

describe("runChecks", () => {
  it("passes when every check exits 0, running each once, in order, with the time limit", async () => {
    const exec = vi.fn(async () => exited(0));
    expect(await runChecks(exec, [check("a"), check("b")])).toEqual({ passed: true });
    expect(exec.mock.calls).toEqual([
      ["a", CHECK_TIMEOUT_MS],
      ["b", CHECK_TIMEOUT_MS],
    ]);
  });

  it("stops at the first failing check and names it, with its message", async () => {
    const exec = vi.fn(async (script: string) => exited(script === "b" ? 1 : 0));
    const verdict = await runChecks(exec, [check("a", "A"), check("b", "B is missing"), check("c", "C")]);
    expect(verdict).toMatchObject({
      passed: false,
      index: 1,
      reason: "failed",
      check: { message: "B is missing" },
    });
    expect(exec).toHaveBeenCalledTimes(2);
    if (!verdict.passed) expect(describeFailure(verdict)).toBe('check 2 ("B is missing") exited with 1');
  });

  it("tells a timeout and a machine that is not ready from a failure", async () => {
    const timedOut = await runChecks(async () => exited(124, true), [check("a")]);
    expect(timedOut).toMatchObject({ passed: false, reason: "timed-out" });
    expect(await runChecks(async () => null, [check("a")])).toMatchObject({ reason: "not-ready" });
    expect(await runChecks(() => Promise.reject(new Error("gone")), [check("a")])).toMatchObject({
      reason: "not-ready",
    });
  });

  it("says why a check could not run when the exec says", async () => {
    const silent = await runChecks(
      () => Promise.reject(new Error("agent did not answer exec within 40000 ms")),
      [check("a")],
    );
    if (silent.passed) throw new Error("expected a failure");
    expect(describeFailure(silent)).toBe("check 1 could not run: agent did not answer exec within 40000 ms");
    const notReady = await runChecks(async () => null, [check("a")]);
    if (notReady.passed) throw new Error("expected a failure");
    expect(describeFailure(notReady)).toBe("check 1 could not run: the machine is not ready");
  });
});

describe("runChecksSettled", () => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);

  it("tries again after each pause while the checks fail, and stops once they pass", async () => {
    waits.length = 0;
    let runs = 0;
    const exec = vi.fn(async () => exited(++runs >= 3 ? 0 : 1));
    expect(await runChecksSettled(exec, [check("a")], undefined, wait)).toEqual({ passed: true });
    expect(exec).toHaveBeenCalledTimes(3);
    expect(waits).toEqual(SETTLE_PAUSES_MS.slice(0, 2));
  });

  it("gives up after the last pause with the last failure", async () => {
    waits.length = 0;
    const exec = vi.fn(async () => exited(1));
    expect(await runChecksSettled(exec, [check("a")], undefined, wait)).toMatchObject({ reason: "failed" });
    expect(exec).toHaveBeenCalledTimes(SETTLE_PAUSES_MS.length + 1);
  });

  it("does not retry a timeout or a machine that is not ready, nor once a newer run supersedes", async () => {
    const timedOut = vi.fn(async () => exited(124, true));
    await runChecksSettled(timedOut, [check("a")], undefined, wait);
    expect(timedOut).toHaveBeenCalledTimes(1);
    const notReady = vi.fn(async () => null);
    await runChecksSettled(notReady, [check("a")], undefined, wait);
    expect(notReady).toHaveBeenCalledTimes(1);
    let superseded = false;
    const failing = vi.fn(async () => exited(1));
    const waitThenSupersede = async () => void (superseded = true);
    await runChecksSettled(failing, [check("a")], () => superseded, waitThenSupersede);
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
