// A stand-in for the guest in lessons:check's unit tests: a "shell" where `touch X` creates X,
// `test -e X` checks it, `bash` opens a nested prompt and `for …; do` asks for more lines,
// each answered with the OSC 133 marks the real bash prompt emits.
import type { ShellMark } from "../../web/src/vm/osc133.ts";
import type { ExecResult } from "../../web/src/vm/protocol.ts";
import type { LessonGuest } from "./lessonConsole.ts";

export class FakeLessonGuest implements LessonGuest {
  readonly files = new Set<string>();
  readonly typed: string[] = [];
  private readonly marks: ShellMark[] = [];
  private transcript = "";
  private continuing = false;

  readonly agent: LessonGuest["agent"] = {
    request: (async (type: string, params: { cmd?: string }) => {
      if (type !== "exec") throw new Error(`fake agent: ${type} not supported`);
      // The check is the last line: the prelude before it only looks for CONSOLE_PID.
      const check = (params.cmd ?? "").trim().split("\n").pop() ?? "";
      const file = /^test -e (\S+)$/.exec(check)?.[1];
      const passed = check === "true" || (file !== undefined && this.files.has(file));
      const result: ExecResult = {
        exit_code: passed ? 0 : 1,
        signal: null,
        stdout: "",
        stderr: passed ? "" : `no ${file ?? check}\n`,
        timed_out: false,
        truncated: false,
        duration_ms: 1,
      };
      return result;
    }) as LessonGuest["agent"]["request"],
  };

  get markCount(): number {
    return this.marks.length;
  }

  get output(): string {
    return this.transcript;
  }

  marksSince(index: number): ShellMark[] {
    return this.marks.slice(index);
  }

  type(text: string): void {
    const line = text.replace(/\n$/, "");
    this.typed.push(line);
    // The real console answers asynchronously.
    setTimeout(() => this.answer(line), 1);
  }

  private answer(line: string): void {
    this.transcript += `${line}\r\n`;
    if (line.startsWith("for ") || (this.continuing && line !== "done")) {
      this.continuing = true;
      this.transcript += "> ";
      return;
    }
    this.continuing = false;
    this.marks.push({ kind: "output" });
    if (line === "hang") return;
    if (line === "bash") {
      this.prompt();
      return;
    }
    const touched = /^touch (\S+)$/.exec(line)?.[1];
    if (touched) this.files.add(touched);
    const exitCode = line === "false" ? 1 : 0;
    this.marks.push({ kind: "finished", exitCode });
    this.prompt();
  }

  private prompt(): void {
    this.marks.push({ kind: "prompt" });
    this.transcript += "root@containerlab:~# ";
    this.marks.push({ kind: "input" });
  }
}
