import { describe, expect, it } from "vitest";
import { AgentError, type AgentErrorCode } from "../vm/protocol.ts";
import { ABSENT, createGuestFiles, GuestFileError, type FileRequest } from "./guestFiles.ts";
import { FakeGuest } from "./fakeGuest.ts";

const failing =
  (code: AgentErrorCode): FileRequest =>
  () =>
    Promise.reject(new AgentError(code, `failed: ${code}`));

describe("guestFiles", () => {
  it("reads text with its mtime, and a missing file as absent", async () => {
    const guest = new FakeGuest();
    guest.put("/etc/hostname", "containerlab\n");
    const files = createGuestFiles(guest.request);
    expect(await files.read("/etc/hostname")).toMatchObject({
      exists: true,
      text: "containerlab\n",
      mode: 0o644,
    });
    expect(await files.read("/root/none")).toEqual({ exists: false });
    expect(await files.mtime("/root/none")).toBe(ABSENT);
  });

  it("writes with the optimistic lock", async () => {
    const guest = new FakeGuest();
    const files = createGuestFiles(guest.request);
    await files.write("/root/a", "x", { expectMtimeNs: ABSENT, mode: 0o600 });
    expect(guest.writes).toEqual([{ path: "/root/a", content: "x", expect_mtime_ns: "absent", mode: 0o600 }]);
    await expect(files.write("/root/a", "y", { expectMtimeNs: ABSENT })).rejects.toMatchObject({
      kind: "conflict",
    });
  });

  it("refuses to call a directory a file", async () => {
    const files = createGuestFiles(new FakeGuest().request);
    await expect(files.mtime("/root")).rejects.toMatchObject({ kind: "not_a_file" });
  });

  it.each<[AgentErrorCode, string]>([
    ["closed", "closed"],
    ["agent_restarted", "closed"],
    ["too_large", "too_large"],
    ["bad_request", "not_a_file"],
    ["timeout", "timeout"],
    ["host_timeout", "timeout"],
    ["io", "io"],
  ])("turns the agent's %s into %s", async (code, kind) => {
    const error = await createGuestFiles(failing(code))
      .read("/x")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuestFileError);
    expect(error).toMatchObject({ kind });
  });

  it("blames a missing folder when a write finds nothing", async () => {
    await expect(createGuestFiles(failing("not_found")).write("/nope/x", "")).rejects.toMatchObject({
      kind: "no_parent",
    });
  });
});
