import { describe, expect, it } from "vitest";
import type { ProbeReading } from "../guestHealth.ts";
import { saveIfHealthy, type SaveSteps } from "./saveFlow.ts";

const idle = (consoleTasks = 3): ProbeReading => ({
  tasks: 60,
  consolePids: { current: consoleTasks, max: 256 },
  labImages: true,
});

/** Steps that record what was done, the probe answering `readings` in turn. */
function steps(readings: (ProbeReading | undefined)[]) {
  const done: string[] = [];
  let clock = 0;
  const fake: SaveSteps = {
    probe: async () => {
      done.push("probe");
      return readings.shift();
    },
    restoreImages: async () => void done.push("restore-images"),
    capture: async () => {
      done.push("capture");
      clock += 50;
      return new Blob(["state"]);
    },
    keep: async () => void done.push("keep"),
    sleep: async (ms) => {
      done.push(`sleep ${ms}`);
      clock += ms;
    },
    now: () => clock,
  };
  return { fake, done };
}

const atPrompt = { health: "ok", atPrompt: true };

describe("a save in the worker", () => {
  it("looks, captures, looks again at least PROBE_INTERVAL_MS later, and keeps the state", async () => {
    const { fake, done } = steps([idle(), idle()]);
    expect(await saveIfHealthy(fake, atPrompt)).toMatchObject({ ok: true, bytes: 5 });
    expect(done).toEqual(["probe", "capture", "sleep 150", "probe", "keep"]);
  });

  it("keeps nothing when a fork bomb grew in the console's cgroup during the capture", async () => {
    const { fake, done } = steps([idle(3), idle(40)]);
    expect(await saveIfHealthy(fake, atPrompt)).toEqual({ ok: false, unhealthy: "console-pids-limit" });
    expect(done).not.toContain("keep");
  });

  it("captures nothing when the shell is busy or the agent does not answer", async () => {
    const busy = steps([idle()]);
    expect(await saveIfHealthy(busy.fake, { health: "ok", atPrompt: false })).toEqual({
      ok: false,
      unhealthy: "command-running",
    });
    const silent = steps([undefined]);
    expect(await saveIfHealthy(silent.fake, atPrompt)).toEqual({ ok: false, unhealthy: "not-answering" });
    expect([...busy.done, ...silent.done]).not.toContain("capture");
  });

  it("puts the lab's images back first when podman lost them, then saves", async () => {
    const { fake, done } = steps([{ ...idle(), labImages: false }, idle(), idle()]);
    expect(await saveIfHealthy(fake, atPrompt)).toMatchObject({ ok: true });
    expect(done.slice(0, 3)).toEqual(["probe", "restore-images", "probe"]);
    expect(done).toContain("keep");
  });

  it("reports a failed write as an error, not as an unhealthy machine", async () => {
    const { fake } = steps([idle(), idle()]);
    const full = new DOMException("full", "QuotaExceededError");
    fake.keep = async () => {
      throw full;
    };
    expect(await saveIfHealthy(fake, atPrompt)).toEqual({ ok: false, error: full });
  });
});
