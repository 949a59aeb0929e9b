// What a hostile or unlucky student does to the guest, on the real machine in Chromium: each
// test ends with a working prompt and the student's files as of their last healthy save.
import { expect, test, type Page } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal, terminalText, waitForMachine } from "./lab.ts";

async function saveNow(page: Page): Promise<void> {
  await page.getByTestId("session-menu").click();
  await page.getByTestId("save-now").click();
  await expect(page.getByTestId("save-status")).toHaveText(/saved at/i, { timeout: 30_000 });
  await page.getByTestId("session-menu").click();
}

for (const dir of ["/tmp", "/root"]) {
  test(`filling ${dir} says "No space left on device" and the machine keeps running`, async ({ page }) => {
    await openLab(page);
    // grep's status: the terminal wraps dd's long message.
    expect(
      await runInTerminal(
        page,
        `dd if=/dev/zero of=${dir}/fill bs=1M 2>&1 | grep -q "No space left on device"`,
        60_000,
      ),
    ).toBe(0);
    expect(await runInTerminal(page, `rm ${dir}/fill && echo room-again-$((6*7)) > ${dir}/after.txt`)).toBe(
      0,
    );
    expect(await runInTerminal(page, `cat ${dir}/after.txt`)).toBe(0);
    await expectTerminal(page, /^room-again-42\s*$/m);
    await expect(page.getByTestId("health-banner")).toHaveCount(0);
  });
}

test("a killed guest agent comes back by itself and the panels go on", async ({ page }) => {
  await openLab(page);
  await page.getByRole("tab", { name: "Processes" }).click();
  expect(await runInTerminal(page, "kill -9 $(pidof guest-agent)")).toBe(0);
  // busybox init respawns it; the panels show a process started after the kill.
  expect(await runInTerminal(page, "sleep 4242 &")).toBe(0);
  await expect(page.getByText(/sleep 4242/).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("health-banner")).toHaveCount(0);
});

for (const command of ["poweroff", "halt", "reboot"]) {
  test(`${command} is recognised as a shutdown and one click brings back the last save`, async ({ page }) => {
    await openLab(page);
    expect(await runInTerminal(page, `echo before-${command} > /root/work.txt`)).toBe(0);
    await saveNow(page);
    await page.getByTestId("terminal").click();
    await page.keyboard.type(`${command}\n`);
    const banner = page.getByTestId("health-banner");
    // Recognised from the kernel's own last line ("reboot: …"), which names what happened; the
    // heartbeat could only say the machine is not answering. The shutdown itself takes a while
    // on a busy host, so the wait is generous: the text, not the time, is what this proves.
    await expect(banner).toContainText(/shut down from inside/, { timeout: 30_000 });
    await banner.getByTestId("restore-saved").click();
    await waitForMachine(page);
    await expect(banner).toHaveCount(0);
    // The header says what the page started from: the student's save.
    await expect(page.getByTestId("machine-status")).toContainText(/Restored your machine saved at/);
    expect(await runInTerminal(page, "cat /root/work.txt")).toBe(0);
    await expectTerminal(page, new RegExp(`^before-${command}\\s*$`, "m"));
  });
}

