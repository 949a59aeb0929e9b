// `npm start` and the e2e tests serve the production build; this rebuilds it when it is
// missing or older than what it is built from.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST_DIR, REPO_ROOT } from "./paths.ts";

export const WEB_DIST = join(REPO_ROOT, "web", "dist");
const SOURCES = [
  "web/src",
  "web/index.html",
  "web/vite.config.ts",
  "web/vite",
  "lessons",
  "package-lock.json",
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

export function buildIsCurrent(): boolean {
  const index = join(WEB_DIST, "index.html");
  const builtManifest = join(WEB_DIST, "image", "manifest.json");
  if (!existsSync(index) || !existsSync(builtManifest)) return false;
  if (readFileSync(builtManifest, "utf8") !== readFileSync(join(DIST_DIR, "manifest.json"), "utf8"))
    return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => newest(join(REPO_ROOT, source)) <= built);
}

export function ensureBuild(): void {
  if (buildIsCurrent()) return;
  console.log("[build] the production build is missing or stale: npm run build");
  execSync("npm run build", { cwd: REPO_ROOT, stdio: "inherit" });
}
