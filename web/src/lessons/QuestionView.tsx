// A quiz or a prediction inside a step. Native radios, checkboxes and a text field in a
// fieldset, so the keyboard and screen readers work as on any form. A quiz is graded and can
// be tried again until right; a prediction is recorded once, unlocks the run blocks below it,
// and after they ran shows itself next to what really happened.
import type { Root } from "mdast";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { gradeAnswer } from "./grading.ts";
import type { Question } from "./lessonModel.ts";
import { useProgressStore, type Answer } from "./progressStore.ts";
import { useStepScope } from "./stepScope.ts";
import { lessonStrings } from "./strings.ts";

type RenderRoot = (root: Root) => ReactNode;

export function QuestionSlot({ id, render }: { id: string; render: RenderRoot }): ReactNode {
  const scope = useStepScope();
  const question = scope?.step.questions.find((q) => q.id === id);
  if (!scope || !question) return null;
  if (scope.preview) return <PreviewQuestion question={question} render={render} />;
  return (
    <QuestionView chapterId={scope.chapterId} stepId={scope.step.id} question={question} render={render} />
  );
}

/** Author mode's preview: the question with its right answers marked, nothing to press. */
function PreviewQuestion({ question, render }: { question: Question; render: RenderRoot }): ReactNode {
  const t = lessonStrings.useStrings();
  return (
    <div className="cl-lesson-question" data-testid={`question-${question.id}`}>
      <p className="cl-lesson-question-kind">{question.role === "quiz" ? t("quiz") : t("predict")}</p>
      <div className="cl-lesson-question-prompt">{render(question.prompt)}</div>
      <ul className="cl-lesson-choices">
        {question.choices.map((choice, index) => (
          <li key={index}>
            <span aria-hidden="true">{choice.correct ? "✓ " : "· "}</span>
            <span className="cl-lesson-choice-label">{render(choice.label)}</span>
          </li>
        ))}
      </ul>
      {question.pattern && (
        <p className="cl-lesson-muted">
          <code>{question.pattern}</code>
        </p>
      )}
    </div>
  );
}

function QuestionView({
  chapterId,
  stepId,
  question,
  render,
}: {
  chapterId: string;
  stepId: string;
  question: Question;
  render: RenderRoot;
}): ReactNode {
  const t = lessonStrings.useStrings();
  const saved = useProgressStore((s) => s.chapters[chapterId]?.steps[stepId]?.answers?.[question.id]);
  const answer = useProgressStore((s) => s.answer);
  const observe = useProgressStore((s) => s.observe);
  const quiz = question.role === "quiz";
  const [picked, setPicked] = useState<number[]>(() => (Array.isArray(saved?.value) ? saved.value : []));
  const [text, setText] = useState(() => (typeof saved?.value === "string" ? saved.value : ""));
  const name = useId();
  const promptId = useId();
  // A quiz is settled once right; a prediction once made.
  const settled = quiz ? saved?.correct === true : saved !== undefined;
  const value: Answer["value"] = question.answer === "text" ? text : picked;
  const empty = question.answer === "text" ? !text.trim() : picked.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (settled || empty) return;
    if (quiz)
      void gradeAnswer(question, value).then((correct) =>
        answer(chapterId, stepId, question.id, value, correct),
      );
    else answer(chapterId, stepId, question.id, value);
  };
  const toggle = (index: number) =>
    setPicked((now) =>
      question.answer === "single"
        ? [index]
        : now.includes(index)
          ? now.filter((i) => i !== index)
          : [...now, index].sort((a, b) => a - b),
    );

  const wrong = quiz && saved?.correct === false;
  return (
    <form
      className={`cl-lesson-question${settled ? " is-settled" : ""}${wrong ? " is-wrong" : ""}`}
      onSubmit={submit}
      data-testid={`question-${question.id}`}
    >
      <fieldset disabled={settled} aria-describedby={promptId}>
        <legend className="cl-lesson-question-kind">
          {quiz ? t("quiz") : t("predict")}
          {question.answer === "multiple" ? ` · ${t("pickAll")}` : ""}
        </legend>
        <div id={promptId} className="cl-lesson-question-prompt">
          {render(question.prompt)}
        </div>
        {question.answer === "text" ? (
          <input
            type="text"
            className="cl-lesson-question-text"
            aria-label={t("yourAnswer")}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        ) : (
          <ul className="cl-lesson-choices">
            {question.choices.map((choice, index) => (
              <li key={index}>
                <label>
                  <input
                    type={question.answer === "single" ? "radio" : "checkbox"}
                    name={name}
                    checked={picked.includes(index)}
                    onChange={() => toggle(index)}
                  />
                  <span className="cl-lesson-choice-label">{render(choice.label)}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {!settled && (
          <button type="submit" className="cl-lesson-button cl-lesson-button--primary" disabled={empty}>
            {quiz ? t("checkAnswer") : t("lockPrediction")}
          </button>
        )}
      </fieldset>
      <Verdict
        question={question}
        saved={saved}
        render={render}
        onObserve={() => observe(chapterId, stepId, question.id)}
      />
    </form>
  );
}

function Verdict({
  question,
  saved,
  render,
  onObserve,
}: {
  question: Question;
  saved: Answer | undefined;
  render: RenderRoot;
  onObserve: () => void;
}): ReactNode {
  const t = lessonStrings.useStrings();
  if (!saved) return null;
  const { value } = saved;
  const pickedChoices = Array.isArray(value) ? value.flatMap((i) => question.choices[i] ?? []) : [];
  const explanations = pickedChoices.flatMap((choice, i) =>
    choice.explanation ? [<div key={i}>{render(choice.explanation)}</div>] : [],
  );
  if (question.role === "quiz") {
    return (
      <div className="cl-lesson-question-verdict" role="status" aria-live="polite">
        <p className="cl-lesson-question-grade">
          {saved.correct ? `✓ ${t("answerRight")}` : t("answerWrong")}
        </p>
        {explanations}
        {saved.correct && question.explanation && render(question.explanation)}
      </div>
    );
  }
  const expected = question.choices.filter((c) => c.correct);
  return (
    <div className="cl-lesson-question-verdict" role="status" aria-live="polite">
      <p className="cl-lesson-question-grade">{t("yourPrediction")}</p>
      {typeof value === "string" ? (
        <blockquote className="cl-lesson-prediction">{value}</blockquote>
      ) : (
        <div className="cl-lesson-prediction">
          {pickedChoices.map((c, i) => (
            <div key={i}>{render(c.label)}</div>
          ))}
        </div>
      )}
      {!saved.observed ? (
        <p className="cl-lesson-muted">
          {t("nowRunIt")}{" "}
          <button type="button" className="cl-lesson-button cl-lesson-button--quiet" onClick={onObserve}>
            {t("showOutcome")}
          </button>
        </p>
      ) : (
        <>
          {expected.length > 0 && (
            <>
              <p className="cl-lesson-question-grade">
                {question.choices.every((c, i) => c.correct === (Array.isArray(value) && value.includes(i)))
                  ? `✓ ${t("predictedRight")}`
                  : t("predictedOther")}
              </p>
              <div className="cl-lesson-prediction is-actual">
                {expected.map((c, i) => (
                  <div key={i}>{render(c.label)}</div>
                ))}
              </div>
            </>
          )}
          {explanations}
          {question.explanation && render(question.explanation)}
        </>
      )}
    </div>
  );
}
