// Lesson format v2 on the real guest: a challenge, a quiz, "Restart this chapter", and Japanese
// text that wraps without stray spaces. The example chapter (the authors' template) has each.
import { expect, test, type Page } from "@playwright/test";
import { openLab, runInTerminal, stepLink, waitForChapterSetup } from "./lab.ts";

const STEP = "./#/chapter/example/step/";

async function storedStep(page: Page, stepId: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate((id) => {
    const raw = localStorage.getItem("container-lab.lessons.progress") ?? "{}";
    const stored = JSON.parse(raw) as {
      state?: { chapters?: Record<string, { steps: Record<string, unknown> }> };
    };
    return stored.state?.chapters?.example?.steps[id] as Record<string, unknown> | undefined;
  }, stepId);
}

test("a challenge says what is missing, then turns green when solved without the solution, and records that", async ({
  page,
}) => {
  await openLab(page, `${STEP}soft-limit`);
  await expect(page.getByText("Challenge", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Run in the terminal/ })).toHaveCount(0);
  expect(await runInTerminal(page, "mkdir /sys/fs/cgroup/demo")).toBe(0);
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByText(/^Not yet: demo's memory\.high is not 16 MiB yet/)).toBeVisible();
  // Asking once only asks "sure?": the solution stays hidden.
  await page.getByRole("button", { name: "Show the solution" }).click();
  await expect(page.getByText(/Press again to see the solution/)).toBeVisible();
  await expect(page.getByText("echo 16M > /sys/fs/cgroup/demo/memory.high")).toHaveCount(0);

  expect(await runInTerminal(page, "echo 16M > /sys/fs/cgroup/demo/memory.high")).toBe(0);
  await expect(page.getByText("✓ Step complete · Solved on your own")).toBeVisible();
  await expect(stepLink(page, /Challenge: throttle before the kill \(done\)/)).toBeVisible();
  expect(await storedStep(page, "soft-limit")).toMatchObject({ withSolution: false, solutionAsks: 1 });
});

test("a quiz answered wrong, then right, completes its step and keeps the answers", async ({ page }) => {
  await openLab(page, `${STEP}namespace-quiz`);
  const first = page.getByTestId("question-what-unshare-made");
  await first.getByRole("radio", { name: "Every kind of namespace" }).check();
  await first.getByRole("button", { name: "Check my answer" }).click();
  await expect(first.getByText("Not quite. Think again and try another answer.")).toBeVisible();
  await expect(first.getByText(/closer to what a container runtime does/)).toBeVisible();
  // Keyboard only: arrow keys move between radio buttons, Enter submits.
  await first.getByRole("radio", { name: "Every kind of namespace" }).focus();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(first.getByRole("radio", { name: "Only a UTS namespace" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(first.getByText("✓ Right.")).toBeVisible();

  const typed = page.getByTestId("question-where-the-link-is");
  await typed.getByRole("textbox", { name: "Your answer" }).fill("/proc/self/ns/uts");
  await typed.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByText("✓ Step complete")).toBeVisible();
  expect(await storedStep(page, "namespace-quiz")).toMatchObject({
    answers: { "what-unshare-made": { correct: true, tries: 2 }, "where-the-link-is": { correct: true } },
  });
  await page.reload();
  await expect(page.getByTestId("question-what-unshare-made").getByText("✓ Right.")).toBeVisible();
});

test("Restart this chapter brings the machine and the progress back to the chapter's start", async ({
  page,
}) => {
  await openLab(page, `${STEP}enter-uts-namespace`);
  await page.getByTestId("terminal").click();
  await page.keyboard.type("unshare --uts bash\n");
  await expect(stepLink(page, /Start a shell in a new UTS namespace \(done\)/)).toBeVisible();
  expect(await runInTerminal(page, "hostname demo && mkdir /sys/fs/cgroup/demo")).toBe(0);

  await page.getByRole("button", { name: "Restart this chapter" }).click();
  await page
    .getByRole("group", { name: "Restart this chapter" })
    .getByRole("button", { name: "Restart" })
    .click();
  await waitForChapterSetup(page);
  await expect(page.locator("[data-chapter-setup]")).toHaveAttribute("data-chapter-setup", "ready");
  await expect(stepLink(page, /Start a shell in a new UTS namespace$/)).toBeVisible();
  // Back at the login shell: PID 1's UTS namespace, the host's name, no demo cgroup.
  expect(
    await runInTerminal(
      page,
      '[ "$(readlink /proc/$$/ns/uts)" = "$(readlink /proc/1/ns/uts)" ] && [ "$(hostname)" = containerlab ] && [ ! -e /sys/fs/cgroup/demo ]',
    ),
  ).toBe(0);
});

test("a Japanese paragraph has no space where its source line wraps between two Japanese characters", async ({
  page,
}) => {
  await openLab(page, "./#/chapter/example");
  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  const intro = page.locator(".cl-lesson-about .cl-lesson-prose p").first();
  // In the source: "…**システムの見え方を変え**\n（名前空間）、…" and "…この\nページで動いている…".
  await expect(intro).toContainText("システムの見え方を変え（名前空間）");
  await expect(intro).toContainText("このページで動いている");
  const text = await intro.innerText();
  expect(text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff] +[\u3040-\u30ff\u4e00-\u9fff（]/u);
});
