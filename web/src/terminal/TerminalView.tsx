import { useRef, useState } from "react";
import "@xterm/xterm/css/xterm.css";
import "./TerminalView.css";
import { useGuestTerminal } from "./useGuestTerminal.ts";
import { TerminalSearch } from "./TerminalSearch.tsx";
import { CommandStatus } from "./CommandStatus.tsx";
import { PasteStatus, type PasteNotice } from "./PasteStatus.tsx";
import { terminalStrings } from "./strings.ts";

export function TerminalView() {
  const container = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<PasteNotice>();
  const lab = useGuestTerminal(container, (bytes) => setNotice({ kind: "refused", bytes }));
  const [searching, setSearching] = useState(false);
  const t = terminalStrings.useStrings();

  return (
    <section
      className="terminal-view"
      aria-label={t("terminalLabel")}
      onKeyDown={(event) => {
        if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === "f") {
          event.preventDefault();
          setSearching(true);
        }
      }}
    >
      <div className="terminal-view__bar">
        <CommandStatus />
        <button
          type="button"
          className="terminal-view__tool"
          onClick={() => setSearching((open) => !open)}
          aria-pressed={searching}
          title={t("searchShortcut")}
        >
          {t("search")}
        </button>
      </div>
      {searching && lab && (
        <TerminalSearch
          search={lab.search}
          onClose={() => {
            setSearching(false);
            lab.terminal.focus();
          }}
        />
      )}
      <PasteStatus
        notice={notice}
        onNotice={(next) => {
          setNotice(next);
          lab?.terminal.focus();
        }}
      />
      <div className="terminal-view__screen" ref={container} data-testid="terminal" />
    </section>
  );
}
