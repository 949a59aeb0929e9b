import { describe, expect, it } from "vitest";
import { plainText, typeLine } from "./lessonConsole.ts";
import { FakeLessonGuest } from "./lessonFakeGuest.ts";

describe("typeLine", () => {
  it("waits for the end mark and the next prompt, with the exit status", async () => {
    const guest = new FakeLessonGuest();
    expect(await typeLine(guest, "touch /a")).toMatchObject({ outcome: "finished", exitCode: 0 });
    expect(await typeLine(guest, "false")).toMatchObject({ outcome: "finished", exitCode: 1 });
    expect(guest.files.has("/a")).toBe(true);
  });

  it("returns at a nested shell's first prompt, which has no end mark", async () => {
    const guest = new FakeLessonGuest();
    expect(await typeLine(guest, "bash")).toMatchObject({ outcome: "prompt", exitCode: null });
  });

  it("notices bash asking for the rest of a multi-line command", async () => {
    const guest = new FakeLessonGuest();
    expect(await typeLine(guest, "for i in 1 2; do")).toMatchObject({ outcome: "continued" });
    expect(await typeLine(guest, "echo $i")).toMatchObject({ outcome: "continued" });
    expect(await typeLine(guest, "done")).toMatchObject({ outcome: "finished", exitCode: 0 });
  });

  it("gives up on a line that never returns, showing the console", async () => {
    const guest = new FakeLessonGuest();
    await expect(typeLine(guest, "hang", 100)).rejects.toThrow(
      /`hang` did not return to a prompt within 0.1 s\n--- console ---\nhang/,
    );
  });
});

describe("plainText", () => {
  it("strips OSC 133 marks, colours and carriage returns", () => {
    expect(plainText("\x1b]133;A\x07\x1b[1;31mroot\x1b[0m# ls\r\n\x1b]133;D;0\x07")).toBe("root# ls\n");
  });
});
