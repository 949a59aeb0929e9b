// npm test (and `npm run test:quick` with --quick): runs the stages of scripts/lib/testRun.ts
// in order, stopping after the first that fails. A step's output streams as it comes, each line
// behind the step's tag when lanes run side by side. At the end: a table of every step (seconds,
// tests passed and failed) and the closing line `N passed, N failed`.
import { spawn, type ChildProcess } from "node:child_process";
import { FULL, QUICK, type Counts, type Stage, type Step } from "./lib/testRun.ts";
import { REPO_ROOT } from "./lib/paths.ts";

interface Outcome {
  step: Step;
  status: "passed" | "failed" | "stopped";
  seconds: number;
  counts: Counts;
}

const running = new Set<ChildProcess>();

function runStep(step: Step, tag: string | null): Promise<Outcome> {
  const started = Date.now();
  console.log(`\n=== ${step.name}${tag ? ` [${tag}]` : ""}: ${step.command.join(" ")}`);
  return new Promise((resolve) => {
    const [command, ...args] = step.command;
    // Each step in its own process group, so a stop reaches npm's children too.
    const child = spawn(command ?? "false", args, {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.add(child);
    let output = "";
    let partial = "";
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (!tag) {
        process.stdout.write(text);
        return;
      }
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${tag} │ ${line}\n`);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("close", (code, signal) => {
      running.delete(child);
      if (tag && partial) process.stdout.write(`${tag} │ ${partial}\n`);
      const ok = code === 0;
      const counted = step.count?.(output) ?? null;
      const counts = counted ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
      // A step that failed must count a failure even when its runner's summary said none.
      if (!ok && counts.failed === 0) counts.failed = 1;
      resolve({
        step,
        status: signal === "SIGTERM" && stopping ? "stopped" : ok ? "passed" : "failed",
        seconds: (Date.now() - started) / 1000,
        counts,
      });
    });
  });
}

let stopping = false;

/** Ends the steps still running in other lanes once one lane has failed. */
function stopOthers(): void {
  stopping = true;
  for (const child of running) if (child.pid) process.kill(-child.pid, "SIGTERM");
}

async function runLane(steps: Step[], tag: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    if (stopping) break;
    const outcome = await runStep(step, tag);
    outcomes.push(outcome);
    if (outcome.status === "failed") {
      stopOthers();
      break;
    }
  }
  return outcomes;
}

async function runStage(stage: Stage): Promise<Outcome[]> {
  if (!("lanes" in stage)) return [await runStep(stage, null)];
  const lanes = await Promise.all(
    stage.lanes.map((steps, i) => runLane(steps, `lane ${String.fromCharCode(65 + i)}`)),
  );
  return lanes.flat();
}

function totals(outcomes: readonly Outcome[]): Counts {
  return {
    passed: outcomes.reduce((n, o) => n + o.counts.passed, 0),
    failed: outcomes.reduce((n, o) => n + o.counts.failed, 0),
  };
}

function table(outcomes: readonly Outcome[], total: Counts, wallSeconds: number): string[] {
  const width = Math.max(24, ...outcomes.map((o) => o.step.name.length));
  const row = (name: string, seconds: string, passed: string, failed: string, note = "") =>
    `${name.padEnd(width)}  ${seconds.padStart(8)}  ${passed.padStart(7)}  ${failed.padStart(7)}${note ? `  ${note}` : ""}`;
  return [
    row("step", "seconds", "passed", "failed"),
    ...outcomes.map((o) =>
      row(
        o.step.name,
        o.seconds.toFixed(0),
        String(o.counts.passed),
        String(o.counts.failed),
        o.status === "passed" ? "" : o.status,
      ),
    ),
    row("total (wall clock)", wallSeconds.toFixed(0), String(total.passed), String(total.failed)),
  ];
}

async function main(): Promise<number> {
  const quick = process.argv.includes("--quick");
  const stages = quick ? QUICK : FULL;
  const started = Date.now();
  const outcomes: Outcome[] = [];
  for (const stage of stages) {
    const stageOutcomes = await runStage(stage);
    outcomes.push(...stageOutcomes);
    if (stageOutcomes.some((o) => o.status !== "passed")) break;
  }
  const wall = (Date.now() - started) / 1000;
  console.log(`\n=== ${quick ? "npm run test:quick" : "npm test"}: ${(wall / 60).toFixed(1)} min`);
  const { passed, failed } = totals(outcomes);
  for (const line of table(outcomes, { passed, failed }, wall)) console.log(line);
  const allRan = outcomes.length === stages.flatMap((s) => ("lanes" in s ? s.lanes.flat() : [s])).length;
  if (!allRan && failed > 0) console.log("stopped after the first stage that failed");
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && allRan ? 0 : 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopOthers();
    process.exit(130);
  });
}

process.exitCode = await main();
