import { describe, expect, it } from "vitest";
import { OutputBatcher } from "./outputBatcher.ts";

describe("OutputBatcher", () => {
  it("delivers bytes pushed in one task as one chunk, in order", async () => {
    const chunks: number[][] = [];
    const batcher = new OutputBatcher((chunk) => chunks.push([...chunk]));
    for (const byte of [104, 105, 10]) batcher.push(byte);
    expect(chunks).toEqual([]);
    await Promise.resolve();
    expect(chunks).toEqual([[104, 105, 10]]);
  });

  it("grows past its initial buffer without losing bytes", async () => {
    let total = 0;
    let last = -1;
    const batcher = new OutputBatcher((chunk) => {
      total += chunk.length;
      last = chunk[chunk.length - 1] ?? -1;
    });
    for (let i = 0; i < 10_000; i++) batcher.push(i % 256);
    await Promise.resolve();
    expect(total).toBe(10_000);
    expect(last).toBe(9_999 % 256);
  });
});
