// Serves the guest image (vm-image/dist) and the machine snapshot (web/.cache/snapshot) under
// image/ in development, and copies them into the build: they are the app's own assets.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";

const REPO = resolve(import.meta.dirname, "..", "..");
const SOURCES = [join(REPO, "vm-image", "dist"), join(REPO, "web", ".cache", "snapshot")];
const FILES =
  /^(bios\.bin|vgabios-stdvga\.bin|bzImage|initramfs\.cpio\.lz4|manifest\.json|snapshot\.bin\.zst|snapshot\.json)$/;

function locate(name: string): string | undefined {
  if (!FILES.test(name)) return undefined;
  return SOURCES.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

export function machineImage(): Plugin {
  return {
    name: "container-lab-machine-image",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(/\/image\/([^?/]+)/);
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
      for (const dir of SOURCES) {
        if (!existsSync(dir)) continue;
        for (const name of [
          "bios.bin",
          "vgabios-stdvga.bin",
          "bzImage",
          "initramfs.cpio.lz4",
          "manifest.json",
          "snapshot.bin.zst",
          "snapshot.json",
        ]) {
          const path = join(dir, name);
          if (existsSync(path))
            this.emitFile({ type: "asset", fileName: `image/${name}`, source: readFileSync(path) });
        }
      }
    },
  };
}
