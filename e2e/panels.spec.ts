// The panels show what the kernel does while the student types, on the real guest.
import { expect, test, type Page } from "@playwright/test";
import { openLab, runInTerminal, terminalText } from "./lab.ts";

async function lastNumber(page: Page, command: string): Promise<string> {
  expect(await runInTerminal(page, `echo N=$(${command})`)).toBe(0);
  const matches = [...(await terminalText(page)).matchAll(/N=(\d+)/g)];
  return matches.at(-1)?.[1] ?? "";
}

test("a new UTS and PID namespace appears with the sleep in it", async ({ page }) => {
  await openLab(page);
  await page.getByRole("tab", { name: "Namespaces" }).click();
  expect(await runInTerminal(page, "unshare --uts --pid --fork --mount-proc sleep 1000 &")).toBe(0);
  // The sleep is the child of unshare: PID 1 of the new namespace.
  // It runs in the background, so it may not have started yet when the prompt is back.
  let pid = "";
  await expect
    .poll(
      async () =>
        (pid = await lastNumber(page, 'ps -o pid,args | awk \'$2 == "sleep" && $3 == "1000" {print $1}\'')),
    )
    .not.toBe("");
  for (const type of ["uts", "pid"]) {
    await expect(page.getByTestId(`ns-cell-${type}-${pid}`)).toHaveAttribute("aria-label", /not initial/);
  }
  await expect(page.getByTestId(`ns-cell-net-${pid}`)).toHaveAttribute(
    "aria-label",
    /net namespace \d+, initial/,
  );
  await page.getByTestId(`ns-cell-uts-${pid}`).click();
  await expect(page.getByTestId("ns-detail")).toContainText(pid);
});

test("a cgroup with a memory limit appears, and an OOM kill in it shows as an event", async ({ page }) => {
  await openLab(page);
  await page.getByRole("tab", { name: "cgroups" }).click();
  expect(
    await runInTerminal(page, "mkdir /sys/fs/cgroup/demo && echo 20M > /sys/fs/cgroup/demo/memory.max"),
  ).toBe(0);
  const node = page.getByTestId("cgroup-node-/demo");
  await expect(node).toBeVisible();
  await expect(node).toContainText(/20(\.0)? MiB|20 MB|20M/);
  await runInTerminal(
    page,
    "sh -c 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs; exec stress --vm 1 --vm-bytes 48M --vm-hang 0 --timeout 20'",
  );
  await expect(page.getByTestId("cgroup-event-oom")).toBeVisible();
  await expect(page.getByTestId("cgroup-event-oom")).toHaveAttribute("data-path", "/demo");
});

test("an overlay mount is drawn as its layers", async ({ page }) => {
  await openLab(page);
  expect(
    await runInTerminal(
      page,
      "mkdir -p /tmp/o/l1 /tmp/o/l2 /tmp/o/up /tmp/o/work /tmp/o/merged && mount -t overlay overlay -o lowerdir=/tmp/o/l1:/tmp/o/l2,upperdir=/tmp/o/up,workdir=/tmp/o/work /tmp/o/merged",
    ),
  ).toBe(0);
  await page.getByRole("tab", { name: "Mounts" }).click();
  await expect(page.getByTestId("overlay-layer-upper")).toContainText("/tmp/o/up");
  await expect(page.getByTestId("overlay-layer-lower-0")).toContainText("/tmp/o/l1");
  await expect(page.getByTestId("overlay-layer-lower-1")).toContainText("/tmp/o/l2");
  await expect(page.getByTestId("overlay-layer-work")).toContainText("/tmp/o/work");
  await expect(page.getByTestId("overlay-layer-merged")).toContainText("/tmp/o/merged");
});
