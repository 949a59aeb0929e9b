// EditorMarker ↔ Monaco's marker shape. Takes the loaded Monaco as a parameter, so this file
// adds nothing to the first-prompt bundle.
import type { editor, MarkerSeverity as MonacoSeverity } from "monaco-editor/editor";
import type { EditorMarker, MarkerSeverity } from "./markers.ts";

interface SeverityEnum {
  MarkerSeverity: typeof MonacoSeverity;
}

export function toMonacoMarker(marker: EditorMarker, { MarkerSeverity }: SeverityEnum): editor.IMarkerData {
  const severity = {
    error: MarkerSeverity.Error,
    warning: MarkerSeverity.Warning,
    info: MarkerSeverity.Info,
  }[marker.severity];
  return {
    severity,
    message: marker.message,
    startLineNumber: marker.line,
    startColumn: marker.column,
    endLineNumber: marker.endLine,
    endColumn: marker.endColumn,
    ...(marker.code ? { code: marker.code } : {}),
  };
}

export function fromMonacoMarker(marker: editor.IMarker, { MarkerSeverity }: SeverityEnum): EditorMarker {
  const severity: MarkerSeverity =
    marker.severity >= MarkerSeverity.Error
      ? "error"
      : marker.severity >= MarkerSeverity.Warning
        ? "warning"
        : "info";
  const code = typeof marker.code === "string" ? marker.code : marker.code?.value;
  return {
    severity,
    message: marker.message,
    line: marker.startLineNumber,
    column: marker.startColumn,
    endLine: marker.endLineNumber,
    endColumn: marker.endColumn,
    ...(code ? { code } : {}),
  };
}
