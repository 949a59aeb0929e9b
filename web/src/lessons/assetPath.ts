// Lesson-relative paths (`./diagram.svg`, `../01-x/b.png`) → repository paths (`lessons/…`).

/** Resolves `path` against `dir` (`lessons/<folder>`); null when it leaves lessons/ or has a scheme. */
export function resolveLessonPath(dir: string, path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("/") || path.startsWith("#")) return null;
  const parts = dir.split("/");
  const root = parts[0];
  for (const raw of path.replace(/[?#].*$/, "").split("/")) {
    const part = safeDecode(raw);
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts[0] === root && parts.length >= 3 ? parts.join("/") : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
