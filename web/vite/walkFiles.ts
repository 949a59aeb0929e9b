// Every file below a folder (the build plugins' view of the output folder).
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
