// Which Monaco language shows a guest file. Students mostly edit shell scripts, OCI configs,
// YAML and Markdown; everything else opens as plain text rather than guessing wrong.

export const EDITOR_LANGUAGES = ["shell", "json", "yaml", "markdown", "plaintext"] as const;
export type EditorLanguage = (typeof EDITOR_LANGUAGES)[number];

const BY_EXTENSION: Record<string, EditorLanguage> = {
  sh: "shell",
  bash: "shell",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  md: "markdown",
  markdown: "markdown",
};

/** Dotfiles and system files that are shell without saying so in their name. */
const SHELL_NAMES = new Set([
  ".bashrc",
  ".bash_profile",
  ".bash_logout",
  ".profile",
  "profile",
  "bashrc",
  ".shrc",
]);

const SHEBANG = /^#!.*\b(?:ba|da|k|z|a)?sh\b/;

/**
 * @param firstLine the file's first line, when known: a script named without `.sh`
 *   (`/root/mycontainer`) is still shell if it starts with `#!/bin/sh`.
 */
export function languageForPath(path: string, firstLine = ""): EditorLanguage {
  const name = path.split("/").pop() ?? "";
  const dot = name.lastIndexOf(".");
  // A leading dot starts a hidden name, not an extension.
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const known = BY_EXTENSION[extension];
  if (known) return known;
  if (SHELL_NAMES.has(name)) return "shell";
  if (SHEBANG.test(firstLine)) return "shell";
  return "plaintext";
}
