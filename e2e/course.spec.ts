// An instructor's own course, end to end: a course folder in a temporary directory with one
// chapter that ships files for the guest and one made by `npm run new-chapter`; lessons:check
// proves it in the guest, `npm run build -- --course` makes its static site, and students
// work through it, on a plain page and on a kiosk whose class records the instructor exports.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { serveStatic, type StaticServer } from "../scripts/lib/staticServer.ts";
import { openLab, runInTerminal, stepLink, waitForChapterSetup } from "./lab.ts";

const ROOT = join(import.meta.dirname, "..");
const PORT = 5231;
let work: string;
let server: StaticServer | undefined;
const PRIVATE = {
  ".env": "TOKEN=private-dotfile-4711\n",
  "answers.txt": "private-answer-key-4711\n",
  "unused.png": "private-unlinked-image-4711\n",
};
const OUTSIDE = "private-outside-file-4711\n";

const chapter = (greeting: string) => `---
id: hello
title: "${greeting}"
summary: Run the course's own script.
objectives: [Run a script the course ships]
estimated_minutes: 5
difficulty: beginner
setup: |
  cp "$LAB_FILES/greet.sh" /usr/bin/greet
---

The course put a script in the machine.

::::step{#greet}

### Run it

\`\`\`sh run
greet
\`\`\`

\`\`\`sh check
grep -q "Hello from the course" /tmp/greeting
\`\`\`

\`\`\`sh solution
greet
\`\`\`

::::
`;

function tsx(script: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, COURSE_DIR: "" },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${script} ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

test.use({ baseURL: `http://127.0.0.1:${PORT}/` });

test.beforeAll(async () => {
  test.setTimeout(480_000);
  work = mkdtempSync(join(tmpdir(), "lab-course-"));
  const course = join(work, "course");
  mkdirSync(join(course, "01-hello", "files", "data"), { recursive: true });
  writeFileSync(
    join(course, "course.yaml"),
    "title:\n  en: Hello course\n  ja: ハローコース\nbuiltin: [glossary]\n",
  );
  writeFileSync(join(course, "01-hello", "en.md"), chapter("Hello"));
  writeFileSync(join(course, "01-hello", "ja.md"), chapter("こんにちは"));
  writeFileSync(
    join(course, "01-hello", "files", "greet.sh"),
    "#!/bin/sh\ncat /opt/lab/hello/data/motd.txt > /tmp/greeting\ncat /tmp/greeting\n",
  );
  chmodSync(join(course, "01-hello", "files", "greet.sh"), 0o755);
  writeFileSync(join(course, "01-hello", "files", "data", "motd.txt"), "Hello from the course\n");
  tsx("scripts/new-chapter.ts", ["first-steps", "--course", course, "--title", "First steps"]);
  // What an instructor keeps beside the lessons and never means to publish: a dotfile, an
  // answer key nothing links to, an image nothing links to, and a link to a file outside.
  for (const [name, text] of Object.entries(PRIVATE)) writeFileSync(join(course, "01-hello", name), text);
  writeFileSync(join(work, "outside.txt"), OUTSIDE);
  symlinkSync(join(work, "outside.txt"), join(course, "01-hello", "leak.png"));

  const checked = tsx("scripts/lessons-check.ts", ["--course", course]);
  expect(checked).toContain("01-hello/files: 2 file(s), 99 B → /opt/lab/hello");
  // The glossary's links to the lab's chapters this course leaves out are warnings.
  // Each chapter's one step is proven twice: as printed in course order, then typing the
  // solutions on a fresh machine.
  expect(checked).toMatch(/3 chapters linted: 0 errors, \d+ warnings; guest: 4 steps, 4 passed, 0 failed/);

  const out = join(work, "site");
  tsx("scripts/build.ts", ["--course", course, "--out", out]);
  const site = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString("latin1"));
  for (const secret of [...Object.values(PRIVATE), OUTSIDE])
    for (const form of [secret, Buffer.from(secret).toString("base64")])
      expect(
        site.filter((text) => text.includes(form)),
        `${form} in the site`,
      ).toEqual([]);
  server = await serveStatic(out, PORT, {
    extra: { "/kiosk.json": join(work, "kiosk.json") },
  });
  writeFileSync(
    join(work, "kiosk.json"),
    JSON.stringify({
      instructorPin: "2468",
      askName: true,
      idleTimeoutMinutes: 30,
      title: "Course workshop",
    }),
  );
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a student works through the instructor's course, with the files it ships", async ({ page }) => {
  await openLab(page, "./");
  await expect(page.getByTestId("course-title")).toHaveText("Hello course");
  await expect(page).toHaveTitle("Hello course · Container Lab");
  // The course's two chapters and the one built-in chapter it keeps; none of the lab's others.
  await expect(page.getByRole("link", { name: /Hello/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /First steps/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Processes/ })).toHaveCount(0);

  await page.goto("./#/chapter/hello/step/greet");
  await waitForChapterSetup(page);
  await expect(page.locator("[data-chapter-setup]")).toHaveAttribute("data-chapter-setup", "ready");
  expect(await runInTerminal(page, "test -x /opt/lab/hello/greet.sh && test -x /usr/bin/greet")).toBe(0);
  expect(await runInTerminal(page, "stat -c %a /opt/lab/hello/data/motd.txt | grep -qx 644")).toBe(0);
  await page.getByRole("button", { name: "Run in the terminal: greet" }).click();
  await expect(stepLink(page, /Run it \(done\)/)).toBeVisible();

  await page.goto("./#/chapter/first-steps/step/hello");
  await waitForChapterSetup(page);
  expect(await runInTerminal(page, "echo hello > /tmp/first-steps-hello")).toBe(0);
  await expect(stepLink(page, /Leave a file behind \(done\)/)).toBeVisible();

  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  await expect(page.getByTestId("course-title")).toHaveText("ハローコース");
});