test("a fork bomb stops at the shell's process limit, is never saved, and cgroup.kill ends it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openLab(page);
  expect(await runInTerminal(page, "echo before-the-bomb > /root/work.txt")).toBe(0);
  await saveNow(page);
  await page.getByTestId("terminal").click();
  await page.keyboard.type(":(){ :|:& };:\n");
  // The console's cgroup (pids.max 256) stops it; the agent, outside it, still answers the
  // save's probe, which is how the page can tell the student what happened.
  await page.getByTestId("session-menu").click();
  await expect(async () => {
    await page.getByTestId("save-now").click();
    // The save's probe may take up to 8 s (PROBE_TIMEOUT_MS) on a machine this busy.
    await expect(page.getByTestId("save-status")).toHaveText(/multiplying up to their limit/, {
      timeout: 12_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("health-banner")).toHaveCount(0);
  await page.getByTestId("session-menu").click();
  // The way out the message gives: a shell builtin and a redirection, so no fork is needed.
  await page.getByTestId("terminal").click();
  await page.keyboard.type("echo 1 > /sys/fs/cgroup/console/cgroup.kill\n");
  // init starts a new login shell: a bare prompt is the last line again, after the echoed kill
  // (and the dying bomb's last messages) took its place. Typed before the new shell is up, a
  // command is echoed by the tty and read, cut short, by the new shell.
  const lastLine = async () => (await terminalText(page)).trimEnd().split("\n").at(-1) ?? "";
  const barePrompt = /^root@containerlab:~# ?$/;
  await expect.poll(lastLine).not.toMatch(barePrompt);
  await expect.poll(lastLine, { timeout: 60_000 }).toMatch(barePrompt);
  expect(
    await runInTerminal(page, "cat /root/work.txt; echo tasks=$(cat /sys/fs/cgroup/console/pids.current)"),
  ).toBe(0);
  await expectTerminal(page, /^before-the-bomb\s*$/m);
  await expectTerminal(page, /^tasks=[1-9]\s*$/m);
  // After a reload, the page resumes the healthy save from before the bomb.
  await page.reload();
  await waitForMachine(page);
  expect(await runInTerminal(page, "cat /root/work.txt; ps -e | wc -l")).toBe(0);
  await expectTerminal(page, /^before-the-bomb\s*$/m);
});

/** One 100 MiB buffer, filled at once: more than the machine has free (106 MiB in all). */
const MEMORY_HOG = "dd if=/dev/zero of=/dev/null bs=100M count=1";

test("a memory hog beyond RAM is OOM-killed and the agent keeps answering", async ({ page }) => {
  await openLab(page);
  await page.getByRole("tab", { name: "Processes" }).click();
  expect(await runInTerminal(page, MEMORY_HOG, 120_000)).toBe(137);
  // The panels are fed by the agent: a process started now shows up.
  expect(await runInTerminal(page, "sleep 5151 &")).toBe(0);
  await expect(page.getByText(/sleep 5151/).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("health-banner")).toHaveCount(0);
});

test("a kernel panic is recognised and the last save comes back healthy", async ({ page }) => {
  await openLab(page);
  expect(await runInTerminal(page, "echo before-the-panic > /root/work.txt")).toBe(0);
  await saveNow(page);
  // A real panic from userspace: the OOM killer told to panic instead of killing.
  await page.getByTestId("terminal").click();
  await page.keyboard.type(`echo 1 > /proc/sys/vm/panic_on_oom; ${MEMORY_HOG}\n`);
  const banner = page.getByTestId("health-banner");
  await expect(banner).toContainText(/kernel panicked/, { timeout: 120_000 });
  await banner.getByTestId("restore-saved").click();
  await waitForMachine(page);
  expect(await runInTerminal(page, "cat /root/work.txt; cat /proc/sys/vm/panic_on_oom")).toBe(0);
  await expectTerminal(page, /^before-the-panic\s*\n0\s*$/m);
});

test("four busy loops slow the machine down but the prompt, panels and reset still work", async ({
  page,
}) => {
  await openLab(page);
  expect(await runInTerminal(page, "for i in 1 2 3 4; do (while :; do :; done) & done")).toBe(0);
  expect(await runInTerminal(page, "echo still-typing-$((6*7))", 60_000)).toBe(0);
  await expectTerminal(page, /^still-typing-42\s*$/m);
  await page.getByRole("tab", { name: "Processes" }).click();
  expect(await runInTerminal(page, "sleep 6161 &", 60_000)).toBe(0);
  await expect(page.getByText(/sleep 6161/).first()).toBeVisible({ timeout: 60_000 });
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("reset-machine").click();
  await waitForMachine(page);
  expect(await runInTerminal(page, "echo calm-again")).toBe(0);
  await expectTerminal(page, /^calm-again\s*$/m);
});
