// All lesson files → the course: chapters in folder order, each with its lessons per language
// and its own diagnostics, so one broken chapter never hides the others. Also the checks that
// need more than one file: languages agreeing on steps, links, assets and prerequisites.
// Pure (no file system, no Vite): the app and lessons:check both call it.
import { resolveLessonPath } from "./assetPath.ts";
import { commandLines } from "./commandLines.ts";
import { LANGUAGES } from "../i18n/languages.ts";
import {
  hasErrors,
  type Diagnostic,
  type Language,
  type Lesson,
  type Question,
  type SourcePoint,
  type Step,
} from "./lessonModel.ts";
import { parseRoute } from "./lessonRoute.ts";
import { parseLesson, type ParsedLesson } from "./parseLesson.ts";
import type { Rule } from "./lessonRules.ts";
import { checkChapterFiles, type ChapterFile, type FileEntry } from "./chapterFiles.ts";

export type { ChapterFile, FileEntry };

/** Files next to a lesson that the app serves (keep in sync with the glob in lessonFiles.ts). */
export const ASSET_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "svg", "webp"] as const;
export const LESSONS_DIR = "lessons";
const FOLDER_PATTERN = /^\d+-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SAFE_SCHEMES = ["http:", "https:", "mailto:"];
/** Frontmatter that is not prose: both languages must say the same. */
const SHARED_KEYS = [
  ["id", "id"],
  ["estimated_minutes", "estimatedMinutes"],
  ["prerequisites", "prerequisites"],
  ["difficulty", "difficulty"],
  ["tags", "tags"],
  ["kind", "kind"],
  ["restart", "restart"],
] as const;

export interface Chapter {
  /** Folder under lessons/, e.g. `00-example`; its prefix orders the chapters. */
  folder: string;
  /** Where the chapter's files are, as its diagnostics name them: `lessons/00-example`, or a course's folder. */
  dir: string;
  /** The frontmatter id (the folder name without its prefix when the frontmatter is broken). */
  id: string;
  /** Lessons per language; empty when the chapter has errors. */
  lessons: Partial<Record<Language, Lesson>>;
  parsed: Partial<Record<Language, ParsedLesson>>;
  diagnostics: Diagnostic[];
  /** The chapter's `files/` payload, placed in the guest before its set-up runs. */
  files: ChapterFile[];
}

export interface Course {
  chapters: Chapter[];
  /** The assets (`lessons/<folder>/<name>`) the lessons link to: all a build needs to publish. */
  assets: string[];
}

export interface BuildOptions {
  /** The languages every chapter must have (a course written in one language needs only it). */
  languages?: readonly Language[];
  /** Chapter folder → the path diagnostics name (`lessons/<folder>` when absent). */
  dirs?: Readonly<Record<string, string>>;
  /** Chapter folder → what its `files/` folder holds. */
  files?: Readonly<Record<string, readonly FileEntry[]>>;
  /**
   * Ids of the lab's chapters a course leaves out: a kept chapter's link to one is a warning
   * (the instructor chose it), not an error.
   */
  omitted?: readonly string[];
  /** `lessons/<folder>/<name>` → why a file next to a lesson is not served (a link to it says so). */
  unshipped?: Readonly<Record<string, string>>;
}

/**
 * @param sources file path (`lessons/<folder>/<lang>.md`) → Markdown
 * @param assetPaths every asset file (`lessons/<folder>/<name>`) that exists
 */
