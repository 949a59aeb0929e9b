// Where a lesson problem is: every diagnostic points at a line and column of the source.
import type { Nodes } from "mdast";
import type { Diagnostic, SourcePoint } from "./lessonModel.ts";
import type { Rule } from "./lessonRules.ts";

export type Report = (
  node: SourcePoint | Nodes | undefined,
  rule: Rule,
  message: string,
  severity?: Diagnostic["severity"],
) => void;

export function pointOf(node: SourcePoint | Nodes | undefined): SourcePoint {
  if (!node) return { line: 1, column: 1 };
  if ("position" in node && node.position)
    return { line: node.position.start.line, column: node.position.start.column };
  if ("line" in node && "column" in node) return { line: node.line, column: node.column };
  return { line: 1, column: 1 };
}
