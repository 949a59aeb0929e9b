import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/index.ts";
import { parseOverlay, splitLowerDirs, splitMountOptions } from "./overlayLayers.ts";

describe("parseOverlay", () => {
  it("reads the real overlay's layers from its super options", () => {
    const mount = fixture("after")
      .mount_namespaces.flatMap((ns) => ns.mounts)
      .find((m) => m.fs_type === "overlay");
    if (!mount) throw new Error("no overlay in the fixture");
    expect(parseOverlay(mount.mount_point, mount.super_options)).toEqual({
      merged: "/tmp/ov/merged",
      upper: "/tmp/ov/upper",
      work: "/tmp/ov/work",
      lower: ["/tmp/ov/lower-top", "/tmp/ov/lower-base"],
      otherOptions: ["rw"],
    });
  });

  it("handles a read-only overlay (no upperdir, no workdir)", () => {
    expect(parseOverlay("/m", "ro,lowerdir=/a:/b")).toMatchObject({
      upper: null,
      work: null,
      lower: ["/a", "/b"],
    });
  });

  it("collects lowerdir+ layers one by one (Linux 6.8+)", () => {
    expect(parseOverlay("/m", "rw,lowerdir+=/a,lowerdir+=/b,upperdir=/u,workdir=/w").lower).toEqual([
      "/a",
      "/b",
    ]);
  });

  it("keeps other options such as index= and userxattr", () => {
    expect(
      parseOverlay("/m", "rw,lowerdir=/l,upperdir=/u,workdir=/w,index=off,userxattr").otherOptions,
    ).toEqual(["rw", "index=off", "userxattr"]);
  });
});

describe("option splitting", () => {
  it("glues a comma inside a path back together", () => {
    expect(splitMountOptions("rw,lowerdir=/tmp/a,b/c:/d,upperdir=/u")).toEqual([
      "rw",
      "lowerdir=/tmp/a,b/c:/d",
      "upperdir=/u",
    ]);
  });

  it("splits lowerdir at colons but not at escaped ones, and skips data-only separators", () => {
    expect(splitLowerDirs("/a:/b\\:c:/d")).toEqual(["/a", "/b:c", "/d"]);
    expect(splitLowerDirs("/a::/data")).toEqual(["/a", "/data"]);
  });
});
