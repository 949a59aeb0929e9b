// What a finished kiosk session leaves for the instructor: per chapter the student worked in,
// the steps done, the challenges solved alone or with the solution, the quiz score, and the
// time from the first to the last input. Pure: progress and course in, a record out; and the
// records out as CSV.
import type { Chapter, ChapterProgress } from "../lessons/index.ts";
import { z } from "../zodConfig.ts";

export const chapterSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  stepsDone: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  challengesAlone: z.number().int().nonnegative(),
  challengesWithSolution: z.number().int().nonnegative(),
  challenges: z.number().int().nonnegative(),
  quizCorrect: z.number().int().nonnegative(),
  quizQuestions: z.number().int().nonnegative(),
  quizTries: z.number().int().nonnegative(),
});

export const sessionRecordSchema = z.object({
  /** Counts up on this station: session 1, 2, … */
  session: z.number().int().positive(),
  startedAt: z.number(),
  finishedAt: z.number(),
  /** From the first input to the last one (an idle spell before a reset does not count). */
  activeMs: z.number().nonnegative(),
  /** Only when the kiosk asks for names (kiosk.json `askName`). */
  name: z.string().max(80).optional(),
  chapters: z.array(chapterSummarySchema),
});

export type ChapterSummary = z.infer<typeof chapterSummarySchema>;
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export interface SessionInProgress {
  /** The first input of this student. */
  startedAt?: number;
  lastActiveAt?: number;
  name?: string;
}

function summarize(chapter: Chapter, progress: ChapterProgress): ChapterSummary {
  const lesson = chapter.lessons.en ?? Object.values(chapter.lessons)[0];
  const steps = lesson?.steps ?? [];
  const done = (id: string) => progress.steps[id]?.doneAt !== undefined;
  const challenges = steps.filter((s) => s.challenge);
  const quizzes = steps.flatMap((s) =>
    s.questions.filter((q) => q.role === "quiz").map((q) => progress.steps[s.id]?.answers?.[q.id]),
  );
  return {
    id: chapter.id,
    title: lesson?.meta.title ?? chapter.id,
    stepsDone: steps.filter((s) => done(s.id)).length,
    steps: steps.length,
    challengesAlone: challenges.filter((s) => done(s.id) && !progress.steps[s.id]?.withSolution).length,
    challengesWithSolution: challenges.filter((s) => done(s.id) && progress.steps[s.id]?.withSolution).length,
    challenges: challenges.length,
    quizCorrect: quizzes.filter((a) => a?.correct).length,
    quizQuestions: quizzes.length,
    quizTries: quizzes.reduce((sum, a) => sum + (a?.tries ?? 0), 0),
  };
}

/** A chapter the course no longer has (or has not parsed yet): what the progress alone says. */
function fromProgressOnly(id: string, progress: ChapterProgress): ChapterSummary {
  const steps = Object.values(progress.steps);
  const answers = steps.flatMap((s) => Object.values(s.answers ?? {})).filter((a) => a.correct !== undefined);
  return {
    id,
    title: id,
    stepsDone: steps.filter((s) => s.doneAt !== undefined).length,
    steps: steps.length,
    challengesAlone: 0,
    challengesWithSolution: 0,
    challenges: 0,
    quizCorrect: answers.filter((a) => a.correct).length,
    quizQuestions: answers.length,
    quizTries: answers.reduce((sum, a) => sum + a.tries, 0),
  };
}

function order(chapters: readonly Chapter[], id: string): number {
  const index = chapters.findIndex((c) => c.id === id);
  return index < 0 ? chapters.length : index;
}

/**
 * The record of a session that ends now, or null when the student did nothing in any chapter:
 * an idle station resetting leaves no empty rows.
 */
export function finishSession(
  session: SessionInProgress,
  progress: Readonly<Record<string, ChapterProgress>>,
  chapters: readonly Chapter[],
  number: number,
  now: number,
  keepName: boolean,
): SessionRecord | null {
  // A chapter only looked at (no step done, tried, hinted or answered) is not one worked in.
  const worked = Object.entries(progress)
    .filter(([, mine]) => Object.keys(mine.steps).length > 0)
    .map(([id, mine]) => {
      const chapter = chapters.find((c) => c.id === id);
      return chapter ? summarize(chapter, mine) : fromProgressOnly(id, mine);
    })
    .sort((a, b) => order(chapters, a.id) - order(chapters, b.id));
  if (worked.length === 0) return null;
  const startedAt = session.startedAt ?? now;
  const name = keepName ? session.name?.trim().slice(0, 80) : undefined;
  return {
    session: number,
    startedAt,
    finishedAt: now,
    activeMs: Math.max(0, (session.lastActiveAt ?? now) - startedAt),
    ...(name ? { name } : {}),
    chapters: worked,
  };
}

/**
 * A CSV field as spreadsheets read it: quoted when it must be, and a leading = + - @ defused,
 * since a student's name becomes a formula in Excel otherwise.
 */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS = [
  "session",
  "started",
  "finished",
  "minutes_active",
  "name",
  "chapter",
  "chapter_title",
  "steps_done",
  "steps_total",
  "challenges_solved_alone",
  "challenges_solved_with_solution",
  "challenges_total",
  "quiz_correct",
  "quiz_questions",
  "quiz_tries",
] as const;

/**
 * One row per session and chapter, UTF-8 with a byte-order mark (Excel then reads Japanese
 * titles and names right). The name column is there only when the kiosk asks for names.
 */
export function recordsToCsv(records: readonly SessionRecord[], withNames: boolean): string {
  const columns = COLUMNS.filter((c) => withNames || c !== "name");
  const rows = records.flatMap((record) =>
    record.chapters.map((chapter) => {
      const cells: Record<(typeof COLUMNS)[number], string | number> = {
        session: record.session,
        started: new Date(record.startedAt).toISOString(),
        finished: new Date(record.finishedAt).toISOString(),
        minutes_active: Math.round(record.activeMs / 6000) / 10,
        name: record.name ?? "",
        chapter: chapter.id,
        chapter_title: chapter.title,
        steps_done: chapter.stepsDone,
        steps_total: chapter.steps,
        challenges_solved_alone: chapter.challengesAlone,
        challenges_solved_with_solution: chapter.challengesWithSolution,
        challenges_total: chapter.challenges,
        quiz_correct: chapter.quizCorrect,
        quiz_questions: chapter.quizQuestions,
        quiz_tries: chapter.quizTries,
      };
      return columns.map((c) => field(cells[c])).join(",");
    }),
  );
  return `\uFEFF${[columns.join(","), ...rows].join("\r\n")}\r\n`;
}
