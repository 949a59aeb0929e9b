// Problems shown in the editor, in one shape whatever found them: the lesson validator
// (file:line:col diagnostics) or Monaco's JSON worker. Monaco-free, so it is unit-testable.
import type { Diagnostic } from "../lessons/lessonModel.ts";

export type MarkerSeverity = "error" | "warning" | "info";

export interface EditorMarker {
  severity: MarkerSeverity;
  message: string;
  /** 1-based, like Monaco and like the validator's line:column. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule that fired, e.g. `unknown-directive`. */
  code?: string;
}

/**
 * The validator gives a point; a squiggle needs a range. Underline the word that starts
 * there (a directive name, a key), or the rest of the line when the point is on a space.
 */
export function diagnosticToMarker(diagnostic: Diagnostic, lines: readonly string[]): EditorMarker {
  const line = Math.max(1, Math.min(diagnostic.line, lines.length || 1));
  const text = lines[line - 1] ?? "";
  const column = Math.max(1, Math.min(diagnostic.column, text.length + 1));
  const word = /^\S+/.exec(text.slice(column - 1))?.[0].length ?? 0;
  const endColumn = word > 0 ? column + word : Math.max(text.length + 1, column + 1);
  return {
    severity: diagnostic.severity,
    message: diagnostic.message,
    line,
    column,
    endLine: line,
    endColumn,
    code: diagnostic.rule,
  };
}

export function diagnosticsToMarkers(diagnostics: readonly Diagnostic[], text: string): EditorMarker[] {
  const lines = text.split("\n");
  return diagnostics.map((d) => diagnosticToMarker(d, lines));
}

export function countBySeverity(markers: readonly EditorMarker[]): { errors: number; warnings: number } {
  return {
    errors: markers.filter((m) => m.severity === "error").length,
    warnings: markers.filter((m) => m.severity === "warning").length,
  };
}
