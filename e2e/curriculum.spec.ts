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

interface Question {
  id: string;
  /** The labels of its right answers, as the student reads them. */
  right: string[];
  /** For a typed answer (`answer="^setns(\\(\\))?$"`), a text that matches it. */
  typed?: string;
}

interface ChapterStep {
  id: string;
  manual: boolean;
  /** A challenge gives a goal, not Run blocks: the student types their own commands. */
  challenge: boolean;
  /** A quiz step: each quiz's right answers. */
  quizzes: Question[];
  /** Predictions lock the Run blocks below them until the student has predicted. */
  predictions: Question[];
  /** The hidden solution's lines, typed for a challenge as a student who solved it would. */
  solution: string[];
}

/** The plainest text a simple answer pattern accepts: anchors and optional groups dropped. */
function plainAnswer(pattern: string): string {
  return pattern
    .replace(/^\^|\$$/g, "")
    .replace(/\((?:[^()]|\([^()]*\))*\)\?/g, "")
    .replace(/\\(.)/g, "$1");
}

function questions(body: string, kind: "quiz" | "predict"): Question[] {
  return [...body.matchAll(new RegExp(`^:::${kind}\\{#([\\w-]+)([^}]*)\\}\\n([\\s\\S]*?)\\n:::$`, "gm"))].map(
    (q) => {
      const answer = /answer="([^"]+)"/.exec(q[2] ?? "")?.[1];
      return {
        id: q[1] ?? "",
        right: [...(q[3] ?? "").matchAll(/^- \[x\] (.+)$/gm)].map((r) => (r[1] ?? "").replace(/[`*]/g, "")),
        ...(answer ? { typed: plainAnswer(answer) } : {}),
      };
    },
  );
}

function stepsOf(file: string): ChapterStep[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^::::step\{#([\w-]+)([^}]*)\}\n([\s\S]*?)\n::::\n/gm)].map((m) => {
    const flags = (m[2] ?? "").split(/\s+/);
    const body = m[3] ?? "";
    return {
      id: m[1] ?? "",
      manual: flags.includes("manual"),
      challenge: flags.includes("challenge"),
      quizzes: questions(body, "quiz"),
      predictions: questions(body, "predict"),
      solution: (/^```sh solution\n([\s\S]*?)\n```$/m.exec(body)?.[1] ?? "").split("\n").filter(Boolean),
    };
  });
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
        if (quiz.typed !== undefined) await form.getByRole("textbox").fill(quiz.typed);
        for (const label of quiz.right) await form.getByRole("radio", { name: label, exact: true }).check();
        await form.getByRole("button", { name: "Check my answer" }).click();
        await expect(form.getByText("✓ Right.")).toBeVisible();
      }
    } else if (step.challenge) {
      // Typed as the student would; the step's own check says when it is done (below). The shell
      // may still be inside an earlier step's nested shell, so no command count is waited for.
      await page.getByTestId("terminal").click();
      for (const line of step.solution) {
        await page.keyboard.type(line);
        await page.keyboard.press("Enter");
      }
      // A solution that ends in a background job (`… &`) has its prompt back before the job has
      // done its part: the app checks again over the next seconds, with no key pressed.
    } else {
      for (const prediction of step.predictions) {
        const form = section.getByTestId(`question-${prediction.id}`);
        for (const label of prediction.right)
          await form.getByRole("radio", { name: label, exact: true }).check();
        await form.getByRole("button", { name: "Lock in my prediction" }).click();
      }
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
