import { describe, expect, it } from "vitest";
import { baseName, normalizeGuestPath } from "./guestPath.ts";

describe("normalizeGuestPath", () => {
  it.each([
    ["/root/mycontainer.sh", "/root/mycontainer.sh"],
    ["  /etc/hostname  ", "/etc/hostname"],
    ["mycontainer.sh", "/root/mycontainer.sh"],
    ["bundle/config.json", "/root/bundle/config.json"],
    ["~", "/root"],
    ["~/bundle/config.json", "/root/bundle/config.json"],
    ["/root//a/./b/../c", "/root/a/c"],
    ["/../../etc/passwd", "/etc/passwd"],
  ])("%j → %s", (input, path) => {
    expect(normalizeGuestPath(input)).toBe(path);
  });

  it("has nothing to open for blank input", () => {
    expect(normalizeGuestPath("   ")).toBeNull();
  });
});

describe("baseName", () => {
  it("is the last segment", () => {
    expect(baseName("/root/bundle/config.json")).toBe("config.json");
    expect(baseName("/")).toBe("/");
  });
});
