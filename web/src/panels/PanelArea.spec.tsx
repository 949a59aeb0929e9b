// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rawFixtures, scenarioPids, fixture } from "./fixtures/index.ts";
import { focusPanelByName } from "./lessonFocus.ts";
import { PanelArea } from "./PanelArea.tsx";
import { usePanelStore } from "./panelStore.ts";
import { snapshotStore } from "./snapshotStore.ts";
import type { SnapshotSource } from "./snapshotSource.ts";

/** Answers each request with the next queued reply (the last one repeats). */
class ScriptedSource implements SnapshotSource {
  private listeners = new Set<() => void>();
  constructor(private replies: (unknown | Error)[]) {}

  requestSnapshot(): Promise<unknown> {
    const reply = this.replies.length > 1 ? this.replies.shift() : this.replies[0];
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(structuredClone(reply));
  }

  onCommandFinished(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  finishCommand(): void {
    act(() => {
      for (const listener of this.listeners) listener();
    });
  }
}

const pids = scenarioPids(fixture("after"));

beforeEach(() => {
  snapshotStore.getState().reset();
  usePanelStore.setState({ active: "namespaces", visible: true, highlight: null, focusRequest: 0 });
});

afterEach(cleanup);

describe("PanelArea", () => {
  it("draws the namespace matrix of the real guest, new namespaces coloured", async () => {
    render(<PanelArea source={new ScriptedSource([rawFixtures.after])} />);
    const fresh = await screen.findByTestId(`ns-cell-uts-${pids.pidNsSleeper}`);
    expect(fresh.className).toMatch(/ns-colored/);
    expect(screen.getByTestId("ns-cell-uts-1").className).toMatch(/nsp-cell--initial/);
    // unshare and its child share the new uts namespace: same colour class.
    const colour = /ns-color-\d/.exec(fresh.className)?.[0];
    expect(screen.getByTestId(`ns-cell-uts-${pids.unshare}`).className).toContain(colour);
  });

  it("opens a namespace's details on click and moves through the grid with arrow keys", async () => {
    render(<PanelArea source={new ScriptedSource([rawFixtures.after])} />);
    const cell = await screen.findByTestId(`ns-cell-pid-${pids.pidNsSleeper}`);
    fireEvent.click(cell);
    const detail = screen.getByTestId("ns-detail");
    expect(within(detail).getByRole("heading", { level: 3 }).textContent).toMatch(/^pid namespace \d+$/);
    expect(within(detail).getByText("sleep 1000")).toBeTruthy();

    cell.focus();
    fireEvent.keyDown(cell, { key: "ArrowRight" });
    expect(document.activeElement).toBe(screen.getByTestId(`ns-cell-net-${pids.pidNsSleeper}`));
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    expect(cell.tabIndex).toBe(-1);
  });

  it("follows a lesson's focus request to a highlighted cgroup", async () => {
    render(<PanelArea source={new ScriptedSource([rawFixtures.after])} />);
    await screen.findByTestId("ns-cell-uts-1");
    act(() => focusPanelByName("cgroups", "/demo"));
    expect(screen.getByRole("tab", { name: "cgroups" }).getAttribute("aria-selected")).toBe("true");
    const demo = screen.getByTestId("cgroup-node-/demo");
    expect(demo.hasAttribute("data-highlighted")).toBe(true);
    expect(within(demo).getByRole("meter").getAttribute("aria-valuemax")).toBe(String(20 * 1024 * 1024));
    expect(screen.getByTestId("cgroup-node-/lab/app")).toBeTruthy();
  });

  it("shows an OOM kill when a finished command brings a snapshot where oom_kill grew", async () => {
    usePanelStore.setState({ active: "cgroups" });
    const source = new ScriptedSource([rawFixtures.before, rawFixtures.after]);
    render(<PanelArea source={source} />);
    await screen.findByTestId("cgroup-node-/demo");
    expect(screen.queryByTestId("cgroup-event-oom")).toBeNull();
    source.finishCommand();
    const event = await screen.findByTestId("cgroup-event-oom");
    expect(event.getAttribute("data-path")).toBe("/demo");
    expect(screen.getByTestId("cgroup-event-pids-max").getAttribute("data-path")).toBe("/forks");
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(screen.queryByTestId("cgroup-event-oom")).toBeNull();
  });

  it("draws the overlay mount as its layers and switches mount namespaces", async () => {
    usePanelStore.setState({ active: "mounts" });
    render(<PanelArea source={new ScriptedSource([rawFixtures.after])} />);
    expect((await screen.findByTestId("overlay-layer-merged")).textContent).toContain("/tmp/ov/merged");
    expect(screen.getByTestId("overlay-layer-upper").textContent).toContain("/tmp/ov/upper");
    expect(screen.getByTestId("overlay-layer-lower-0").textContent).toContain("/tmp/ov/lower-top");
    expect(screen.getByTestId("overlay-layer-lower-1").textContent).toContain("/tmp/ov/lower-base");
    expect(screen.getByTestId("overlay-layer-lower")).toBeTruthy();
    expect(screen.getByTestId("overlay-layer-work").textContent).toContain("/tmp/ov/work");

    const select = screen.getByTestId<HTMLSelectElement>("mount-namespace-select");
    const other = [...select.options].find((option) => !option.selected);
    fireEvent.change(select, { target: { value: other?.value } });
    expect(screen.queryByTestId("overlay-layer-merged")).toBeNull();
    expect(screen.getAllByTestId("mount-row-/proc")).toHaveLength(2);
  });

  it("shows the process tree with badges that lead to the namespace panel", async () => {
    usePanelStore.setState({ active: "processes" });
    render(<PanelArea source={new ScriptedSource([rawFixtures.after])} />);
    const sleeper = await screen.findByTestId(`process-${pids.pidNsSleeper}`);
    const badge = within(sleeper).getByRole("button", { name: /^pid namespace/ });
    fireEvent.click(badge);
    expect(usePanelStore.getState().active).toBe("namespaces");
    expect(screen.getByTestId(`ns-cell-pid-${pids.pidNsSleeper}`).hasAttribute("data-highlighted")).toBe(
      true,
    );
    expect(screen.getByTestId("ns-detail")).toBeTruthy();
  });

  it("keeps the last good data with a stale marker when a reply is malformed", async () => {
    const source = new ScriptedSource([rawFixtures.after, { ...rawFixtures.after, processes: "garbage" }]);
    render(<PanelArea source={source} />);
    await screen.findByTestId("ns-cell-uts-1");
    expect(screen.queryByTestId("panel-stale")).toBeNull();
    source.finishCommand();
    expect(await screen.findByTestId("panel-stale")).toBeTruthy();
    expect(screen.getByTestId("panel-error").textContent).toMatch(/cannot read.*last data/);
    expect(screen.getByTestId("ns-cell-uts-1")).toBeTruthy();
  });

  it("says why there is nothing yet when the agent cannot be reached", async () => {
    render(<PanelArea source={new ScriptedSource([new Error("the machine is not running")])} />);
    expect((await screen.findByTestId("panel-error")).textContent).toMatch(
      /could not be reached.*not running/,
    );
    expect(screen.getByText(/Waiting for the first snapshot/)).toBeTruthy();
  });

  it("asks nothing while the browser tab is hidden and catches up when it is shown", async () => {
    const source = new ScriptedSource([rawFixtures.after]);
    let requests = 0;
    const counting: SnapshotSource = {
      requestSnapshot: () => {
        requests++;
        return source.requestSnapshot();
      },
      onCommandFinished: (listener) => source.onCommandFinished(listener),
    };
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    try {
      render(<PanelArea source={counting} />);
      source.finishCommand();
      expect(requests).toBe(0);
      visibility.mockReturnValue("visible");
      act(() => {
        document.dispatchEvent(new Event("visibilitychange"));
      });
      expect(requests).toBe(1);
      await screen.findByTestId("ns-cell-uts-1");
    } finally {
      visibility.mockRestore();
    }
  });

  it("moves between tabs with the arrow keys", async () => {
    render(<PanelArea source={new ScriptedSource([rawFixtures.after])} />);
    const tab = screen.getByRole("tab", { name: "Namespaces" });
    fireEvent.keyDown(tab, { key: "ArrowRight" });
    expect(usePanelStore.getState().active).toBe("cgroups");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "cgroups" }));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "End" });
    expect(usePanelStore.getState().active).toBe("mounts");
    await screen.findByTestId("mount-namespace-select");
  });
});
