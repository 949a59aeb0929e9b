// Download my session / load a session: lesson progress and machine in one file.
import { PROGRESS_STORAGE_KEY, useProgressStore } from "../lessons/index.ts";
import { useLanguageStore } from "../i18n/languageStore.ts";
import { MACHINE_FINGERPRINT } from "../vm/guestConfig.ts";
import { vmHost } from "../vm/vmHost.ts";
import { decodeSession, encodeSession, SessionFileError } from "./sessionFile.ts";

async function currentImageId(): Promise<string> {
  const response = await fetch(new URL("image/manifest.json", document.baseURI));
  return ((await response.json()) as { image_id: string }).image_id;
}

export async function exportSession(): Promise<Blob> {
  const [{ state, savedAt }, imageId] = await Promise.all([vmHost.exportMachine(), currentImageId()]);
  const progress: unknown = JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? "null");
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

export async function importSession(file: Blob): Promise<void> {
  const { header, state } = await decodeSession(file);
  if (header.image_id !== (await currentImageId()) || header.machine !== MACHINE_FINGERPRINT) {
    throw new SessionFileError("this session was saved by another version of the lab's machine");
  }
  await vmHost.importMachine(state);
  if (header.progress !== null && header.progress !== undefined) {
    localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(header.progress));
    // The progress store reads localStorage on rehydrate.
    await useProgressStore.persist.rehydrate();
  }
  if (header.language) useLanguageStore.getState().setLanguage(header.language);
}
