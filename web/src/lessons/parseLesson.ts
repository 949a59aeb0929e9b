// One lesson file (one chapter in one language) → its frontmatter, intro, steps and outro,
// plus every problem found, each at file:line:column. Never throws on bad input: a broken
// lesson must become an error card, not a blank app.
import type { Code, Nodes, Parent, Root, RootContent } from "mdast";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { ID_PATTERN, parseFrontmatter } from "./frontmatter.ts";
import {
  CODE_FLAGS,
  DIRECTIVE_NAMES,
  DIRECTIVES,
  RESERVED_DIRECTIVES,
  SHELL_LANGUAGES,
  STEP_FENCE_COLONS,
  type CodeFlag,
} from "./lessonSyntax.ts";
import {
  PANEL_NAMES,
  type Diagnostic,
  type Hint,
  type Language,
  type LessonMeta,
  type PanelName,
  type PanelRequest,
  type ShellBlock,
  type SourcePoint,
  type Step,
} from "./lessonModel.ts";
import { mdastText } from "./mdastText.ts";
import { didYouMean } from "./suggest.ts";
import type { Rule } from "./lessonRules.ts";

type ContainerDirective = Extract<RootContent, { type: "containerDirective" }>;
type LeafDirective = Extract<RootContent, { type: "leafDirective" }>;

/** A link or image target, kept for the course-wide link check. */
export interface LinkRef extends SourcePoint {
  url: string;
  kind: "link" | "image";
}

export interface ParsedLesson {
  file: string;
  language: Language;
  /** Null when the frontmatter is missing or invalid. */
  meta: LessonMeta | null;
  metaPositions: Record<string, SourcePoint>;
  intro: Root;
  steps: Step[];
  outro: Root;
  links: LinkRef[];
  diagnostics: Diagnostic[];
}

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  .use(remarkDirective);

/** Where a node sits in the step: only a step's top level may hold its check, solution and hints. */
type Place = "prose" | "step" | "step-nested" | "hint";

