// A large paste into the student's console: v86 took 256 KiB at once and the guest's tty jammed
// (no output for ten minutes), and a reset kept feeding the old paste into the new machine.
// The console now feeds a paste at the guest's pace (web/src/vm/consoleInput.ts).
// The first test takes ~25 s: bash itself needs that long for a 256 KiB command line.
import { describe, expect, it, vi } from "vitest";
import { studentMachine } from "../../scripts/lib/snapshot.ts";
import { sh, useGuest } from "./guest.ts";

const LINE = "0123456789abcdef".repeat(4) + "\n";
const lines = (kib: number) => Math.ceil((kib * 1024) / LINE.length);

/** What xterm sends for a paste at bash's prompt: a heredoc of `kib` KiB, bracketed. */
function bracketedPaste(kib: number, file: string): string {
  return `\x1b[200~cat > ${file} <<'EOF'\n${LINE.repeat(lines(kib))}EOF\n\x1b[201~`;
}

describe("a large paste", () => {
  const guest = useGuest();
  /** Stop pasting, and the fresh prompt the student waits for before typing on. */
  const stopPasting = async () => {
    const marks = guest().markCount;
    expect(guest().stopTyping()).toBeGreaterThan(200 * 1024);
    await vi.waitFor(
      () => {
        if (
          !guest()
            .marksSince(marks)
            .some((m) => m.kind === "input")
        )
          throw new Error(`no prompt after Stop pasting; the console ends:\n${guest().output.slice(-400)}`);
      },
      { timeout: 30_000, interval: 50 },
    );
  };

  it("a 256 KiB paste goes in whole and runs", async () => {
    guest().type(bracketedPaste(256, "/tmp/pasted"));
    // Waits on the shell's marks: the pasted heredoc ends, then `wc` runs at the next prompt.
    const run = await guest().run("wc -c < /tmp/pasted", 240_000);
    expect(/(\d+)\s*$/.exec(run.output)?.[1]).toBe(String(lines(256) * LINE.length));
  }, 300_000);

  it("Stop pasting drops the rest, none of it runs, and the prompt comes back", async () => {
    guest().type(bracketedPaste(256, "/tmp/stopped"));
    await stopPasting();
    expect((await guest().run("echo still here")).exitCode).toBe(0);
    expect(await sh(guest(), "test -e /tmp/stopped && echo ran || echo not run")).toBe("not run\n");
  });

  it("a plain paste (no brackets) into a heredoc stops too, and the prompt comes back", async () => {
    const body = bracketedPaste(256, "/tmp/plain").replace("\x1b[200~", "").replace("\x1b[201~", "");
    const from = guest().output.length;
    guest().type(body);
    await guest().waitForOutput(/> 0123/, 30_000, from);
    await stopPasting();
    expect((await guest().run("echo still here")).exitCode).toBe(0);
    expect(await sh(guest(), "test -e /tmp/plain && echo ran || echo not run")).toBe("not run\n");
  });

  it("a reset in the middle of a paste gives a machine that answers", async () => {
    guest().type(bracketedPaste(256, "/tmp/reset"));
    await guest().reload(await studentMachine());
    const run = await guest().run("echo fresh machine", 60_000);
    expect(run.exitCode).toBe(0);
    expect(await sh(guest(), "test -e /tmp/reset && echo ran || echo not run")).toBe("not run\n");
  });
});
