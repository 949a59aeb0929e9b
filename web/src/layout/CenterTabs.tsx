// The center of the workspace: the terminal, plus the editor and author mode as tabs beside
// it once they are opened. The terminal stays mounted (hidden, not unmounted) so the console
// keeps its scrollback and size; the editor and author mode load on first use.
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { useRovingTabs } from "../a11y/useRovingTabs.ts";
import "./centerTabs.css";
import { useEditorStore, type CenterTab } from "../editor/index.ts";
import { centerStrings } from "./centerStrings.ts";
import { useAuthorRoute } from "../author/index.ts";

const EditorPane = lazy(() => import("../editor/EditorPane.tsx").then((m) => ({ default: m.EditorPane })));
const AuthorMode = lazy(() => import("../author/AuthorMode.tsx").then((m) => ({ default: m.AuthorMode })));

const panelId = (tab: CenterTab) => `cl-center-panel-${tab}`;
const tabId = (tab: CenterTab) => `cl-center-tab-${tab}`;

export function CenterTabs({ terminal }: { terminal: ReactNode }): ReactNode {
  const t = centerStrings.useStrings();
  const tab = useEditorStore((s) => s.tab);
  const editorShown = useEditorStore((s) => s.editorShown);
  const showTab = useEditorStore((s) => s.showTab);
  const author = useAuthorRoute();
  const authorKey = author ? `${author.chapterId}/${author.language}` : "";

  // Following an author link brings author mode forward; leaving the route drops its tab.
  useEffect(() => {
    if (authorKey) showTab("author");
    else if (useEditorStore.getState().tab === "author") showTab("terminal");
  }, [authorKey, showTab]);

  const tabs: CenterTab[] = [
    "terminal",
    ...(editorShown ? ["editor" as const] : []),
    ...(author ? ["author" as const] : []),
  ];
  const current = tabs.includes(tab) ? tab : "terminal";
  const roving = useRovingTabs(tabs, current, showTab);
  const labels: Record<CenterTab, string> = {
    terminal: t("tabTerminal"),
    editor: t("tabEditor"),
    author: t("tabAuthor"),
  };

  const panel = (name: CenterTab, content: ReactNode) => (
    <div
      key={name}
      id={panelId(name)}
      role={tabs.length > 1 ? "tabpanel" : undefined}
      aria-labelledby={tabs.length > 1 ? tabId(name) : undefined}
      className={`cl-center__panel${name === current ? "" : " is-hidden"}`}
      inert={name !== current}
    >
      {content}
    </div>
  );

  return (
    <div className="cl-center">
      {tabs.length > 1 && (
        <div className="cl-center__tabs" role="tablist" aria-label={t("centerTabs")} ref={roving.listRef}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={tabId(name)}
              aria-selected={name === current}
              aria-controls={panelId(name)}
              tabIndex={name === current ? 0 : -1}
              data-testid={`center-tab-${name}`}
              onClick={() => showTab(name)}
              onKeyDown={roving.onKeyDown}
            >
              {labels[name]}
            </button>
          ))}
        </div>
      )}
      <div className="cl-center__panels">
        {panel("terminal", terminal)}
        {editorShown &&
          panel(
            "editor",
            <Suspense fallback={<p className="cl-center__loading">{t("loadingEditor")}</p>}>
              <EditorPane />
            </Suspense>,
          )}
        {author &&
          panel(
            "author",
            <Suspense fallback={<p className="cl-center__loading">{t("loadingEditor")}</p>}>
              <AuthorMode key={authorKey} chapterId={author.chapterId} language={author.language} />
            </Suspense>,
          )}
      </div>
    </div>
  );
}
