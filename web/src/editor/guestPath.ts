// What a student types into "Open file…" → the absolute guest path the agent gets. The
// agent resolves relative paths against `/`, but the student's shell starts in /root, so a
// bare name means a file in /root, as it would in the terminal.

export const GUEST_HOME = "/root";

/** Absolute, normalised path; null when there is nothing to open. */
export function normalizeGuestPath(input: string): string | null {
  let path = input.trim();
  if (!path) return null;
  if (path === "~") path = GUEST_HOME;
  else if (path.startsWith("~/")) path = GUEST_HOME + path.slice(1);
  else if (!path.startsWith("/")) path = `${GUEST_HOME}/${path}`;
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

/** The last path segment, for tab titles. */
export function baseName(path: string): string {
  return path.split("/").filter(Boolean).pop() ?? path;
}
