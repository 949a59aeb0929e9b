// lessons/seed-commands.yaml: every command the seed chapters print, as printed, and for each
// either nothing (it runs in the lab, and `npm run seeds:check` types it) or why it cannot.
// Pure: text in, the list or errors with file:line out.
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from "yaml";
import { z } from "../../web/src/zodConfig.ts";

export const SEED_COMMANDS_FILE = "lessons/seed-commands.yaml";

const text = z.string().trim().min(1, "must not be empty");

const entrySchema = z.strictObject({
  /** Where the seed prints it: `FILE:LINE` in ../shared/seeds/. */
  seed: z
    .string()
    .regex(/^\d{3}_[0-9a-f]{16}\.txt:\d+$/, "must be FILE:LINE, e.g. 000_7418745e4455c783.txt:194"),
  /** Exactly as printed: one line, or several (a heredoc, `\` continuations). */
  command: text,
  /** Why it cannot run in the lab; absent, it runs. */
  not_here: text.optional(),
  /** It runs, and must fail: what the student sees, and why that is the lesson. */
  fails: text.optional(),
});

export interface SeedCommand {
  seed: string;
  command: string;
  notHere?: string;
  fails?: string;
  /** The line of this entry in the list file. */
  line: number;
}

export class SeedCommandsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "SeedCommandsError";
  }
}

export function parseSeedCommands(source: string, file: string = SEED_COMMANDS_FILE): SeedCommand[] {
  const lineCounter = new LineCounter();
  // Every value here is text: `command: true` is the command `true`, not a boolean.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, schema: "failsafe" });
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  if (doc.errors.length > 0) {
    throw new SeedCommandsError(
      doc.errors.map((e) => `${file}:${lineOf(e.pos[0])}: invalid YAML: ${e.message.split("\n")[0]}`),
    );
  }
  if (!isSeq(doc.contents)) throw new SeedCommandsError([`${file}:1: must be a list of commands`]);
  const nodes = doc.contents.items as YamlNode[];
  const values = doc.toJS() as unknown[];
  const problems: string[] = [];
  const commands: SeedCommand[] = [];
  const seen = new Map<string, number>();
  nodes.forEach((node, index) => {
    const line = lineOf(node.range?.[0]);
    const value = values[index];
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".");
        if (issue.code === "unrecognized_keys")
          problems.push(
            `${file}:${line}: unknown key \`${issue.keys.join(", ")}\`; an entry has ${Object.keys(entrySchema.shape).join(", ")}`,
          );
        else if (key && typeof value === "object" && value !== null && !(key in value))
          problems.push(`${file}:${line}: missing \`${key}\``);
        else problems.push(`${file}:${line}: \`${key || "entry"}\`: ${issue.message}`);
      }
      return;
    }
    const { seed, command, not_here: notHere, fails } = parsed.data;
    if (notHere && fails)
      problems.push(`${file}:${line}: \`fails\` and \`not_here\` together: a command either runs or not`);
    const earlier = seen.get(`${seed}\n${command}`);
    if (earlier !== undefined) problems.push(`${file}:${line}: the same command as line ${earlier}`);
    seen.set(`${seed}\n${command}`, line);
    commands.push({ seed, command, line, ...(notHere ? { notHere } : {}), ...(fails ? { fails } : {}) });
  });
  if (problems.length > 0) throw new SeedCommandsError(problems);
  return commands;
}
