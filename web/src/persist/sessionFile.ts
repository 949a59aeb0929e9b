// The "my session" file a student downloads and loads elsewhere: lesson progress and the
// machine, in one file. Layout: a magic line, one JSON header line, then the gzip'd v86 state.
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

export class SessionFileError extends Error {}

export function encodeSession(header: SessionHeader, state: Blob): Blob {
  return new Blob([MAGIC, JSON.stringify(header), "\n", state], { type: "application/octet-stream" });
}

export async function decodeSession(file: Blob): Promise<{ header: SessionHeader; state: Blob }> {
  // The header is small; read a generous prefix to find it without loading the state twice.
  const prefix = new Uint8Array(await file.slice(0, 1 << 20).arrayBuffer());
  const text = new TextDecoder().decode(prefix);
  if (!text.startsWith(MAGIC)) throw new SessionFileError("not a Container Lab session file");
  const end = text.indexOf("\n", MAGIC.length);
  if (end < 0) throw new SessionFileError("the session file is cut short");
  let json: unknown;
  try {
    json = JSON.parse(text.slice(MAGIC.length, end));
  } catch {
    throw new SessionFileError("the session file's header is damaged");
  }
  const parsed = sessionHeaderSchema.safeParse(json);
  if (!parsed.success) throw new SessionFileError("the session file's header is incomplete");
  const headerBytes = new TextEncoder().encode(text.slice(0, end + 1)).byteLength;
  return { header: parsed.data, state: file.slice(headerBytes) };
}
