import { describe, expect, it } from "vitest";
import { commandLines } from "./commandLines.ts";

describe("commandLines", () => {
  it("types one line per command, skipping blank lines and whole-line comments", () => {
    expect(
      commandLines("# make it\nmkdir /x\n\n  # indented comment\necho hi # trailing comment stays\n"),
    ).toEqual(["mkdir /x", "echo hi # trailing comment stays"]);
  });

  it("joins backslash continuations like bash does", () => {
    expect(commandLines("ip link add veth0 \\\n    type veth \\\n    peer name veth1\nip link")).toEqual([
      "ip link add veth0 type veth peer name veth1",
      "ip link",
    ]);
  });

  it("keeps lines of a multi-line construct separate (bash prompts for the rest)", () => {
    expect(commandLines("for i in 1 2; do\n  echo $i\ndone")).toEqual([
      "for i in 1 2; do",
      "  echo $i",
      "done",
    ]);
  });

  it("handles a trailing backslash and trailing spaces", () => {
    expect(commandLines("echo a \\")).toEqual(["echo a"]);
    expect(commandLines("echo a   \r")).toEqual(["echo a"]);
  });
});
