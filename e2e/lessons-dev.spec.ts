// Authoring under `npm run dev`: a lesson file with an error shows an error card with its
// position, the other chapters keep working, and fixing the file brings the chapter back —
// all without rebooting the guest.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { expect, test } from "@playwright/test";
import { expectTerminal, runInTerminal, waitForMachine } from "./lab.ts";

const ROOT = join(import.meta.dirname, "..");
const DRAFT = join(ROOT, "lessons", "98-e2e-draft");
const PORT = 5199;
let server: ChildProcess | undefined;

const lesson = (directive: string) => `---
id: e2e-draft
title: "Draft chapter"
summary: A chapter being written.
objectives: [Try the editor loop]
estimated_minutes: 1
prerequisites: []
difficulty: beginner
---

Intro.

::::step{#only}

### The only step

${directive}

\`\`\`sh check
[ -e /tmp/draft-done ]
\`\`\`

\`\`\`sh solution
touch /tmp/draft-done
\`\`\`

::::
`;

test.beforeAll(async () => {
  // Node runs Vite directly (no npx wrapper), so killing `server` stops the dev server itself.
  server = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules", "vite", "bin", "vite.js"),
      "--config",
      "web/vite.config.ts",
      "--port",
      String(PORT),
      "--strictPort",
    ],
    { cwd: ROOT, stdio: "pipe" },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`vite dev server did not start:\n${output}`)), 60_000);
    server?.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server?.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // Vite colours the port number: compare without the escape codes.
      if (stripVTControlCharacters(output).includes(`:${PORT}/`)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

test.afterAll(() => {
  rmSync(DRAFT, { recursive: true, force: true });
  server?.kill();
});

test("a broken lesson shows its error card and hot-reloads without rebooting the guest", async ({ page }) => {
  test.setTimeout(240_000);
  rmSync(DRAFT, { recursive: true, force: true });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await waitForMachine(page);
  expect(await runInTerminal(page, "echo still-the-same-machine > /root/marker")).toBe(0);
  // The course is parsed once before the draft appears. The dev server compiles the course
  // worker's modules on their first request, which took most of a minute on a busy machine:
  // waiting for the draft had to cover that too, and ran out.
  await expect(page.getByRole("link", { name: /Start: Containers are processes/ })).toBeVisible({
    timeout: 90_000,
  });

  mkdirSync(DRAFT, { recursive: true });
  writeFileSync(join(DRAFT, "en.md"), lesson(":::hnit\nA typo in the directive name.\n:::"));
  writeFileSync(join(DRAFT, "ja.md"), lesson(":::hint\nヒント。\n:::"));
  // The watcher's event, the module's hot update and a parse in a new worker.
  await page.getByRole("link", { name: "98-e2e-draft" }).click({ timeout: 60_000 });
  const card = page.getByRole("alert", { name: /This chapter has errors/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText(/en\.md:\d+:\d+/);
  await expect(card).toContainText(/hint/);
  // The other chapters still work.
  await page.goto(`http://127.0.0.1:${PORT}/#/`);
  await expect(page.getByRole("link", { name: /Start: Containers are processes/ })).toBeVisible();

  writeFileSync(join(DRAFT, "en.md"), lesson(":::hint\nFixed.\n:::"));
  await expect(page.getByRole("link", { name: /Start: Draft chapter/ })).toBeVisible({ timeout: 60_000 });
  // Same guest as before: nothing rebooted.
  expect(await runInTerminal(page, "cat /root/marker")).toBe(0);
  await expectTerminal(page, /still-the-same-machine/);
});
