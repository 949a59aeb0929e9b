// The vocabulary of the lesson format, in one place: the parser enforces it, lessons/README.md
// documents it and the "did you mean" suggestions draw from it.

/** Container and leaf directives the format knows. Text (inline) directives do not exist: `a:b` is just text. */
export const DIRECTIVES = {
  step: { kind: "containerDirective", attributes: ["id", "manual"] },
  hint: { kind: "containerDirective", attributes: [] },
  panel: { kind: "leafDirective", attributes: ["name", "highlight"] },
  editor: { kind: "leafDirective", attributes: ["path"] },
} as const;
export type DirectiveName = keyof typeof DIRECTIVES;
export const DIRECTIVE_NAMES = Object.keys(DIRECTIVES) as DirectiveName[];

/** Names kept for later versions of the format: rejected with a clearer message than "unknown". */
export const RESERVED_DIRECTIVES = ["quiz"] as const;

/** Fence languages that can carry a flag. */
export const SHELL_LANGUAGES = ["sh", "bash", "shell"] as const;
export const CODE_FLAGS = ["run", "check", "solution"] as const;
export type CodeFlag = (typeof CODE_FLAGS)[number];

/** A step fence needs this many colons so that `:::hint` (three) can nest inside it. */
export const STEP_FENCE_COLONS = 4;
