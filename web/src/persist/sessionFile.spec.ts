import { gzipSync } from "node:zlib";
import fc from "fast-check";
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
  it("refuses a state that says it unpacks to more than a machine can, before unpacking it", async () => {
    // A gzip bomb's trailer: 6 GiB of zeros declares 6 GiB modulo 4 GiB, that is 2 GiB.
    const bomb = gzipSync(Buffer.alloc(64 * 1024));
    new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength).setUint32(bomb.byteLength - 4, 2 ** 31, true);
    await expect(decodeSession(encodeSession(header, new Blob([bomb])))).rejects.toThrow(
      /too large: a lab machine unpacks to at most 512 MiB/,
    );
    const honest = gzipSync(Buffer.alloc(64 * 1024));
    const decoded = await decodeSession(encodeSession(header, new Blob([honest])));
    expect(decoded.state.size).toBe(honest.byteLength);
  });

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

describe("session file reader, fuzzed", () => {
  // A fixed seed: the same inputs on every run; a failure prints the input that caused it.
  const SEED = 20261202;
  const valid = encodeSession(header, new Blob([new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3])]));

  async function outcome(bytes: Uint8Array<ArrayBuffer>): Promise<"ok" | SessionFileError> {
    try {
      await decodeSession(new Blob([bytes]));
      return "ok";
    } catch (error) {
      if (error instanceof SessionFileError) return error;
      throw error; // anything else is a bug: the reader must only ever say what is wrong
    }
  }

  it("answers random bytes with a SessionFileError that says where", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const result = await outcome(bytes);
        expect(result).not.toBe("ok");
        if (result !== "ok") expect(result.offset).toBeTypeOf("number");
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("answers mutated and truncated session files without throwing anything else", async () => {
    const original = new Uint8Array(await valid.arrayBuffer());
    const mutation = fc.record({
      cut: fc.nat({ max: original.length }),
      flips: fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 8,
      }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ cut, flips }) => {
        const bytes = original.slice(0, cut);
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        const result = await outcome(bytes);
        if (result !== "ok") {
          expect(result.offset).toBeTypeOf("number");
          expect(result.offset).toBeLessThanOrEqual(bytes.length);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("says where a damaged header goes wrong", async () => {
    const error = await outcome(new TextEncoder().encode('CONTAINER-LAB-SESSION 1\n{"image_id": "a",\nX'));
    expect(error).toBeInstanceOf(SessionFileError);
    expect(error !== "ok" && error.message).toMatch(/header is damaged \(at byte \d+\)/);
    expect(error !== "ok" && error.offset).toBeGreaterThanOrEqual(24);
  });
});
