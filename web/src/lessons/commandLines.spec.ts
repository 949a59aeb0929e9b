import { describe, expect, it } from "vitest";
import { commandLines } from "./commandLines.ts";

describe("commandLines", () => {
  it("types one line per command, skipping blank lines and whole-line comments", () => {
    expect(
      commandLines("# make it\nmkdir /x\n\n  # indented comment\necho hi # trailing comment stays\n"),
    ).toEqual(["mkdir /x", "echo hi # trailing comment stays"]);
  });

  it("joins backslash continuations like bash does", () => {
    expect(commandLines("ip link add veth0 \\\n    type veth \\\n    peer name veth1\nip link")).toEqual([
      "ip link add veth0 type veth peer name veth1",
      "ip link",
    ]);
  });

  it("keeps lines of a multi-line construct separate (bash prompts for the rest)", () => {
    expect(commandLines("for i in 1 2; do\n  echo $i\ndone")).toEqual([
      "for i in 1 2; do",
      "  echo $i",
      "done",
    ]);
  });

  it("handles a trailing backslash and trailing spaces", () => {
    expect(commandLines("echo a \\")).toEqual(["echo a"]);
    expect(commandLines("echo a   \r")).toEqual(["echo a"]);
  });
});

describe("commandLines with here-documents", () => {
  it("keeps a here-document with its command, comments and blank lines included", () => {
    const code = [
      "cat > /root/run.sh <<'EOF'",
      "#!/bin/bash",
      "# start the container",
      "",
      'echo "$1"',
      "EOF",
      "chmod +x /root/run.sh",
    ].join("\n");
    expect(commandLines(code)).toEqual([
      ["cat > /root/run.sh <<'EOF'", "#!/bin/bash", "# start the container", "", 'echo "$1"', "EOF"].join(
        "\n",
      ),
      "chmod +x /root/run.sh",
    ]);
  });

  it("ends a <<- document at a tab-indented terminator, and ignores here-strings", () => {
    expect(commandLines("cat <<-END\n\tx\n\tEND\necho done")).toEqual([
      "cat <<-END\n\tx\n\tEND",
      "echo done",
    ]);
    expect(commandLines('grep x <<< "$v"\necho next')).toEqual(['grep x <<< "$v"', "echo next"]);
  });
});
