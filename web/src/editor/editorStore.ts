// The editor's state: which guest files are open, what they hold, and which of the center
// views is in front. The buffer text lives here (not only in Monaco) so saving, dirty flags
// and tests work without the editor loaded. Files are reached through GuestFiles only.
import { create } from "zustand";
import { useVmStore } from "../vm/vmStore.ts";
import {
  ABSENT,
  GuestFileError,
  guestFiles,
  type GuestFileErrorKind,
  type GuestFiles,
} from "./guestFiles.ts";
import { normalizeGuestPath } from "./guestPath.ts";
import { languageForPath, type EditorLanguage } from "./languageForPath.ts";

export type CenterTab = "terminal" | "editor" | "author";

/** A new script saved with a shebang gets the execute bits, so `./script.sh` just works. */
const NEW_SCRIPT_MODE = 0o755;

export interface FileProblem {
  kind: GuestFileErrorKind;
  detail: string;
}

export interface OpenFile {
  path: string;
  language: EditorLanguage;
  text: string;
  /** What the guest holds, as far as we know: the buffer is dirty when `text` differs. */
  savedText: string;
  /** mtime_ns of the guest version the buffer is based on; ABSENT for a file not created yet. */
  baseMtime: string;
  status: "loading" | "ready" | "saving";
  /** The guest's text (or its absence) has been read: until then there is nothing to save. */
  loaded: boolean;
  problem?: FileProblem;
  /** The guest's file changed since `baseMtime`: the student must choose before saving. */
  conflict: boolean;
  /** Counts saves, so the UI can announce "saved" once per save. */
  saves: number;
  /** Bumped whenever `text` is replaced from the guest (not typed), so the editor shows it. */
  revision: number;
}

export type ConflictChoice = "overwrite" | "reload" | "cancel";

export interface EditorState {
  files: OpenFile[];
  activePath?: string;
  tab: CenterTab;
  /** The editor tab exists once the student (or a lesson) has opened it. */
  editorShown: boolean;
  showTab(tab: CenterTab): void;
  /** Opens (or brings forward) a guest file and shows the editor. Returns the normalised path. */
  open(input: string): Promise<string | null>;
  activate(path: string): void;
  close(path: string): void;
  setText(path: string, text: string): void;
  save(path: string): Promise<void>;
  resolveConflict(path: string, choice: ConflictChoice): Promise<void>;
  /** Picks up changes made in the guest: a clean buffer reloads, a dirty one waits for save. */
  refresh(path: string): Promise<void>;
  /** Reads again the files that could not be read because the machine was not running. */
  retryUnread(): Promise<void>;
  /** Closes every file: after a machine reset they describe files that no longer exist. */
  closeAll(): void;
}

export const isDirty = (file: OpenFile): boolean => file.text !== file.savedText;

function problemOf(error: unknown): FileProblem {
  return error instanceof GuestFileError
    ? { kind: error.kind, detail: error.message }
    : { kind: "io", detail: String(error) };
}