export function buildCourse(
  sources: Readonly<Record<string, string>>,
  assetPaths: readonly string[],
  options: BuildOptions = {},
): Course {
  const languages = options.languages ?? LANGUAGES;
  const folders = new Map<string, Map<string, string>>();
  for (const [path, source] of Object.entries(sources)) {
    const [root, folder, name, ...rest] = path.split("/");
    if (root !== LESSONS_DIR || !folder || !name || rest.length > 0) continue;
    const files = folders.get(folder) ?? new Map<string, string>();
    files.set(name, source);
    folders.set(folder, files);
  }

  const chapters: Chapter[] = [...folders.keys()].sort(compareFolders).map((folder) => {
    const files = folders.get(folder) ?? new Map<string, string>();
    return parseChapter(folder, files, languages);
  });
  for (const chapter of chapters) {
    chapter.dir = options.dirs?.[chapter.folder] ?? chapter.dir;
    const checked = checkChapterFiles(chapter, options.files?.[chapter.folder] ?? []);
    chapter.files = checked.files;
    chapter.diagnostics.push(...checked.diagnostics);
  }

  const assets = new Set(assetPaths);
  const linked = new Set<string>();
  const byId = new Map<string, Chapter>();
  for (const chapter of chapters) {
    const first = byId.get(chapter.id);
    if (first) {
      const lesson = firstParsed(chapter);
      if (lesson)
        error(
          chapter.diagnostics,
          lesson.file,
          lesson.metaPositions.id,
          "duplicate-chapter-id",
          `chapter id \`${chapter.id}\` is already used by lessons/${first.folder}`,
        );
    } else {
      byId.set(chapter.id, chapter);
    }
  }
  chapters.forEach((chapter, index) => {
    for (const parsed of Object.values(chapter.parsed)) {
      for (const asset of checkLinks(parsed, chapter, byId, assets, options)) linked.add(asset);
      checkPrerequisites(parsed, chapter, index, chapters, byId);
    }
    chapter.diagnostics.sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    if (!hasErrors(chapter.diagnostics)) {
      for (const [language, parsed] of Object.entries(chapter.parsed) as [Language, ParsedLesson][]) {
        if (parsed.meta) {
          chapter.lessons[language] = {
            file: parsed.file,
            language,
            meta: parsed.meta,
            summary: parsed.summary,
            objectives: parsed.objectives,
            intro: parsed.intro,
            steps: parsed.steps,
            outro: parsed.outro,
            outroHints: parsed.outroHints,
            sections: parsed.sections,
          };
        }
      }
    }
  });
  if (options.dirs)
    for (const chapter of chapters) chapter.diagnostics = chapter.diagnostics.map(renameFiles(chapters));
  return { chapters, assets: [...linked].sort() };
}

/** Diagnostics name files as they sit on disk: a course's folder rather than `lessons/`. */
function renameFiles(chapters: readonly Chapter[]): (d: Diagnostic) => Diagnostic {
  const rename = (text: string) =>
    text.replace(/\blessons\/([^/\s`:)]+)/g, (whole, folder: string) => {
      const chapter = chapters.find((c) => c.folder === folder);
      return chapter ? chapter.dir : whole;
    });
  return (d) => ({ ...d, file: rename(d.file), message: rename(d.message) });
}

function compareFolders(a: string, b: string): number {
  const order = (folder: string) => Number.parseInt(folder, 10);
  const byNumber =
    (Number.isNaN(order(a)) ? Infinity : order(a)) - (Number.isNaN(order(b)) ? Infinity : order(b));
  return byNumber || a.localeCompare(b);
}

function error(
  list: Diagnostic[],
  file: string,
  at: SourcePoint | undefined,
  rule: Rule,
  message: string,
  severity: Diagnostic["severity"] = "error",
): void {
  list.push({ file, line: at?.line ?? 1, column: at?.column ?? 1, severity, rule, message });
}

function firstParsed(chapter: Chapter): ParsedLesson | undefined {
  return chapter.parsed.en ?? Object.values(chapter.parsed)[0];
}

function parseChapter(folder: string, files: Map<string, string>, languages: readonly Language[]): Chapter {
  const diagnostics: Diagnostic[] = [];
  const parsed: Partial<Record<Language, ParsedLesson>> = {};
  const path = (name: string) => `${LESSONS_DIR}/${folder}/${name}`;
  const anyFile = path([...files.keys()].sort()[0] ?? "en.md");

  const goodFolder = FOLDER_PATTERN.test(folder);
  if (!goodFolder) {
    error(
      diagnostics,
      anyFile,
      undefined,
      "folder-name",
      `chapter folder \`${folder}\` must be an order prefix and the chapter id, e.g. \`01-processes\``,
    );
  }
  for (const [name, source] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const language = name.replace(/\.md$/, "");
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      error(
        diagnostics,
        path(name),
        undefined,
        "unknown-file",
        `unexpected lesson file \`${name}\`: a chapter has one file per language (${LANGUAGES.map((l) => `${l}.md`).join(", ")})`,
      );
      continue;
    }
    const lesson = parseLesson(source, path(name), language as Language);
    parsed[language as Language] = lesson;
    diagnostics.push(...lesson.diagnostics);
  }
  for (const language of languages) {
    if (!parsed[language]) {
      error(
        diagnostics,
        anyFile,
        undefined,
        "missing-language",
        languages.length === 1
          ? `${language}.md is missing: this course is written in ${language}`
          : `${language}.md is missing: every chapter is written in ${languages.join(" and ")}`,
      );
    }
  }

  const folderId = folder.replace(/^\d+-/, "");
  const base = parsed.en ?? Object.values(parsed)[0];
  for (const lesson of Object.values(parsed)) {
    if (goodFolder && lesson.meta && lesson.meta.id !== folderId) {
      error(
        diagnostics,
        lesson.file,
        lesson.metaPositions.id,
        "chapter-id-folder",
        `chapter id \`${lesson.meta.id}\` must match its folder \`${folder}\` (id \`${folderId}\`)`,
      );
    }
    if (base && lesson !== base) compareLanguages(base, lesson, diagnostics);
  }
  return {
    folder,
    dir: `${LESSONS_DIR}/${folder}`,
    id: base?.meta?.id ?? folderId,
    lessons: {},
    parsed,
    diagnostics,
    files: [],
  };
}

