// npm run test:under-load -- [--runs N] COMMAND [ARG…]
// Runs a test command N times in a row (3 by default) while a busy loop keeps one core of the
// machine occupied, as CI's neighbours and a second lane do: a suite whose waits are on events,
// not on time, passes every run. Stops at the first failing run; prints each run's wall time.
// Example: npm run test:under-load -- npx playwright test
import { spawn, spawnSync } from "node:child_process";
import { REPO_ROOT } from "./lib/paths.ts";

const USAGE = "usage: npm run test:under-load -- [--runs N] COMMAND [ARG...]";

function parse(argv: readonly string[]): { runs: number; command: string[] } {
  let runs = 3;
  let i = 0;
  if (argv[0] === "--runs") {
    runs = Number(argv[1]);
    if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a whole number from 1 up");
    i = 2;
  }
  const command = argv.slice(i);
  if (command.length === 0) throw new Error("no command to run");
  return { runs, command };
}

function main(argv: readonly string[]): number {
  let args: { runs: number; command: string[] };
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`under-load: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // One core kept busy for as long as the runs last: a process that only spins.
  const busy = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  const times: string[] = [];
  try {
    for (let run = 1; run <= args.runs; run++) {
      console.log(`\n=== under load, run ${run} of ${args.runs}: ${args.command.join(" ")}`);
      const started = Date.now();
      const [command, ...rest] = args.command;
      const result = spawnSync(command ?? "false", rest, { cwd: REPO_ROOT, stdio: "inherit" });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      times.push(`${seconds} s`);
      if (result.status !== 0) {
        console.log(`\nunder load: run ${run} failed after ${seconds} s (runs so far: ${times.join(", ")})`);
        return 1;
      }
    }
  } finally {
    busy.kill("SIGKILL");
  }
  console.log(`\nunder load: ${args.runs} of ${args.runs} runs passed: ${times.join(", ")}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
