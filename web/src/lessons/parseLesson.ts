// One lesson file (one chapter in one language) → its frontmatter, intro, steps and outro,
// plus every problem found, each at file:line:column. Never throws on bad input: a broken
// lesson must become an error card, not a blank app.
import type { Paragraph, Root, RootContent } from "mdast";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkJoinCjkLines from "remark-join-cjk-lines";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { ID_PATTERN, parseFrontmatter } from "./frontmatter.ts";
import { mdastText } from "./mdastText.ts";
import { DIRECTIVE_NAMES, DIRECTIVES } from "./lessonSyntax.ts";
import type { Diagnostic, Hint, Language, LessonMeta, SourcePoint, Step } from "./lessonModel.ts";
import { joinCjkBoundaries } from "./joinCjkBoundaries.ts";
import { createStepBuilder } from "./stepBuilder.ts";
import { pointOf, type Report } from "./sourcePoint.ts";

/** A link or image target, kept for the course-wide link check. */
export interface LinkRef extends SourcePoint {
  url: string;
  kind: "link" | "image";
}

export interface Section extends SourcePoint {
  id: string;
  title: string;
}

export interface ParsedLesson {
  file: string;
  language: Language;
  /** Null when the frontmatter is missing or invalid. */
  meta: LessonMeta | null;
  metaPositions: Record<string, SourcePoint>;
  /** The frontmatter's summary and objectives as inline Markdown (backticks, emphasis, links). */
  summary: Root;
  objectives: Root[];
  intro: Root;
  steps: Step[];
  outro: Root;
  /** Hints in the outro: "where to go from here", revealed one by one like a step's. */
  outroHints: Hint[];
  /** A reference page's headings that carry an id (`## Namespaces {#namespaces}`): link targets. */
  sections: Section[];
  links: LinkRef[];
  diagnostics: Diagnostic[];
}

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  // CommonMark's emphasis rules misread `**強調**。` next to Japanese punctuation; this fixes the parse.
  .use(remarkCjkFriendly)
  .use(remarkDirective);

// A line break inside a Japanese paragraph is where the author wrapped the source, not a space:
// a browser would show one at every hard wrap (「ホワイト アウト」). Joined here, once, so the app,
// author mode and the linter all see the same text.
const joinCjkLines = remarkJoinCjkLines();

