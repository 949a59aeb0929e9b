// The steps of `npm test` and `npm run test:quick`, and how each one's output is counted. A step
// runs a command; a stage is one step, or lanes of steps that run side by side (each lane one
// step after another). The runner (scripts/test-all.ts) streams output, times each step and
// prints the table.
import { stripVTControlCharacters } from "node:util";
import type { Pass } from "./lessonCheckArgs.ts";

export interface Counts {
  passed: number;
  failed: number;
}

export interface Step {
  name: string;
  command: string[];
  /** Reads the tests a step ran from its output; a step that says nothing counts as one check. */
  count?: (output: string) => Counts | null;
}

/** One step, or lanes that run at once (each lane's steps one after another). */
export type Stage = Step | { lanes: Step[][] };

function numberBefore(text: string, word: string): number {
  const match = new RegExp(`(\\d+) ${word}`).exec(text);
  return match ? Number(match[1]) : 0;
}

/** Vitest's summary: ` Tests  2 failed | 495 passed (497)`. */
export function vitestCounts(output: string): Counts | null {
  const line = stripVTControlCharacters(output)
    .split("\n")
    .find((l) => /^\s*Tests\s+.*\(\d+\)\s*$/.test(l));
  if (!line) return null;
  return { passed: numberBefore(line, "passed"), failed: numberBefore(line, "failed") };
}

/** Playwright's list reporter ends with `  63 passed (21.1m)` and `  1 failed` (flaky counts as failed). */
export function playwrightCounts(output: string): Counts | null {
  const lines = stripVTControlCharacters(output).split("\n");
  const total = (word: string) =>
    lines
      .map((l) => new RegExp(`^\\s*(\\d+) ${word}\\b`).exec(l))
      .reduce((sum, m) => sum + (m ? Number(m[1]) : 0), 0);
  const counts = { passed: total("passed"), failed: total("failed") + total("flaky") };
  return counts.passed + counts.failed > 0 ? counts : null;
}

/** lessons:check's totals: `…; guest: 123 steps, 123 passed, 0 failed`. */
export function lessonCounts(output: string): Counts | null {
  const match = /guest: \d+ steps?, (\d+) passed, (\d+) failed/.exec(output);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : null;
}

/** seeds:check: `seed commands: 60 typed, 60 passed, 0 failed, …`. */
export function seedCounts(output: string): Counts | null {
  const match = /seed commands: \d+ typed, (\d+) passed, (\d+) failed/.exec(output);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : null;
}

/** The plain closing line, `N passed, N failed` (the guest agent's host test prints it). */
export function plainCounts(output: string): Counts | null {
  const lines = output.trimEnd().split("\n");
  const match = /^(\d+) passed, (\d+) failed/.exec(lines[lines.length - 1] ?? "");
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : null;
}

const npm = (script: string, ...args: string[]) => [
  "npm",
  "run",
  "-s",
  script,
  ...(args.length ? ["--", ...args] : []),
];

const typecheck: Step = { name: "typecheck", command: npm("typecheck") };
const lint: Step = { name: "lint", command: npm("lint") };
const unit: Step = { name: "unit tests", command: npm("test:unit"), count: vitestCounts };
// The student's machine: every guest step restores it; built once here, not in each.
const snapshot: Step = {
  name: "student's machine (snapshot)",
  command: ["node", "--import", "tsx", "scripts/build-snapshot.ts"],
};
const build: Step = { name: "build", command: npm("build") };

const verify: Step = { name: "image matches manifest", command: npm("vm:verify") };
const agentHost: Step = {
  name: "guest agent (host)",
  command: ["bash", "vm-image/agent/test-host.sh"],
  count: plainCounts,
};
const guestTests: Step = {
  name: "guest tests (v86 in Node)",
  command: npm("test:guest"),
  count: vitestCounts,
};
/** One of lessons:check's two proofs (scripts/lib/lessonCheckArgs.ts). */
const lessonPass = (name: string, pass: Pass): Step => ({
  name,
  command: npm("lessons:check", "--pass", pass),
  count: lessonCounts,
});
const courseOrder = lessonPass("lessons, course order, as printed", "course-order");
const fresh = lessonPass("lessons, each fresh, solutions", "fresh");
const seeds: Step = {
  name: "seed chapters' commands, as printed",
  command: npm("seeds:check"),
  count: seedCounts,
};
const e2e: Step = {
  name: "e2e (Playwright)",
  command: ["npx", "playwright", "test"],
  count: playwrightCounts,
};

/**
 * `npm test`: every check, cheapest first; stops after the first stage that fails.
 *
 * Lanes run side by side, one per core, and hold Node processes only. With V8 compiling v86's
 * generated code once (Liftoff, scripts/lib/nodeGuest.ts), an emulator in Node keeps to one
 * core, so two lanes of guests run at nearly full speed each (a fresh-clone run: guest tests
 * 122 s in a lane, 136 s alone). Chromium uses more than a core for one page, and an earlier try
 * that ran the e2e beside a lane made each 1.6x slower and broke waits: the e2e runs alone.
 * Balanced by that run's lengths: guest tests 122 + course order 356 + build 14 s against
 * fresh 301 + seeds 138 s.
 */
export const FULL: Stage[] = [
  {
    lanes: [
      [typecheck, lint, verify],
      [snapshot, agentHost, unit],
    ],
  },
  {
    lanes: [
      [guestTests, courseOrder, build],
      [fresh, seeds],
    ],
  },
  e2e,
];

/** `npm run test:quick`: the inner loop, a little of each suite, in a few minutes. */
export const QUICK: Stage[] = [
  {
    lanes: [
      [typecheck, lint],
      [snapshot, unit],
    ],
  },
  {
    lanes: [
      [
        {
          name: "guest smoke test (console)",
          command: npm("test:guest", "vm-image/test/console.test.ts"),
          count: vitestCounts,
        },
        {
          name: "one chapter, both ways",
          command: npm("lessons:check", "lessons/00-example"),
          count: lessonCounts,
        },
      ],
      [build],
    ],
  },
  {
    name: "one e2e file (machine)",
    command: ["npx", "playwright", "test", "e2e/machine.spec.ts"],
    count: playwrightCounts,
  },
];
