import { describe, expect, it } from "vitest";
import { commandText, formatBytes, formatMicros, shortInode } from "./format.ts";

describe("format", () => {
  it("formats bytes in binary units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(40960)).toBe("40.0 KiB");
    expect(formatBytes(20971520)).toBe("20.0 MiB");
    expect(formatBytes(1536)).toBe("1.50 KiB");
  });

  it("formats microseconds", () => {
    expect(formatMicros(500)).toBe("500 µs");
    expect(formatMicros(10000)).toBe("10 ms");
    expect(formatMicros(2246085)).toBe("2.25 s");
  });

  it("shortens inodes to their last digits", () => {
    expect(shortInode(4026531963)).toBe("…1963");
    expect(shortInode(42)).toBe("42");
  });

  it("joins argv, drops trailing empty arguments (init's) and names zombies by comm", () => {
    expect(commandText(["init", "", "", ""], "init")).toBe("init");
    expect(commandText(["sleep", "1000"], "sleep")).toBe("sleep 1000");
    expect(commandText([], "sleep")).toBe("[sleep]");
  });
});
