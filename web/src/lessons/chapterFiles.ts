// A chapter's `files/` folder: files the instructor ships with it (a prepared root filesystem as
// a tarball, a config file, a script). They are placed in the guest under /opt/lab/<chapter-id>/
// before the chapter's set-up runs, which finds them as $LAB_FILES. This module owns the rules
// (names, sizes, modes) and the order of placing them; the app and lessons:check supply the
// transport (the guest agent) and the bytes (a URL of the app, a file on disk).
import type { Diagnostic } from "./lessonModel.ts";

export const CHAPTER_FILES_DIR = "files";
export const GUEST_FILES_ROOT = "/opt/lab";

const MIB = 1024 * 1024;
/** The agent takes one request line of 8 MiB at most; a file travels base64-encoded in one. */
export const FILE_LIMITS = { fileBytes: 4 * MIB, totalBytes: 8 * MIB, count: 256 } as const;

/** Plain names only: they become guest paths in a shell script and URLs of the app. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** What the course folder holds under `<chapter>/files/`, as a reader of the disk saw it. */
export interface FileEntry {
  /** Relative to `files/`, with `/` between folders. */
  path: string;
  size: number;
  /** The file's permission bits on disk. */
  mode: number;
  kind: "file" | "symlink" | "other";
}

/** A file placed in the guest: owned by root, 0755 if it was executable on disk, else 0644. */
export interface ChapterFile {
  path: string;
  size: number;
  mode: number;
}

export function guestFilesDir(chapterId: string): string {
  return `${GUEST_FILES_ROOT}/${chapterId}`;
}

/** `lessons/<folder>/files/<path>`: the key the app's URL map and the course reader use. */
export function chapterFileKey(folder: string, path: string): string {
  return `lessons/${folder}/${CHAPTER_FILES_DIR}/${path}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

/** The files that may go to the guest, and a diagnostic for each that may not. */
export function checkChapterFiles(
  chapter: { dir: string },
  entries: readonly FileEntry[],
): { files: ChapterFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: ChapterFile[] = [];
  const report = (path: string, message: string) =>
    diagnostics.push({
      file: `${chapter.dir}/${CHAPTER_FILES_DIR}/${path}`,
      line: 1,
      column: 1,
      severity: "error",
      rule: "chapter-files",
      message,
    });
  for (const entry of [...entries].sort((a, b) => a.path.localeCompare(b.path))) {
    const bad = entry.path.split("/").find((part) => !NAME.test(part));
    if (bad !== undefined)
      report(
        entry.path,
        `\`${bad}\`: names in files/ are letters, digits, \`.\`, \`_\` and \`-\` (no spaces), not starting with \`.\` or \`-\``,
      );
    else if (entry.kind === "symlink")
      report(
        entry.path,
        "a symbolic link: put the file itself in files/ (or make the link in the chapter's setup)",
      );
    else if (entry.kind !== "file") report(entry.path, "not a regular file");
    else if (entry.size > FILE_LIMITS.fileBytes)
      report(
        entry.path,
        `${formatSize(entry.size)} is more than the ${formatSize(FILE_LIMITS.fileBytes)} a file may have; split it, or compress it and unpack it in the setup`,
      );
    else files.push({ path: entry.path, size: entry.size, mode: entry.mode & 0o111 ? 0o755 : 0o644 });
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (files.length > FILE_LIMITS.count)
    report("", `${files.length} files; a chapter may ship ${FILE_LIMITS.count} (pack them in a tarball)`);
  else if (total > FILE_LIMITS.totalBytes)
    report(
      "",
      `${formatSize(total)} in all; a chapter may ship ${formatSize(FILE_LIMITS.totalBytes)} (the guest has 128 MiB of memory)`,
    );
  return diagnostics.length > 0 ? { files: [], diagnostics } : { files, diagnostics };
}

/** Empties the chapter's folder in the guest and makes the folders its files go in. */
export function prepareFilesScript(chapterId: string, files: readonly ChapterFile[]): string {
  const root = guestFilesDir(chapterId);
  const dirs = new Set([root]);
  for (const file of files) {
    const parts = file.path.split("/").slice(0, -1);
    parts.forEach((_, i) => dirs.add(`${root}/${parts.slice(0, i + 1).join("/")}`));
  }
  return `set -e\nrm -rf '${root}'\nmkdir -p ${[...dirs].map((d) => `'${d}'`).join(" ")}\n`;
}

/** Base64 in chunks: String.fromCharCode with a whole file's bytes overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface FilePlacement {
  /** Runs a root shell script in the guest; resolves whether it exited 0. */
  exec(script: string): Promise<boolean>;
  /** Writes one file (base64) with its mode; resolves whether it worked. */
  write(path: string, base64: string, mode: number): Promise<boolean>;
  /** The file's bytes (fetched from the app, or read from the course folder). */
  read(file: ChapterFile): Promise<Uint8Array>;
}

/**
 * Places every file under /opt/lab/<chapter-id>/, replacing what an earlier run left there.
 * Resolves null when all are in place, else what went wrong.
 */
export async function placeChapterFiles(
  chapterId: string,
  files: readonly ChapterFile[],
  io: FilePlacement,
): Promise<string | null> {
  if (files.length === 0) return null;
  if (!(await io.exec(prepareFilesScript(chapterId, files))))
    return `could not make ${guestFilesDir(chapterId)} in the guest`;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.read(file);
    } catch (error) {
      return `files/${file.path}: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!(await io.write(`${guestFilesDir(chapterId)}/${file.path}`, toBase64(bytes), file.mode)))
      return `files/${file.path}: the guest refused it`;
  }
  return null;
}
