// Gives the app its course as one module, `virtual:container-lab/course`: every lesson's
// Markdown, the URLs of its images and of its `files/`, and course.yaml's settings. The course
// is the lab's own lessons/, or the folder in COURSE_DIR (the command-line tools set it from
// `--course DIR`). Under `npm run dev` the folders are watched: an edited lesson reaches the
// pane through its own module; an added or removed file, or an edited course.yaml, rebuilds
// this module, and both arrive as hot updates that leave the guest running.
import { basename, relative, sep } from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import type { CourseInfo, CourseLayout } from "../src/lessons/courseInfo.ts";
import {
  courseDirFrom,
  publishedAssets,
  readCourseTree,
  watchedDirs,
  type CourseTree,
} from "./courseFolder.ts";

export const COURSE_MODULE = "virtual:container-lab/course";
/** Only course.yaml's settings: small, for the page's first bundle (the header's title). */
export const COURSE_INFO_MODULE = "virtual:container-lab/course-info";
const RESOLVED = `\0${COURSE_MODULE}`;
const RESOLVED_INFO = `\0${COURSE_INFO_MODULE}`;

/** The course folder this Vite process serves or builds: COURSE_DIR, or none (lessons/). */
export function courseDirFromEnv(): string | undefined {
  return courseDirFrom([]);
}

export function courseInfo(tree: CourseTree): CourseInfo {
  return {
    ...(tree.config ? { title: tree.config.title } : {}),
    ...(tree.config?.language ? { language: tree.config.language } : {}),
  };
}

/**
 * Where each chapter is, for error cards: `lessons/<folder>`, or `<course folder's name>/<folder>`
 * (never the instructor's absolute path, which a published site would carry).
 */
export function courseLayout(tree: CourseTree): CourseLayout {
  const dirs = Object.fromEntries(
    Object.entries(tree.absoluteDirs).map(([folder, dir]) => {
      const inCourse = tree.courseDir && !relative(tree.courseDir, dir).startsWith("..");
      return [
        folder,
        inCourse && tree.courseDir ? `${basename(tree.courseDir)}/${folder}` : `lessons/${folder}`,
      ];
    }),
  );
  return { languages: [...tree.languages], dirs, omitted: tree.omitted };
}

/**
 * The module's code: one static import per file, so Vite hashes, bundles and watches each.
 * `assets`: the images to include (a build's are those the lessons link to; the dev server
 * offers every one, so a link just written finds its image).
 */
export function courseModuleCode(tree: CourseTree, assetPaths: Record<string, string> = tree.assets): string {
  const lines: string[] = [];
  const table = (name: string, entries: Record<string, string>, query: string) => {
    const fields = Object.entries(entries).map(([key, path], i) => {
      lines.push(`import ${name}${i} from ${JSON.stringify(`${path}?${query}`)};`);
      return `  ${JSON.stringify(key)}: ${name}${i},`;
    });
    return `{\n${fields.join("\n")}\n}`;
  };
  const sources = table("source", tree.sourcePaths, "raw");
  const assets = table("asset", assetPaths, "url");
  const files = table("file", tree.filePaths, "url");
  return [
    ...lines,
    `export const courseLayout = ${JSON.stringify(courseLayout(tree))};`,
    `export const sources = ${sources};`,
    `export const assets = ${assets};`,
    `export const fileEntries = ${JSON.stringify(tree.files)};`,
    `export const fileUrls = ${files};`,
    "",
  ].join("\n");
}

export function coursePlugin(courseDir: string | undefined = courseDirFromEnv()): Plugin {
  let filePaths = new Set<string>();
  // Read once, and again only after the watcher saw a file come or go (or course.yaml change):
  // both modules and the watcher's folders come from the same reading.
  let tree: CourseTree | undefined;
  let building = false;
  let published: Record<string, string> | undefined;
  const read = () => {
    if (!tree) {
      tree = readCourseTree(courseDir);
      filePaths = new Set(Object.values(tree.filePaths));
    }
    return tree;
  };
  const watch = (server: ViteDevServer) => {
    const dirs = watchedDirs(read());
    server.watcher.add(dirs);
    const inCourse = (path: string) => dirs.some((dir) => path === dir || path.startsWith(dir + sep));
    const reload = (id: string) => {
      tree = undefined;
      const module = server.moduleGraph.getModuleById(id);
      if (module) void server.reloadModule(module);
    };
    // A file added or removed: the lessons' module, which the lesson loader takes as a hot update.
    for (const event of ["add", "unlink", "addDir", "unlinkDir"] as const)
      server.watcher.on(event, (path) => {
        if (inCourse(path)) reload(RESOLVED);
      });
    // course.yaml: its title and language are in the page's header, so the page reloads.
    server.watcher.on("change", (path) => {
      if (inCourse(path) && path.endsWith(`${sep}course.yaml`)) {
        reload(RESOLVED);
        reload(RESOLVED_INFO);
      }
    });
  };
  return {
    name: "container-lab-course",
    config: () => ({
      // The dev server may read the course's files wherever the folder is.
      ...(courseDir ? { server: { fs: { allow: [courseDir] } } } : {}),
      // Files for the guest are fetched by the app, never inlined as data: URLs (which the
      // page's Content-Security-Policy does not let fetch() load); the rest as Vite decides.
      build: { assetsInlineLimit: (file: string) => (filePaths.has(file) ? false : undefined) },
    }),
    configureServer: watch,
    configResolved: (config) => {
      building = config.command === "build";
    },
    // A build refuses a course with errors before bundling anything (the dev server shows them
    // on the chapter instead, where the author is working).
    buildStart() {
      if (building) published = publishedAssets(read());
    },
    resolveId: (id) =>
      id === COURSE_MODULE ? RESOLVED : id === COURSE_INFO_MODULE ? RESOLVED_INFO : undefined,
    load(id) {
      if (id === RESOLVED)
        return courseModuleCode(read(), building ? (published ?? publishedAssets(read())) : undefined);
      if (id === RESOLVED_INFO) return `export const courseInfo = ${JSON.stringify(courseInfo(read()))};\n`;
      return undefined;
    },
  };
}
