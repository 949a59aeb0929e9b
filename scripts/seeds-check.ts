// npm run seeds:check [--lint-only]
// Types every command of lessons/seed-commands.yaml that the lab can run into a fresh student's
// console, as printed and in the list's order, as a student reading the seed chapters would, and
// reports the others with the reason they cannot run. Exit status 1 when the list is invalid,
// a command fails (or succeeds where it must fail) or is not found.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isCommandNotFound, typeLine, type TypedLine } from "./lib/lessonConsole.ts";
import { NodeGuest } from "./lib/nodeGuest.ts";
import { REPO_ROOT } from "./lib/paths.ts";
import {
  parseSeedCommands,
  SEED_COMMANDS_FILE,
  SeedCommandsError,
  type SeedCommand,
} from "./lib/seedCommands.ts";
import { studentMachine } from "./lib/snapshot.ts";

/** The first podman command after a restore takes up to 30 s here, `strace -f podman` more. */
const LINE_TIMEOUT_MS = 180_000;

function verdict(entry: SeedCommand, last: TypedLine): string | null {
  if (isCommandNotFound(last)) return "not found in the guest's shell";
  if (last.outcome !== "finished")
    return `did not finish (${last.outcome === "prompt" ? "a new shell started" : "bash waits for more"})`;
  if (entry.fails) return last.exitCode === 0 ? `exited with 0, but must fail: ${entry.fails}` : null;
  return last.exitCode === 0 ? null : `exited with ${last.exitCode}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const lintOnly = argv.includes("--lint-only");
  let commands: SeedCommand[];
  try {
    commands = parseSeedCommands(readFileSync(join(REPO_ROOT, SEED_COMMANDS_FILE), "utf8"));
  } catch (error) {
    console.error(error instanceof SeedCommandsError ? error.message : String(error));
    return 1;
  }
  const runnable = commands.filter((c) => !c.notHere);
  console.log(
    `${SEED_COMMANDS_FILE}: ${commands.length} commands from the seed chapters, ${runnable.length} run in the lab, ${commands.length - runnable.length} cannot`,
  );
  const reasons = new Map<string, number>();
  for (const c of commands) if (c.notHere) reasons.set(c.notHere, (reasons.get(c.notHere) ?? 0) + 1);
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`  - ${count} × ${reason}`);
  if (lintOnly) return 0;

  const machineStarted = Date.now();
  const guest = await NodeGuest.restore(await studentMachine());
  console.log(`student's machine ready in ${((Date.now() - machineStarted) / 1000).toFixed(1)} s`);
  let failed = 0;
  const started = Date.now();
  try {
    for (const entry of runnable) {
      const entryStarted = Date.now();
      let last: TypedLine | undefined;
      let problem: string | null;
      try {
        for (const line of entry.command.split("\n")) last = await typeLine(guest, line, LINE_TIMEOUT_MS);
        problem = last ? verdict(entry, last) : "empty";
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      const seconds = ((Date.now() - entryStarted) / 1000).toFixed(1);
      const shown = entry.command.split("\n")[0] + (entry.command.includes("\n") ? " …" : "");
      if (problem) {
        failed++;
        console.log(`  ✗ ${entry.seed}  ${shown}  ${seconds} s  ${problem}`);
        console.log(`      ${SEED_COMMANDS_FILE}:${entry.line}; console:`);
        for (const l of (last?.output ?? "").trim().split("\n").slice(-12)) console.log(`      ${l}`);
        // The console is in an unknown state after a command that did not finish.
        if (last?.outcome !== "finished") break;
      } else console.log(`  ✓ ${entry.seed}  ${shown}  ${seconds} s`);
    }
  } finally {
    guest.destroy();
  }
  console.log(
    `seed commands: ${runnable.length} typed, ${runnable.length - failed} passed, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
// v86 keeps timers alive after destroy(); the verdict is in, so leave now.
process.exit();
