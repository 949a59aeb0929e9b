// A Vite dev-server plugin (Node side; never imported by the app): lets author mode save a
// lesson file to disk under `npm run dev`. It writes only Markdown under lessons/ (or in the
// chapter folders of the course being served), only on POST, only from the dev server's own
// page, and refuses anything that escapes them.
import { existsSync, lstatSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Plugin } from "vite";
import {
  DEV_LESSON_ENDPOINT,
  DEV_LESSON_HEADER,
  DEV_LESSON_HEADER_VALUE,
} from "../src/author/devLessonEndpoint.ts";

const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** `lessons/<dir>/…/<name>.md`, plain names only. */
const LESSON_PATH = /^lessons\/(?:[A-Za-z0-9_][A-Za-z0-9._-]*\/)+[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/;
const REPO_ROOT = resolve(import.meta.dirname, "..", "..", "..");

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
};

/**
 * The file a request may write, or a reason why not. `chapterDirs` (folder → absolute path)
 * places a course's chapters, which live outside lessons/, under their real folders.
 */
export function resolveLessonFile(
  repoRoot: string,
  path: unknown,
  chapterDirs: Readonly<Record<string, string>> = {},
): { file: string } | { error: string } {
  if (
    typeof path !== "string" ||
    !LESSON_PATH.test(path) ||
    path.split("/").some((part) => part === "." || part === "..")
  ) {
    return { error: "path must be lessons/<folder>/<name>.md" };
  }
  const chapterDir = chapterDirs[path.split("/")[1] ?? ""];
  const lessons = chapterDir ? dirname(chapterDir) : join(repoRoot, "lessons");
  const file = resolve(lessons, path.slice("lessons/".length));
  if (!inside(lessons, file)) return { error: "path leaves lessons/" };
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return { error: "the folder does not exist" };
  // A symlinked folder or file could point anywhere: check where it really is.
  if (!inside(realpathSync(lessons), realpathSync(folder))) {
    return { error: "path leaves lessons/" };
  }
  if (existsSync(file) && (lstatSync(file).isSymbolicLink() || !statSync(file).isFile())) {
    return { error: "not a regular file" };
  }
  return { file };
}

function send(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining (so the 413 reaches the client) but stop keeping.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => done(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

/** Same-origin only: the page the dev server itself serves (a browser always sends Origin on POST). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function createLessonWriteHandler(
  repoRoot: string,
  chapterDirs: () => Readonly<Record<string, string>> = () => ({}),
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST") return send(res, 405, { error: "POST only" }, { Allow: "POST" });
    if (req.headers[DEV_LESSON_HEADER] !== DEV_LESSON_HEADER_VALUE || !sameOrigin(req)) {
      return send(res, 403, { error: "not from author mode" });
    }
    if (!/^application\/json\b/.test(req.headers["content-type"] ?? ""))
      return send(res, 415, { error: "send JSON" });
    const body = await readBody(req);
    if (body === null) return send(res, 413, { error: "too large" });
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      return send(res, 400, { error: "invalid JSON" });
    }
    const { path, content } = (request ?? {}) as { path?: unknown; content?: unknown };
    if (typeof content !== "string") return send(res, 400, { error: "content must be a string" });
    const target = resolveLessonFile(repoRoot, path, chapterDirs());
    if ("error" in target) return send(res, 400, { error: target.error });
    // Write beside the target and rename over it: Vite's watcher never sees half a file.
    const temporary = join(dirname(target.file), `.${process.pid}.${Date.now()}.tmp`);
    writeFileSync(temporary, content, "utf8");
    renameSync(temporary, target.file);
    send(res, 200, { ok: true, path, bytes: Buffer.byteLength(content) });
  };
}

/** Add to web/vite.config.ts `plugins`; active under `vite` (serve) only, never in a build. */
export function devLessonWriter(
  options: { repoRoot?: string; chapterDirs?: () => Readonly<Record<string, string>> } = {},
): Plugin {
  const handle = createLessonWriteHandler(options.repoRoot ?? REPO_ROOT, options.chapterDirs);
  return {
    name: "container-lab-dev-lesson-writer",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use(DEV_LESSON_ENDPOINT, (req, res, next) => {
        handle(req, res).catch(next);
      });
    },
  };
}
