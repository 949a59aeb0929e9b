// The lab's core promise: a real shell on a real kernel, in the page, offline.
import { expect, test } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal, terminalText, waitForMachine } from "./lab.ts";

test("the page reaches a shell prompt on an i686 kernel", async ({ page }) => {
  await openLab(page);
  await expect(page.getByTestId("machine-status")).toHaveAttribute("data-mode", "snapshot");
  expect(await runInTerminal(page, "uname -m")).toBe(0);
  await expectTerminal(page, /uname -m\s+i686/);
});

test("a command's exit status reaches the app through OSC 133", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "false")).toBe(1);
  await expect(page.getByTestId("command-status")).toHaveAttribute("data-exit-code", "1");
  expect(await runInTerminal(page, "sh -c 'exit 7'")).toBe(7);
  expect(await runInTerminal(page, "true")).toBe(0);
});

test("reset gives a fresh machine without reloading the page, and keeps lesson progress", async ({
  page,
}) => {
  await openLab(page, "./#/chapter/example/step/enter-uts-namespace");
  const done = page.getByRole("link", { name: /Start a shell in a new UTS namespace \(done\)/ });
  await page.getByTestId("terminal").click();
  await page.keyboard.type("unshare --uts bash\n");
  await expect(done).toBeVisible();
  expect(await runInTerminal(page, "echo before-reset > /root/marker && cat /root/marker")).toBe(0);
  await page.evaluate(() => {
    (window as unknown as { __resetMarker: boolean }).__resetMarker = true;
  });
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("reset-machine").click();
  await expect.poll(() => terminalText(page)).not.toContain("before-reset");
  await waitForMachine(page);
  expect(await runInTerminal(page, "test -e /root/marker")).toBe(1);
  // Same page (the marker set before the reset is still there), same progress.
  expect(await page.evaluate(() => (window as unknown as { __resetMarker?: boolean }).__resetMarker)).toBe(
    true,
  );
  await expect(done).toBeVisible();
});

test("the lab runs with every request outside its own origin blocked", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  const foreign: string[] = [];
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreign.push(url);
    return route.abort("internetdisconnected");
  });
  await openLab(page);
  expect(await runInTerminal(page, "echo offline-ok")).toBe(0);
  await expectTerminal(page, /offline-ok/);
  expect(foreign).toEqual([]);
});

test("the guest's tty follows the terminal's size", async ({ page }) => {
  await openLab(page);
  const terminal = page.getByTestId("terminal");
  // What bash believes (it learns the size from SIGWINCH, which TIOCSWINSZ on the tty sends),
  // asked again until the resize request has reached the guest.
  const guestSize = async (tag: string) => {
    await runInTerminal(page, `echo ${tag}=$LINES $COLUMNS`);
    return [...(await terminalText(page)).matchAll(new RegExp(`${tag}=(\\d+ \\d+)`, "g"))].at(-1)?.[1];
  };
  await expect(terminal).toHaveAttribute("data-size", /^\d+ \d+$/);
  const shown = await terminal.getAttribute("data-size");
  await expect.poll(() => guestSize("size")).toBe(shown);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await expect.poll(() => terminal.getAttribute("data-size")).not.toBe(shown);
  const grown = await terminal.getAttribute("data-size");
  await expect.poll(() => guestSize("grown")).toBe(grown);
});
