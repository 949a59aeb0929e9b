// The lazily loaded guest filesystem: a tree of files served from the app's own origin and read
// by v86's 9p device only when the guest opens them. On disk (vm-image/dist/lazyfs/):
//   fs.json            v86's JSON filesystem (format version 3, see v86's docs/filesystem.md)
//   files/<sha256>.zst every regular file, named by the sha256 of its content, zstd-compressed
//                      (v86 decompresses a stored name ending in .zst itself)
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sha256 } from "./sha256.ts";
import { runZstd } from "./zstd.ts";

export const LAZY_DIR = "lazyfs";
export const LAZY_JSON = "fs.json";
export const LAZY_FILES = "files";
const JSONFS_VERSION = 3;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/** [name, size, mtime, mode, uid, gid, children | symlink target | stored file name] */
export type FsEntry = [string, number, number, number, number, number, FsEntry[] | string];
const entrySchema: z.ZodType<FsEntry> = z.lazy(() =>
  z.tuple([
    z.string(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.number(),
    z.union([z.array(entrySchema), z.string()]),
  ]),
);
export const fsJsonSchema = z.object({
  version: z.literal(JSONFS_VERSION),
  size: z.number(),
  fsroot: z.array(entrySchema),
});
export type FsJson = z.infer<typeof fsJsonSchema>;

export interface LazyFile {
  path: string;
  size: number;
  stored: string;
}

/** Every regular file in a v86 filesystem description, with its path in the guest mount. */
export function listFiles(fs: FsJson): LazyFile[] {
  const files: LazyFile[] = [];
  const walk = (entries: FsEntry[], prefix: string) => {
    for (const [name, size, , mode, , , target] of entries) {
      const path = `${prefix}/${name}`;
      if ((mode & S_IFMT) === S_IFDIR && Array.isArray(target)) walk(target, path);
      else if ((mode & S_IFMT) === S_IFREG && typeof target === "string")
        files.push({ path, size, stored: target });
    }
  };
  walk(fs.fsroot, "");
  return files;
}

export function readFsJson(dist: string): FsJson {
  return fsJsonSchema.parse(JSON.parse(readFileSync(join(dist, LAZY_DIR, LAZY_JSON), "utf8")));
}

const zstdCompress = (data: Buffer) => runZstd(["-19"], data);
export const zstdDecompress = (data: Buffer) => runZstd(["-d"], data);

/**
 * Writes `out/fs.json` and `out/files/` from a directory tree. Owners are root, times are
 * `mtime` (the build's SOURCE_DATE_EPOCH): the tree's own stat would make builds differ.
 */
export function writeLazyFs(
  tree: string,
  out: string,
  mtime: number,
): { files: number; bytes: number; stored: number } {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, LAZY_FILES), { recursive: true });
  let bytes = 0;
  let stored = 0;
  let files = 0;
  const walk = (dir: string): FsEntry[] =>
    readdirSync(dir)
      .sort()
      .map((name): FsEntry => {
        const path = join(dir, name);
        const st = lstatSync(path);
        const perm = st.mode & 0o7777;
        if (st.isDirectory()) return [name, 0, mtime, S_IFDIR | perm, 0, 0, walk(path)];
        if (st.isSymbolicLink()) return [name, 0, mtime, S_IFLNK | 0o777, 0, 0, readlinkSync(path)];
        if (!st.isFile())
          throw new Error(`${path}: only files, directories and symlinks can be on the lazy filesystem`);
        const data = readFileSync(path);
        const name256 = `${sha256(data)}.zst`;
        const target = join(out, LAZY_FILES, name256);
        if (!existsSync(target)) {
          const packed = zstdCompress(data);
          writeFileSync(target, packed);
          stored += packed.length;
        }
        bytes += data.length;
        files += 1;
        return [name, data.length, mtime, S_IFREG | perm, 0, 0, name256];
      });
  const fs: FsJson = { version: JSONFS_VERSION, size: 0, fsroot: walk(tree) };
  fs.size = bytes;
  writeFileSync(join(out, LAZY_JSON), JSON.stringify(fs) + "\n");
  return { files, bytes, stored };
}

export interface LazyProblem {
  file: string;
  problem: string;
}

/** Every file fs.json names is there, and decompresses to the bytes its name says. */
export function verifyLazyFs(dist: string): LazyProblem[] {
  const problems: LazyProblem[] = [];
  let fs: FsJson;
  try {
    fs = readFsJson(dist);
  } catch (error) {
    return [
      { file: `${LAZY_DIR}/${LAZY_JSON}`, problem: error instanceof Error ? error.message : String(error) },
    ];
  }
  for (const file of listFiles(fs)) {
    const where = `${LAZY_DIR}/${LAZY_FILES}/${file.stored}`;
    const path = join(dist, LAZY_DIR, LAZY_FILES, file.stored);
    if (!existsSync(path)) {
      problems.push({ file: where, problem: `missing (${file.path})` });
      continue;
    }
    const data = zstdDecompress(readFileSync(path));
    if (data.length !== file.size)
      problems.push({
        file: where,
        problem: `${data.length} bytes, fs.json says ${file.size} (${file.path})`,
      });
    else if (`${sha256(data)}.zst` !== file.stored)
      problems.push({ file: where, problem: `content does not match its name (${file.path})` });
  }
  return problems;
}
