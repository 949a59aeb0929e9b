// Every chapter with the student's progress; a broken chapter is listed too, marked as such.
import type { ReactNode } from "react";
import { useLanguageStore } from "../i18n/languageStore.ts";
import type { Chapter } from "./buildCourse.ts";
import { formatRoute } from "./lessonRoute.ts";
import { Markdown } from "./Markdown.tsx";
import { pickLesson } from "./pickLesson.ts";
import { countDone, useProgressStore } from "./progressStore.ts";
import { lessonStrings } from "./strings.ts";

export function ChapterList({ chapters }: { chapters: readonly Chapter[] }): ReactNode {
  const t = lessonStrings.useStrings();
  return (
    <nav className="cl-lesson-chapters" aria-labelledby="cl-lesson-chapters-title">
      <h2 id="cl-lesson-chapters-title">{t("chapters")}</h2>
      {chapters.length === 0 ? (
        <p className="cl-lesson-muted">{t("noChapters")}</p>
      ) : (
        <ol>
          {chapters.map((chapter) => (
            <ChapterItem key={chapter.folder} chapter={chapter} />
          ))}
        </ol>
      )}
    </nav>
  );
}

function ChapterItem({ chapter }: { chapter: Chapter }): ReactNode {
  const t = lessonStrings.useStrings();
  const language = useLanguageStore((s) => s.language);
  const progress = useProgressStore((s) => s.chapters[chapter.id]);
  const href = formatRoute({ view: "chapter", chapterId: chapter.id });
  const picked = pickLesson(chapter, language);
  if (!picked) {
    return (
      <li className="cl-lesson-chapter has-errors">
        <a href={href} className="cl-lesson-chapter-title">
          {chapter.folder}
        </a>
        <p className="cl-lesson-danger">⚠ {t("chapterHasErrors")}</p>
      </li>
    );
  }
  const { meta, steps, summary } = picked.lesson;
  if (meta.kind === "reference") {
    return (
      <li className="cl-lesson-chapter is-reference">
        <h3 className="cl-lesson-chapter-title">{meta.title}</h3>
        <div className="cl-lesson-muted">
          <Markdown root={summary} />
        </div>
        <a href={href} className="cl-lesson-button" aria-label={`${t("read")}: ${meta.title}`}>
          {t("read")}
        </a>
      </li>
    );
  }
  const total = steps.length;
  const done = countDone(
    progress,
    steps.map((s) => s.id),
  );
  const action = done === 0 ? t("start") : done === total ? t("review") : t("continue");
  return (
    <li className={`cl-lesson-chapter${done === total ? " is-done" : ""}`}>
      <h3 className="cl-lesson-chapter-title">{meta.title}</h3>
      <div className="cl-lesson-muted">
        <Markdown root={summary} />
      </div>
      <p className="cl-lesson-chapter-meta">
        <span>{t("minutes", { n: meta.estimatedMinutes })}</span>
        <span>{t(`difficulty.${meta.difficulty}`)}</span>
        <span>{done === total ? `✓ ${t("chapterComplete")}` : t("progress", { done, total })}</span>
      </p>
      <progress max={total} value={done} aria-label={t("progress", { done, total })} />
      <a
        href={href}
        className="cl-lesson-button cl-lesson-button--primary"
        aria-label={`${action}: ${meta.title}`}
      >
        {action}
      </a>
    </li>
  );
}
