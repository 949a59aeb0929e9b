// The vocabulary of the lesson format, in one place: the parser enforces it, lessons/README.md
// documents it and the "did you mean" suggestions draw from it.

/** Container and leaf directives the format knows. Text (inline) directives do not exist: `a:b` is just text. */
export const DIRECTIVES = {
  step: { kind: "containerDirective", attributes: ["id", "manual", "challenge", "reveal-after"] },
  hint: { kind: "containerDirective", attributes: [] },
  quiz: { kind: "containerDirective", attributes: ["id", "multiple", "answer"] },
  predict: { kind: "containerDirective", attributes: ["id", "multiple"] },
  panel: { kind: "leafDirective", attributes: ["name", "highlight"] },
  editor: { kind: "leafDirective", attributes: ["path"] },
} as const;
export type DirectiveName = keyof typeof DIRECTIVES;
export const DIRECTIVE_NAMES = Object.keys(DIRECTIVES) as DirectiveName[];

/** Fence languages that can carry a flag. */
export const SHELL_LANGUAGES = ["sh", "bash", "shell"] as const;
export const CODE_FLAGS = ["run", "check", "solution"] as const;
export type CodeFlag = (typeof CODE_FLAGS)[number];
/** `key="value"` options a flag takes after it, e.g. ```` ```sh check message="…" ````. */
export const CODE_FLAG_OPTIONS: Record<CodeFlag, readonly string[]> = {
  run: [],
  check: ["message"],
  solution: [],
};

/** Bounds of a challenge's `reveal-after` (failed checks before the solution is offered). */
export const REVEAL_AFTER_MAX = 20;

/** A step fence needs this many colons so that `:::hint` (three) can nest inside it. */
export const STEP_FENCE_COLONS = 4;

/** The mdast `data` key that ties a run block to the prediction that must be answered first. */
export const AFTER_PREDICTION = "lessonAfterPrediction";
