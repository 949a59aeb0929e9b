// Serves the guest image (vm-image/dist, with its lazy filesystem) and the machine snapshot
// (web/.cache/snapshot) under image/ in development, and copies them into the build: they are
// the app's own assets.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";

const REPO = resolve(import.meta.dirname, "..", "..");
const DIST = join(REPO, "vm-image", "dist");
const SOURCES = [DIST, join(REPO, "web", ".cache", "snapshot")];
const NAMES = [
  "bios.bin",
  "vgabios-stdvga.bin",
  "bzImage",
  "initramfs.cpio.lz4",
  "manifest.json",
  "snapshot.bin.zst",
  "snapshot.json",
];
/** The lazy filesystem: its fs.json and its files, named by content hash. */
const LAZY = /^lazyfs\/(fs\.json|files\/[0-9a-f]{64}\.zst)$/;

function locate(name: string): string | undefined {
  if (LAZY.test(name)) return existsSync(join(DIST, name)) ? join(DIST, name) : undefined;
  if (!NAMES.includes(name)) return undefined;
  return SOURCES.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

function lazyNames(): string[] {
  const files = join(DIST, "lazyfs", "files");
  if (!existsSync(files)) return [];
  return ["lazyfs/fs.json", ...readdirSync(files).map((name) => `lazyfs/files/${name}`)].filter((n) =>
    LAZY.test(n),
  );
}

export function machineImage(): Plugin {
  return {
    name: "container-lab-machine-image",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(/\/image\/([^?]+)/);
        const path = match?.[1] ? locate(match[1]) : undefined;
        if (!path) return next();
        res.setHeader("Content-Length", statSync(path).size);
        res.setHeader(
          "Content-Type",
          path.endsWith(".json") ? "application/json" : "application/octet-stream",
        );
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const name of [...NAMES, ...lazyNames()]) {
        const path = locate(name);
        if (path) this.emitFile({ type: "asset", fileName: `image/${name}`, source: readFileSync(path) });
      }
    },
  };
}
