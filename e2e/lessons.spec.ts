// Lessons that run and check themselves, on the real guest.
import { expect, test } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal, stepLink, waitForMachine } from "./lab.ts";

const CHAPTER = "#/chapter/example/step/";

test("Run types the command into the terminal and the step turns green by itself", async ({ page }) => {
  await openLab(page, `./${CHAPTER}enter-uts-namespace`);
  await page.getByRole("button", { name: "Run in the terminal: unshare --uts bash" }).click();
  await expectTerminal(page, /unshare --uts bash/);
  await expect(stepLink(page, /Start a shell in a new UTS namespace \(done\)/)).toBeVisible();
  // The next step, done by typing instead of clicking.
  await page.goto(`./${CHAPTER}set-hostname`);
  expect(await runInTerminal(page, "hostname demo")).toBe(0);
  await expect(stepLink(page, /Rename the container \(done\)/)).toBeVisible();
});

test("progress survives a reload", async ({ page }) => {
  await openLab(page, `./${CHAPTER}enter-uts-namespace`);
  // A nested shell: the command does not finish, its new prompt appears.
  await page.getByTestId("terminal").click();
  await page.keyboard.type("unshare --uts bash\n");
  await expect(stepLink(page, /Start a shell in a new UTS namespace \(done\)/)).toBeVisible();
  await page.reload();
  await waitForMachine(page);
  await expect(stepLink(page, /Start a shell in a new UTS namespace \(done\)/)).toBeVisible();
  // The example is the authors' template, not in the list: its own page counts the steps.
  await page.goto("./#/chapter/example");
  await expect(page.getByText("1 of 10 steps done").first()).toBeVisible();
});

test("a step can send the student to a panel", async ({ page }) => {
  await openLab(page, `./${CHAPTER}create-cgroup`);
  await expect(page.getByRole("tab", { name: /cgroups/i })).toHaveAttribute("aria-selected", "true");
});

test("lessons switch language with the app", async ({ page }) => {
  await openLab(page, `./${CHAPTER}look-around`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("region", { name: "レッスン" })).toBeVisible();
  await expectTerminal(page, /root@containerlab/);
});

test("the lessons are parsed in the course worker, never on the page", async ({ page }) => {
  // The page holds no lesson parser: it loads one only if the course worker fails to start.
  const parserOnPage: string[] = [];
  const workerErrors: string[] = [];
  page.on("request", (request) => {
    if (/\/buildCourse-[^/]*\.js$/.test(request.url())) parserOnPage.push(request.url());
  });
  page.on("console", (message) => {
    if (/courseWorker/.test(message.location().url) && message.type() === "error")
      workerErrors.push(message.text());
  });
  const courseWorker = page.waitForEvent("worker", (worker) => /courseWorker/.test(worker.url()));
  await openLab(page, "./#/");
  await courseWorker;
  await expect(page.getByRole("heading", { name: "Chapters" })).toBeVisible();
  await expect(page.getByText(/0 of 8 steps done/).first()).toBeVisible();
  expect(parserOnPage).toEqual([]);
  expect(workerErrors).toEqual([]);
});