/** A translation must be the same chapter: same steps, same checks, same commands. */
function compareLanguages(base: ParsedLesson, other: ParsedLesson, diagnostics: Diagnostic[]): void {
  const baseName = base.file.split("/").pop() ?? base.file;
  if (base.meta && other.meta) {
    for (const [key, field] of SHARED_KEYS) {
      if (JSON.stringify(base.meta[field]) !== JSON.stringify(other.meta[field])) {
        error(
          diagnostics,
          other.file,
          other.metaPositions[key],
          "frontmatter-differs",
          `\`${key}\` is ${JSON.stringify(other.meta[field])} here but ${JSON.stringify(base.meta[field])} in ${baseName}`,
        );
      }
    }
  }
  const sectionIds = (lesson: ParsedLesson) => lesson.sections.map((section) => section.id).join(", ");
  if (sectionIds(base) !== sectionIds(other)) {
    error(
      diagnostics,
      other.file,
      other.sections[0],
      "step-ids-differ",
      `the section ids here (${sectionIds(other) || "none"}) differ from ${baseName} (${sectionIds(base) || "none"}); links point at them in every language`,
    );
  }
  // The set-up runs the same commands in every language; only its comments are translated.
  if (
    base.meta &&
    other.meta &&
    commandLines(base.meta.setup ?? "").join("\n") !== commandLines(other.meta.setup ?? "").join("\n")
  ) {
    error(
      diagnostics,
      other.file,
      other.metaPositions.setup ?? other.metaPositions.id,
      "frontmatter-differs",
      `\`setup\` runs other commands here than in ${baseName} (only comments may be translated)`,
    );
  }
  // A file without steps already has its own error; comparing against it would only add noise.
  if (base.steps.length === 0 || other.steps.length === 0) return;
  const count = Math.max(base.steps.length, other.steps.length);
  for (let i = 0; i < count; i++) {
    const ours = base.steps[i];
    const theirs = other.steps[i];
    if (!ours || !theirs || ours.id !== theirs.id) {
      const message = !theirs
        ? `step \`${ours?.id}\` (${baseName}:${ours?.line}) is missing here`
        : !ours
          ? `step \`${theirs.id}\` does not exist in ${baseName}`
          : `step ${i + 1} is \`${theirs.id}\` here but \`${ours.id}\` in ${baseName}:${ours.line}; step ids and their order must match across languages`;
      error(diagnostics, other.file, theirs ?? other.steps.at(-1), "step-ids-differ", message);
      return; // after the first mismatch every later step would differ too
    }
    if (ours.manual !== theirs.manual) {
      error(
        diagnostics,
        other.file,
        theirs,
        "step-differs",
        `step \`${theirs.id}\` is ${theirs.manual ? "" : "not "}manual here but is ${ours.manual ? "" : "not "}in ${baseName}`,
      );
    }
    if (ours.challenge !== theirs.challenge || ours.revealAfter !== theirs.revealAfter) {
      error(
        diagnostics,
        other.file,
        theirs,
        "step-differs",
        `step \`${theirs.id}\` is ${theirs.challenge ? `a challenge (reveal-after ${theirs.revealAfter ?? "unset"})` : "not a challenge"} here but ${ours.challenge ? `a challenge (reveal-after ${ours.revealAfter ?? "unset"})` : "not a challenge"} in ${baseName}`,
      );
    }
    // A step manual in one language only has its own error; its checks would only add noise.
    const checkCount = ours.manual === theirs.manual ? Math.max(ours.checks.length, theirs.checks.length) : 0;
    for (let c = 0; c < checkCount; c++) {
      const mine = ours.checks[c];
      const yours = theirs.checks[c];
      if (mine?.code.trim() === yours?.code.trim()) continue;
      error(
        diagnostics,
        other.file,
        yours ?? theirs,
        "check-differs",
        !yours
          ? `step \`${theirs.id}\` lacks the check at ${baseName}:${mine?.line}; checks are shared, copy them verbatim`
          : !mine
            ? `step \`${theirs.id}\` has a check that ${baseName} does not; checks are shared, copy them verbatim`
            : `check ${c + 1} of step \`${theirs.id}\` differs from ${baseName}:${mine.line}; checks are shared, copy it verbatim (only its message is translated)`,
      );
      break;
    }
    compareQuestions(ours, theirs, baseName, other.file, diagnostics);
    if (
      ours.solution &&
      theirs.solution &&
      commandLines(ours.solution.code).join("\n") !== commandLines(theirs.solution.code).join("\n")
    ) {
      error(
        diagnostics,
        other.file,
        theirs.solution,
        "solution-differs",
        `the solution of step \`${theirs.id}\` runs other commands than ${baseName}:${ours.solution.line} (only comments may be translated)`,
      );
    }
  }
}

