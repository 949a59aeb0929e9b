// Lesson Markdown (mdast) → safe hast. Raw HTML never reaches the page: remark-rehype runs
// without allowDangerousHtml (html nodes are dropped) and rehype-sanitize applies GitHub's
// rules. Run blocks and panel links become marked <div>s that the Markdown component swaps
// for buttons; the schema lets exactly those data attributes through.
import type { Element, Root as HastRoot } from "hast";
import type { Code, Root } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkRehype, { defaultHandlers, type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { AFTER_PREDICTION } from "./lessonSyntax.ts";

type Handler = NonNullable<NonNullable<RemarkRehypeOptions["handlers"]>["code"]>;
type LeafDirective = Extract<Root["children"][number], { type: "leafDirective" }>;

export const RUN_ATTRIBUTE = "data-lesson-run";
export const PANEL_ATTRIBUTE = "data-lesson-panel";
export const HIGHLIGHT_ATTRIBUTE = "data-lesson-highlight";
export const EDITOR_ATTRIBUTE = "data-lesson-editor";
export const QUESTION_ATTRIBUTE = "data-lesson-question";
export const AFTER_ATTRIBUTE = "data-lesson-after";

const code: Handler = (state, node: Code) => {
  const pre = defaultHandlers.code(state, node);
  if ((node.meta ?? "").trim() !== "run") return pre;
  const after = (node.data as Record<string, unknown> | undefined)?.[AFTER_PREDICTION];
  const wrapper: Element = {
    type: "element",
    tagName: "div",
    properties: {
      dataLessonRun: node.value,
      ...(typeof after === "string" ? { dataLessonAfter: after } : {}),
    },
    children: [pre],
  };
  return wrapper;
};

const leafDirective: Handler = (_state, node: LeafDirective) => {
  if (node.name === "editor") {
    const editor: Element = {
      type: "element",
      tagName: "div",
      properties: { dataLessonEditor: node.attributes?.path ?? "" },
      children: [],
    };
    return editor;
  }
  if (node.name === "quiz" || node.name === "predict") {
    const marker: Element = {
      type: "element",
      tagName: "div",
      properties: { dataLessonQuestion: node.attributes?.id ?? "" },
      children: [],
    };
    return marker;
  }
  if (node.name !== "panel") return undefined;
  const properties: Element["properties"] = { dataLessonPanel: node.attributes?.name ?? "" };
  if (node.attributes?.highlight) properties.dataLessonHighlight = node.attributes.highlight;
  const marker: Element = { type: "element", tagName: "div", properties, children: [] };
  return marker;
};

const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [
      ...(defaultSchema.attributes?.div ?? []),
      "dataLessonRun",
      "dataLessonPanel",
      "dataLessonHighlight",
      "dataLessonEditor",
      "dataLessonQuestion",
      "dataLessonAfter",
    ],
  },
};

const pipeline = unified()
  .use(remarkRehype, { handlers: { code, leafDirective } })
  .use(rehypeSanitize, schema);

/**
 * @param resolveUrl maps a lesson-relative link or image URL to a served asset URL. It runs
 * after sanitizing, on URLs the sanitizer already accepted, and only returns URLs the app built.
 */
export function markdownToHast(root: Root, resolveUrl?: (url: string) => string | undefined): HastRoot {
  const hast = pipeline.runSync(root);
  if (resolveUrl) {
    visit(hast, "element", (element) => {
      for (const property of ["src", "href"] as const) {
        const value = element.properties[property];
        if (typeof value !== "string") continue;
        const resolved = resolveUrl(value);
        if (resolved !== undefined) element.properties[property] = resolved;
      }
    });
  }
  return hast;
}
