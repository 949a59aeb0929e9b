// A whole chapter, walked the way a student would: click Run on every block of every step,
// and watch each step turn green by itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { openLab } from "./lab.ts";

const CHAPTER = {
  id: "namespaces",
  file: join(import.meta.dirname, "..", "lessons", "02-namespaces", "en.md"),
};

function stepsOf(file: string): Array<{ id: string; manual: boolean }> {
  return [...readFileSync(file, "utf8").matchAll(/^::::step\{#([\w-]+)( manual)?\}/gm)].map((m) => ({
    id: m[1] ?? "",
    manual: Boolean(m[2]),
  }));
}

test("every step of a chapter turns green by clicking Run", async ({ page }) => {
  test.setTimeout(300_000);
  const steps = stepsOf(CHAPTER.file);
  expect(steps.length).toBeGreaterThan(4);
  await openLab(page, `./#/chapter/${CHAPTER.id}/step/${steps[0]?.id}`);
  const stepper = page.getByRole("navigation", { name: "Steps" }).first();
  for (const [index, step] of steps.entries()) {
    await page.evaluate((hash) => (window.location.hash = hash), `#/chapter/${CHAPTER.id}/step/${step.id}`);
    const section = page.locator("section.cl-lesson-step");
    // The pane renders the step after the hash changes (lessons are parsed in a worker): read its
    // buttons only once it shows this step, not the previous one or none.
    await expect(section.locator(".cl-lesson-step-number")).toHaveText(`Step ${index + 1}`);
    if (step.manual) {
      await section.getByRole("button", { name: "Mark as done" }).click();
    } else {
      const runs = section.getByRole("button", { name: /^Run in the terminal/ });
      const count = await runs.count();
      expect(count, `step ${step.id} has Run blocks`).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) await runs.nth(i).click();
    }
    await expect(stepper.getByRole("listitem").nth(index)).toHaveClass(/is-done/, { timeout: 60_000 });
  }
  await page.evaluate(() => (window.location.hash = "#/"));
  await expect(
    page.getByRole("progressbar", { name: `${steps.length} of ${steps.length} steps done` }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: /^Review: Namespaces I/ })).toBeVisible();
});
