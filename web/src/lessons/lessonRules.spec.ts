import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "./lessonRules.ts";

describe("rule codes", () => {
  const readme = readFileSync(new URL("../../../lessons/README.md", import.meta.url), "utf8");
  const [english = "", japanese = ""] = readme.split("# レッスンの書き方");

  it.each(RULES)("`%s` is explained in lessons/README.md, in English and Japanese", (rule) => {
    expect(english).toContain(`\`${rule}\``);
    expect(japanese).toContain(`\`${rule}\``);
  });
});
