import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { machineImage } from "./vite/machineImage.ts";
import { precompress } from "./vite/precompress.ts";
import { serviceWorker } from "./vite/serviceWorker.ts";
import { devLessonWriter } from "./vite/devLessonWriter.ts";
import { coursePlugin, courseDirFromEnv } from "./vite/coursePlugin.ts";
import { readCourseTree } from "./vite/courseFolder.ts";

// The course to serve or build: lessons/, or an instructor's folder (COURSE_DIR, which the
// npm scripts set from `--course DIR`).
const courseDir = courseDirFromEnv();

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the built lab works under any base path (a USB stick's server, a subfolder).
  base: "./",
  plugins: [
    react(),
    machineImage(),
    serviceWorker(),
    coursePlugin(courseDir),
    devLessonWriter({ chapterDirs: () => readCourseTree(courseDir).absoluteDirs }),
    precompress(),
  ],
  worker: { format: "es" },
  resolve: {
    alias: [
      {
        // micromark's entity decoder has a DOM build (document.createElement) that Vite picks for
        // the browser, workers included: the course worker threw at load and the lessons were
        // parsed on the page. The plain build works on the page and in workers alike.
        find: /^decode-named-character-reference$/,
        replacement: fileURLToPath(import.meta.resolve("decode-named-character-reference")),
      },
    ],
  },
  // The workers' imports (v86, the lesson parser) are known at start-up, so the dev server
  // does not discover them late and reload the page (and the guest with it).
  optimizeDeps: { entries: ["index.html", "src/vm/worker/vmWorker.ts", "src/lessons/courseWorker.ts"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
  },
  server: { fs: { allow: [".."] } },
});
