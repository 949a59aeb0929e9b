// One xterm.js terminal with its addons: fit (the guest learns the real size), web links,
// search. Features stay small units around the terminal, as xterm.js's own addons do.
import { FitAddon } from "@xterm/addon-fit";
import { SearchAddon } from "@xterm/addon-search";
import { WebLinksAddon } from "@xterm/addon-web-links";
import { Terminal } from "@xterm/xterm";
import { clipboardKeys } from "./clipboardKeys.ts";

export interface LabTerminal {
  terminal: Terminal;
  fit: FitAddon;
  search: SearchAddon;
}

export function createTerminal(): LabTerminal {
  const terminal = new Terminal({
    cursorBlink: true,
    convertEol: false,
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono', Menlo, Consolas, monospace",
    fontSize: 14,
    scrollback: 5000,
    allowProposedApi: true,
    theme: {
      background: "#0f1419",
      foreground: "#e6e1cf",
      cursor: "#ffcc66",
      selectionBackground: "#33415e",
    },
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  terminal.loadAddon(fit);
  terminal.loadAddon(search);
  terminal.loadAddon(new WebLinksAddon());
  terminal.attachCustomKeyEventHandler(clipboardKeys(terminal));
  return { terminal, fit, search };
}
