import { useEffect, useRef, useState } from "react";
import type { SearchAddon } from "@xterm/addon-search";
import { terminalStrings } from "./strings.ts";

const DECORATIONS = {
  matchOverviewRuler: "#ffcc66",
  activeMatchColorOverviewRuler: "#ff9940",
  matchBackground: "#5c4a1f",
  activeMatchBackground: "#a0702a",
};

export function TerminalSearch({ search, onClose }: { search: SearchAddon; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<boolean | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const t = terminalStrings.useStrings();

  useEffect(() => input.current?.focus(), []);
  useEffect(() => () => search.clearDecorations(), [search]);

  const find = (backwards: boolean) => {
    if (!query) return;
    const options = { decorations: DECORATIONS };
    setFound(backwards ? search.findPrevious(query, options) : search.findNext(query, options));
  };

  return (
    <form
      className="terminal-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        find(false);
      }}
    >
      <input
        ref={input}
        value={query}
        aria-label={t("searchLabel")}
        placeholder={t("searchLabel")}
        onChange={(event) => {
          setQuery(event.target.value);
          setFound(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") onClose();
          if (event.key === "Enter" && event.shiftKey) {
            event.preventDefault();
            find(true);
          }
        }}
      />
      <button type="button" onClick={() => find(true)}>
        {t("previous")}
      </button>
      <button type="submit">{t("next")}</button>
      <span className="terminal-search__status" role="status">
        {found === false ? t("noMatch") : ""}
      </span>
      <button type="button" onClick={onClose} aria-label={t("closeSearch")}>
        ×
      </button>
    </form>
  );
}
