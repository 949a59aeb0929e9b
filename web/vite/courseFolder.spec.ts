// The course reader against throwaway course folders on disk.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildCourse } from "../src/lessons/buildCourse.ts";
import { courseDirFrom, publishedAssets, readCourseTree, withoutCourseArg } from "./courseFolder.ts";
import { courseModuleCode } from "./coursePlugin.ts";

const made: string[] = [];
function course(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "course-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lesson = (id: string) => `---
id: ${id}
title: T
summary: S.
objectives: [O]
estimated_minutes: 1
difficulty: beginner
---

::::step{#one manual}

### One

::::
`;

describe("a course folder", () => {
  it("replaces the built-in chapters by default, keeps all or some on request", () => {
    const own = { "01-hello/en.md": lesson("hello"), "01-hello/ja.md": lesson("hello") };
    const only = readCourseTree(course({ "course.yaml": "title: W\n", ...own }));
    expect(Object.keys(only.dirs)).toEqual(["01-hello"]);
    const all = readCourseTree(course({ "course.yaml": "title: W\nbuiltin: all\n", ...own }));
    expect(Object.keys(all.dirs)).toEqual(
      expect.arrayContaining(["01-hello", "01-processes", "99-glossary"]),
    );
    const some = readCourseTree(course({ "course.yaml": "title: W\nbuiltin: [glossary]\n", ...own }));
    expect(Object.keys(some.dirs)).toEqual(["99-glossary", "01-hello"]);
    expect(some.dirs["99-glossary"]).toMatch(/lessons\/99-glossary$/);
    // The glossary links to chapters the course left out: warnings the instructor chose, not errors.
    const { chapters } = buildCourse(some.sources, Object.keys(some.assets), {
      dirs: some.dirs,
      omitted: some.omitted,
    });
    const glossary = chapters.find((c) => c.id === "glossary")?.diagnostics ?? [];
    expect(glossary.length).toBeGreaterThan(0);
    expect(glossary.every((d) => d.severity === "warning" && d.rule === "broken-link")).toBe(true);
    expect(glossary[0]?.message).toMatch(/is a chapter of the lab that this course leaves out/);
    expect(some.omitted).toContain("processes");
  });

  it("names the instructor's files in diagnostics", () => {
    const dir = course({
      "course.yaml": "title: W\n",
      "01-hello/en.md": lesson("hello"),
      "01-hello/ja.md": "oops",
    });
    const tree = readCourseTree(dir, dir);
    const { chapters } = buildCourse(tree.sources, Object.keys(tree.assets), { dirs: tree.dirs });
    expect(chapters[0]?.diagnostics[0]).toMatchObject({
      file: "01-hello/ja.md",
      rule: "frontmatter-missing",
    });
    expect(chapters[0]?.dir).toBe("01-hello");
  });

  it("needs only the course's language when it has one", () => {
    const dir = course({ "course.yaml": "title: W\nlanguage: ja\n", "01-hello/ja.md": lesson("hello") });
    const tree = readCourseTree(dir);
    const { chapters } = buildCourse(tree.sources, [], { languages: tree.languages, dirs: tree.dirs });
    expect(chapters[0]?.diagnostics).toEqual([]);
    expect(Object.keys(chapters[0]?.lessons ?? {})).toEqual(["ja"]);
  });

  it("reads files/ with sizes and modes, and the module imports each file by URL", () => {
    const dir = course({
      "course.yaml": "title: W\n",
      "01-hello/en.md": lesson("hello"),
      "01-hello/ja.md": lesson("hello"),
      "01-hello/files/run.sh": "#!/bin/sh\n",
      "01-hello/files/etc/app.conf": "x=1\n",
    });
    chmodSync(join(dir, "01-hello/files/run.sh"), 0o755);
    symlinkSync("run.sh", join(dir, "01-hello/files/link"));
    const tree = readCourseTree(dir);
    expect(tree.files["01-hello"]).toEqual([
      { path: "etc/app.conf", size: 4, mode: 0o644, kind: "file" },
      { path: "link", size: expect.any(Number), mode: expect.any(Number), kind: "symlink" },
      { path: "run.sh", size: 10, mode: 0o755, kind: "file" },
    ]);
    // A files/ with an error gets no URL at all: nothing of it is bundled.
    expect(courseModuleCode(tree)).not.toContain("files/run.sh");
    const { chapters } = buildCourse(tree.sources, [], { dirs: tree.dirs, files: tree.files });
    expect(chapters[0]?.diagnostics.map((d) => [d.rule, d.message.slice(0, 20)])).toEqual([
      ["chapter-files", "a symbolic link: put"],
    ]);
    rmSync(join(dir, "01-hello/files/link"));
    const code = courseModuleCode(readCourseTree(dir));
    expect(code).toContain(`"01-hello":"${dir.split("/").pop()}/01-hello"`);
    expect(code).toContain(`${JSON.stringify(`${join(dir, "01-hello/files/run.sh")}?url`)}`);
    expect(code).toContain(`"lessons/01-hello/files/run.sh": file`);
  });

  it("publishes only the images the lessons link to: no dotfile, other file or symbolic link", () => {
    const linking = lesson("hello").replace("### One", "### One\n\n![diagram](./diagram.png)");
    const dir = course({
      "course.yaml": "title: W\n",
      "01-hello/en.md": linking,
      "01-hello/ja.md": linking,
      "01-hello/diagram.png": "png",
      "01-hello/unused.png": "png",
      "01-hello/.env": "SECRET=1",
      "01-hello/.draft.md": "answers",
      "01-hello/answers.txt": "42",
      "secret.txt": "shadow",
    });
    symlinkSync(join(dir, "secret.txt"), join(dir, "01-hello/leak.png"));
    const tree = readCourseTree(dir);
    expect(Object.keys(tree.assets)).toEqual(["lessons/01-hello/diagram.png", "lessons/01-hello/unused.png"]);
    expect(Object.keys(tree.sources)).toEqual(["lessons/01-hello/en.md", "lessons/01-hello/ja.md"]);
    expect(tree.unshipped["lessons/01-hello/leak.png"]).toMatch(/symbolic link, never published/);
    expect(tree.unshipped["lessons/01-hello/.env"]).toMatch(/hidden file/);
    const published = publishedAssets(tree);
    expect(Object.keys(published)).toEqual(["lessons/01-hello/diagram.png"]);
    const code = courseModuleCode(tree, published);
    for (const name of ["unused.png", ".env", ".draft.md", "answers.txt", "leak.png", "secret.txt"])
      expect(code).not.toContain(name);
  });

  it("refuses to publish a course with errors, naming each file and line", () => {
    const linking = lesson("hello").replace("### One", "### One\n\n![leak](./leak.png)");
    const dir = course({
      "course.yaml": "title: W\n",
      "01-hello/en.md": linking,
      "01-hello/ja.md": lesson("hello"),
      "01-hello/files/ok.sh": "x",
    });
    symlinkSync("/etc/passwd", join(dir, "01-hello/leak.png"));
    symlinkSync("/etc", join(dir, "01-hello/files/etc"));
    const tree = readCourseTree(dir, dir);
    expect(tree.filePaths).toEqual({});
    expect(() => publishedAssets(tree)).toThrow(/2 error\(s\); nothing was built:\n/);
    expect(() => publishedAssets(tree)).toThrow(
      /\n01-hello\/en\.md:14:1: error .*leak\.png`: a symbolic link/,
    );
    expect(() => publishedAssets(tree)).toThrow(/\n01-hello\/files\/etc:1:1: error .*a symbolic link/);
  });

  it("reads a fifo in files/ as a file it refuses, not as a crash", () => {
    const dir = course({
      "course.yaml": "title: W\n",
      "01-hello/en.md": lesson("hello"),
      "01-hello/ja.md": lesson("hello"),
    });
    mkdirSync(join(dir, "01-hello/files"));
    execFileSync("mkfifo", [join(dir, "01-hello/files/pipe")]);
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
    const tree = readCourseTree(dir, dir);
    expect(tree.files["01-hello"]).toEqual([expect.objectContaining({ path: "pipe", kind: "other" })]);
    expect(() => publishedAssets(tree)).toThrow(/01-hello\/files\/pipe:1:1: error .*not a regular file/);
  });

  it("says what is wrong with a folder that is not a course", () => {
    expect(() => readCourseTree("/nonexistent-course")).toThrow(/no such folder/);
    const bare = course({ "01-hello/en.md": lesson("hello") });
    expect(() => readCourseTree(bare, bare)).toThrow(/course\.yaml: missing; a course folder starts with/);
    const unknown = course({ "course.yaml": "title: W\nbuiltin:\n  - processes\n  - nope\n" });
    expect(() => readCourseTree(unknown, unknown)).toThrow(
      /^course\.yaml:4:5: `builtin`: the lab has no chapter `nope`/,
    );
    const clash = course({
      "course.yaml": "title: W\nbuiltin: all\n",
      "01-processes/en.md": lesson("processes"),
    });
    expect(() => readCourseTree(clash, clash)).toThrow(
      /01-processes: the lab's own chapter has this folder name too/,
    );
  });

  it("takes the folder from --course or COURSE_DIR", () => {
    expect(courseDirFrom(["--course", "/x/y"], {})).toBe("/x/y");
    expect(courseDirFrom(["--course=/x/z"], {})).toBe("/x/z");
    expect(courseDirFrom([], { COURSE_DIR: "/x/e" })).toBe("/x/e");
    expect(courseDirFrom([], {})).toBeUndefined();
    expect(() => courseDirFrom(["--course"], {})).toThrow("--course needs a folder");
    expect(withoutCourseArg(["--port", "1", "--course", "/x", "--host"])).toEqual(["--port", "1", "--host"]);
  });
});
