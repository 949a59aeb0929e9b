// Chapter frontmatter: YAML parsed with positions, validated with zod, every problem
// reported at the line and column of the offending key or value.
import type { Yaml } from "mdast";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from "yaml";
import { z } from "../zodConfig.ts";
import {
  CHAPTER_KINDS,
  DIFFICULTIES,
  RESTART_MODES,
  type Diagnostic,
  type LessonMeta,
  type SourcePoint,
} from "./lessonModel.ts";
import { didYouMean } from "./suggest.ts";
import type { Rule } from "./lessonRules.ts";

/** Chapter and step ids: they appear in URLs and in saved progress, so keep them plain. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_HINT = "lowercase letters, digits and single dashes, e.g. `uts-namespace`";

const chapterId = z.string().regex(ID_PATTERN, `must be ${ID_HINT}`);
const text = z.string().trim().min(1, "must not be empty");

export const frontmatterSchema = z.strictObject({
  id: chapterId,
  title: text,
  summary: text,
  objectives: z.array(text).min(1, "list at least one objective"),
  estimated_minutes: z.number().int().min(1).max(600),
  prerequisites: z.array(chapterId).default([]),
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(text).default([]),
  authors: z.array(text).default([]),
  updated: z.iso.date("must be a date written YYYY-MM-DD").optional(),
  kind: z.enum(CHAPTER_KINDS).default("lesson"),
  setup: text.optional(),
  restart: z.enum(RESTART_MODES).default("setup"),
});

export const FRONTMATTER_KEYS = Object.keys(frontmatterSchema.shape);

export interface FrontmatterResult {
  meta: LessonMeta | null;
  /** Where each top-level key's value sits, for messages that compare languages. */
  positions: Record<string, SourcePoint>;
  diagnostics: Diagnostic[];
}

export function parseFrontmatter(node: Yaml | undefined, file: string): FrontmatterResult {
  const positions: Record<string, SourcePoint> = {};
  const diagnostics: Diagnostic[] = [];
  const error = (at: SourcePoint, rule: Rule, message: string) =>
    diagnostics.push({ file, ...at, severity: "error", rule, message });

  if (!node?.position) {
    error(
      { line: 1, column: 1 },
      "frontmatter-missing",
      "the file must start with YAML frontmatter between `---` lines",
    );
    return { meta: null, positions, diagnostics };
  }
  const fence: SourcePoint = { line: node.position.start.line, column: 1 };
  // The YAML text starts on the line after the opening `---`.
  const firstLine = node.position.start.line + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: false });
  const at = (offset: number): SourcePoint => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };

  for (const problem of doc.errors) {
    error(at(problem.pos[0]), "frontmatter-yaml", `invalid YAML: ${problem.message.split("\n")[0]}`);
  }
  if (doc.errors.length > 0) return { meta: null, positions, diagnostics };

  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const value = pair.value as YamlNode | null;
      const key = pair.key as YamlNode | null;
      if (isScalar(key) && typeof key.value === "string") {
        const range = value?.range ?? key.range;
        if (range) positions[key.value] = at(range[0]);
      }
    }
  }

  const parsed = frontmatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          error(
            keyPosition(doc, key, at) ?? fence,
            "frontmatter-unknown-key",
            `unknown frontmatter key \`${key}\`${didYouMean(key, FRONTMATTER_KEYS)}`,
          );
        }
        continue;
      }
      const where = valuePosition(doc, path, at);
      const name = path.length > 0 ? `\`${formatPath(path)}\`` : "frontmatter";
      if (path.length === 0 ? issue.code === "invalid_type" : !doc.hasIn(path)) {
        error(
          fence,
          "frontmatter-schema",
          path.length > 0
            ? `missing required key ${name}`
            : "frontmatter must be a YAML mapping of keys to values",
        );
      } else {
        error(where ?? fence, "frontmatter-schema", `${name}: ${issue.message}`);
      }
    }
    return { meta: null, positions, diagnostics };
  }

  const data = parsed.data;
  const meta: LessonMeta = {
    id: data.id,
    title: data.title,
    summary: data.summary,
    objectives: data.objectives,
    estimatedMinutes: data.estimated_minutes,
    prerequisites: data.prerequisites,
    difficulty: data.difficulty,
    tags: data.tags,
    authors: data.authors,
    ...(data.updated ? { updated: data.updated } : {}),
    kind: data.kind,
    ...(data.setup ? { setup: data.setup } : {}),
    restart: data.restart,
  };
  return { meta, positions, diagnostics };
}

/** ["prerequisites", 1] → "prerequisites[1]" */
function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function valuePosition(
  doc: Document,
  path: (string | number)[],
  at: (offset: number) => SourcePoint,
): SourcePoint | undefined {
  if (path.length === 0) return undefined;
  const node = doc.getIn(path, true) as YamlNode | undefined;
  return node?.range ? at(node.range[0]) : undefined;
}

function keyPosition(
  doc: Document,
  key: string,
  at: (offset: number) => SourcePoint,
): SourcePoint | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const k = pair.key as YamlNode | null;
    if (isScalar(k) && k.value === key && k.range) return at(k.range[0]);
  }
  return undefined;
}
