import { describe, expect, it } from "vitest";
import { workerConditions } from "./workerConditions.ts";

type ResolveId = (source: string, importer?: string) => Promise<string | null>;
const resolveId = workerConditions().resolveId as unknown as ResolveId;
const importer = new URL("../src/lessons/courseWorker.ts", import.meta.url).pathname;

describe("workerConditions", () => {
  it("picks a package's worker build over its DOM build", async () => {
    expect(await resolveId("decode-named-character-reference", importer)).toMatch(
      /decode-named-character-reference\/index\.js$/,
    );
  });

  it("leaves packages without a worker condition, subpaths and relative files alone", async () => {
    expect(await resolveId("zod", importer)).toBeNull();
    expect(await resolveId("zod/v4", importer)).toBeNull();
    expect(await resolveId("./buildCourse.ts", importer)).toBeNull();
  });
});
