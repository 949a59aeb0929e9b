// The small constructs of the format, each checked on its own: code fence flags, directive
// names and forms, and the attributes of `::panel` and `::editor`.
import type { Code, RootContent } from "mdast";
import {
  CODE_FLAG_OPTIONS,
  CODE_FLAGS,
  DIRECTIVE_NAMES,
  DIRECTIVES,
  SHELL_LANGUAGES,
  type CodeFlag,
  type DirectiveName,
} from "./lessonSyntax.ts";
import { PANEL_NAMES, type PanelName, type PanelRequest } from "./lessonModel.ts";
import { pointOf, type Report } from "./sourcePoint.ts";
import { didYouMean } from "./suggest.ts";

export type ContainerDirective = Extract<RootContent, { type: "containerDirective" }>;
export type LeafDirective = Extract<RootContent, { type: "leafDirective" }>;

export interface FenceFlag {
  flag: CodeFlag;
  options: Record<string, string>;
}

/** `sh check message="…"` → { flag: "check", options: { message } }; null for a plain block. */
export function codeFlag(node: Code, report: Report): FenceFlag | null {
  const meta = (node.meta ?? "").trim();
  const isShell = (SHELL_LANGUAGES as readonly string[]).includes(node.lang ?? "");
  if (!meta) {
    // A shell block reads as a command to type; one nothing runs could fail unnoticed.
    if (isShell) {
      report(
        node,
        "shell-block-unflagged",
        "a shell block with no flag is shown but never run: write ```sh run (Run types it, and lessons:check proves it), or fence it as ```text if it is not to be typed here",
      );
    }
    return null;
  }
  const [word = ""] = meta.split(/\s+/);
  const flags = CODE_FLAGS as readonly string[];
  if (!isShell) {
    if (flags.includes(word)) {
      report(
        node,
        "code-language",
        `only shell blocks can be run, checked or solved: write \`\`\`sh ${meta}\``,
      );
    }
    return null;
  }
  if (!flags.includes(word)) {
    report(
      node,
      "unknown-code-flag",
      `unknown flag \`${word}\` on a shell block${didYouMean(word, CODE_FLAGS)}; use one of: ${CODE_FLAGS.join(", ")}`,
    );
    return null;
  }
  const flag = word as CodeFlag;
  const options: Record<string, string> = {};
  const known = CODE_FLAG_OPTIONS[flag];
  const rest = meta.slice(word.length).trim();
  const option = /([a-z-]+)="([^"]*)"\s*/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = option.exec(rest))) {
    const [, key = "", value = ""] = match;
    end = option.lastIndex;
    if (!known.includes(key)) {
      report(
        node,
        "unknown-code-flag",
        known.length
          ? `\`sh ${flag}\` takes ${known.map((k) => `\`${k}="…"\``).join(", ")}, not \`${key}\`${didYouMean(key, known)}`
          : `\`sh ${flag}\` takes no options, found \`${key}\``,
      );
    } else options[key] = value;
  }
  if (end < rest.length) {
    const stray = rest.slice(end).split(/\s+/)[0] ?? "";
    report(
      node,
      "unknown-code-flag",
      flags.includes(stray)
        ? `a block has one flag; \`${stray}\` after \`${flag}\` is one too many`
        : `unexpected \`${stray}\` after \`${flag}\`${known.length ? `; options are written ${known[0]}="…"` : ""}`,
    );
  }
  return { flag, options };
}

/** True when the directive is one the format knows, used in the right form. */
export function checkDirective(node: ContainerDirective | LeafDirective, report: Report): boolean {
  const known = (DIRECTIVE_NAMES as readonly string[]).includes(node.name);
  if (!known) {
    report(
      node,
      "unknown-directive",
      `unknown directive \`${node.name}\`${didYouMean(node.name, DIRECTIVE_NAMES)}; known: ${DIRECTIVE_NAMES.join(", ")}`,
    );
    return false;
  }
  const spec = DIRECTIVES[node.name as DirectiveName];
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

/** Reports attributes a directive does not know (classes included); returns the attributes. */
export function checkAttributes(
  node: ContainerDirective | LeafDirective,
  name: DirectiveName,
  report: Report,
): Record<string, string | null | undefined> {
  const attributes = node.attributes ?? {};
  const known: readonly string[] = DIRECTIVES[name].attributes;
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") {
      report(
        node,
        "unknown-attribute",
        `\`${name}\` takes no classes (\`.${value ?? ""}\`)${known.includes("id") ? ": an id is written `{#id}`" : ""}`,
      );
    } else if (!known.includes(key)) {
      report(
        node,
        "unknown-attribute",
        known.length
          ? `unknown ${name} attribute \`${key}\`${didYouMean(key, known)}`
          : `\`:::${name}\` takes no attributes, found \`${key}\``,
      );
    }
  }
  return attributes;
}

/** A flag attribute (`{#id manual}`): present and empty. Reports `manual="no"` and the like. */
export function flagAttribute(
  node: ContainerDirective,
  attributes: Record<string, string | null | undefined>,
  key: string,
  report: Report,
): boolean {
  const value = attributes[key];
  if (value === undefined) return false;
  if (value !== null && value !== "" && value !== "true") {
    report(node, "invalid-attribute", `\`${key}\` is a flag: write \`{#id ${key}}\``);
  }
  return true;
}

/** `::editor{path}`: an absolute guest path, so the button opens the same file wherever the shell is. */
export function checkEditor(node: LeafDirective, report: Report): boolean {
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

export function parsePanel(node: LeafDirective, report: Report): PanelRequest | null {
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
