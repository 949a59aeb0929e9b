// Parses and validates every lesson off the UI thread: it takes most of a second, and the
// page must stay responsive (the student's terminal first of all) while it runs.
import { buildCourse, type BuildOptions } from "./buildCourse.ts";

export interface CourseRequest {
  sources: Record<string, string>;
  assetPaths: string[];
  options: BuildOptions;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CourseRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.postMessage(buildCourse(event.data.sources, event.data.assetPaths, event.data.options));
};
