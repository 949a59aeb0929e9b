import { describe, expect, it } from "vitest";
import { Osc133Parser, type ShellMark } from "./osc133.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function parse(...chunks: (string | number)[]): ShellMark[] {
  const marks: ShellMark[] = [];
  const parser = new Osc133Parser((mark) => marks.push(mark));
  for (const chunk of chunks) parser.feed(typeof chunk === "number" ? chunk : bytes(chunk));
  return marks;
}

describe("Osc133Parser", () => {
  it("reads the marks of one prompt and command, as bash.bashrc emits them", () => {
    const line =
      "\x1b]133;A\x07\x1b[1;31mroot@containerlab\x1b[0m:~# \x1b]133;B\x07" +
      "ls\r\n\x1b]133;C\x07bin etc\r\n\x1b]133;D;0\x07";
    expect(parse(line)).toEqual([
      { kind: "prompt" },
      { kind: "input" },
      { kind: "output" },
      { kind: "finished", exitCode: 0 },
    ]);
  });

  it("carries the exit status, and finds a mark split across chunks and single bytes", () => {
    const mark = "\x1b]133;D;127\x07";
    expect(
      parse(mark.slice(0, 3), mark.slice(3, 7), ...[...mark.slice(7)].map((c) => c.charCodeAt(0))),
    ).toEqual([{ kind: "finished", exitCode: 127 }]);
  });

  it("accepts ST (ESC \\) as the terminator", () => {
    expect(parse("\x1b]133;C\x1b\\")).toEqual([{ kind: "output" }]);
  });

  it("ignores other OSC sequences, CSI sequences and plain text", () => {
    expect(parse("\x1b]0;title\x07\x1b[2J hello \x1b]8;;http://x\x07link\x1b]8;;\x07")).toEqual([]);
  });

  it("drops an OSC too long to be ours and recovers at the next mark", () => {
    expect(parse(`\x1b]133;${"x".repeat(400)}\x07`, "\x1b]133;B\x07")).toEqual([{ kind: "input" }]);
  });

  it("an ESC inside an OSC aborts it; an ESC ] right after starts a new one", () => {
    expect(parse("\x1b]133;A\x1b\x1b]133;B\x07")).toEqual([{ kind: "input" }]);
    expect(parse("\x1b]133;A\x1b]133;B\x07")).toEqual([{ kind: "input" }]);
  });

  it("reads a D mark without a status as 0", () => {
    expect(parse("\x1b]133;D\x07")).toEqual([{ kind: "finished", exitCode: 0 }]);
  });
});
