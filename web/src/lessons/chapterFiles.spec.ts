import { describe, expect, it } from "vitest";
import {
  checkChapterFiles,
  FILE_LIMITS,
  placeChapterFiles,
  prepareFilesScript,
  toBase64,
  type FileEntry,
} from "./chapterFiles.ts";

const file = (path: string, size = 10, mode = 0o644): FileEntry => ({ path, size, mode, kind: "file" });
const check = (entries: FileEntry[]) => checkChapterFiles({ dir: "course/01-x" }, entries);

describe("a chapter's files/", () => {
  it("keeps plain files, executable ones 0755 and the rest 0644", () => {
    expect(check([file("run.sh", 5, 0o775), file("etc/app.conf", 3, 0o600)]).files).toEqual([
      { path: "etc/app.conf", size: 3, mode: 0o644 },
      { path: "run.sh", size: 5, mode: 0o755 },
    ]);
  });

  it("refuses what cannot go to the guest, naming the file", () => {
    const { files, diagnostics } = check([
      file("my file.txt"),
      file(".hidden"),
      { ...file("link"), kind: "symlink" },
      file("big.tar", FILE_LIMITS.fileBytes + 1),
    ]);
    expect(files).toEqual([]);
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ["course/01-x/files/.hidden", "chapter-files"],
      ["course/01-x/files/big.tar", "chapter-files"],
      ["course/01-x/files/link", "chapter-files"],
      ["course/01-x/files/my file.txt", "chapter-files"],
    ]);
    expect(diagnostics[1]?.message).toMatch(/4\.0 MiB is more than the 4\.0 MiB a file may have/);
    const many = Array.from({ length: 3 }, (_, i) => file(`f${i}`, FILE_LIMITS.fileBytes));
    expect(check(many).diagnostics[0]?.message).toMatch(/12\.0 MiB in all; a chapter may ship 8\.0 MiB/);
  });

  it("places every file under /opt/lab/<chapter> after emptying it, and says which one failed", async () => {
    expect(prepareFilesScript("hello", [{ path: "a/b/c.txt", size: 1, mode: 0o644 }])).toBe(
      "set -e\nrm -rf '/opt/lab/hello'\nmkdir -p '/opt/lab/hello' '/opt/lab/hello/a' '/opt/lab/hello/a/b'\n",
    );
    const writes: [string, string, number][] = [];
    const io = {
      exec: async () => true,
      write: async (path: string, base64: string, mode: number) => {
        writes.push([path, base64, mode]);
        return !path.endsWith("bad");
      },
      read: async () => new TextEncoder().encode("hi"),
    };
    const files = [
      { path: "run.sh", size: 2, mode: 0o755 },
      { path: "bad", size: 2, mode: 0o644 },
    ];
    expect(await placeChapterFiles("hello", files, io)).toBe("files/bad: the guest refused it");
    expect(writes[0]).toEqual(["/opt/lab/hello/run.sh", "aGk=", 0o755]);
    expect(await placeChapterFiles("hello", [], io)).toBeNull();
  });

  it("encodes large files without overflowing the stack", () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(Buffer.from(toBase64(bytes), "base64").equals(Buffer.from(bytes))).toBe(true);
  });
});
