// What a hostile week in class did to the page (issue 24): each test reproduces one finding.
import { expect, test, type Page } from "@playwright/test";
import { downloadSession, openLab, runInTerminal, stepLink, terminalText } from "./lab.ts";

/** Pastes `text` into the terminal as the browser would (a paste event on xterm's textarea). */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId("terminal").click();
  await page.locator(".xterm-helper-textarea").evaluate((area, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    area.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

const heredoc = (file: string, kib: number) =>
  `cat > ${file} <<'EOF'\n${"0123456789abcdef"
    .repeat(4)
    .concat("\n")
    .repeat(Math.ceil((kib * 1024) / 65))}EOF\n`;

test("a paste goes in with its progress shown, a huge one is refused, and Stop pasting leaves a working shell", async ({
  page,
}) => {
  await openLab(page);
  const status = page.getByTestId("command-status");
  const seq = Number(await status.getAttribute("data-seq"));
  await paste(page, heredoc("/tmp/pasted", 48));
  await expect(page.getByTestId("paste-progress")).toBeVisible();
  await expect(page.getByTestId("paste-progress")).toHaveCount(0, { timeout: 60_000 });
  await expect(status).toHaveAttribute("data-seq", String(seq + 1), { timeout: 60_000 });
  expect(await runInTerminal(page, `test "$(wc -l < /tmp/pasted)" = ${Math.ceil((48 * 1024) / 65)}`)).toBe(0);

  await paste(page, heredoc("/tmp/huge", 600));
  await expect(page.getByTestId("paste-refused")).toContainText(/Not pasted: that is \d+ KB/);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("paste-refused")).toHaveCount(0);

  await paste(page, heredoc("/tmp/stopped", 400));
  await expect(page.getByTestId("paste-progress")).toBeVisible();
  await page.getByRole("button", { name: "Stop pasting" }).click();
  await expect(page.getByTestId("paste-progress")).toHaveCount(0);
  await expect(page.getByTestId("paste-stopped")).toContainText("Pasting stopped");
  // The lab ends what went in with Ctrl-C once the guest caught up: the prompt comes back.
  await expect
    .poll(async () => (await terminalText(page)).trimEnd(), { timeout: 30_000 })
    .toMatch(/root@containerlab:\S*#$/);
  expect(await runInTerminal(page, "test ! -e /tmp/stopped && test ! -e /tmp/huge")).toBe(0);
});

const EXAMPLE = "./#/chapter/example/step/";
test("two tabs: only the owner writes progress, the other shows it, and a reload keeps each tab's role", async ({
  page,
  context,
}) => {
  await openLab(page, `${EXAMPLE}look-around`);
  const second = await context.newPage();
  await openLab(second, `${EXAMPLE}look-around`);
  await expect(second.getByTestId("tab-notice")).toBeVisible();
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(stepLink(page, /Look at your namespaces \(done\)/)).toBeVisible();
  // The second tab follows the owner's progress, and what it does itself is not written.
  await expect(stepLink(second, /Look at your namespaces \(done\)/)).toBeVisible();
  await second.goto(`${EXAMPLE}enter-uts-namespace`);
  await expect(second.getByRole("heading", { name: /Start a shell in a new UTS namespace/ })).toBeVisible();
  // The owner reloads: it owns the machine again (the other tab did not take it) and the step
  // it completed is still done.
  await page.reload();
  await openLab(page, `${EXAMPLE}look-around`);
  await expect(stepLink(page, /Look at your namespaces \(done\)/)).toBeVisible();
  await expect(page.getByTestId("tab-notice")).toHaveCount(0);
  await expect(second.getByTestId("tab-notice")).toBeVisible();
});

test("a full localStorage says progress was not saved, and the next write that fits saves it", async ({
  page,
}) => {
  await openLab(page, `${EXAMPLE}look-around`);
  // What another app on the same origin (a user's pages site) can do: fill the quota.
  await page.evaluate(() => {
    let i = 0;
    for (const size of [1 << 20, 1 << 14, 1 << 8, 1])
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, "x".repeat(size));
      } catch {
        // full at this size; go on with a smaller one
      }
  });
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(stepLink(page, /Look at your namespaces \(done\)/)).toBeVisible();
  await expect(page.getByTestId("storage-full-notice")).toContainText("could not be saved");
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
  await page.goto(`${EXAMPLE}enter-uts-namespace`);
  await expect(page.getByTestId("storage-full-notice")).toHaveCount(0);
  await page.reload();
  await openLab(page, `${EXAMPLE}look-around`);
  await expect(stepLink(page, /Look at your namespaces \(done\)/)).toBeVisible();
});

test("Load a session asks before it replaces the machine, and Back to my last save then means the loaded one", async ({
  page,
}) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo session > /root/from-session.txt")).toBe(0);
  const { file } = await downloadSession(page);
  // The student's own work after that, saved.
  expect(await runInTerminal(page, "rm /root/from-session.txt; echo mine > /root/mine.txt")).toBe(0);
  await page.getByTestId("save-now").click();
  await expect(page.getByTestId("save-status")).toContainText(/Machine saved at/, { timeout: 60_000 });

  // Choosing the file only asks; Cancel leaves everything as it was.
  await page.getByTestId("load-session").setInputFiles(file);
  await expect(page.getByTestId("load-confirm")).toContainText(
    /will replace the machine in this tab, your last save/,
  );
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("load-confirm")).toHaveCount(0);
  expect(await runInTerminal(page, "test -e /root/mine.txt && test ! -e /root/from-session.txt")).toBe(0);

  // Replacing: the loaded machine is the last save, and the menu says when it was made.
  await expect(page.getByTestId("save-status")).toBeVisible(); // the menu is still open
  await page.getByTestId("load-session").setInputFiles(file);
  await page.getByTestId("confirm-load").click();
  await expect(page.getByText("Session loaded.")).toBeVisible({ timeout: 60_000 });
  const loadedAt = new Date().toLocaleTimeString("en").replace(/:\d\d /, ":");
  expect(await runInTerminal(page, "test -e /root/from-session.txt && test ! -e /root/mine.txt")).toBe(0);
  await expect(page.getByTestId("back-to-save")).toBeVisible();
  const label = (await page.getByTestId("back-to-save").textContent()) ?? "";
  expect(label.replace(/:\d\d /, ":")).toContain(loadedAt.slice(0, loadedAt.indexOf(":") + 3));
});

test.describe("offline too early", () => {
  // Without the service worker, the worker's fetches reach the network, where the test cuts them.
  test.use({ serviceWorkers: "block" });

  test("a file of the tools that cannot be downloaded ends in a message with a retry, and the command goes on", async ({
    page,
  }) => {
    await page.route(/lazyfs\/files\//, (route) => route.abort("internetdisconnected"));
    await openLab(page);
    const status = page.getByTestId("command-status");
    const seq = Number(await status.getAttribute("data-seq"));
    await page.getByTestId("terminal").click();
    await page.keyboard.type("runc --version | head -1\n");
    await expect(page.getByTestId("lazy-file-banner")).toContainText(
      "could not download a file its tools need",
    );
    await expect(page.getByTestId("health-banner")).toHaveCount(0);
    await page.unroute(/lazyfs\/files\//);
    await page.getByTestId("lazy-retry").click();
    await expect(page.getByTestId("lazy-file-banner")).toHaveCount(0, { timeout: 60_000 });
    await expect(status).toHaveAttribute("data-seq", String(seq + 1), { timeout: 60_000 });
    await expect(status).toHaveAttribute("data-exit-code", "0");
  });
});
