// The course modules web/vite/coursePlugin.ts generates.
declare module "virtual:container-lab/course-info" {
  import type { CourseInfo } from "./courseInfo.ts";

  export const courseInfo: CourseInfo;
}

declare module "virtual:container-lab/course" {
  import type { FileEntry } from "./chapterFiles.ts";
  import type { CourseLayout } from "./courseInfo.ts";

  export const courseLayout: CourseLayout;
  /** `lessons/<folder>/<lang>.md` → Markdown. */
  export const sources: Record<string, string>;
  /** `lessons/<folder>/<name>` → URL. */
  export const assets: Record<string, string>;
  /** Chapter folder → what its `files/` holds. */
  export const fileEntries: Record<string, FileEntry[]>;
  /** `lessons/<folder>/files/<path>` → URL. */
  export const fileUrls: Record<string, string>;
}
