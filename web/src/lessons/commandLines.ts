// What "Run" and "Solve" type into the terminal: one line per command. Whole-line comments and
// blank lines are skipped (authors translate comments; the commands stay the same), and a line
// ending in a backslash is joined with the next, as bash itself would join them.

export function commandLines(code: string): string[] {
  const lines: string[] = [];
  let pending = "";
  for (const raw of code.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (!pending && (line.trim() === "" || line.trim().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += (pending ? " " : "") + (pending ? line.trim() : line).slice(0, -1).replace(/\s+$/, "");
      continue;
    }
    lines.push(pending ? `${pending} ${line.trim()}` : line);
    pending = "";
  }
  if (pending) lines.push(pending);
  return lines;
}