/** Questions are translated, but their ids, kinds, right answers and patterns are shared. */
function compareQuestions(
  ours: Step,
  theirs: Step,
  baseName: string,
  file: string,
  diagnostics: Diagnostic[],
): void {
  const shape = (q: Question) =>
    JSON.stringify([q.id, q.role, q.answer, q.choices.map((c) => c.correct), q.pattern ?? null]);
  const count = Math.max(ours.questions.length, theirs.questions.length);
  for (let i = 0; i < count; i++) {
    const mine = ours.questions[i];
    const yours = theirs.questions[i];
    if (mine && yours && shape(mine) === shape(yours)) continue;
    const describe = (q: Question | undefined) =>
      q
        ? `${q.role} \`${q.id}\` (${q.answer}${q.choices.length ? `, right: ${q.choices.flatMap((c, n) => (c.correct ? [n + 1] : [])).join(",") || "none"}` : ""}${q.pattern ? `, answer="${q.pattern}"` : ""})`
        : "nothing";
    error(
      diagnostics,
      file,
      yours ?? theirs,
      "question-differs",
      `question ${i + 1} of step \`${theirs.id}\` is ${describe(yours)} here but ${describe(mine)} in ${baseName}${mine ? `:${mine.line}` : ""}; translate the words, keep the answers`,
    );
    return;
  }
}

