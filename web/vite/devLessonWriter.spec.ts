// The dev-server endpoint over real HTTP, against a throwaway repository in a temp folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LESSON_HEADER, DEV_LESSON_HEADER_VALUE } from "../src/author/devLessonEndpoint.ts";
import { createLessonWriteHandler, resolveLessonFile } from "./devLessonWriter.ts";

let repo: string;
let outside: string;
let server: Server;
let url: string;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "lesson-writer-"));
  outside = mkdtempSync(join(tmpdir(), "lesson-writer-outside-"));
  mkdirSync(join(repo, "lessons", "00-example"), { recursive: true });
  writeFileSync(join(repo, "lessons", "00-example", "en.md"), "old\n");
  writeFileSync(join(repo, "package.json"), "{}\n");
  symlinkSync(outside, join(repo, "lessons", "99-link"));
  const handle = createLessonWriteHandler(repo);
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function post(body: unknown, headers: Record<string, string> = {}, method = "POST") {
  return fetch(url, {
    method,
    headers: { "Content-Type": "application/json", [DEV_LESSON_HEADER]: DEV_LESSON_HEADER_VALUE, ...headers },
    ...(method === "POST" ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
}

describe("the dev lesson writer", () => {
  it("writes a lesson file", async () => {
    const response = await post({ path: "lessons/00-example/en.md", content: "new ✓\n" });
    expect(response.status).toBe(200);
    expect(readFileSync(join(repo, "lessons", "00-example", "en.md"), "utf8")).toBe("new ✓\n");
  });

  it("creates a new lesson file in an existing chapter folder", async () => {
    expect((await post({ path: "lessons/00-example/ja.md", content: "ja\n" })).status).toBe(200);
    expect(readFileSync(join(repo, "lessons", "00-example", "ja.md"), "utf8")).toBe("ja\n");
  });

  it("answers POST only", async () => {
    const response = await post(undefined, {}, "GET");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses requests that do not come from author mode on this server", async () => {
    expect(
      (await post({ path: "lessons/00-example/en.md", content: "x" }, { [DEV_LESSON_HEADER]: "" })).status,
    ).toBe(403);
    expect(
      (await post({ path: "lessons/00-example/en.md", content: "x" }, { Origin: "http://evil.example" }))
        .status,
    ).toBe(403);
    expect((await post("{}", { "Content-Type": "text/plain" })).status).toBe(415);
  });

  it.each([
    "lessons/00-example/../../package.json.md",
    "lessons/../package.md",
    "/etc/passwd.md",
    "lessons/00-example/en.txt",
    "lessons/en.md",
    "lessons/00-example\\..\\..\\x.md",
    "lessons/missing/en.md",
    "lessons/99-link/en.md",
    "README.md",
  ])("refuses %s", async (path) => {
    const response = await post({ path, content: "x" });
    expect(response.status).toBe(400);
  });

  it("writes nothing through a symlink out of lessons/", async () => {
    await post({ path: "lessons/99-link/en.md", content: "x" });
    expect(() => readFileSync(join(outside, "en.md"))).toThrow();
  });

  it("refuses a body that is not a write", async () => {
    expect((await post("not json")).status).toBe(400);
    expect((await post({ path: "lessons/00-example/en.md", content: 42 })).status).toBe(400);
  });

  it("refuses an oversized body", async () => {
    const response = await post({ path: "lessons/00-example/en.md", content: "x".repeat(3 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });
});

describe("resolveLessonFile", () => {
  it("accepts nested lesson Markdown", () => {
    mkdirSync(join(repo, "lessons", "00-example", "notes"), { recursive: true });
    expect(resolveLessonFile(repo, "lessons/00-example/notes/a.md")).toEqual({
      file: join(repo, "lessons", "00-example", "notes", "a.md"),
    });
  });

  it("refuses a non-string path", () => {
    expect(resolveLessonFile(repo, 42)).toHaveProperty("error");
  });
});
