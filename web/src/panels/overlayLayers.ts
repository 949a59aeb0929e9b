// An overlay mount's layers, read back from its super options in mountinfo
// ("rw,lowerdir=/l1:/l2,upperdir=/u,workdir=/w"): the stack a container image is made of.

export interface OverlayLayers {
  /** The mount point: the combined view processes see. */
  merged: string;
  /** Where writes, copy-ups and whiteouts go; null for a read-only overlay. */
  upper: string | null;
  /** overlayfs's scratch directory for atomic copy-up; null without an upper layer. */
  work: string | null;
  /** Read-only layers, the top one first (the order lookups go in). */
  lower: string[];
  /** The other super options (index=, redirect_dir=, userxattr...). */
  otherOptions: string[];
}

const OPTION_START = /^[a-z_][a-z0-9_+]*(=|$)/;

/**
 * Splits a super-options string at its commas. The agent decodes mountinfo's octal escapes,
 * so a comma inside a path arrives bare; a piece that does not start like an option
 * ("name" or "name=") is glued back onto the previous one.
 */
export function splitMountOptions(text: string): string[] {
  const options: string[] = [];
  for (const piece of text.split(",")) {
    const last = options.length - 1;
    if (last >= 0 && !OPTION_START.test(piece)) options[last] += "," + piece;
    else options.push(piece);
  }
  return options.filter((option) => option !== "");
}

/** Splits a lowerdir list at its colons; "\:" is a colon inside a path (mount(8) escaping). */
export function splitLowerDirs(text: string): string[] {
  const dirs: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && text[i + 1] === ":") {
      current += ":";
      i++;
    } else if (char === ":") {
      dirs.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  dirs.push(current);
  // "::" separates data-only layers on newer kernels; they hold no names, so they are skipped.
  return dirs.filter((dir) => dir !== "");
}

export function parseOverlay(mountPoint: string, superOptions: string): OverlayLayers {
  const layers: OverlayLayers = { merged: mountPoint, upper: null, work: null, lower: [], otherOptions: [] };
  for (const option of splitMountOptions(superOptions)) {
    const eq = option.indexOf("=");
    const name = eq < 0 ? option : option.slice(0, eq);
    const value = eq < 0 ? "" : option.slice(eq + 1);
    if (name === "lowerdir") layers.lower.push(...splitLowerDirs(value));
    // Linux 6.8+ may list layers one per option instead.
    else if (name === "lowerdir+") layers.lower.push(value);
    else if (name === "upperdir") layers.upper = value;
    else if (name === "workdir") layers.work = value;
    else layers.otherOptions.push(option);
  }
  return layers;
}
