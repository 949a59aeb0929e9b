// npm run bench [-- --only guest,agent,image,web,panels,persist,editor,engine,engine-node,reliability]
// [--baseline REF]: measures and writes bench/results.json (one flat object; a partial run updates
// only its own keys). With --baseline, the browser suites measure the build of REF too, in the
// same run, and write its figures under "previous." keys (scripts/bench/builds.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { agentBench, guestBench, imageBench } from "./bench/guestBench.ts";
import type { Results } from "./bench/stats.ts";
import { webBench } from "./bench/webBench.ts";
import { persistBench } from "./bench/persistBench.ts";
import { panelsBench } from "./bench/panelsBench.ts";
import { editorBench } from "./bench/editorBench.ts";
import { engineBench, engineNodeBench } from "./bench/engineBench.ts";
import { reliabilityBench } from "./bench/reliabilityBench.ts";
import { BENCH_FILE } from "./lib/paths.ts";

type Suite = (log: (line: string) => void) => Results | Promise<Results>;
const SUITES: Record<string, Suite> = {
  image: imageBench,
  guest: guestBench,
  agent: agentBench,
  web: webBench,
  panels: panelsBench,
  persist: persistBench,
  editor: editorBench,
  engine: engineBench,
  "engine-node": engineNodeBench,
  reliability: reliabilityBench,
};

const onlyIndex = process.argv.indexOf("--only");
const only =
  onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "").split(",").filter(Boolean) : Object.keys(SUITES);
const unknown = only.filter((name) => !(name in SUITES));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(", ")}; choose from ${Object.keys(SUITES).join(", ")}`);
  process.exit(2);
}

const results: Results = existsSync(BENCH_FILE)
  ? (JSON.parse(readFileSync(BENCH_FILE, "utf8")) as Results)
  : {};
for (const name of only) {
  const suite = SUITES[name] as Suite;
  console.log(`[bench] ${name}`);
  const figures = await suite((line) => console.log(`  ${line}`));
  Object.assign(results, figures);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key} = ${value}`);
}
mkdirSync(dirname(BENCH_FILE), { recursive: true });
const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(BENCH_FILE, JSON.stringify(sorted, null, 2) + "\n");
console.log(`[bench] wrote ${BENCH_FILE}`);
