// npm run dev [-- --course DIR] [vite options]: the Vite dev server with hot reload, for the
// lab's own lessons or an instructor's course folder (a lesson edited, added or removed shows
// up without rebooting the guest). Checks course.yaml first, so a mistake in it is one line
// with its position rather than a stack trace from inside Vite.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { courseDirFrom, readCourseTree, withoutCourseArg } from "../web/vite/courseFolder.ts";
import { REPO_ROOT } from "./lib/paths.ts";

const argv = process.argv.slice(2);
let course: string | undefined;
try {
  course = courseDirFrom(argv);
  const tree = readCourseTree(course);
  if (course) console.log(`[dev] course ${course}: ${Object.keys(tree.dirs).length} chapter folder(s)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const env = { ...process.env };
if (course) env.COURSE_DIR = course;
else delete env.COURSE_DIR;
const vite = spawn(
  process.execPath,
  [
    join(REPO_ROOT, "node_modules", "vite", "bin", "vite.js"),
    "--config",
    "web/vite.config.ts",
    ...withoutCourseArg(argv),
  ],
  { cwd: REPO_ROOT, stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => vite.kill(signal));
vite.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
