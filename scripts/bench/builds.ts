// The builds a browser bench measures: this one (web/dist), and with `--baseline REF` the build
// of an earlier commit too, measured in the same run and interleaved with this one, because the
// machine is shared and noisy and only figures taken side by side compare.
import { execFileSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../lib/browser.ts";
import { ensureBuild, WEB_DIST } from "../lib/ensureBuild.ts";
import { REPO_ROOT } from "../lib/paths.ts";
import { serveStatic } from "../lib/staticServer.ts";
import { median, round, type Results } from "./stats.ts";

export interface Build {
  /** "" for this build; "previous." prefixes the baseline's keys in bench/results.json. */
  prefix: string;
  label: string;
  dist: string;
}

/** The git ref given with `--baseline`, if any. */
export function baselineRef(argv = process.argv): string | undefined {
  const at = argv.indexOf("--baseline");
  if (at < 0) return undefined;
  const ref = argv[at + 1];
  if (!ref || ref.startsWith("--")) throw new Error("--baseline needs a git ref (a commit, tag or branch)");
  return ref;
}

/**
 * The production build of `ref`, built once in a worktree of its own outside the repository (so
 * lint and tests never see it) and kept there by commit: a second bench run reuses it.
 */
function baselineDist(ref: string, log: (line: string) => void): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: REPO_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  const sha = git("rev-parse", "--verify", `${ref}^{commit}`);
  const dir = join(tmpdir(), "container-lab-baseline", sha);
  const dist = join(dir, "web", "dist");
  if (existsSync(join(dist, "index.html"))) return dist;
  log(`building the baseline ${ref} (${sha.slice(0, 10)}) in ${dir}`);
  if (!existsSync(dir)) git("worktree", "add", "--detach", "--force", dir, sha);
  // The same dependencies when the lock file is the same; else the baseline installs its own.
  const sameLock =
    git("rev-parse", `${sha}:package-lock.json`) === git("rev-parse", "HEAD:package-lock.json");
  if (!existsSync(join(dir, "node_modules"))) {
    if (sameLock) symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
    else
      execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {
        cwd: dir,
        stdio: ["ignore", "ignore", "inherit"],
      });
  }
  try {
    execFileSync("npm", ["run", "-s", "build"], { cwd: dir, stdio: "pipe", maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `the baseline ${ref} did not build in ${dir}:\n${String(stdout).slice(-4000)}${String(stderr).slice(-4000)}`,
    );
  }
  return dist;
}

/** This build, and the baseline's when the bench was given one. */
function buildsUnderTest(log: (line: string) => void): Build[] {
  ensureBuild();
  const builds: Build[] = [{ prefix: "", label: "this build", dist: WEB_DIST }];
  const ref = baselineRef();
  if (ref) builds.push({ prefix: "previous.", label: `baseline ${ref}`, dist: baselineDist(ref, log) });
  return builds;
}

export interface Served extends Build {
  url: string;
}

/** Serves every build on a port (an origin, so storage is never shared) of its own while `run` runs. */
async function serving<T>(builds: Build[], run: (served: Served[]) => Promise<T>): Promise<T> {
  const servers = await Promise.all(builds.map((build) => serveStatic(build.dist, 0)));
  try {
    return await run(builds.map((build, i) => ({ ...build, url: (servers[i] as { url: string }).url })));
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

/**
 * Runs `trial` `times` times for each build, alternating which build goes first, so that a slow
 * minute of the shared machine falls on both.
 */
export async function interleaved(
  served: Served[],
  times: number,
  trial: (build: Served, round: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < times; i++) {
    const order = i % 2 ? [...served].reverse() : served;
    for (const build of order) await trial(build, i);
  }
}

/** Samples per key, per build. */
export class Samples {
  private readonly values = new Map<string, number[]>();

  add(build: Build, key: string, value: number): void {
    const name = build.prefix + key;
    this.values.set(name, [...(this.values.get(name) ?? []), value]);
  }

  get(build: Build, key: string): number[] {
    return this.values.get(build.prefix + key) ?? [];
  }

  /** Each key's median, with `.min` and `.max` beside it: a figure is reported with its range. */
  results(): Results {
    const results: Results = {};
    for (const [name, values] of this.values) {
      results[name] = round(median(values));
      if (values.length > 1) {
        results[`${name}.min`] = round(Math.min(...values));
        results[`${name}.max`] = round(Math.max(...values));
      }
    }
    return results;
  }

  /** One line per key: this build's median and range beside the baseline's, and their ratio. */
  report(builds: Build[], log: (line: string) => void): void {
    const keys = [...new Set([...this.values.keys()].map((name) => name.replace(/^previous\./, "")))];
    for (const key of keys) {
      const cells = builds.map((build) => {
        const values = this.get(build, key);
        return values.length
          ? `${build.label} ${Math.round(median(values))} [${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}]`
          : `${build.label} –`;
      });
      const [now, before] = builds.map((build) => median(this.get(build, key)));
      const ratio = before && now !== undefined ? `  (×${(now / before).toFixed(2)})` : "";
      log(`${key}: ${cells.join("; ")}${ratio}`);
    }
  }
}

/**
 * A browser suite: this build (and the baseline's) served, one Chromium for `measure` to add
 * samples with, and the figures of every build, reported side by side.
 */
export async function measureBuilds(
  log: (line: string) => void,
  measure: (run: { browser: Browser; served: Served[]; samples: Samples }) => Promise<void>,
): Promise<Results> {
  const builds = buildsUnderTest(log);
  const samples = new Samples();
  const browser = await launchChromium();
  try {
    await serving(builds, (served) => measure({ browser, served, samples }));
    samples.report(builds, log);
    return samples.results();
  } finally {
    await browser.close();
  }
}
