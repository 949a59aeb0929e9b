import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CONSOLE_TTY_NR, wrapCheck } from "./checkScript.ts";

// The guest runs checks with bash; so does this host. No process here sits on ttyS0, so the
// prelude must find nothing and leave CONSOLE_PID empty rather than guess.
function bash(script: string, env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  delete inherited.CONSOLE_PID;
  return spawnSync("bash", ["-c", script], { env: { ...inherited, ...env }, encoding: "utf8" });
}

describe("wrapCheck", () => {
  it("uses the CONSOLE_PID the agent sets", () => {
    const run = bash(wrapCheck('echo "pid=$CONSOLE_PID"'), { CONSOLE_PID: "4242" });
    expect(run.stdout).toBe("pid=4242\n");
  });

  it("finds no console on a machine without ttyS0, and leaves no helper variables behind", () => {
    const run = bash(wrapCheck('echo "pid=${CONSOLE_PID}"; set | grep -c "^__cl_" || true'));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("pid=\n0\n");
  });

  it("keeps the check's exit status", () => {
    expect(bash(wrapCheck("exit 3"), { CONSOLE_PID: "1" }).status).toBe(3);
    expect(bash(wrapCheck("[ 1 = 1 ]")).status).toBe(0);
  });

  it("knows ttyS0's tty_nr (major 4, minor 64)", () => {
    expect(CONSOLE_TTY_NR).toBe(1088);
  });
});
