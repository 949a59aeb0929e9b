// The dev server watches its root (web/); lessons live beside it. Watching lessons/ too lets a
// chapter that is added (not just edited) appear without a reload.
import { resolve } from "node:path";
import type { Plugin } from "vite";

export function watchLessons(): Plugin {
  return {
    name: "container-lab-watch-lessons",
    apply: "serve",
    configureServer(server) {
      server.watcher.add(resolve(import.meta.dirname, "..", "..", "lessons"));
    },
  };
}
