// Unpacking a machine state: a file that unpacks to more than it may is stopped at the limit.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzip, StateTooLargeError } from "./savedMachine.ts";

describe("gunzip", () => {
  it("unpacks a state within the limit", async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const out = new Uint8Array(await gunzip(new Blob([gzipSync(bytes)]), 1 << 20));
    expect(out).toEqual(bytes);
  });

  it("stops a gzip bomb at the limit, whatever its trailer says", async () => {
    // 64 MiB of zeros pack into 64 KiB; the trailer is made to claim 1 KiB.
    const bomb = gzipSync(Buffer.alloc(64 << 20));
    new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength).setUint32(bomb.byteLength - 4, 1024, true);
    await expect(gunzip(new Blob([bomb]), 1 << 20)).rejects.toBeInstanceOf(StateTooLargeError);
  });
});
