import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./paths.ts";
import { parseSeedCommands, SEED_COMMANDS_FILE } from "./seedCommands.ts";

describe("parseSeedCommands", () => {
  it("reads commands, multi-line ones whole, with their reasons and lines", () => {
    const list = parseSeedCommands(
      [
        "- seed: 000_7418745e4455c783.txt:194",
        "  command: docker run --rm alpine ps aux",
        "- seed: 000_7418745e4455c783.txt:469",
        "  command: |-",
        "    cat > /tmp/x <<'EOF'",
        "    {}",
        "    EOF",
        "- seed: 000_7418745e4455c783.txt:145",
        "  command: kubectl get nodes",
        "  not_here: no cluster",
        "- seed: 000_7418745e4455c783.txt:783",
        "  command: ls /var/run/docker.sock",
        "  fails: no daemon",
      ].join("\n"),
    );
    expect(list).toEqual([
      { seed: "000_7418745e4455c783.txt:194", command: "docker run --rm alpine ps aux", line: 1 },
      { seed: "000_7418745e4455c783.txt:469", command: "cat > /tmp/x <<'EOF'\n{}\nEOF", line: 3 },
      { seed: "000_7418745e4455c783.txt:145", command: "kubectl get nodes", notHere: "no cluster", line: 8 },
      {
        seed: "000_7418745e4455c783.txt:783",
        command: "ls /var/run/docker.sock",
        fails: "no daemon",
        line: 11,
      },
    ]);
  });

  it("says what is wrong and on which line", () => {
    const bad = [
      "- seed: 000_7418745e4455c783.txt:1",
      "  command: true",
      "- seed: seed.txt",
      "  command: true",
      "- seed: 000_7418745e4455c783.txt:2",
      "  comand: true",
      "- seed: 000_7418745e4455c783.txt:3",
      "  command: x",
      "  not_here: a",
      "  fails: b",
      "- seed: 000_7418745e4455c783.txt:1",
      "  command: true",
    ].join("\n");
    expect(() => parseSeedCommands(bad, "list.yaml")).toThrowError(
      [
        "list.yaml:3: `seed`: must be FILE:LINE, e.g. 000_7418745e4455c783.txt:194",
        "list.yaml:5: missing `command`",
        "list.yaml:5: unknown key `comand`; an entry has seed, command, not_here, fails",
        "list.yaml:7: `fails` and `not_here` together: a command either runs or not",
        "list.yaml:11: the same command as line 1",
      ].join("\n"),
    );
    expect(() => parseSeedCommands("seed: x", "list.yaml")).toThrowError(
      "list.yaml:1: must be a list of commands",
    );
    expect(() => parseSeedCommands("- [", "list.yaml")).toThrowError(/^list\.yaml:1: invalid YAML/);
  });

  it("accepts the lab's own list", () => {
    const list = parseSeedCommands(readFileSync(join(REPO_ROOT, SEED_COMMANDS_FILE), "utf8"));
    expect(list.filter((c) => !c.notHere).length).toBeGreaterThan(40);
  });
});
