import { afterEach, describe, expect, it, vi } from "vitest";
import { AgentClient } from "./agentClient.ts";
import { AgentError } from "./protocol.ts";

/** An agent client wired to a fake channel that records what the host sent. */
function setup(options: { defaultTimeoutMs?: number } = {}) {
  const sent: Record<string, unknown>[] = [];
  const events: string[] = [];
  const noise: string[] = [];
  const decoder = new TextDecoder();
  const client = new AgentClient({
    send: (data) => {
      for (const line of decoder.decode(data).split("\n").filter(Boolean))
        sent.push(JSON.parse(line) as Record<string, unknown>);
    },
    onEvent: (event) => events.push(event),
    onNoise: (line) => noise.push(line),
    ...options,
  });
  const reply = (text: string) => client.feed(new TextEncoder().encode(text));
  return { client, sent, events, noise, reply };
}

afterEach(() => vi.useRealTimers());

describe("AgentClient", () => {
  it("frames a request as one JSON line with an id and type, and resolves with its reply", async () => {
    const { client, sent, reply } = setup();
    const answer = client.request("exec", { cmd: "true", timeout_ms: 100 });
    expect(sent).toEqual([{ id: 1, type: "exec", cmd: "true", timeout_ms: 100 }]);
    reply('{"id":1,"ok":true,"result":{"exit_code":0,"stdout":"","stderr":""}}\n');
    await expect(answer).resolves.toMatchObject({ exit_code: 0 });
  });

  it("matches replies by id, whatever their order, and across partial chunks", async () => {
    const { client, reply } = setup();
    const first = client.request("ping", {});
    const second = client.request("stat", { path: "/" });
    const line =
      '{"id":2,"ok":true,"result":{"exists":true}}\n{"id":1,"ok":true,"result":{"uptime_ms":5}}\r\n';
    for (const byte of new TextEncoder().encode(line)) client.feed(byte);
    reply("");
    await expect(second).resolves.toEqual({ exists: true });
    await expect(first).resolves.toEqual({ uptime_ms: 5 });
  });

  it("rejects with the agent's error code and message", async () => {
    const { client, reply } = setup();
    const answer = client.request("read_file", { path: "/nope" });
    reply('{"id":1,"ok":false,"error":{"code":"not_found","message":"/nope: no such file"}}\n');
    await expect(answer).rejects.toEqual(new AgentError("not_found", "/nope: no such file"));
  });

  it("times out on the host when the agent never answers, and ignores the late reply", async () => {
    vi.useFakeTimers();
    const { client, reply, noise } = setup({ defaultTimeoutMs: 1000 });
    const answer = client.request("ping", {});
    const failed = expect(answer).rejects.toMatchObject({ code: "host_timeout" });
    vi.advanceTimersByTime(1001);
    await failed;
    reply('{"id":1,"ok":true,"result":{"uptime_ms":1}}\n');
    expect(noise).toEqual([]);
  });

  it("a ready event marks the agent up and fails what was sent to its predecessor", async () => {
    const { client, reply, events } = setup();
    expect(client.ready).toBe(false);
    const waiting = client.whenReady();
    const lost = client.request("ping", {});
    reply('{"event":"ready","version":1}\n');
    await waiting;
    expect(client.ready).toBe(true);
    await expect(lost).rejects.toMatchObject({ code: "agent_restarted" });
    expect(events).toEqual(["ready"]);
  });

  it("failAll rejects every open request; closed also forgets that the agent was up", async () => {
    const { client } = setup();
    client.assumeReady();
    const a = client.request("ping", {});
    const b = client.request("snapshot", {});
    client.failAll("closed", "the emulator was destroyed");
    await expect(a).rejects.toMatchObject({ code: "closed" });
    await expect(b).rejects.toMatchObject({ code: "closed" });
    expect(client.ready).toBe(false);
  });

  it("hands kernel messages and other non-JSON lines to onNoise", () => {
    const { reply, noise } = setup();
    reply("[  12.3] Out of memory: Killed process 42\n{not json\n\n");
    expect(noise).toEqual(["[  12.3] Out of memory: Killed process 42", "{not json"]);
  });
});
