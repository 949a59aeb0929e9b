// Where things are in the repository, for the command-line tools.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST_DIR = join(REPO_ROOT, "vm-image", "dist");
export const BENCH_FILE = join(REPO_ROOT, "bench", "results.json");
