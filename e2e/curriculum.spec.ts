// A whole chapter, walked the way a student would: click Run on every block of every step,
// answer its quizzes, and watch each step turn green by itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { openLab } from "./lab.ts";

const CHAPTER = {
  id: "namespaces",
  file: join(import.meta.dirname, "..", "lessons", "02-namespaces", "en.md"),
};

interface ChapterStep {
  id: string;
  manual: boolean;
  /** A quiz step: each quiz's id and the labels of its right answers, as the student reads them. */
  quizzes: { id: string; right: string[] }[];
}

function stepsOf(file: string): ChapterStep[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^::::step\{#([\w-]+)( manual)?\}\n([\s\S]*?)\n::::\n/gm)].map((m) => ({
    id: m[1] ?? "",
    manual: Boolean(m[2]),
    quizzes: [...(m[3] ?? "").matchAll(/^:::quiz\{#([\w-]+)[^}]*\}\n([\s\S]*?)\n:::$/gm)].map((q) => ({
      id: q[1] ?? "",
      right: [...(q[2] ?? "").matchAll(/^- \[x\] (.+)$/gm)].map((r) => (r[1] ?? "").replace(/[`*]/g, "")),
    })),
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
    } else if (step.quizzes.length > 0) {
      for (const quiz of step.quizzes) {
        const form = section.getByTestId(`question-${quiz.id}`);
        for (const label of quiz.right) await form.getByRole("radio", { name: label, exact: true }).check();
        await form.getByRole("button", { name: "Check my answer" }).click();
        await expect(form.getByText("✓ Right.")).toBeVisible();
      }
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
