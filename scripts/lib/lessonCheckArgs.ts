// Command line of lessons:check: `[--lint-only] [--json FILE] [path…]`.

export interface LessonCheckArgs {
  paths: string[];
  lintOnly: boolean;
  json?: string;
  help: boolean;
}

export const USAGE = `usage: npm run lessons:check -- [--lint-only] [--json FILE] [path...]

Lints every lesson (frontmatter, directives, steps, translations, links, assets) and, unless
--lint-only, proves each chapter in the real guest: every check must fail before its step's
solution is typed into the console and pass after it.

  path          a chapter folder or lesson file (default: all of lessons/)
  --lint-only   skip the guest
  --json FILE   also write the report as JSON: {chapters:[{id, steps, passed, failed, ms}]}`;

export function parseLessonCheckArgs(argv: readonly string[]): LessonCheckArgs {
  const args: LessonCheckArgs = { paths: [], lintOnly: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--lint-only") args.lintOnly = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--json" || arg.startsWith("--json=")) {
      const file = arg === "--json" ? argv[++i] : arg.slice("--json=".length);
      if (!file) throw new Error("--json needs a file name");
      args.json = file;
    } else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else args.paths.push(arg);
  }
  return args;
}
