// The draft as students will read it, rendered by the lesson engine's own Markdown pipeline
// (sanitized, with its Run and panel blocks). Checks do not run and Run types nothing:
// this is a page to read, not a second lesson pane driving the machine.
import { useMemo, type ReactNode } from "react";
import { resolveLessonPath } from "../lessons/assetPath.ts";
import { LessonContext, type LessonActions } from "../lessons/lessonContext.ts";
import type { LessonRuntime } from "../lessons/lessonRuntime.ts";
import "../lessons/lessons.css";
import { Markdown } from "../lessons/Markdown.tsx";
import type { ParsedLesson } from "../lessons/parseLesson.ts";
import { StepScope } from "../lessons/stepScope.ts";
import { authorStrings } from "./strings.ts";

const inertRuntime: LessonRuntime = {
  runInTerminal: () => undefined,
  execCheck: async () => null,
  onCommandFinished: () => () => undefined,
  // Present, so panel buttons show in the preview as they will in the lesson.
  focusPanel: () => undefined,
};

export function LessonPreview({
  lesson,
  folder,
  assets,
}: {
  lesson: ParsedLesson;
  folder: string;
  assets: Readonly<Record<string, string>>;
}): ReactNode {
  const t = authorStrings.useStrings();
  const actions = useMemo<LessonActions>(
    () => ({
      runtime: inertRuntime,
      type: () => undefined,
      resolveUrl: (url) => {
        const path = resolveLessonPath(`lessons/${folder}`, url);
        return path ? assets[path] : undefined;
      },
    }),
    [folder, assets],
  );
  return (
    <LessonContext.Provider value={actions}>
      <article className="cl-lesson-pane cl-author-preview__lesson" data-testid="author-preview">
        {lesson.meta ? (
          <header>
            <h2>{lesson.meta.title}</h2>
            <p className="cl-lesson-muted">{lesson.meta.summary}</p>
          </header>
        ) : (
          <p className="cl-lesson-muted">{t("previewBrokenMeta")}</p>
        )}
        <div className="cl-lesson-prose">
          <Markdown root={lesson.intro} />
        </div>
        {lesson.steps.map((step, index) => (
          <section
            key={`${index}-${step.id}`}
            className="cl-lesson-step"
            aria-label={t("previewStep", { n: index + 1, title: step.title })}
          >
            <h3 className="cl-lesson-step-title">{t("previewStep", { n: index + 1, title: step.title })}</h3>
            {step.manual && <p className="cl-lesson-muted">{t("previewManual")}</p>}
            {step.challenge && (
              <p className="cl-lesson-muted">
                {step.revealAfter
                  ? t("previewChallengeAfter", { n: step.revealAfter })
                  : t("previewChallenge")}
              </p>
            )}
            <div className="cl-lesson-prose">
              {/* Questions render with their right answers marked, and record nothing. */}
              <StepScope.Provider value={{ chapterId: "", step, preview: true }}>
                <Markdown root={step.body} />
              </StepScope.Provider>
            </div>
            {step.hints.map((hint, i) => (
              <details key={i} className="cl-lesson-hint">
                <summary>
                  {t("previewHint", { n: i + 1 })}
                  {hint.label ? `: ${hint.label}` : ""}
                </summary>
                <Markdown root={hint.body} />
              </details>
            ))}
            {step.checks.map((check, i) => (
              <CodeBlock
                key={i}
                title={check.message ? `${t("previewCheck")}: ${check.message}` : t("previewCheck")}
                code={check.code}
              />
            ))}
            {step.solution && <CodeBlock title={t("previewSolution")} code={step.solution.code} />}
          </section>
        ))}
        <div className="cl-lesson-prose">
          <Markdown root={lesson.outro} />
        </div>
      </article>
    </LessonContext.Provider>
  );
}

function CodeBlock({ title, code }: { title: string; code: string }): ReactNode {
  return (
    <div className="cl-lesson-solution">
      <p className="cl-lesson-hint-title">{title}</p>
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  );
}
