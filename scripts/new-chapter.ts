// npm run new-chapter -- <id> [--course DIR] [--title "…"]: writes NN-<id>/en.md and ja.md (or
// the one language of the course) from the authors' template, ready for lessons:check.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ID_PATTERN } from "../web/src/lessons/frontmatter.ts";
import { BUILTIN_LESSONS, courseDirFrom, displayPath, readCourseTree } from "../web/vite/courseFolder.ts";
import { chapterText, nextPrefix, titleFromId } from "./lib/chapterTemplate.ts";

const USAGE = `usage: npm run new-chapter -- <id> [--course DIR] [--title "Title"]

  <id>          the chapter id: lowercase letters, digits and single dashes, e.g. uts-namespace
  --course DIR  add it to the course in DIR (default: COURSE_DIR, else the lab's lessons/)
  --title TEXT  its title (default: from the id)`;

function fail(message: string): never {
  console.error(`new-chapter: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const argv = process.argv.slice(2);
let title: string | undefined;
const positional: string[] = [];
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] ?? "";
  if (arg === "--course") i++;
  else if (arg.startsWith("--course=")) continue;
  else if (arg === "--title") title = argv[++i];
  else if (arg.startsWith("--title=")) title = arg.slice("--title=".length);
  else if (arg === "--help" || arg === "-h") {
    console.log(USAGE);
    process.exit(0);
  } else if (arg.startsWith("-")) fail(`unknown option ${arg}`);
  else positional.push(arg);
}
const [id, ...extra] = positional;
if (!id) fail("give the new chapter's id");
if (extra.length > 0) fail(`one id at a time (also got ${extra.join(" ")})`);
if (!ID_PATTERN.test(id)) fail(`\`${id}\` is not a chapter id: lowercase letters, digits and single dashes`);
if (title !== undefined && !title.trim()) fail("--title needs a text");

let course: string | undefined;
let languages: readonly ("en" | "ja")[];
try {
  course = courseDirFrom(argv);
  const tree = readCourseTree(course);
  languages = tree.languages;
  const taken = Object.entries(tree.dirs).find(([folder]) => folder.replace(/^\d+-/, "") === id);
  if (taken) fail(`the course already has a chapter \`${id}\` (${taken[1]})`);
} catch (error) {
  fail((error as Error).message);
}
const root = course ?? BUILTIN_LESSONS;
const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
const folder = `${nextPrefix(folders)}-${id}`;
const dir = join(root, folder);
if (existsSync(dir)) fail(`${displayPath(dir, process.cwd())} exists already`);
mkdirSync(dir);
const draft = { id, title: title?.trim() ?? titleFromId(id), today: new Date().toISOString().slice(0, 10) };
for (const language of languages) {
  const file = join(dir, `${language}.md`);
  writeFileSync(file, chapterText(language, draft));
  console.log(`wrote ${displayPath(file, process.cwd())}`);
}
console.log(
  `check it in the guest with: npm run lessons:check -- ${course ? `--course ${displayPath(course, process.cwd())} ` : ""}${displayPath(dir, process.cwd())}`,
);
