// Command line of lessons:check: `[--course DIR] [--lint-only] [--pass PASS] [--json FILE] [path…]`.
import { courseDirFrom } from "../../web/vite/courseFolder.ts";

/**
 * The two proofs of a chapter: typing what it prints, in course order on one machine
 * ("course-order"), and typing its solutions on a fresh machine ("fresh"). `npm test` runs them
 * as two processes side by side; by hand, both run one after the other.
 */
export const PASSES = ["course-order", "fresh"] as const;
export type Pass = (typeof PASSES)[number];

export interface LessonCheckArgs {
  /** An instructor's course folder (absolute); the lab's own lessons/ when absent. */
  course?: string;
  paths: string[];
  lintOnly: boolean;
  /** Which proofs run in the guest: both unless --pass names one. */
  passes: Pass[];
  json?: string;
  help: boolean;
}

export const USAGE = `usage: npm run lessons:check -- [--course DIR] [--lint-only] [--pass PASS] [--json FILE] [path...]

Lints every lesson (frontmatter, directives, steps, translations, links, assets) and, unless
--lint-only, proves each chapter in the real guest: every check must fail before its step's
solution is typed into the console and pass after it.

  --course DIR  check the course in DIR (its course.yaml, its chapters and the built-in ones it
                keeps); default: COURSE_DIR, else the lab's own lessons/
  path          a chapter folder or lesson file (default: the whole course)
  --lint-only   skip the guest
  --pass PASS   only one of the two proofs: course-order (what the lessons print, each chapter
                after the one before, on one machine) or fresh (each chapter's solutions on a
                fresh machine); default: both
  --json FILE   also write the report as JSON: {chapters:[{id, steps, passed, failed, ms}]}`;

export function parseLessonCheckArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): LessonCheckArgs {
  const course = courseDirFrom(argv, env);
  const args: LessonCheckArgs = {
    ...(course ? { course } : {}),
    paths: [],
    lintOnly: false,
    passes: [...PASSES],
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--course") i++;
    else if (arg.startsWith("--course=")) continue;
    else if (arg === "--lint-only") args.lintOnly = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--pass" || arg.startsWith("--pass=")) {
      const pass = arg === "--pass" ? argv[++i] : arg.slice("--pass=".length);
      if (!isPass(pass)) throw new Error(`--pass needs one of ${PASSES.join(", ")}`);
      args.passes = [pass];
    } else if (arg === "--json" || arg.startsWith("--json=")) {
      const file = arg === "--json" ? argv[++i] : arg.slice("--json=".length);
      if (!file) throw new Error("--json needs a file name");
      args.json = file;
    } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else args.paths.push(arg);
  }
  return args;
}

function isPass(value: string | undefined): value is Pass {
  return (PASSES as readonly (string | undefined)[]).includes(value);
}
