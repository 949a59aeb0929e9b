// remark-join-cjk-lines joins a hard wrap between two Japanese characters inside one text node.
// A wrap right after emphasis or a link (`**見え方を変え**\n（名前空間）`) sits at the edge of a
// text node, where it cannot see the character on the other side: this finishes the job there.
// Between Japanese and Latin text or code the break stays a space, as Japanese technical
// writing spaces them anyway.
import type { Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";

// The ranges remark-join-cjk-lines treats as CJK: kana, ideographs, CJK punctuation, full-width forms.
const CJK =
  "\\u2e80-\\u2fdf\\u3000-\\u303f\\u3040-\\u30ff\\u3100-\\u312f\\u3200-\\u32ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffee";
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");
const LEADING_BREAK = new RegExp(`^[ \\t]*\\n\\s*(?=[${CJK}])`, "u");
const TRAILING_BREAK = new RegExp(`(?<=[${CJK}])[ \\t]*\\n\\s*$`, "u");

/** The last (or first) character a node shows, looking into its children. */
function edgeChar(node: Nodes | undefined, end: "first" | "last"): string {
  if (!node) return "";
  if ("value" in node && typeof node.value === "string" && node.type !== "inlineCode") {
    return end === "first" ? node.value.charAt(0) : node.value.charAt(node.value.length - 1);
  }
  if ("children" in node && node.children.length > 0) {
    return edgeChar((end === "first" ? node.children[0] : node.children.at(-1)) as Nodes, end);
  }
  return "";
}

export function joinCjkBoundaries(tree: Root): void {
  visit(tree, "text", (node, index, parent) => {
    if (!parent || index === undefined) return;
    const before = parent.children[index - 1] as Nodes | undefined;
    const after = parent.children[index + 1] as Nodes | undefined;
    if (before && CJK_CHAR.test(edgeChar(before, "last"))) node.value = node.value.replace(LEADING_BREAK, "");
    if (after && CJK_CHAR.test(edgeChar(after, "first"))) node.value = node.value.replace(TRAILING_BREAK, "");
  });
}