/** Reports the lesson's broken links; returns the assets it links to. */
function checkLinks(
  parsed: ParsedLesson,
  chapter: Chapter,
  byId: Map<string, Chapter>,
  assets: Set<string>,
  options: BuildOptions,
): string[] {
  const omitted = options.omitted ?? [];
  const linked: string[] = [];
  for (const link of parsed.links) {
    const url = link.url.trim();
    const report = (rule: Rule, message: string, severity: Diagnostic["severity"] = "error") =>
      error(chapter.diagnostics, parsed.file, link, rule, message, severity);
    const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
    if (scheme) {
      if (!SAFE_SCHEMES.includes(scheme))
        report("unsafe-link", `\`${scheme}\` links are not allowed (only ${SAFE_SCHEMES.join(" ")})`);
      continue;
    }
    if (url.startsWith("//")) continue;
    if (url.startsWith("#")) {
      const route = parseRoute(url);
      if (!route || !url.startsWith("#/")) {
        report(
          "broken-link",
          `\`${url}\` is not a lesson link; use \`#/chapter/<id>\` or \`#/chapter/<id>/step/<step>\``,
        );
      } else if (route.view === "chapter") {
        const target = byId.get(route.chapterId);
        const first = target ? firstParsed(target) : undefined;
        const steps = first
          ? [...first.steps.map((s) => s.id), ...first.sections.map((s) => s.id)]
          : undefined;
        if (!target && omitted.includes(route.chapterId))
          report(
            "broken-link",
            `\`${route.chapterId}\` is a chapter of the lab that this course leaves out (course.yaml \`builtin\`): the link leads nowhere`,
            "warning",
          );
        else if (!target) report("broken-link", `no chapter has the id \`${route.chapterId}\``);
        else if (route.stepId && !steps?.includes(route.stepId))
          report("broken-link", `chapter \`${route.chapterId}\` has no step or section \`${route.stepId}\``);
      }
      continue;
    }
    const path = url.replace(/[?#].*$/, "");
    if (path.startsWith("/")) {
      report(
        "broken-link",
        `\`${url}\`: write asset paths relative to the chapter folder, e.g. \`./diagram.svg\``,
      );
      continue;
    }
    if (path.endsWith(".md")) {
      report("broken-link", `\`${url}\`: link to a chapter with \`#/chapter/<id>\`, not to its file`);
      continue;
    }
    const resolved = resolveLessonPath(`${LESSONS_DIR}/${chapter.folder}`, path);
    const extension = path.split(".").pop()?.toLowerCase() ?? "";
    const unshipped = resolved ? options.unshipped?.[resolved] : undefined;
    if (resolved && unshipped) {
      report(link.kind === "image" ? "missing-asset" : "broken-link", `\`${url}\`: ${unshipped}`);
    } else if (!resolved || !assets.has(resolved)) {
      report(
        link.kind === "image" ? "missing-asset" : "broken-link",
        `\`${url}\` does not exist (looked for ${resolved ?? "a path outside lessons/"})`,
      );
    } else if (!(ASSET_EXTENSIONS as readonly string[]).includes(extension)) {
      report(
        "missing-asset",
        `\`${url}\` is not served by the app; assets are ${ASSET_EXTENSIONS.join(", ")} files`,
      );
    } else linked.push(resolved);
  }
  return linked;
}

function checkPrerequisites(
  parsed: ParsedLesson,
  chapter: Chapter,
  index: number,
  chapters: Chapter[],
  byId: Map<string, Chapter>,
): void {
  if (!parsed.meta) return;
  const at = parsed.metaPositions.prerequisites;
  for (const id of parsed.meta.prerequisites) {
    const target = byId.get(id);
    if (id === chapter.id)
      error(
        chapter.diagnostics,
        parsed.file,
        at,
        "unknown-prerequisite",
        "a chapter cannot be its own prerequisite",
      );
    else if (!target)
      error(
        chapter.diagnostics,
        parsed.file,
        at,
        "unknown-prerequisite",
        `prerequisite \`${id}\` is not a chapter id`,
      );
    else if (chapters.indexOf(target) > index) {
      error(
        chapter.diagnostics,
        parsed.file,
        at,
        "prerequisite-order",
        `prerequisite \`${id}\` comes after this chapter (lessons/${target.folder})`,
        "warning",
      );
    }
  }
}
