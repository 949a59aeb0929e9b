// Small number formatting shared by the panels. Units stay in English symbols (KiB, ms),
// which read the same in both UI languages.

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

export function formatMicros(usec: number): string {
  if (usec < 1000) return `${usec} µs`;
  if (usec < 1_000_000) return `${(usec / 1000).toFixed(usec < 10_000 ? 1 : 0)} ms`;
  return `${(usec / 1_000_000).toFixed(usec < 10_000_000 ? 2 : 1)} s`;
}

/** The last digits of a namespace inode: enough to tell the few namespaces of a guest apart. */
export function shortInode(inode: number): string {
  const text = String(inode);
  return text.length > 4 ? `…${text.slice(-4)}` : text;
}

/** A process's command line for display: argv joined, or [comm] for zombies and kernel threads. */
export function commandText(cmdline: readonly string[], comm: string): string {
  let end = cmdline.length;
  while (end > 0 && cmdline[end - 1] === "") end--;
  return end === 0 ? `[${comm}]` : cmdline.slice(0, end).join(" ");
}
