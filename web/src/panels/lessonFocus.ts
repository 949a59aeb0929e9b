// Lessons name a panel and a highlight as plain text (`::panel{name="cgroups" highlight="/demo"}`);
// this turns that text into a panelStore focus request.
//
//   namespaces  "uts" (a column) · "uts:4026531838" · "4026531838"
//   cgroups     "/demo" (a path; "demo" works too)
//   processes   "42" (a pid)
//   mounts      "/tmp/ov/merged" (a mount point) · "4026531963" (a mount namespace) · "4026531963:/tmp/ov/merged"
import { NAMESPACE_TYPES, type NamespaceType } from "../vm/protocol.ts";
import { PANEL_IDS, usePanelStore, type PanelHighlight, type PanelId } from "./panelStore.ts";

function isNamespaceType(text: string): text is NamespaceType {
  return (NAMESPACE_TYPES as readonly string[]).includes(text);
}

function isPanelId(text: string): text is PanelId {
  return (PANEL_IDS as readonly string[]).includes(text);
}

const DIGITS = /^\d+$/;

function parseNamespace(text: string): PanelHighlight | undefined {
  if (isNamespaceType(text)) return { kind: "namespace", type: text };
  if (DIGITS.test(text)) return { kind: "namespace", inode: Number(text) };
  const [type, inode] = text.split(":");
  if (type !== undefined && isNamespaceType(type) && inode !== undefined && DIGITS.test(inode)) {
    return { kind: "namespace", type, inode: Number(inode) };
  }
  return undefined;
}

function parseMount(text: string): PanelHighlight | undefined {
  if (text.startsWith("/")) return { kind: "mount", mountPoint: text };
  if (DIGITS.test(text)) return { kind: "mount", namespace: Number(text) };
  const match = /^(\d+):(\/.*)$/.exec(text);
  return match ? { kind: "mount", namespace: Number(match[1]), mountPoint: match[2] } : undefined;
}

/** The highlight a lesson's text means for `panel`; undefined when it means nothing there. */
export function parsePanelHighlight(panel: PanelId, text: string): PanelHighlight | undefined {
  const value = text.trim();
  if (value === "") return undefined;
  switch (panel) {
    case "namespaces":
      return parseNamespace(value);
    case "cgroups":
      return { kind: "cgroup", path: value.startsWith("/") ? value : `/${value}` };
    case "processes":
      return DIGITS.test(value) ? { kind: "process", pid: Number(value) } : undefined;
    case "mounts":
      return parseMount(value);
  }
}

/** Fits LessonRuntime.focusPanel: unknown panel names are ignored. */
export function focusPanelByName(name: string, highlight?: string): void {
  if (!isPanelId(name)) return;
  usePanelStore
    .getState()
    .focus(name, highlight === undefined ? undefined : parsePanelHighlight(name, highlight));
}
