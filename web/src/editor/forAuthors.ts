// What author mode (web/src/author) uses of the editor: Monaco and its markers. Separate from
// index.ts, so the app's main bundle (which imports index.ts) does not take in Monaco's host.
export { MonacoHost } from "./MonacoHost.tsx";
export { diagnosticsToMarkers, type EditorMarker } from "./markers.ts";
export { useDebouncedValue } from "./useDebouncedValue.ts";
export { editorStrings } from "./strings.ts";
