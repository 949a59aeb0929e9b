// Resolves packages for the app's workers with the "worker" export condition first. Vite builds
// worker bundles with the page's "browser" condition, and some packages' browser builds use the
// DOM: decode-named-character-reference's (pulled in by micromark) calls document.createElement,
// which made the course worker throw at load, so lessons were parsed on the page after all.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";

type Exports = string | { [condition: string]: Exports } | null | undefined;

function packageRoot(entry: string): string | undefined {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return undefined;
}

/** The file a package's root export names for the "worker" condition, if it names one. */
function workerEntry(pkgDir: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports?: Exports };
  let exports = manifest.exports;
  if (exports && typeof exports === "object" && "." in exports) exports = exports["."];
  if (!exports || typeof exports !== "object") return undefined;
  const target = exports["worker"];
  return typeof target === "string" ? join(pkgDir, target) : undefined;
}

export function workerConditions(): Plugin {
  return {
    name: "container-lab-worker-conditions",
    enforce: "pre",
    async resolveId(source, importer) {
      // Bare package roots only ("pkg", "@scope/pkg"): subpaths and relative files are as resolved.
      if (!importer || !/^(@[^/]+\/)?[^./@][^/]*$/.test(source)) return null;
      let resolved: string;
      try {
        resolved = createRequire(importer).resolve(source);
      } catch {
        return null;
      }
      const root = packageRoot(resolved);
      const entry = root ? workerEntry(root) : undefined;
      return entry && existsSync(entry) ? entry : null;
    },
  };
}
