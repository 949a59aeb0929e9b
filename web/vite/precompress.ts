// Writes a brotli copy (`<file>.br`) beside every compressible file of the build, at the highest
// quality: too slow to do per request (4 s for v86's wasm), and 30 % smaller than gzip for the
// wasm and the main bundle, the largest things the first prompt downloads after the snapshot.
// scripts/lib/staticServer.ts serves them to browsers that accept br; any static host that
// serves precompressed files (nginx's brotli_static, most CDNs) can do the same.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import type { Plugin } from "vite";
import { walkFiles } from "./walkFiles.ts";

/**
 * Extensions worth compressing, here and by the static server on the fly; the snapshot and
 * the lazy files are zstd already.
 */
export const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".wasm",
  ".bin",
  ".ttf",
  ".svg",
  ".md",
  ".webmanifest",
]);
/** Smaller files gain too little to be worth a second copy. */
const MIN_BYTES = 1024;

const compress = promisify(brotliCompress);

export async function precompressDir(dir: string): Promise<number> {
  const files = walkFiles(dir).filter(
    (file) => COMPRESSIBLE.has(extname(file)) && statSync(file).size >= MIN_BYTES,
  );
  await Promise.all(
    files.map(async (file) => {
      const source = readFileSync(file);
      const body = await compress(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      });
      writeFileSync(`${file}.br`, body);
    }),
  );
  return files.length;
}

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "container-lab-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // Last and alone: after the service worker plugin has written sw.js and version.json.
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        await precompressDir(outDir);
      },
    },
  };
}
