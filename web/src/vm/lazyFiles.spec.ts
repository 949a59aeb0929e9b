import { describe, expect, it } from "vitest";
import { keepLoadedFiles, lazyLoadsSettled } from "./lazyFiles.ts";

function fakeEmulator() {
  const storage = {
    uncache: (_name: string) => undefined,
    load_from_server: (_name: string, size: number) =>
      new Promise<Uint8Array>((resolve) => setTimeout(() => resolve(new Uint8Array(size)), 50)),
  };
  return { fs9p: { storage }, add_listener: () => undefined };
}

describe("lazy files", () => {
  it("counts loads in flight, and a save waits for them", async () => {
    const emulator = fakeEmulator();
    const stats = keepLoadedFiles(emulator);
    const loading = emulator.fs9p.storage.load_from_server("a.zst", 10);
    expect(stats.pending).toBe(1);
    let settled = false;
    const waiting = lazyLoadsSettled(stats).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    await loading;
    await waiting;
    expect(stats).toEqual({ loads: 1, bytes: 10, pending: 0 });
  });

  it("gives up waiting after its timeout", async () => {
    const stats = { loads: 0, bytes: 0, pending: 1 };
    const started = Date.now();
    await lazyLoadsSettled(stats, 30);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
