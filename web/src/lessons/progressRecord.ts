// The one schema of stored lesson progress, used where progress enters the app: the browser's
// storage (progressStore.ts, through storage/guardedStorage.ts) and a loaded session file.
// Chapters are checked one by one, so one damaged chapter does not cost the others.
import { isRecord, readParsedEnvelope, type ReadResult } from "../storage/guardedStorage.ts";
import { z } from "../zodConfig.ts";

const answerSchema = z.object({
  /** The picked choices (indexes) or the typed text. */
  value: z.union([z.array(z.number().int().nonnegative()), z.string()]),
  /** A quiz's grade; absent for a prediction. */
  correct: z.boolean().optional(),
  /** How many times the student answered (wrong answers included). */
  tries: z.number().int().positive(),
  at: z.number(),
  /** A prediction: the student ran what it asked about. */
  observed: z.boolean().optional(),
});

const stepProgressSchema = z.object({
  /** When the check passed (or the student marked a manual step done), ms since the epoch. */
  doneAt: z.number().optional(),
  hintsShown: z.number().int().nonnegative().optional(),
  solutionShown: z.boolean().optional(),
  /** A challenge: times the student asked for the solution, and "Check now" presses that failed. */
  solutionAsks: z.number().int().nonnegative().optional(),
  failedChecks: z.number().int().nonnegative().optional(),
  /** Whether the solution had been shown when the step was done: solved alone, or with it. */
  withSolution: z.boolean().optional(),
  answers: z.record(z.string(), answerSchema).optional(),
});

const chapterProgressSchema = z.object({
  steps: z.record(z.string(), stepProgressSchema),
  /** The step the student last had open, to resume there. */
  currentStep: z.string().optional(),
});

export type StepProgress = z.infer<typeof stepProgressSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type ChapterProgress = z.infer<typeof chapterProgressSchema>;

/** Where a zod issue is, for a one-line reason: `steps.enter.doneAt: expected number`. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Reads stored progress (`{ chapters }`): the chapters that check out, and what did not. */
export function readProgress(stored: unknown): ReadResult<{ chapters: Record<string, ChapterProgress> }> {
  const chapters: Record<string, ChapterProgress> = {};
  if (!isRecord(stored)) return { state: { chapters }, problems: ["progress: not an object"] };
  const raw = stored.chapters;
  if (raw === undefined) return { state: { chapters }, problems: [] };
  if (!isRecord(raw)) return { state: { chapters }, problems: ["chapters: not an object"] };
  const problems: string[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const parsed = chapterProgressSchema.safeParse(value);
    if (parsed.success) chapters[id] = parsed.data;
    else problems.push(`chapter ${JSON.stringify(id)}: ${describe(parsed.error)}`);
  }
  return { state: { chapters }, problems };
}

/** Reads progress as stored (zustand's `{ state, version }` envelope around `{ chapters }`), e.g. from a session file. */
export function readStoredProgress(
  stored: unknown,
): ReadResult<{ chapters: Record<string, ChapterProgress> }> {
  const { value, problems } = readParsedEnvelope(stored, readProgress);
  return value
    ? { state: value.state, problems }
    : { state: { chapters: {} }, problems: problems.map((p) => `progress: ${p}`) };
}
