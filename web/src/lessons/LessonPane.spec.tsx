// @vitest-environment jsdom
// The pane against the real example chapter (loaded by lessonFiles.ts through Vite's glob),
// with a fake terminal and agent.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useLanguageStore } from "../i18n/languageStore.ts";
import { buildCourse } from "./buildCourse.ts";
import { useCourseStore } from "./courseStore.ts";
import { loadLessons } from "./lessonFiles.ts";
import { LessonPane } from "./LessonPane.tsx";
import type { LessonRuntime } from "./lessonRuntime.ts";
import { useProgressStore } from "./progressStore.ts";

// Testing Library turns this on only when test globals exist; this project imports them.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

await loadLessons();
const realCourse = useCourseStore.getState();

function fakeRuntime() {
  const listeners = new Set<() => void>();
  let passes: boolean | ((script: string) => boolean) = false;
  const runtime = {
    runInTerminal: vi.fn<(command: string) => void>(),
    execCheck: vi.fn<LessonRuntime["execCheck"]>(async (script) => ({
      exit_code: (typeof passes === "function" ? passes(script) : passes) ? 0 : 1,
      signal: null,
      timed_out: false,
      stdout: "",
      stderr: "",
    })),
    onCommandFinished: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    focusPanel: vi.fn<(name: string, highlight?: string) => void>(),
    runSetup: vi.fn<(script: string) => Promise<boolean>>(async () => true),
    resetMachine: vi.fn<() => void>(),
  } satisfies LessonRuntime;
  return {
    runtime,
    /** The shell is back at a prompt. */
    finishCommand: () => act(() => listeners.forEach((listener) => listener())),
    checksPass: (value: boolean | ((script: string) => boolean)) => {
      passes = value;
    },
  };
}

function open(hash: string) {
  window.location.hash = hash;
  const fake = fakeRuntime();
  render(<LessonPane runtime={fake.runtime} />);
  return fake;
}

const progress = () => useProgressStore.getState().chapters.example;

beforeEach(() => {
  localStorage.clear();
  useProgressStore.setState({ chapters: {} });
  useLanguageStore.setState({ language: "en" });
});

afterEach(() => {
  cleanup();
  useCourseStore.setState({ course: realCourse.course, assets: realCourse.assets });
});

describe("chapter list", () => {
  it("lists the students' chapters with their progress, not the authors' template", () => {
    useProgressStore.getState().markDone("processes", "look-around");
    open("#/");
    expect(screen.getByRole("heading", { name: "Chapters" })).toBeTruthy();
    expect(screen.getByText("Containers are processes")).toBeTruthy();
    expect(screen.queryByText("A container in two pieces: a hostname and a memory limit")).toBeNull();
    const link = screen.getByRole("link", { name: /^(Start|Continue): Containers are processes/ });
    expect(link.getAttribute("href")).toBe("#/chapter/processes");
    // The reference page is listed to read, without progress.
    expect(screen.getByRole("link", { name: "Read: Glossary" }).getAttribute("href")).toBe(
      "#/chapter/glossary",
    );
  });

  it("shows the template when a kiosk picks it", () => {
    window.location.hash = "#/";
    render(<LessonPane runtime={fakeRuntime().runtime} chapterIds={["example"]} />);
    expect(screen.getByText("A container in two pieces: a hostname and a memory limit")).toBeTruthy();
  });

  it("speaks Japanese when the UI does", () => {
    useLanguageStore.setState({ language: "ja" });
    open("#/");
    expect(screen.getByRole("heading", { name: "チャプター" })).toBeTruthy();
    expect(screen.getByText("コンテナはプロセスである")).toBeTruthy();
  });
});

