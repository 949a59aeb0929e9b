import { describe, expect, it } from "vitest";
import { createViewSelector, replaceEqualDeep } from "./structuralShare.ts";

describe("replaceEqualDeep", () => {
  it("returns the previous value when everything is equal", () => {
    const prev = { a: [1, 2], b: { c: "x" } };
    expect(replaceEqualDeep(prev, { a: [1, 2], b: { c: "x" } })).toBe(prev);
  });

  it("keeps unchanged branches and replaces changed ones", () => {
    const prev = {
      rows: [
        { key: "a", v: 1 },
        { key: "b", v: 2 },
      ],
      meta: { n: 1 },
    };
    const next = replaceEqualDeep(prev, {
      rows: [
        { key: "a", v: 1 },
        { key: "b", v: 3 },
      ],
      meta: { n: 1 },
    });
    expect(next).not.toBe(prev);
    expect(next.meta).toBe(prev.meta);
    expect(next.rows[0]).toBe(prev.rows[0]);
    expect(next.rows[1]).not.toBe(prev.rows[1]);
    expect(next.rows[1]).toEqual({ key: "b", v: 3 });
  });

  it("matches keyed array items by key, so an insertion at the top keeps the rows below", () => {
    const prev = [
      { key: "b", v: 2 },
      { key: "c", v: 3 },
    ];
    const next = replaceEqualDeep(prev, [
      { key: "a", v: 1 },
      { key: "b", v: 2 },
      { key: "c", v: 3 },
    ]);
    expect(next).not.toBe(prev);
    expect(next[1]).toBe(prev[0]);
    expect(next[2]).toBe(prev[1]);
  });

  it("sees added and removed object keys", () => {
    const prev: Record<string, number> = { a: 1 };
    expect(replaceEqualDeep(prev, { a: 1, b: 2 })).not.toBe(prev);
    expect(replaceEqualDeep({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
  });

  it("compares primitives by value, NaN included", () => {
    expect(replaceEqualDeep(Number.NaN, Number.NaN)).toBeNaN();
    expect(replaceEqualDeep("x", "y")).toBe("y");
    expect(replaceEqualDeep(null, { a: 1 })).toEqual({ a: 1 });
  });
});

describe("createViewSelector", () => {
  it("builds once per source object and shares structure between builds", () => {
    let builds = 0;
    const select = createViewSelector((source: { n: number }) => {
      builds++;
      return { fixed: { label: "same" }, n: source.n };
    });
    const first = { n: 1 };
    const a = select(first);
    expect(select(first)).toBe(a);
    expect(builds).toBe(1);
    const b = select({ n: 2 });
    expect(builds).toBe(2);
    expect(b?.fixed).toBe(a?.fixed);
    expect(select({ n: 2 })).toBe(b);
    expect(select(null)).toBeNull();
  });
});
