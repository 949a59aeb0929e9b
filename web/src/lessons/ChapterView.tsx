// One chapter: what it is about, its steps with their state, the current step, and
// "Restart this chapter" (or "Reset chapter" when it has no set-up). A reference chapter is
// one page to read. Broken chapters show their error card here instead.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useLanguageStore } from "../i18n/languageStore.ts";
import type { Chapter } from "./buildCourse.ts";
import { ErrorCard } from "./ErrorCard.tsx";
import type { Hint, Lesson } from "./lessonModel.ts";
import { useLessonActions } from "./lessonContext.ts";
import { formatRoute } from "./lessonRoute.ts";
import { Markdown } from "./Markdown.tsx";
import { pickLesson } from "./pickLesson.ts";
import { RevealedHints } from "./RevealedHints.tsx";
import { countDone, useProgressStore } from "./progressStore.ts";
import { StepView } from "./StepView.tsx";
import { lessonStrings } from "./strings.ts";
import { useChapterSetup } from "./useChapterSetup.ts";
import { fetchChapterFile } from "./lessonFiles.ts";

interface ChapterViewProps {
  chapter: Chapter;
  chapters: readonly Chapter[];
  stepId: string | undefined;
}

export function ChapterView({ chapter, chapters, stepId }: ChapterViewProps): ReactNode {
  const t = lessonStrings.useStrings();
  const language = useLanguageStore((s) => s.language);
  const progress = useProgressStore((s) => s.chapters[chapter.id]);
  const setCurrentStep = useProgressStore((s) => s.setCurrentStep);
  const resetChapter = useProgressStore((s) => s.resetChapter);
  const [confirmingReset, setConfirmingReset] = useState(false);
  // Focus follows the step only once the student moves between steps, not on arrival.
  const [moved, setMoved] = useState(false);
  const [aboutOpen] = useState(() => !progress || Object.keys(progress.steps).length === 0);
  const picked = pickLesson(chapter, language);
  const { runtime } = useLessonActions();
  const setup = useChapterSetup(runtime, {
    chapterId: chapter.id,
    setup: picked?.lesson.meta.setup,
    files: chapter.files,
    readFile: (file) => fetchChapterFile(chapter.folder, file),
  });
  const steps = picked?.lesson.steps ?? [];
  const requested = stepId ? steps.find((s) => s.id === stepId) : undefined;
  const current =
    requested ??
    steps.find((s) => s.id === progress?.currentStep) ??
    steps.find((s) => !progress?.steps[s.id]?.doneAt) ??
    steps[0];

  useEffect(() => {
    if (current) setCurrentStep(chapter.id, current.id);
  }, [chapter.id, current, setCurrentStep]);

  const back = (
    <p>
      <a href={formatRoute({ view: "list" })} className="cl-lesson-back">
        ← {t("backToChapters")}
      </a>
    </p>
  );
  if (picked?.lesson.meta.kind === "reference") {
    return (
      <>
        {back}
        <ReferencePage lesson={picked.lesson} fallback={picked.fallback} sectionId={stepId} />
      </>
    );
  }
  if (!picked || !current) {
    return (
      <>
        {back}
        <ErrorCard title={chapter.dir} diagnostics={chapter.diagnostics} />
      </>
    );
  }

  const { lesson, fallback } = picked;
  const { meta } = lesson;
  const fresh = meta.restart === "fresh" && Boolean(runtime.resetMachine);
  const restartable = setup.state !== "none" || fresh;
  const index = steps.indexOf(current);
  const done = countDone(
    progress,
    steps.map((s) => s.id),
  );
  const stepHref = (id: string) => formatRoute({ view: "chapter", chapterId: chapter.id, stepId: id });
  const previous = steps[index - 1];
  const next = steps[index + 1];
  const prerequisites = meta.prerequisites
    .map((id) => chapters.find((c) => c.id === id))
    .filter((c) => c !== undefined);

  return (
    <article
      className="cl-lesson-chapter-view"
      aria-labelledby="cl-lesson-chapter-title"
      data-chapter-setup={setup.state}
    >
      {back}
      <header className="cl-lesson-chapter-header">
        <h2 id="cl-lesson-chapter-title">{meta.title}</h2>
        <p className="cl-lesson-chapter-meta">
          <span>{t("minutes", { n: meta.estimatedMinutes })}</span>
          <span>{t(`difficulty.${meta.difficulty}`)}</span>
          <span>
            {done === steps.length
              ? `✓ ${t("chapterComplete")}`
              : t("progress", { done, total: steps.length })}
          </span>
        </p>
        <progress max={steps.length} value={done} aria-label={t("progress", { done, total: steps.length })} />
        {fallback && <p className="cl-lesson-muted">{t("languageFallback")}</p>}
        {stepId && !requested && <p className="cl-lesson-muted">{t("stepNotFound", { id: stepId })}</p>}
      </header>

      <details className="cl-lesson-about" open={aboutOpen}>
        <summary>{t("aboutChapter")}</summary>
        <Markdown root={lesson.summary} />
        <p className="cl-lesson-subtitle">{t("objectives")}</p>
        <ul className="cl-lesson-objectives">
          {lesson.objectives.map((objective, i) => (
            <li key={i}>
              <Markdown root={objective} />
            </li>
          ))}
        </ul>
        {prerequisites.length > 0 && (
          <>
            <p className="cl-lesson-subtitle">{t("prerequisites")}</p>
            <ul>
              {prerequisites.map((c) => (
                <li key={c.id}>
                  <a href={formatRoute({ view: "chapter", chapterId: c.id })}>
                    {pickLesson(c, language)?.lesson.meta.title ?? c.id}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="cl-lesson-prose">
          <Markdown root={lesson.intro} />
        </div>
      </details>

      {setup.state === "running" && (
        <p className="cl-lesson-muted" role="status">
          {t("settingUp")}
        </p>
      )}
      {setup.state === "failed" && (
        <p className="cl-lesson-danger" role="alert">
          {t("setupFailed")}
          {setup.problem && <> ({setup.problem})</>}
        </p>
      )}

      <nav aria-label={t("steps")}>
        <ol className="cl-lesson-stepper">
          {steps.map((step, i) => {
            const stepDone = Boolean(progress?.steps[step.id]?.doneAt);
            return (
              <li
                key={step.id}
                className={`${stepDone ? "is-done" : ""}${step === current ? " is-current" : ""}`}
              >
                <a
                  href={stepHref(step.id)}
                  aria-current={step === current ? "step" : undefined}
                  aria-label={stepDone ? `${step.title} ${t("stepDoneMark")}` : undefined}
                  onClick={() => setMoved(true)}
                >
                  <span aria-hidden="true" className="cl-lesson-step-dot">
                    {stepDone ? "✓" : i + 1}
                  </span>
                  <span>{step.title}</span>
                </a>
              </li>
            );
          })}
        </ol>
      </nav>

      <StepView key={current.id} chapterId={chapter.id} step={current} index={index} takeFocus={moved} />

      <nav className="cl-lesson-step-nav" aria-label={t("steps")}>
        {previous ? (
          <a href={stepHref(previous.id)} className="cl-lesson-button" onClick={() => setMoved(true)}>
            ← {t("previousStep")}
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a
            href={stepHref(next.id)}
            className={`cl-lesson-button${progress?.steps[current.id]?.doneAt ? " cl-lesson-button--primary" : ""}`}
            onClick={() => setMoved(true)}
          >
            {t("nextStep")} →
          </a>
        )}
      </nav>

      {done === steps.length && (
        <section className="cl-lesson-outro" aria-labelledby="cl-lesson-outro-title">
          <h3 id="cl-lesson-outro-title">✓ {t("chapterDone")}</h3>
          <div className="cl-lesson-prose">
            <Markdown root={lesson.outro} />
          </div>
          <OutroHints hints={lesson.outroHints} />
        </section>
      )}

      <footer className="cl-lesson-reset">
        {confirmingReset ? (
          <div role="group" aria-label={restartable ? t("restartChapter") : t("resetChapter")}>
            <p>
              {fresh ? t("restartFreshQuestion") : restartable ? t("restartQuestion") : t("resetQuestion")}
            </p>
            <button
              type="button"
              className="cl-lesson-button cl-lesson-button--danger"
              onClick={() => {
                resetChapter(chapter.id);
                setConfirmingReset(false);
                if (fresh) runtime.resetMachine?.();
                else if (restartable) void setup.restart();
              }}
            >
              {restartable ? t("restartConfirm") : t("resetConfirm")}
            </button>
            <button type="button" className="cl-lesson-button" onClick={() => setConfirmingReset(false)}>
              {t("cancel")}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="cl-lesson-button cl-lesson-button--quiet"
            disabled={setup.state === "running"}
            onClick={() => setConfirmingReset(true)}
          >
            {restartable ? t("restartChapter") : t("resetChapter")}
          </button>
        )}
      </footer>
    </article>
  );
}

/** Reading material: the whole page at once, no steps and no progress. */
function ReferencePage({
  lesson,
  fallback,
  sectionId,
}: {
  lesson: Lesson;
  fallback: boolean;
  /** A section linked to (`#/chapter/glossary/step/namespaces`): scrolled into view. */
  sectionId: string | undefined;
}): ReactNode {
  const t = lessonStrings.useStrings();
  const page = useRef<HTMLElement>(null);
  useEffect(() => {
    // Section ids are plain (the parser enforces it); anything else in the URL finds nothing.
    if (!sectionId || !/^[a-z0-9-]+$/.test(sectionId)) return;
    // The sanitizer prefixes ids from lesson text, so they never clash with the app's own.
    const heading = page.current?.querySelector<HTMLElement>(`[id="user-content-${sectionId}"]`);
    if (!heading) return;
    heading.tabIndex = -1;
    // (jsdom, in the unit tests, has no scrolling.)
    if (typeof heading.scrollIntoView === "function") heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  }, [sectionId]);
  return (
    <article
      ref={page}
      className="cl-lesson-chapter-view"
      aria-labelledby="cl-lesson-chapter-title"
      data-chapter-setup="none"
    >
      <header className="cl-lesson-chapter-header">
        <h2 id="cl-lesson-chapter-title">{lesson.meta.title}</h2>
        <p className="cl-lesson-muted">{t("referenceNote")}</p>
        {fallback && <p className="cl-lesson-muted">{t("languageFallback")}</p>}
      </header>
      <div className="cl-lesson-prose">
        <Markdown root={lesson.intro} />
        <Markdown root={lesson.outro} />
      </div>
      <OutroHints hints={lesson.outroHints} />
    </article>
  );
}

/** The outro's hints, one at a time, like a step's. */
function OutroHints({ hints }: { hints: readonly Hint[] }): ReactNode {
  const t = lessonStrings.useStrings();
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <>
      <RevealedHints hints={hints} shown={shown} />
      {shown < hints.length && (
        <button
          type="button"
          className="cl-lesson-button cl-lesson-button--quiet"
          onClick={() => setShown((n) => n + 1)}
        >
          {t("showHint", { n: shown + 1, total: hints.length })}
        </button>
      )}
    </>
  );
}