describe("a step", () => {
  it("opens from a deep link and runs its check at once", async () => {
    const { runtime } = open("#/chapter/example/step/set-hostname");
    expect(screen.getByRole("heading", { name: "Rename the container" })).toBeTruthy();
    await waitFor(() => expect(runtime.execCheck).toHaveBeenCalledTimes(1));
    const script = runtime.execCheck.mock.calls[0]?.[0] ?? "";
    // The script as written: the agent, not the pane, provides CONSOLE_PID.
    expect(script).toContain('[ "$(nsenter -t "$CONSOLE_PID" -u hostname)" = demo ]');
    expect(script).not.toContain("CONSOLE_PID=");
    expect(screen.getByText(/Not done yet/)).toBeTruthy();
  });

  it("turns green by itself when a finished command makes the check pass", async () => {
    const fake = open("#/chapter/example/step/set-hostname");
    await waitFor(() => expect(fake.runtime.execCheck).toHaveBeenCalledTimes(1));
    fake.checksPass(true);
    await fake.finishCommand();
    expect(await screen.findByText("✓ Step complete")).toBeTruthy();
    expect(progress()?.steps["set-hostname"]?.doneAt).toBeTypeOf("number");
  });

  it("says so when an explicit check fails", async () => {
    open("#/chapter/example/step/set-hostname");
    fireEvent.click(screen.getByRole("button", { name: "Check now" }));
    expect(await screen.findByText("Not yet. Keep going, or open a hint.")).toBeTruthy();
  });

  it("types a run block line by line, each after the previous finished", async () => {
    const fake = open("#/chapter/example/step/set-hostname");
    fireEvent.click(screen.getByRole("button", { name: "Run in the terminal: hostname demo; hostname" }));
    await waitFor(() => expect(fake.runtime.runInTerminal).toHaveBeenCalledTimes(1));
    expect(fake.runtime.runInTerminal).toHaveBeenLastCalledWith("hostname demo");
    await fake.finishCommand();
    await waitFor(() => expect(fake.runtime.runInTerminal).toHaveBeenCalledTimes(2));
    expect(fake.runtime.runInTerminal).toHaveBeenLastCalledWith("hostname");
  });

  it("reveals hints one at a time, then the solution, which Solve types", async () => {
    const fake = open("#/chapter/example/step/enter-uts-namespace");
    expect(screen.queryByText(/Creating namespaces needs privileges/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show a hint (1 of 2)" }));
    expect(screen.getByText(/Creating namespaces needs privileges/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show a hint (2 of 2)" }));
    expect(screen.queryByRole("button", { name: /Show a hint/ })).toBeNull();
    expect(progress()?.steps["enter-uts-namespace"]?.hintsShown).toBe(2);

    fireEvent.click(screen.getByRole("button", { name: "Show the solution" }));
    fireEvent.click(screen.getByRole("button", { name: "Solve: type the solution into the terminal" }));
    await waitFor(() => expect(fake.runtime.runInTerminal).toHaveBeenCalledWith("unshare --uts bash"));
  });

  it("focuses the step's panel when it opens, and on request", () => {
    const { runtime } = open("#/chapter/example/step/create-cgroup");
    expect(runtime.focusPanel).toHaveBeenCalledWith("cgroups", "/demo");
    fireEvent.click(screen.getByRole("button", { name: "Show /demo in the cgroups panel" }));
    expect(runtime.focusPanel).toHaveBeenCalledTimes(2);
  });

  it("lets the student mark a reading step done", () => {
    open("#/chapter/example/step/look-around");
    expect(screen.queryByRole("button", { name: "Check now" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Mark as done" }));
    expect(screen.getByText("✓ Step complete")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Look at your namespaces (done)" })).toBeTruthy();
  });

  it("resumes at the step the student had open", () => {
    useProgressStore.getState().setCurrentStep("example", "join-cgroup");
    open("#/chapter/example");
    expect(screen.getByRole("heading", { name: "Move your shell into the cgroup" })).toBeTruthy();
  });

  it("moves between steps with the hash", async () => {
    open("#/chapter/example/step/look-around");
    fireEvent.click(screen.getByRole("link", { name: "Next step →" }));
    window.location.hash = "#/chapter/example/step/enter-uts-namespace";
    expect(await screen.findByRole("heading", { name: "Start a shell in a new UTS namespace" })).toBeTruthy();
    expect(progress()?.currentStep).toBe("enter-uts-namespace");
  });

  it("explains an unknown step and shows one that exists", () => {
    open("#/chapter/example/step/no-such-step");
    expect(screen.getByText("This chapter has no step “no-such-step”; showing its first step.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Look at your namespaces" })).toBeTruthy();
  });
});

describe("a chapter", () => {
  it("without a set-up, resets its progress after a confirmation", () => {
    // Every chapter of the lab has a set-up now: take the one of processes away.
    const sources = realSources();
    for (const path of Object.keys(sources).filter((p) => p.includes("01-processes/"))) {
      sources[path] = (sources[path] ?? "").replace(/^setup: \|\n(?: {2}.*\n)+/m, "");
    }
    useCourseStore.getState().show(buildCourse(sources, Object.keys(realCourse.assets)), realCourse.assets);
    useProgressStore.getState().markDone("processes", "same-kernel");
    open("#/chapter/processes");
    fireEvent.click(screen.getByRole("button", { name: "Reset chapter" }));
    expect(useProgressStore.getState().chapters.processes).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Clear progress" }));
    expect(useProgressStore.getState().chapters.processes?.steps ?? {}).toEqual({});
  });

  it("shows its outro once every step is done", () => {
    for (const id of [
      "look-around",
      "enter-uts-namespace",
      "set-hostname",
      "leave-namespace",
      "namespace-quiz",
      "create-cgroup",
      "join-cgroup",
      "hit-the-limit",
      "soft-limit",
      "clean-up",
    ]) {
      useProgressStore.getState().markDone("example", id);
    }
    open("#/chapter/example");
    expect(screen.getByRole("heading", { name: "✓ Chapter complete" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "What you built" })).toBeTruthy();
  });

  it("says so when it does not exist", () => {
    open("#/chapter/nope");
    expect(screen.getByText("There is no chapter “nope”.")).toBeTruthy();
  });
});

describe("format v2 in the pane", () => {
  const step = () => progress()?.steps;

  it("says which check fails first, in the student's language", async () => {
    const fake = open("#/chapter/example/step/create-cgroup");
    fake.checksPass((script) => script.includes("[ -d /sys/fs/cgroup/demo ]"));
    fireEvent.click(await screen.findByRole("button", { name: "Check now" }));
    expect(
      await screen.findByText("Not yet: The cgroup exists, but its memory.max is not 20M yet."),
    ).toBeTruthy();
    cleanup();
    useLanguageStore.setState({ language: "ja" });
    const again = open("#/chapter/example/step/create-cgroup");
    again.checksPass(false);
    fireEvent.click(await screen.findByRole("button", { name: "今すぐチェック" }));
    expect(
      await screen.findByText("まだです: /sys/fs/cgroup/demo という cgroup がまだありません。"),
    ).toBeTruthy();
  });

  it("grades a quiz: wrong, then right; the step is done when both quizzes are right", async () => {
    open("#/chapter/example/step/namespace-quiz");
    const choice = screen.getByTestId("question-what-unshare-made");
    fireEvent.click(screen.getByRole("radio", { name: "A UTS namespace and a PID namespace" }));
    fireEvent.click(within(choice).getByRole("button", { name: "Check my answer" }));
    expect(await within(choice).findByText("Not quite. Think again and try another answer.")).toBeTruthy();
    expect(within(choice).getByText(/kept the PID namespace/)).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "Only a UTS namespace" }));
    fireEvent.click(within(choice).getByRole("button", { name: "Check my answer" }));
    expect(await within(choice).findByText("✓ Right.")).toBeTruthy();
    expect(step()?.["namespace-quiz"]?.answers?.["what-unshare-made"]).toMatchObject({
      correct: true,
      tries: 2,
    });
    expect(step()?.["namespace-quiz"]?.doneAt).toBeUndefined();

    const typed = screen.getByTestId("question-where-the-link-is");
    fireEvent.change(within(typed).getByRole("textbox", { name: "Your answer" }), {
      target: { value: " /proc/$$/ns/uts " },
    });
    fireEvent.click(within(typed).getByRole("button", { name: "Check my answer" }));
    expect(await screen.findByText("✓ Step complete")).toBeTruthy();
    expect(step()?.["namespace-quiz"]?.doneAt).toBeTypeOf("number");
  });

  it("locks the run block below a prediction until the student predicts, then compares", async () => {
    const fake = open("#/chapter/example/step/hit-the-limit");
    const run = screen.getByRole("button", { name: /^Run in the terminal: stress/ });
    expect((run as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Predict the outcome above first.")).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: /It gets the 40 MiB/ }));
    fireEvent.click(screen.getByRole("button", { name: "Lock in my prediction" }));
    expect((run as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(run);
    await waitFor(() =>
      expect(fake.runtime.runInTerminal).toHaveBeenCalledWith("stress --vm 1 --vm-bytes 40M --timeout 10s"),
    );
    expect(screen.getByText("What really happens:")).toBeTruthy();
    expect(step()?.["hit-the-limit"]?.answers?.["stress-outcome"]).toMatchObject({
      value: [0],
      observed: true,
    });
  });

  it("makes a challenge's student ask twice for the solution, and records a solve without it", async () => {
    const fake = open("#/chapter/example/step/soft-limit");
    expect(screen.getByText("Challenge")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Run in the terminal/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show the solution" }));
    expect(screen.getByText(/Press again to see the solution/)).toBeTruthy();
    expect(screen.queryByText("echo 16M > /sys/fs/cgroup/demo/memory.high")).toBeNull();
    fake.checksPass(true);
    await fake.finishCommand();
    expect(await screen.findByText("✓ Step complete · Solved on your own")).toBeTruthy();
    expect(step()?.["soft-limit"]).toMatchObject({ solutionAsks: 1, withSolution: false });
  });

  it("records a challenge solved with the solution", async () => {
    const fake = open("#/chapter/example/step/soft-limit");
    fireEvent.click(screen.getByRole("button", { name: "Show the solution" }));
    fireEvent.click(screen.getByRole("button", { name: "Show the solution" }));
    expect(screen.getByText("echo 16M > /sys/fs/cgroup/demo/memory.high")).toBeTruthy();
    fake.checksPass(true);
    await fake.finishCommand();
    expect(await screen.findByText("✓ Step complete · Solved with the solution")).toBeTruthy();
  });

  it("renders a reference page whole, with a linked section", () => {
    open("#/chapter/glossary/step/namespaces");
    expect(screen.getByText("Reference: nothing to do here, read and come back any time.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Namespaces" }).id).toBe("user-content-namespaces");
    expect(screen.queryByRole("navigation", { name: "Steps" })).toBeNull();
  });

  it("renders frontmatter Markdown: backticks become code", () => {
    open("#/chapter/example");
    const about = screen.getByText("About this chapter").closest("details");
    expect(about?.querySelector("li code")?.textContent).toBe("/proc");
  });
});

describe("Restart this chapter", () => {
  it("runs the chapter's set-up when it opens, and again, forced, on restart", async () => {
    useProgressStore.getState().markDone("example", "look-around");
    const fake = open("#/chapter/example/step/look-around");
    await waitFor(() => expect(fake.runtime.runSetup).toHaveBeenCalledTimes(1));
    expect(fake.runtime.runSetup.mock.calls[0]?.[0]).toContain("/run/container-lab/chapter");
    fireEvent.click(await screen.findByRole("button", { name: "Restart this chapter" }));
    fireEvent.click(screen.getByRole("button", { name: "Restart" }));
    await waitFor(() => expect(fake.runtime.runSetup).toHaveBeenCalledTimes(2));
    // The restart skips the "already set up" test.
    expect(fake.runtime.runSetup.mock.calls[1]?.[0]).not.toContain("&& exit 0");
    expect(progress()?.steps["look-around"]).toBeUndefined();
    expect(fake.runtime.resetMachine).not.toHaveBeenCalled();
  });

  it("puts a fresh machine in place when the chapter asks for `restart: fresh`", async () => {
    const sources = realSources();
    for (const path of Object.keys(sources).filter((p) => p.includes("00-example/"))) {
      sources[path] = (sources[path] ?? "").replace("kind: template", "kind: template\nrestart: fresh");
    }
    useCourseStore.getState().show(buildCourse(sources, Object.keys(realCourse.assets)), realCourse.assets);
    const fake = open("#/chapter/example/step/look-around");
    // The button waits while the set-up runs.
    await waitFor(() =>
      expect(document.querySelector("[data-chapter-setup]")?.getAttribute("data-chapter-setup")).toBe(
        "ready",
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "Restart this chapter" }));
    expect(screen.getByText(/on a fresh machine\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Restart" }));
    expect(fake.runtime.resetMachine).toHaveBeenCalledTimes(1);
  });
});

describe("a broken lesson file", () => {
  it("shows an error card with file:line:col for that chapter while the others work", () => {
    const sources = {
      ...realSources(),
      "lessons/01-broken/en.md": "---\nid: broken\n---\n\n::::step{#a}\n### A\n:::hnit\nx\n:::\n::::\n",
      "lessons/01-broken/ja.md": "---\nid: broken\n---\n",
    };
    useCourseStore.getState().show(buildCourse(sources, Object.keys(realCourse.assets)), realCourse.assets);
    open("#/");
    expect(screen.getByText("⚠ This chapter has errors")).toBeTruthy();
    cleanup();
    open("#/chapter/example");
    expect(
      screen.getByRole("heading", { name: "A container in two pieces: a hostname and a memory limit" }),
    ).toBeTruthy();
    cleanup();

    open("#/chapter/broken");
    const card = screen.getByRole("alert");
    expect(card.textContent).toContain("lessons/01-broken/en.md:1:1");
    expect(card.textContent).toContain(
      "lessons/01-broken/en.md:7:1 unknown directive hnit (did you mean hint?)",
    );
  });
});

/** The real lesson sources, as the loader saw them. */
function realSources(): Record<string, string> {
  const sources = import.meta.glob<string>("../../../lessons/*/*.md", {
    query: "?raw",
    import: "default",
    eager: true,
  });
  return Object.fromEntries(
    Object.entries(sources).map(([path, text]) => [path.replace(/^(\.\.\/)+/, ""), text]),
  );
}
