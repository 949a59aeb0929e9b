// Ctrl+Shift+C / Ctrl+Shift+V copy and paste, as in desktop terminals: plain Ctrl+C must
// stay an interrupt for the guest. Pasting goes through xterm so bracketed paste and line
// endings are handled as for typed input.
import type { Terminal } from "@xterm/xterm";

export function clipboardKeys(terminal: Terminal): (event: KeyboardEvent) => boolean {
  return (event) => {
    if (event.type !== "keydown" || !event.ctrlKey || !event.shiftKey) return true;
    const key = event.key.toLowerCase();
    if (key === "c" && terminal.hasSelection()) {
      void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => undefined);
      event.preventDefault();
      return false;
    }
    if (key === "v") {
      void navigator.clipboard
        ?.readText()
        .then((text) => terminal.paste(text))
        .catch(() => undefined);
      event.preventDefault();
      return false;
    }
    return true;
  };
}