export function createEditorStore(files: GuestFiles) {
  return create<EditorState>()((set, get) => {
    const find = (path: string) => get().files.find((f) => f.path === path);
    const update = (path: string, patch: Partial<OpenFile> | ((file: OpenFile) => Partial<OpenFile>)) =>
      set((s) => ({
        files: s.files.map((f) =>
          f.path === path ? { ...f, ...(typeof patch === "function" ? patch(f) : patch) } : f,
        ),
      }));

    /** Replaces the buffer with the guest's version. */
    const load = async (path: string): Promise<void> => {
      try {
        const file = await files.read(path);
        const text = file.exists ? file.text : "";
        const firstLine = text.split("\n", 1)[0] ?? "";
        update(path, (f) => ({
          revision: f.revision + 1,
          text,
          savedText: text,
          baseMtime: file.exists ? file.mtimeNs : ABSENT,
          language: languageForPath(path, firstLine),
          status: "ready",
          loaded: true,
          problem: undefined,
          conflict: false,
        }));
      } catch (error) {
        update(path, { status: "ready", problem: problemOf(error) });
      }
    };

    const write = async (path: string, expectMtimeNs: string): Promise<void> => {
      const file = find(path);
      if (!file || file.status !== "ready" || !file.loaded) return;
      const text = file.text;
      const mode = file.baseMtime === ABSENT && text.startsWith("#!") ? NEW_SCRIPT_MODE : undefined;
      update(path, { status: "saving", problem: undefined });
      try {
        const { mtimeNs } = await files.write(path, text, { expectMtimeNs, ...(mode ? { mode } : {}) });
        // The student may have typed on while the save was under way: only what was sent is saved.
        update(path, (f) => ({
          status: "ready",
          savedText: text,
          baseMtime: mtimeNs,
          conflict: false,
          saves: f.saves + 1,
        }));
      } catch (error) {
        const problem = problemOf(error);
        if (problem.kind === "conflict") update(path, { status: "ready", conflict: true });
        else update(path, { status: "ready", problem });
      }
    };

    return {
      files: [],
      tab: "terminal",
      editorShown: false,
      showTab: (tab) => set((s) => ({ tab, editorShown: s.editorShown || tab === "editor" })),
      async open(input) {
        const path = normalizeGuestPath(input);
        if (!path) return null;
        set({ activePath: path, tab: "editor", editorShown: true });
        const existing = find(path);
        if (existing) {
          if (existing.loaded) {
            await get().refresh(path);
          } else if (existing.status === "ready") {
            update(path, { status: "loading", problem: undefined });
            await load(path);
          }
          return path;
        }
        const file: OpenFile = {
          path,
          language: languageForPath(path),
          text: "",
          savedText: "",
          baseMtime: ABSENT,
          status: "loading",
          loaded: false,
          conflict: false,
          saves: 0,
          revision: 0,
        };
        set((s) => ({ files: [...s.files, file] }));
        await load(path);
        return path;
      },
      activate: (path) => set({ activePath: path }),
      close(path) {
        set((s) => {
          const index = s.files.findIndex((f) => f.path === path);
          const files = s.files.filter((f) => f.path !== path);
          if (s.activePath !== path) return { files };
          const next = files[Math.min(index, files.length - 1)];
          return { files, activePath: next?.path };
        });
      },
      setText: (path, text) => update(path, { text }),
      async save(path) {
        const file = find(path);
        if (!file || file.conflict) return;
        await write(path, file.baseMtime);
      },
      async resolveConflict(path, choice) {
        const file = find(path);
        if (!file?.conflict) return;
        if (choice === "cancel") {
          update(path, { conflict: false });
        } else if (choice === "reload") {
          update(path, { status: "loading", conflict: false });
          await load(path);
        } else {
          // Overwrite what is there now, but still not anything that changes after this look.
          try {
            const current = await files.mtime(path);
            update(path, { conflict: false });
            await write(path, current);
          } catch (error) {
            update(path, { problem: problemOf(error) });
          }
        }
      },
      async refresh(path) {
        const file = find(path);
        if (!file || file.status !== "ready" || !file.loaded || file.conflict) return;
        try {
          const current = await files.mtime(path);
          const latest = find(path);
          // Compared with the latest state: a save may have finished while stat was away.
          if (!latest || current === latest.baseMtime || latest.status !== "ready") return;
          if (isDirty(latest)) return; // saving will notice and ask
          update(path, { status: "loading" });
          await load(path);
        } catch {
          // A machine that is not running has nothing newer to show.
        }
      },
      closeAll: () =>
        set((s) => ({ files: [], activePath: undefined, tab: s.tab === "editor" ? "terminal" : s.tab })),
      async retryUnread() {
        const waiting = get().files.filter(
          (f) => !f.loaded && f.status === "ready" && f.problem?.kind === "closed",
        );
        for (const file of waiting) update(file.path, { status: "loading", problem: undefined });
        await Promise.all(waiting.map((file) => load(file.path)));
      },
    };
  });
}

export const useEditorStore = createEditorStore(guestFiles);

// "Reset machine" promises a fresh machine: its files are gone, so are their buffers (and a
// kiosk's next student must not find the last one's edits).
useVmStore.subscribe((state, previous) => {
  if (state.generation !== previous.generation) useEditorStore.getState().closeAll();
});

/** For lessons and other code outside the editor: "open /root/mycontainer.sh". */
export function openInEditor(path: string): Promise<string | null> {
  return useEditorStore.getState().open(path);
}
