import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/index.ts";
import { insideId, isIdentityMap } from "./idMap.ts";

describe("insideId", () => {
  it("maps student's uid 1000 to 0 in the rootless user namespace of the real guest", () => {
    const sleeper = fixture("after").processes.find((p) => p.uid[1] === 1000);
    expect(sleeper?.uid_map).toEqual([[0, 1000, 1]]);
    expect(insideId(1000, sleeper?.uid_map ?? null)).toBe(0);
  });

  it("finds the id in whichever line covers it", () => {
    const map = [
      [0, 1000, 1],
      [1, 100000, 65536],
    ];
    expect(insideId(100000, map)).toBe(1);
    expect(insideId(100041, map)).toBe(42);
    expect(insideId(165536, map)).toBeNull();
  });

  it("gives null for an unmapped id, an empty map (not written yet) and no map", () => {
    expect(insideId(0, [[0, 1000, 1]])).toBeNull();
    expect(insideId(1000, [])).toBeNull();
    expect(insideId(1000, null)).toBeNull();
  });
});

describe("isIdentityMap", () => {
  it("recognises the initial namespace's map", () => {
    expect(isIdentityMap(fixture("boot").processes[0]?.uid_map ?? null)).toBe(true);
    expect(isIdentityMap([[0, 1000, 1]])).toBe(false);
    expect(isIdentityMap(null)).toBe(false);
  });
});