export function parseLesson(source: string, file: string, language: Language): ParsedLesson {
  const diagnostics: Diagnostic[] = [];
  const report = (
    node: SourcePoint | Nodes | undefined,
    rule: Rule,
    message: string,
    severity: Diagnostic["severity"] = "error",
  ) => diagnostics.push({ file, ...pointOf(node), severity, rule, message });

  const tree = processor.parse(source);
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
  });

  const first = tree.children[0];
  const yaml = first?.type === "yaml" ? first : undefined;
  const frontmatter = parseFrontmatter(yaml, file);
  diagnostics.push(...frontmatter.diagnostics);

  const intro: RootContent[] = [];
  const steps: Step[] = [];
  let trailing: RootContent[] = [];

  /** A container runs to the end of its parent when its closing fence is missing; say so. */
  const checkClosed = (node: ContainerDirective, colons: number): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const text = source.slice(start, end);
    const lastLine = text.slice(text.lastIndexOf("\n") + 1);
    if (!text.includes("\n") || !new RegExp(`^\\s*:{${colons},}\\s*$`).test(lastLine)) {
      report(
        node,
        "unclosed-directive",
        `this ${node.name} is never closed: end it with a \`${":".repeat(colons)}\` line`,
      );
    }
  };

  const takeStepFence = (node: ContainerDirective): void => {
    const offset = node.position?.start.offset;
    const colons =
      offset === undefined ? STEP_FENCE_COLONS : (/^:*/.exec(source.slice(offset))?.[0].length ?? 0);
    checkClosed(node, Math.max(colons, 3));
    if (colons < STEP_FENCE_COLONS) {
      report(
        node,
        "step-fence",
        "open and close a step with four colons (`::::step{#id}` … `::::`) so `:::hint` blocks can nest inside it",
      );
    }
  };

  /** Walks content, pulling out what does not render inline; returns what stays. */
  const walk = (nodes: RootContent[], place: Place, step: Step | null): RootContent[] => {
    const kept: RootContent[] = [];
    for (const node of nodes) {
      if (node.type === "code") {
        const flag = codeFlag(node, report);
        if (flag === "run") {
          if (place === "prose") report(node, "run-outside-step", "a `sh run` block must be inside a step");
          else if (step && place !== "hint") step.runBlocks.push(shellBlock(node));
          kept.push(node);
        } else if (flag === "check" || flag === "solution") {
          if (place !== "step" || !step) {
            report(
              node,
              "code-block-misplaced",
              `a \`sh ${flag}\` block must sit directly inside a step, not ${place === "prose" ? "outside steps" : place === "hint" ? "in a hint" : "nested in other content"}`,
            );
          } else if (step[flag]) {
            report(
              node,
              `duplicate-${flag}`,
              `this step already has a ${flag} block (line ${step[flag].line}); merge them into one`,
            );
          } else if (!node.value.trim()) {
            report(node, "empty-block", `the ${flag} block is empty`);
          } else {
            step[flag] = shellBlock(node);
          }
        } else {
          kept.push(node);
        }
        continue;
      }
      if (node.type === "containerDirective" || node.type === "leafDirective") {
        if (!checkDirective(node, report)) continue;
        if (node.name === "step") {
          report(node, "step-nested", "steps cannot be nested: close the enclosing step first");
          continue;
        }
        if (node.name === "hint" && node.type === "containerDirective") {
          if (place !== "step" || !step)
            report(node, "directive-misplaced", "a `:::hint` block must sit directly inside a step");
          else step.hints.push(parseHint(node, step));
          continue;
        }
        if (node.name === "editor" && node.type === "leafDirective") {
          if (!step) report(node, "directive-misplaced", "`::editor` must be inside a step");
          if (checkEditor(node, report)) kept.push(node);
          continue;
        }
        if (node.name === "panel" && node.type === "leafDirective") {
          const panel = parsePanel(node, report);
          if (!step)
            report(
              node,
              "directive-misplaced",
              "`::panel` must be inside a step: the panel is focused when the step opens",
            );
          else if (panel) {
            if (place !== "hint") step.panels.push(panel);
            kept.push(node);
          }
          continue;
        }
        continue;
      }
      if ("children" in node) {
        const inner = walk(node.children as RootContent[], place === "step" ? "step-nested" : place, step);
        (node as Parent).children = inner as Parent["children"];
      }
      kept.push(node);
    }
    return kept;
  };

  const parseHint = (node: ContainerDirective, step: Step): Hint => {
    checkClosed(node, 3);
    for (const key of Object.keys(node.attributes ?? {})) {
      report(node, "unknown-attribute", `\`:::hint\` takes no attributes, found \`${key}\``);
    }
    const [head, ...rest] = node.children;
    const labelled = head?.type === "paragraph" && head.data?.directiveLabel === true;
    const children = walk(labelled ? rest : node.children, "hint", step);
    if (children.length === 0) report(node, "empty-block", "the hint is empty");
    return { ...(labelled && head ? { label: mdastText(head) } : {}), body: { type: "root", children } };
  };

  const parseStep = (node: ContainerDirective): Step | null => {
    takeStepFence(node);
    const attributes = node.attributes ?? {};
    for (const [key, value] of Object.entries(attributes)) {
      if (key === "class")
        report(
          node,
          "unknown-attribute",
          `steps take no classes (\`.${value ?? ""}\`): use \`{#id}\` and optionally \`manual\``,
        );
      else if (!(DIRECTIVES.step.attributes as readonly string[]).includes(key)) {
        report(
          node,
          "unknown-attribute",
          `unknown step attribute \`${key}\`${didYouMean(key, DIRECTIVES.step.attributes)}`,
        );
      }
    }
    const manualValue = attributes.manual;
    if (manualValue !== undefined && manualValue !== null && manualValue !== "" && manualValue !== "true") {
      report(node, "invalid-attribute", "`manual` is a flag: write `::::step{#id manual}`");
    }
    const id = attributes.id ?? "";
    if (!id) report(node, "step-id-missing", "give the step a stable id: `::::step{#my-step}`");
    else if (!ID_PATTERN.test(id))
      report(
        node,
        "step-id-invalid",
        `step id \`${id}\` must be lowercase letters, digits and single dashes`,
      );

    let children = node.children;
    const head = children[0];
    if (head?.type === "paragraph" && head.data?.directiveLabel) {
      report(
        head,
        "step-label",
        "put the step title in a heading inside the step (`### Title`), not in `[brackets]`",
      );
      children = children.slice(1);
    }
    const title = children[0]?.type === "heading" ? mdastText(children[0]).trim() : "";
    if (!title)
      report(
        node,
        "step-title-missing",
        "a step starts with a heading that is its title, e.g. `### Set the hostname`",
      );
    else children = children.slice(1);

    const step: Step = {
      id,
      title,
      manual: manualValue !== undefined && manualValue !== null,
      ...pointOf(node),
      body: { type: "root", children: [] },
      runBlocks: [],
      check: null,
      solution: null,
      hints: [],
      panels: [],
    };
    step.body.children = walk(children, "step", step);
    if (step.manual && (step.check || step.solution)) {
      report(
        step.check ?? step.solution ?? node,
        "manual-step-with-check",
        "a `manual` step has no check or solution: drop `manual` or the block",
      );
    }
    if (!step.manual && !step.check) {
      report(
        node,
        "step-without-check",
        "the step has no `sh check` block; add one, or mark a reading step `{#id manual}`",
      );
    }
    if (!step.manual && step.check && !step.solution) {
      report(
        step.check,
        "step-without-solution",
        "a checked step needs a `sh solution` block, so lessons:check can prove its check",
      );
    }
    return id ? step : null;
  };

  const content = yaml ? tree.children.slice(1) : tree.children;
  for (const node of content) {
    const isStep =
      (node.type === "containerDirective" || node.type === "leafDirective") && node.name === "step";
    if (!isStep) {
      if (steps.length === 0) intro.push(node);
      else trailing.push(node);
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
    const step = parseStep(node);
    if (!step) continue;
    const twin = steps.find((other) => other.id === step.id);
    if (twin)
      report(step, "duplicate-step-id", `step id \`${step.id}\` is already used on line ${twin.line}`);
    else steps.push(step);
  }
  if (steps.length === 0) {
    report(content[0] ?? { line: 1, column: 1 }, "no-steps", "a chapter needs at least one `::::step{#id}`");
  }

  return {
    file,
    language,
    meta: frontmatter.meta,
    metaPositions: frontmatter.positions,
    intro: { type: "root", children: walk(intro, "prose", null) },
    steps,
    outro: { type: "root", children: walk(trailing, "prose", null) },
    links,
    diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

type Report = (
  node: SourcePoint | Nodes | undefined,
  rule: Rule,
  message: string,
  severity?: Diagnostic["severity"],
) => void;

function pointOf(node: SourcePoint | Nodes | undefined): SourcePoint {
  if (!node) return { line: 1, column: 1 };
  if ("position" in node && node.position)
    return { line: node.position.start.line, column: node.position.start.column };
  if ("line" in node && "column" in node) return { line: node.line, column: node.column };
  return { line: 1, column: 1 };
}

function shellBlock(node: Code): ShellBlock {
  return { code: node.value, ...pointOf(node) };
}

function codeFlag(node: Code, report: Report): CodeFlag | null {
  const words = (node.meta ?? "").trim().split(/\s+/).filter(Boolean);
  const flags = CODE_FLAGS as readonly string[];
  if (words.length === 0) return null;
  const isShell = (SHELL_LANGUAGES as readonly string[]).includes(node.lang ?? "");
  if (!isShell) {
    if (words.some((word) => flags.includes(word))) {
      report(
        node,
        "code-language",
        `only shell blocks can be run, checked or solved: write \`\`\`sh ${words.join(" ")}\``,
      );
    }
    return null;
  }
  const [word] = words;
  if (words.length > 1 || !word || !flags.includes(word)) {
    const bad = words.find((w) => !flags.includes(w)) ?? words.join(" ");
    report(
      node,
      "unknown-code-flag",
      `unknown flag \`${bad}\` on a shell block${didYouMean(bad, CODE_FLAGS)}; use one of: ${CODE_FLAGS.join(", ")}`,
    );
    return null;
  }
  return word as CodeFlag;
}

/** True when the directive is one the format knows, used in the right form. */
function checkDirective(node: ContainerDirective | LeafDirective, report: Report): boolean {
  const known = (DIRECTIVE_NAMES as readonly string[]).includes(node.name);
  if (!known) {
    if ((RESERVED_DIRECTIVES as readonly string[]).includes(node.name)) {
      report(
        node,
        "unsupported-directive",
        `\`${node.name}\` is reserved for a later version of the format and not supported yet`,
      );
    } else {
      report(
        node,
        "unknown-directive",
        `unknown directive \`${node.name}\`${didYouMean(node.name, DIRECTIVE_NAMES)}; known: ${DIRECTIVE_NAMES.join(", ")}`,
      );
    }
    return false;
  }
  const spec = DIRECTIVES[node.name as keyof typeof DIRECTIVES];
  if (spec.kind !== node.type) {
    const form =
      spec.kind === "leafDirective"
        ? `a single line \`::${node.name}{…}\``
        : `a block \`:::${node.name}\` … \`:::\``;
    report(node, "directive-kind", `\`${node.name}\` is written as ${form}`);
    return false;
  }
  return true;
}

/** Reports attributes a leaf directive does not know; returns the attributes. */
function checkAttributes(
  node: LeafDirective,
  name: "editor" | "panel",
  report: Report,
): NonNullable<LeafDirective["attributes"]> {
  const attributes = node.attributes ?? {};
  const known: readonly string[] = DIRECTIVES[name].attributes;
  for (const key of Object.keys(attributes)) {
    if (!known.includes(key)) {
      report(node, "unknown-attribute", `unknown ${name} attribute \`${key}\`${didYouMean(key, known)}`);
    }
  }
  return attributes;
}

/** `::editor{path}`: an absolute guest path, so the button opens the same file wherever the shell is. */
function checkEditor(node: LeafDirective, report: Report): boolean {
  const attributes = checkAttributes(node, "editor", report);
  const path = attributes.path ?? "";
  if (!path) {
    report(
      node,
      "missing-attribute",
      '`::editor` needs the path of a file in the guest, e.g. path="/root/script.sh"',
    );
    return false;
  }
  if (!path.startsWith("/")) {
    report(node, "invalid-attribute", `\`::editor\` path \`${path}\` must be absolute (start with /)`);
    return false;
  }
  return true;
}

function parsePanel(node: LeafDirective, report: Report): PanelRequest | null {
  const attributes = checkAttributes(node, "panel", report);
  const name = attributes.name ?? "";
  if (!name) {
    report(node, "missing-attribute", `\`::panel\` needs a name: one of ${PANEL_NAMES.join(", ")}`);
    return null;
  }
  if (!(PANEL_NAMES as readonly string[]).includes(name)) {
    report(
      node,
      "invalid-attribute",
      `unknown panel \`${name}\`${didYouMean(name, PANEL_NAMES)}; panels: ${PANEL_NAMES.join(", ")}`,
    );
    return null;
  }
  const highlight = attributes.highlight ?? undefined;
  return { name: name as PanelName, ...(highlight ? { highlight } : {}), ...pointOf(node) };
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
