import { describe, expect, it } from "vitest";
import { decodeSession, encodeSession, SessionFileError } from "./sessionFile.ts";

const header = {
  image_id: "abc",
  machine: "m",
  savedAt: 1,
  language: "ja" as const,
  progress: { chapters: { x: 1 } },
};

describe("session file", () => {
  it("round-trips the header and the state bytes", async () => {
    const state = new Blob([new Uint8Array([0x1f, 0x8b, 0, 10, 255, 13])]);
    const decoded = await decodeSession(encodeSession(header, state));
    expect(decoded.header).toEqual(header);
    expect([...new Uint8Array(await decoded.state.arrayBuffer())]).toEqual([0x1f, 0x8b, 0, 10, 255, 13]);
  });

  it("keeps a header with multi-byte characters aligned with the state", async () => {
    const withJapanese = { ...header, progress: { note: "名前空間" } };
    const decoded = await decodeSession(encodeSession(withJapanese, new Blob(["STATE"])));
    expect(await decoded.state.text()).toBe("STATE");
  });

  it("rejects other files and damaged headers with a clear error", async () => {
    await expect(decodeSession(new Blob(["hello"]))).rejects.toThrow(SessionFileError);
    await expect(decodeSession(new Blob(["CONTAINER-LAB-SESSION 1\n{oops\n"]))).rejects.toThrow(/damaged/);
    await expect(decodeSession(new Blob(['CONTAINER-LAB-SESSION 1\n{"image_id":1}\n']))).rejects.toThrow(
      /incomplete/,
    );
  });
});
