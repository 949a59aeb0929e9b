// An instructor's course.yaml: the course's title, its language, and which built-in chapters it
// keeps. Pure (text in, config or positioned errors out): the Vite plugin and the command-line
// tools read the file; this module owns what it may say.
import { LineCounter, parseDocument } from "yaml";
import { z } from "../zodConfig.ts";
import { LANGUAGES, type Language } from "../i18n/languages.ts";
import { ID_PATTERN } from "./frontmatter.ts";
import { didYouMean } from "./suggest.ts";

export const COURSE_FILE = "course.yaml";

const title = z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters");

export const courseConfigSchema = z.strictObject({
  /** Shown in the header and the window title: one text, or one per language. */
  title: z.union([title, z.partialRecord(z.enum(LANGUAGES), title)]),
  /**
   * A course written in one language only: its chapters need only that file, and the lab is
   * shown in it, without the language switch. Absent: every chapter in every language.
   */
  language: z.enum(LANGUAGES).optional(),
  /**
   * The lab's own chapters to keep beside the course's: `all`, `none` (the default: the course
   * replaces them), or a list of chapter ids.
   */
  builtin: z
    .union([z.enum(["all", "none"]), z.array(z.string().regex(ID_PATTERN, "must be a chapter id")).min(1)])
    .default("none"),
});

export type CourseConfigInput = z.input<typeof courseConfigSchema>;

export interface CourseConfig {
  title: Partial<Record<Language, string>>;
  language?: Language;
  builtin: "all" | "none" | string[];
}

export interface CourseConfigProblem {
  line: number;
  column: number;
  message: string;
}

export class CourseConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: CourseConfigProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join("\n"));
    this.name = "CourseConfigError";
  }
}

/** Parses course.yaml's text; every problem names its line and column in `file`. */
export function parseCourseConfig(text: string, file: string = COURSE_FILE): CourseConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    throw new CourseConfigError(
      file,
      doc.errors.map((e) => ({ ...at(e.pos[0]), message: `invalid YAML: ${e.message.split("\n")[0]}` })),
    );
  }
  const parsed = courseConfigSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const keys = Object.keys(courseConfigSchema.shape);
    throw new CourseConfigError(
      file,
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
        if (issue.code === "unrecognized_keys") {
          const key = issue.keys[0] ?? "";
          const node = doc.contents && "items" in doc.contents ? doc.contents : undefined;
          const pair = node?.items.find(
            (item) => (item as { key?: { value?: unknown } }).key?.value === key,
          ) as { key?: { range?: [number, number, number] } } | undefined;
          return {
            ...at(pair?.key?.range?.[0]),
            message: `unknown key \`${key}\`${didYouMean(key, keys)}; course.yaml has ${keys.join(", ")}`,
          };
        }
        const node = path.length > 0 ? doc.getIn(path, true) : undefined;
        const range = (node as { range?: [number, number, number] } | undefined)?.range;
        const name = path.length > 0 ? `\`${path.join(".")}\`` : "course.yaml";
        if (path.length > 0 && !doc.hasIn(path))
          return { line: 1, column: 1, message: `missing required key ${name}` };
        if (path.length === 0)
          return { line: 1, column: 1, message: "must be a YAML mapping of keys to values" };
        return { ...at(range?.[0]), message: `${name}: ${issue.message}` };
      }),
    );
  }
  const data = parsed.data;
  const titles = typeof data.title === "string" ? { en: data.title, ja: data.title } : data.title;
  if (Object.keys(titles).length === 0) {
    const range = (doc.getIn(["title"], true) as { range?: [number, number, number] } | undefined)?.range;
    throw new CourseConfigError(file, [
      { ...at(range?.[0]), message: "`title`: give at least one language" },
    ]);
  }
  return { title: titles, ...(data.language ? { language: data.language } : {}), builtin: data.builtin };
}
