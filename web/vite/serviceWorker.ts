// Writes sw.js into the build: the service worker template with the list of every built file
// and a version derived from their contents (a new build → a new cache, installed beside the old).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Plugin } from "vite";
import { walkFiles } from "./walkFiles.ts";

const LAZY_PREFIX = "image/lazyfs/files/";

export function serviceWorker(): Plugin {
  let outDir = "";
  return {
    name: "container-lab-service-worker",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = walkFiles(outDir)
        .map((path) => relative(outDir, path).split("\\").join("/"))
        // `.br` copies are the same files, precompressed for the server (precompress.ts).
        .filter(
          (file) =>
            file !== "sw.js" && !file.endsWith(".map") && !file.endsWith(".br") && file !== "kiosk.json",
        )
        .sort();
      // The lazy filesystem's files are named by their content's hash: cached when first used or
      // once the prompt is up, not at install, so they never compete with the first prompt.
      const lazy = files.filter((file) => file.startsWith(LAZY_PREFIX));
      const core = files.filter((file) => !file.startsWith(LAZY_PREFIX));
      const hash = createHash("sha256");
      for (const file of core) hash.update(file).update(readFileSync(join(outDir, file)));
      for (const file of lazy) hash.update(file);
      const version = hash.digest("hex").slice(0, 16);
      const template = readFileSync(join(import.meta.dirname, "sw-template.js"), "utf8");
      const source = template
        .replace('"__VERSION__"', JSON.stringify(version))
        .replace("__FILES__", JSON.stringify(core))
        .replace("__LAZY__", JSON.stringify(lazy));
      writeFileSync(join(outDir, "sw.js"), source);
      writeFileSync(join(outDir, "version.json"), JSON.stringify({ version, files: files.length }) + "\n");
    },
  };
}
