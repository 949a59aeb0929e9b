// The lesson pane: the chapter list or a chapter, chosen by the location hash
// (`#/chapter/<id>/step/<stepId>`). The app passes in a LessonRuntime (terminal, agent, panels).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from "react";
import { resolveLessonPath } from "./assetPath.ts";
import { ChapterList } from "./ChapterList.tsx";
import { ChapterView } from "./ChapterView.tsx";
import { useCourseStore } from "./courseStore.ts";
import { LessonContext, type LessonActions } from "./lessonContext.ts";
import { loadLessons } from "./lessonFiles.ts";
import type { LessonRuntime } from "./lessonRuntime.ts";
import { formatRoute } from "./lessonRoute.ts";
import "./lessons.css";
import { lessonStrings } from "./strings.ts";
import { typeCommands } from "./typeCommands.ts";
import { useLessonRoute } from "./useLessonRoute.ts";

export type LessonPaneProps = LessonRuntime & {
  /** Only these chapters, in this order (a workshop kiosk's selection); all when absent. */
  chapterIds?: readonly string[];
  /**
   * When the lessons may be parsed (most of a second of main-thread work). The app waits for
   * the machine to be up, so parsing never delays the first prompt. Default: at once.
   */
  loadLessons?: boolean;
};

export function LessonPane({
  chapterIds,
  loadLessons: mayLoad = true,
  ...runtime
}: LessonPaneProps): ReactNode {
  const t = lessonStrings.useStrings();
  const course = useCourseStore((s) => s.course);
  const loaded = useCourseStore((s) => s.loaded);
  useEffect(() => {
    if (loaded || !mayLoad) return;
    const timer = setTimeout(() => void loadLessons(), 0);
    return () => clearTimeout(timer);
  }, [loaded, mayLoad]);
  const assets = useCourseStore((s) => s.assets);
  const [route] = useLessonRoute();
  const chapters = useMemo(
    () =>
      chapterIds ? chapterIds.flatMap((id) => course.chapters.filter((c) => c.id === id)) : course.chapters,
    [chapterIds, course.chapters],
  );
  const chapter = route.view === "chapter" ? chapters.find((c) => c.id === route.chapterId) : undefined;

  // One runtime object for the pane's lifetime, calling whatever the app passed last: the app
  // may pass fresh arrow functions on every render, and effects keyed on the runtime (check
  // subscriptions) must not re-run each time.
  const latest = useRef(runtime);
  useLayoutEffect(() => {
    latest.current = runtime;
  });
  const hasPanels = Boolean(runtime.focusPanel);
  const hasEditor = Boolean(runtime.openFile);
  const stableRuntime = useMemo<LessonRuntime>(
    () => ({
      runInTerminal: (command) => latest.current.runInTerminal(command),
      runCheck: (script) => latest.current.runCheck(script),
      onCommandFinished: (listener) => latest.current.onCommandFinished(listener),
      ...(hasPanels
        ? { focusPanel: (name: string, highlight?: string) => latest.current.focusPanel?.(name, highlight) }
        : {}),
      ...(hasEditor ? { openFile: (path: string) => latest.current.openFile?.(path) } : {}),
    }),
    [hasPanels, hasEditor],
  );
  // Clicks on Run and Solve queue up, so two blocks never interleave their lines.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const type = useCallback(
    (lines: readonly string[]) => {
      queue.current = queue.current.then(() => typeCommands(stableRuntime, lines)).catch(() => undefined);
    },
    [stableRuntime],
  );
  const folder = chapter?.folder;
  const resolveUrl = useCallback(
    (url: string) => {
      const path = folder ? resolveLessonPath(`lessons/${folder}`, url) : null;
      return path ? assets[path] : undefined;
    },
    [assets, folder],
  );
  const actions = useMemo<LessonActions>(
    () => ({ runtime: stableRuntime, type, resolveUrl }),
    [stableRuntime, type, resolveUrl],
  );

  return (
    <LessonContext.Provider value={actions}>
      <div className="cl-lesson-pane" role="region" aria-label={t("lessonRegion")}>
        {!loaded ? (
          <p className="cl-lesson-muted" role="status">
            {t("loadingLessons")}
          </p>
        ) : route.view === "list" ? (
          <ChapterList chapters={chapters} />
        ) : chapter ? (
          <ChapterView key={chapter.id} chapter={chapter} chapters={chapters} stepId={route.stepId} />
        ) : (
          <div className="cl-lesson-card">
            <p>{t("chapterNotFound", { id: route.chapterId })}</p>
            <p>
              <a href={formatRoute({ view: "list" })}>← {t("backToChapters")}</a>
            </p>
          </div>
        )}
      </div>
    </LessonContext.Provider>
  );
}