async function nextStudent(page: Page) {
  page.once("dialog", (dialog) => dialog.accept());
  const resets = Number(await page.getByTestId("kiosk-bar").getAttribute("data-resets"));
  await page.getByTestId("next-student").click();
  await expect(page.getByTestId("kiosk-bar")).toHaveAttribute("data-resets", String(resets + 1), {
    timeout: 30_000,
  });
  await expect(page.getByTestId("boot-overlay")).toHaveCount(0, { timeout: 60_000 });
}

test("a kiosk keeps one record per student, which only the instructor's PIN exports as CSV", async ({
  page,
}) => {
  await openLab(page, "./?kiosk");
  const bar = page.getByTestId("kiosk-bar");
  const name = bar.getByLabel("Your name (optional)");

  // Student one finishes "hello".
  await name.fill("Student, One");
  await page.goto("./?kiosk#/chapter/hello/step/greet");
  await waitForChapterSetup(page);
  await page.getByRole("button", { name: "Run in the terminal: greet" }).click();
  await expect(stepLink(page, /Run it \(done\)/)).toBeVisible();
  // A reload in the middle of a session keeps it going.
  await page.reload();
  await expect(name).toHaveValue("Student, One");
  await nextStudent(page);

  // Student two sees nothing of student one: no name, no progress, a fresh machine.
  await expect(name).toHaveValue("");
  await page.goto("./?kiosk#/chapter/hello/step/greet");
  await waitForChapterSetup(page);
  await expect(stepLink(page, /Run it$/)).toBeVisible();
  await expect(stepLink(page, /Run it \(done\)/)).toHaveCount(0);
  expect(await runInTerminal(page, "test -e /tmp/greeting")).toBe(1);
  await page.goto("./?kiosk#/chapter/first-steps/step/hello");
  await waitForChapterSetup(page);
  expect(await runInTerminal(page, "echo hello > /tmp/first-steps-hello")).toBe(0);
  await expect(stepLink(page, /Leave a file behind \(done\)/)).toBeVisible();
  await nextStudent(page);

  // The instructor: a wrong PIN shows nothing, the right one the records.
  await bar.getByTestId("kiosk-menu").click();
  const menu = page.getByTestId("kiosk-menu-dialog");
  await menu.getByLabel("PIN").fill("1111");
  await menu.getByRole("button", { name: "Open" }).click();
  await expect(menu.getByRole("alert")).toHaveText("Wrong PIN.");
  await expect(menu.getByTestId("download-records")).toHaveCount(0);
  await menu.getByLabel("PIN").fill("2468");
  await menu.getByRole("button", { name: "Open" }).click();
  await expect(menu.getByTestId("record-count")).toContainText("2 session(s), 2 row(s)");
  const download = page.waitForEvent("download");
  await menu.getByTestId("download-records").click();
  const file = await (await download).path();
  const rows = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(rows[0]).toBe(
    "session,started,finished,minutes_active,name,chapter,chapter_title,steps_done,steps_total,challenges_solved_alone,challenges_solved_with_solution,challenges_total,quiz_correct,quiz_questions,quiz_tries",
  );
  expect(rows).toHaveLength(3);
  expect(rows[1]).toMatch(/^1,[^,]+,[^,]+,[\d.]+,"Student, One",hello,Hello,1,1,0,0,0,0,0,0$/);
  expect(rows[2]).toMatch(/^2,[^,]+,[^,]+,[\d.]+,,first-steps,First steps,1,1,0,0,0,0,0,0$/);
  await menu.getByRole("button", { name: "Close" }).click();
  await expect(menu).not.toBeVisible();
});
