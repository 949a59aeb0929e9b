// The save's health probe, for the worker and for Node (the guest tests): the agent reads the
// probe's files, all requests sent at once. Its rules are guestHealth.ts's.
import type { AgentRequester } from "./agentExec.ts";
import { PROBE_FILES, readProbe, type ProbeFiles, type ProbeReading } from "./guestHealth.ts";

/**
 * Reads the guest's counters; undefined when the agent did not answer (its first file, the load
 * average, is always there). A file the guest lacks is left out of what readProbe sees.
 */
export async function probeGuest(
  agent: AgentRequester,
  timeoutMs: number,
): Promise<ProbeReading | undefined> {
  const names = Object.keys(PROBE_FILES) as (keyof typeof PROBE_FILES)[];
  const read = await Promise.allSettled(
    names.map((name) => agent.request("read_file", { path: PROBE_FILES[name] }, { timeoutMs })),
  );
  const files: ProbeFiles = {};
  names.forEach((name, i) => {
    const result = read[i];
    if (result?.status === "fulfilled" && result.value.encoding === "utf8")
      files[name] = result.value.content;
  });
  return files.loadavg === undefined ? undefined : readProbe(files);
}
