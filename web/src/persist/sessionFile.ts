// The "my session" file a student downloads and loads elsewhere: lesson progress and the
// machine, in one file. Layout: a magic line, one JSON header line, then the gzip'd v86 state.
import { IMPORTED_STATE_LIMIT_BYTES } from "../vm/guestConfig.ts";
import { z } from "../zodConfig.ts";

const MAGIC = "CONTAINER-LAB-SESSION 1\n";

export const sessionHeaderSchema = z.object({
  image_id: z.string(),
  machine: z.string(),
  savedAt: z.number(),
  language: z.enum(["en", "ja"]).optional(),
  /** The lesson progress store's persisted JSON, as is. */
  progress: z.unknown(),
});
export type SessionHeader = z.infer<typeof sessionHeaderSchema>;

/** What is wrong with a session file, and where (a byte offset into the file). */
export class SessionFileError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`);
  }
}

/** Where JSON.parse stopped, when the engine's message says (V8 does for most errors); else 0. */
function jsonErrorPosition(error: unknown): number {
  const text = error instanceof Error ? error.message : "";
  const position = /position (\d+)/.exec(text) ?? /column (\d+)/.exec(text);
  return position ? Number(position[1]) : 0;
}

export const TOO_LARGE = `the machine in this session file is too large: a lab machine unpacks to at most ${IMPORTED_STATE_LIMIT_BYTES / 2 ** 20} MiB`;

/**
 * The size the gzip'd state says it unpacks to (its last four bytes: the size modulo 4 GiB), so
 * a bomb that tells the truth is refused before a byte is unpacked; one that lies is stopped
 * while unpacking, at the same limit.
 */
async function declaredSize(state: Blob): Promise<number> {
  if (state.size < 18) return 0;
  const tail = new DataView(await state.slice(state.size - 4).arrayBuffer());
  return tail.getUint32(0, true);
}

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

export function encodeSession(header: SessionHeader, state: Blob): Blob {
  return new Blob([MAGIC, JSON.stringify(header), "\n", state], { type: "application/octet-stream" });
}

export async function decodeSession(file: Blob): Promise<{ header: SessionHeader; state: Blob }> {
  // The header is small; read a generous prefix to find it without loading the state twice.
  // Offsets are counted in the file's bytes, not in decoded characters.
  const prefix = new Uint8Array(await file.slice(0, 1 << 20).arrayBuffer());
  const magic = new TextEncoder().encode(MAGIC);
  if (prefix.byteLength < magic.byteLength || magic.some((byte, i) => prefix[i] !== byte))
    throw new SessionFileError("not a Container Lab session file", 0);
  const end = prefix.indexOf(0x0a, magic.byteLength);
  if (end < 0) {
    const why =
      prefix.byteLength >= 1 << 20
        ? "the session file's header is too long"
        : "the session file is cut short";
    throw new SessionFileError(why, prefix.byteLength);
  }
  const headerText = new TextDecoder().decode(prefix.subarray(magic.byteLength, end));
  let json: unknown;
  try {
    json = JSON.parse(headerText);
  } catch (error) {
    const into = Math.min(byteLength(headerText.slice(0, jsonErrorPosition(error))), end - magic.byteLength);
    throw new SessionFileError("the session file's header is damaged", magic.byteLength + into);
  }
  const parsed = sessionHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || "header";
    throw new SessionFileError(`the session file's header is incomplete (${field})`, magic.byteLength);
  }
  const headerBytes = end + 1;
  if (file.size <= headerBytes)
    throw new SessionFileError("the session file has no machine in it", headerBytes);
  const state = file.slice(headerBytes);
  if (state.size > IMPORTED_STATE_LIMIT_BYTES || (await declaredSize(state)) > IMPORTED_STATE_LIMIT_BYTES)
    throw new SessionFileError(TOO_LARGE);
  return { header: parsed.data, state };
}