export function parseLesson(source: string, file: string, language: Language): ParsedLesson {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (node, rule, message, severity = "error") =>
    diagnostics.push({ file, ...pointOf(node), severity, rule, message });

  const tree = processor.parse(source);
  joinCjkLines(tree);
  joinCjkBoundaries(tree);
  const links: LinkRef[] = [];
  restoreTextDirectives(tree, source, report);
  visit(tree, (node) => {
    if (node.type === "html")
      report(
        node,
        "raw-html",
        "raw HTML is not rendered (lessons are sanitized); write Markdown instead",
        "warning",
      );
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      links.push({ url: node.url, kind: node.type === "image" ? "image" : "link", ...pointOf(node) });
    }
    if (node.type === "paragraph") reportBrokenDirective(node, report);
  });

  const first = tree.children[0];
  const yaml = first?.type === "yaml" ? first : undefined;
  const frontmatter = parseFrontmatter(yaml, file);
  diagnostics.push(...frontmatter.diagnostics);
  const reference = frontmatter.meta?.kind === "reference";

  const builder = createStepBuilder(source, report);
  const intro: RootContent[] = [];
  const steps: Step[] = [];
  let trailing: RootContent[] = [];

  const content = yaml ? tree.children.slice(1) : tree.children;
  for (const node of content) {
    const isStep =
      (node.type === "containerDirective" || node.type === "leafDirective") && node.name === "step";
    if (!isStep) {
      if (steps.length === 0) intro.push(node);
      else trailing.push(node);
      continue;
    }
    if (reference) {
      report(
        node,
        "reference-with-steps",
        "a reference chapter is reading only: use headings instead of steps",
      );
      continue;
    }
    if (node.type === "leafDirective") {
      report(
        node,
        "directive-kind",
        "a step is a container: `::::step{#id}`, its content, then a closing `::::`",
      );
      continue;
    }
    const [stray] = trailing;
    if (stray)
      report(
        stray,
        "content-outside-step",
        "this content sits between two steps and belongs to neither: move it into a step",
      );
    trailing = [];
    const step = builder.parseStep(node);
    if (!step) continue;
    const twin = steps.find((other) => other.id === step.id);
    if (twin)
      report(step, "duplicate-step-id", `step id \`${step.id}\` is already used on line ${twin.line}`);
    else steps.push(step);
  }
  if (steps.length === 0 && !reference) {
    report(
      content[0] ?? { line: 1, column: 1 },
      "no-steps",
      "a chapter needs at least one `::::step{#id}` (or `kind: reference` for reading material)",
    );
  }

  const outroHints: Hint[] = [];
  const sections = reference ? takeSections(intro, report) : [];
  const summary = inlineMarkdown(frontmatter.meta?.summary ?? "");
  const objectives = (frontmatter.meta?.objectives ?? []).map((text) => inlineMarkdown(text));
  // The frontmatter's links are checked like the body's, at the line of their key.
  const keyLinks = (root: Root, key: string) =>
    visit(root, (node) => {
      if (node.type === "link" || node.type === "image" || node.type === "definition")
        links.push({
          url: node.url,
          kind: node.type === "image" ? "image" : "link",
          ...(frontmatter.positions[key] ?? { line: 1, column: 1 }),
        });
    });
  keyLinks(summary, "summary");
  for (const objective of objectives) keyLinks(objective, "objectives");
  return {
    file,
    language,
    meta: frontmatter.meta,
    metaPositions: frontmatter.positions,
    summary,
    objectives,
    // A reference page has no steps, so all of it is "intro"; hints may sit anywhere in it.
    intro: { type: "root", children: builder.walkProse(intro, reference ? outroHints : undefined) },
    steps,
    outro: { type: "root", children: builder.walkProse(trailing, outroHints) },
    outroHints,
    sections,
    links,
    diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/**
 * `## Term {#id}` in a reference page: the id is taken out of the heading's text and becomes
 * the heading's HTML id (sanitized to `user-content-<id>`), so `#/chapter/<id>/step/<id>`
 * links can point at a section.
 */
function takeSections(nodes: RootContent[], report: Report): Section[] {
  const sections: Section[] = [];
  for (const node of nodes) {
    if (node.type !== "heading") continue;
    const last = node.children.at(-1);
    if (last?.type !== "text") continue;
    const match = /\s*\{#([^}\s]*)\}\s*$/.exec(last.value);
    if (!match) continue;
    const id = match[1] ?? "";
    last.value = last.value.slice(0, match.index);
    if (!ID_PATTERN.test(id)) {
      report(
        node,
        "step-id-invalid",
        `section id \`${id}\` must be lowercase letters, digits and single dashes`,
      );
      continue;
    }
    const twin = sections.find((section) => section.id === id);
    if (twin) {
      report(node, "duplicate-step-id", `section id \`${id}\` is already used on line ${twin.line}`);
      continue;
    }
    node.data = { ...node.data, hProperties: { id } };
    sections.push({ id, title: mdastText(node).trim(), ...pointOf(node) });
  }
  return sections;
}

/**
 * A frontmatter string as Markdown: phrasing only (one paragraph), so a summary cannot smuggle
 * in steps or blocks. Positions are dropped, since they would point into the YAML, not at it.
 */
function inlineMarkdown(text: string): Root {
  const tree = processor.parse(text);
  joinCjkLines(tree);
  joinCjkBoundaries(tree);
  restoreTextDirectives(tree, text, () => {});
  const phrasing = tree.children.flatMap((node) => (node.type === "paragraph" ? node.children : []));
  visit({ type: "root", children: phrasing } as Root, (node) => {
    delete node.position;
  });
  return { type: "root", children: phrasing.length ? [{ type: "paragraph", children: phrasing }] : [] };
}

/**
 * A paragraph that starts like a block directive (`::panel{…`, `:::quiz{…`) is one that did not
 * parse: an unclosed brace or quote, or text after the `}`. Students would see it as literal
 * text, so it is an error, not prose.
 */
function reportBrokenDirective(node: Paragraph, report: Report): void {
  const first = node.children[0];
  if (first?.type !== "text") return;
  const match = /^(:{2,})([a-z][a-z-]*)(?=[{[\s]|$)/.exec(first.value);
  const name = match?.[2];
  if (!match || !name || !(DIRECTIVE_NAMES as readonly string[]).includes(name)) return;
  const line = first.value.split("\n")[0] ?? "";
  report(
    node,
    "directive-malformed",
    `\`${line.length > 60 ? `${line.slice(0, 60)}…` : line}\` is not read as a directive: close its \`{…}\` on the same line, quote values that have spaces, and put nothing after the \`}\``,
  );
}

/**
 * The format has no inline directives, and remark-directive would otherwise eat the `:30` of
 * "12:30" or the `:b` of "a:b". Put the source text back; but a lone `:panel{…}` line is a
 * known directive with one colon too few, which deserves an error, not silence.
 */
function restoreTextDirectives(tree: Root, source: string, report: Report): void {
  visit(tree, "textDirective", (node, index, parent) => {
    if (!parent || index === undefined) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const text = start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
    const alone =
      parent.type === "paragraph" &&
      parent.children.every((c) => c === node || (c.type === "text" && !c.value.trim()));
    if (alone && (DIRECTIVE_NAMES as readonly string[]).includes(node.name)) {
      const colons = DIRECTIVES[node.name as keyof typeof DIRECTIVES].kind === "leafDirective" ? "::" : ":::";
      report(node, "directive-colons", `\`:${node.name}\` has one colon: write \`${colons}${node.name}\``);
    }
    parent.children[index] = {
      type: "text",
      value: text,
      ...(node.position ? { position: node.position } : {}),
    };
  });
}
