// The hints a student has opened so far, in order: a step's, and the outro's.
import type { ReactNode } from "react";
import type { Hint } from "./lessonModel.ts";
import { Markdown } from "./Markdown.tsx";
import { lessonStrings } from "./strings.ts";

export function RevealedHints({ hints, shown }: { hints: readonly Hint[]; shown: number }): ReactNode {
  const t = lessonStrings.useStrings();
  return hints.slice(0, shown).map((hint, i) => (
    <aside key={i} className="cl-lesson-hint" aria-label={t("hint", { n: i + 1 })}>
      <p className="cl-lesson-hint-title">
        {t("hint", { n: i + 1 })}
        {hint.label ? `: ${hint.label}` : ""}
      </p>
      <Markdown root={hint.body} />
    </aside>
  ));
}
