import { describe, expect, it } from "vitest";
import { closest, didYouMean } from "./suggest.ts";

describe("did you mean", () => {
  it("finds a close candidate, case-insensitively", () => {
    expect(closest("hnit", ["step", "hint", "panel"])).toBe("hint");
    expect(closest("Panel", ["step", "hint", "panel"])).toBe("panel");
    expect(closest("estimated_minute", ["estimated_minutes", "title"])).toBe("estimated_minutes");
  });

  it("suggests nothing for a word that is not a typo", () => {
    expect(closest("quizzical", ["step", "hint", "panel"])).toBeUndefined();
    expect(didYouMean("quizzical", ["step"])).toBe("");
    expect(didYouMean("rn", ["run", "check"])).toBe(" (did you mean `run`?)");
  });
});
