// The lesson pane: the chapter list or a chapter, chosen by the location hash
// (`#/chapter/<id>/step/<stepId>`). The app passes in a LessonRuntime (terminal, agent, panels).
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from "react";
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

export interface LessonPaneProps {
  /**
   * The terminal, the agent and the panels. Keep its identity stable (a module-level object):
   * check subscriptions are keyed on it.
   */
  runtime: LessonRuntime;
  /** Only these chapters, in this order (a workshop kiosk's selection); all when absent. */
  chapterIds?: readonly string[];
  /**
   * When the lessons may be parsed (most of a second of main-thread work). The app waits for
   * the machine to be up, so parsing never delays the first prompt. Default: at once.
   */
  loadLessons?: boolean;
}

export function LessonPane({ chapterIds, loadLessons: mayLoad = true, runtime }: LessonPaneProps): ReactNode {
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
  // The authors' template is proven and reachable by its link, but not one of the students' chapters.
  const listed = useMemo(
    () => (chapterIds ? chapters : chapters.filter((c) => c.lessons.en?.meta.kind !== "template")),
    [chapterIds, chapters],
  );
  const chapter = route.view === "chapter" ? chapters.find((c) => c.id === route.chapterId) : undefined;

  // Clicks on Run and Solve queue up, so two blocks never interleave their lines.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const type = useCallback(
    (lines: readonly string[]) => {
      queue.current = queue.current.then(() => typeCommands(runtime, lines)).catch(() => undefined);
    },
    [runtime],
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
    () => ({ runtime: runtime, type, resolveUrl }),
    [runtime, type, resolveUrl],
  );

  return (
    <LessonContext.Provider value={actions}>
      <div className="cl-lesson-pane" role="region" aria-label={t("lessonRegion")}>
        {!loaded ? (
          <p className="cl-lesson-muted" role="status">
            {t("loadingLessons")}
          </p>
        ) : route.view === "list" ? (
          <ChapterList chapters={listed} />
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
