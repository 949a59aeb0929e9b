// Download my session / load a session: lesson progress and machine in one file.
import { readStoredProgress, useProgressStore } from "../lessons/index.ts";
import { useLanguageStore } from "../i18n/languageStore.ts";
import { MACHINE_FINGERPRINT } from "../vm/guestConfig.ts";
import { MachineTooLargeError, vmHost } from "../vm/vmHost.ts";
import { usePersistStore } from "./persistStore.ts";
import {
  decodeSession,
  encodeSession,
  SessionFileError,
  TOO_LARGE,
  type SessionHeader,
} from "./sessionFile.ts";

async function currentImageId(): Promise<string> {
  const response = await fetch(new URL("image/manifest.json", document.baseURI));
  return ((await response.json()) as { image_id: string }).image_id;
}

export async function exportSession(): Promise<Blob> {
  const [{ state, savedAt }, imageId] = await Promise.all([vmHost.exportMachine(), currentImageId()]);
  // The store's own state, in the envelope its storage uses: never the raw stored text.
  const progress = { state: { chapters: useProgressStore.getState().chapters }, version: 1 };
  return encodeSession(
    {
      image_id: imageId,
      machine: MACHINE_FINGERPRINT,
      savedAt,
      language: useLanguageStore.getState().language,
      progress,
    },
    state,
  );
}

export function sessionFileName(savedAt = Date.now()): string {
  const stamp = new Date(savedAt).toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return `container-lab-session-${stamp}.clab`;
}

/** A session file that passed every check; what the student is asked about is its header. */
export interface CheckedSession {
  header: SessionHeader;
  state: Blob;
  chapters?: ReturnType<typeof readStoredProgress>;
}

/** Reads and checks a session file, refusing a bad one, without changing anything. */
export async function checkSession(file: Blob): Promise<CheckedSession> {
  const { header, state } = await decodeSession(file);
  if (header.image_id !== (await currentImageId()) || header.machine !== MACHINE_FINGERPRINT) {
    throw new SessionFileError("this session was saved by another version of the lab's machine");
  }
  const progress = header.progress === null || header.progress === undefined ? undefined : header.progress;
  const chapters = progress === undefined ? undefined : readStoredProgress(progress);
  if (chapters && chapters.problems.length > 0) {
    throw new SessionFileError(`the session's lesson progress is damaged (${chapters.problems[0]})`);
  }
  return { header, state, ...(chapters ? { chapters } : {}) };
}

/**
 * Replaces the machine, its save and the progress with a checked session's (the student
 * agreed). Everything was checked before anything changes: a damaged file leaves the student's
 * own machine and progress as they were.
 */
export async function importSession({ header, state, chapters }: CheckedSession): Promise<void> {
  try {
    // The imported machine is now the last save: "Back to my last save" names its time.
    usePersistStore.setState({
      lastSavedAt: await vmHost.importMachine(state),
      error: undefined,
      dirty: false,
    });
  } catch (error) {
    console.warn("the session's machine could not be restored", error);
    if (error instanceof MachineTooLargeError) throw new SessionFileError(TOO_LARGE);
    throw new SessionFileError("the machine in this session file is damaged or cut short");
  }
  if (chapters) useProgressStore.setState({ chapters: chapters.state.chapters });
  if (header.language) useLanguageStore.getState().setLanguage(header.language);
}
