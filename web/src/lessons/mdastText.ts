// Plain text of an mdast subtree (titles, labels): what a screen reader or a tab title needs.
import type { Nodes } from "mdast";

export function mdastText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string" && node.type !== "html") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if ("children" in node) return node.children.map((child) => mdastText(child)).join("");
  return "";
}
