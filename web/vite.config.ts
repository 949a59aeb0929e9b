import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { machineImage } from "./vite/machineImage.ts";
import { precompress } from "./vite/precompress.ts";
import { serviceWorker } from "./vite/serviceWorker.ts";
import { watchLessons } from "./vite/watchLessons.ts";
import { workerConditions } from "./vite/workerConditions.ts";
import { devLessonWriter } from "./src/editor/devLessonWriter.ts";

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the built lab works under any base path (a USB stick's server, a subfolder).
  base: "./",
  plugins: [react(), machineImage(), serviceWorker(), watchLessons(), devLessonWriter(), precompress()],
  worker: { format: "es", plugins: () => [workerConditions()] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
  },
  server: { fs: { allow: [".."] } },
});
