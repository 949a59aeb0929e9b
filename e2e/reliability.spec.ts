// Nothing a student feeds the app loses their work: damaged records and files are refused or set
// aside with one clear line, the app starts, and what the student had stays.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { WEB_DIST } from "../scripts/lib/ensureBuild.ts";
import { MACHINE_FINGERPRINT } from "../web/src/vm/guestConfig.ts";
import { expectTerminal, openLab, runInTerminal, waitForMachine } from "./lab.ts";

const PROGRESS_KEY = "container-lab.lessons.progress";
const UTS_STEP = "./#/chapter/example/step/enter-uts-namespace";
const DONE = /Start a shell in a new UTS namespace \(done\)/;

/** Puts `text` under the progress key before the app's first load (once, not on reloads). */
async function seedProgress(page: Page, text: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem(key, value);
    },
    [PROGRESS_KEY, text] as const,
  );
}

function sessionFile(progress: unknown, state: Buffer): Buffer {
  const { image_id } = JSON.parse(readFileSync(join(WEB_DIST, "image", "manifest.json"), "utf8")) as {
    image_id: string;
  };
  const header = JSON.stringify({ image_id, machine: MACHINE_FINGERPRINT, savedAt: Date.now(), progress });
  return Buffer.concat([Buffer.from(`CONTAINER-LAB-SESSION 1\n${header}\n`), state]);
}

/** Loads a session file; `confirm`: the file passes its checks and the student says replace. */
async function loadSession(page: Page, buffer: Buffer, confirm = true): Promise<void> {
  await page.getByTestId("session-menu").click();
  await page
    .getByTestId("load-session")
    .setInputFiles({ name: "s.clab", mimeType: "application/octet-stream", buffer });
  if (confirm) await page.getByTestId("confirm-load").click();
}

const DAMAGED: [name: string, text: string][] = [
  ["steps: null", '{"state":{"chapters":{"example":{"steps":null}}},"version":1}'],
  ["chapters: null", '{"state":{"chapters":null},"version":1}'],
  ["random bytes", "\u0000\u00ffnot json at all"],
];

for (const [name, damaged] of DAMAGED) {
  test(`a damaged progress record (${name}) is set aside and the lab starts`, async ({ page }) => {
    await seedProgress(page, damaged);
    await openLab(page, UTS_STEP);
    await expect(page.getByTestId("set-aside-notice")).toContainText(/lesson progress/);
    // The student can work and record progress as usual.
    await page.getByTestId("terminal").click();
    await page.keyboard.type("unshare --uts bash\n");
    await expect(page.getByRole("link", { name: DONE })).toBeVisible();
    // What was set aside can be downloaded, as it was found.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("set-aside-notice").getByRole("button", { name: "Download it" }).click(),
    ]);
    const kept = JSON.parse(readFileSync(await download.path(), "utf8")) as { raw: string }[];
    expect(kept.map((record) => record.raw)).toContain(damaged);
    // A reload starts clean: the new progress is there and nothing is set aside again.
    await page.reload();
    await expect(page.getByRole("link", { name: DONE })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("set-aside-notice")).toHaveCount(0);
  });
}

test("a session file with damaged progress is refused before anything changes", async ({ page }) => {
  await openLab(page, UTS_STEP);
  await page.getByTestId("terminal").click();
  await page.keyboard.type("unshare --uts bash\n");
  await expect(page.getByRole("link", { name: DONE })).toBeVisible();
  expect(await runInTerminal(page, "echo mine > /root/kept.txt")).toBe(0);
  await loadSession(
    page,
    sessionFile({ state: { chapters: { example: { steps: null } } } }, Buffer.from("x")),
    false,
  );
  await expect(page.getByRole("alert")).toContainText(
    /lesson progress is damaged \(chapter "example": steps/,
  );
  await expect(page.getByRole("link", { name: DONE })).toBeVisible();
  expect(await runInTerminal(page, "cat /root/kept.txt")).toBe(0);
  await expectTerminal(page, /^mine\s*$/m);
});

test("a session file whose machine is cut short leaves the student's machine as it was", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo still-here > /root/kept.txt")).toBe(0);
  const truncated = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]);
  await loadSession(page, sessionFile(null, truncated));
  await expect(page.getByRole("alert")).toContainText(
    /machine in this session file is damaged or cut short/,
    {
      timeout: 60_000,
    },
  );
  expect(await runInTerminal(page, "cat /root/kept.txt")).toBe(0);
  await expectTerminal(page, /^still-here\s*$/m);
});

test("two tabs: one owns the saved machine; taking over moves the newer work across", async ({
  page,
  context,
}) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo first > /root/a.txt")).toBe(0);
  const second = await context.newPage();
  await openLab(second);
  await expect(second.getByTestId("tab-notice")).toContainText(/open in another tab/);
  await second.getByTestId("session-menu").click();
  await expect(second.getByTestId("save-now")).toBeDisabled();
  await second.getByTestId("session-menu").click();
  // The owner keeps working; then the second tab takes over and gets that work.
  expect(await runInTerminal(page, "echo newer > /root/b.txt")).toBe(0);
  await second.getByTestId("take-over").click();
  await expect(second.getByTestId("tab-notice")).toHaveCount(0, { timeout: 60_000 });
  await waitForMachine(second);
  expect(await runInTerminal(second, "cat /root/a.txt /root/b.txt")).toBe(0);
  await expectTerminal(second, /^newer\s*$/m);
  // The first tab says where its machine went and writes nothing any more.
  await expect(page.getByTestId("tab-notice")).toContainText(/moved to another tab/);
  await page.getByTestId("session-menu").click();
  await expect(page.getByTestId("save-now")).toBeDisabled();
});
