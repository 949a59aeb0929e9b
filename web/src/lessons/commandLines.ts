// What "Run" and "Solve" type into the terminal: one entry per command. Whole-line comments and
// blank lines are skipped (authors translate comments; the commands stay the same), a line
// ending in a backslash is joined with the next, as bash itself would join them, and a here-
// document travels whole with its command — its lines are data (a `#!` or `# comment` in a
// script being written must stay), and typing them one at a time would stall at bash's `> `.

/** `<<EOF`, `<<'EOF'`, `<<"EOF"`, `<<-EOF`: the dash lets the terminator be indented with tabs. */
const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

function heredocTerminators(command: string): Array<{ word: string; tabs: boolean }> {
  // `<<<` is a here-string, not a here-document.
  return [...command.replace(/<<</g, "").matchAll(HEREDOC)].map((m) => ({
    word: m[3] ?? "",
    tabs: m[1] === "-",
  }));
}

export function commandLines(code: string): string[] {
  const commands: string[] = [];
  const raw = code.split("\n");
  let pending = "";
  for (let i = 0; i < raw.length; i++) {
    const line = (raw[i] ?? "").replace(/\s+$/, "");
    if (!pending && (line.trim() === "" || line.trim().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += (pending ? " " : "") + (pending ? line.trim() : line).slice(0, -1).replace(/\s+$/, "");
      continue;
    }
    const command = pending ? `${pending} ${line.trim()}` : line;
    pending = "";
    const body: string[] = [];
    for (const { word, tabs } of heredocTerminators(command)) {
      for (i++; i < raw.length; i++) {
        const data = raw[i] ?? "";
        body.push(data);
        if ((tabs ? data.replace(/^\t+/, "") : data) === word) break;
      }
    }
    commands.push([command, ...body].join("\n"));
  }
  if (pending) commands.push(pending);
  return commands;
}
