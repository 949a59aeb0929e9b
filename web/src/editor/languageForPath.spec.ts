import { describe, expect, it } from "vitest";
import { languageForPath } from "./languageForPath.ts";

describe("languageForPath", () => {
  it.each([
    ["/root/mycontainer.sh", "shell"],
    ["/usr/local/bin/setup.BASH", "shell"],
    ["/root/bundle/config.json", "json"],
    ["/etc/app/compose.yaml", "yaml"],
    ["/etc/app/compose.yml", "yaml"],
    ["/root/NOTES.md", "markdown"],
    ["/root/guide.markdown", "markdown"],
    ["/etc/hostname", "plaintext"],
    ["/root/archive.tar.gz", "plaintext"],
  ])("%s → %s", (path, language) => {
    expect(languageForPath(path)).toBe(language);
  });

  it("knows shell dotfiles and /etc/profile", () => {
    expect(languageForPath("/root/.bashrc")).toBe("shell");
    expect(languageForPath("/root/.profile")).toBe("shell");
    expect(languageForPath("/etc/profile")).toBe("shell");
  });

  it("does not take a hidden file's name for an extension", () => {
    expect(languageForPath("/root/.json")).toBe("plaintext");
  });

  it("recognises a script by its shebang when the name says nothing", () => {
    expect(languageForPath("/root/mycontainer", "#!/bin/sh")).toBe("shell");
    expect(languageForPath("/root/run", "#!/usr/bin/env bash")).toBe("shell");
    expect(languageForPath("/root/run", "#!/usr/bin/python3")).toBe("plaintext");
  });

  it("lets the extension win over the first line", () => {
    expect(languageForPath("/root/x.json", "#!/bin/sh")).toBe("json");
  });
});
