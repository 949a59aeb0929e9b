// Turns a page into a workshop station: the instructor's settings, no way to wander off to
// other sites, and a reset for the next student after a spell without input.
import { useLanguageStore } from "../i18n/languageStore.ts";
import { KioskConfigError, isKioskUrl, parseKioskConfig, type KioskConfig } from "./kioskConfig.ts";
import { useKioskStore } from "./kioskStore.ts";
import { nextStudent } from "./nextStudent.ts";
import { useClassRecords } from "./classRecords.ts";
import { useCourseStore } from "../lessons/index.ts";

const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;

async function loadConfig(): Promise<KioskConfig> {
  const response = await fetch(new URL("kiosk.json", document.baseURI), { cache: "no-store" });
  if (response.status === 404) return parseKioskConfig(undefined);
  if (!response.ok) throw new KioskConfigError(`kiosk.json: HTTP ${response.status}`);
  return parseKioskConfig(await response.text());
}

/** Links and window.open may only lead to the lab itself. */
function guardNavigation(): () => void {
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (!(link instanceof HTMLAnchorElement)) return;
    if (new URL(link.href, document.baseURI).origin !== window.location.origin || link.target === "_blank") {
      event.preventDefault();
    }
  };
  const open = window.open;
  window.open = () => null;
  document.addEventListener("click", onClick, true);
  return () => {
    window.open = open;
    document.removeEventListener("click", onClick, true);
  };
}

function idleTimer(minutes: number): () => void {
  const timeoutMs = minutes * 60_000;
  const arm = () => useKioskStore.setState({ idleDeadline: Date.now() + timeoutMs });
  let lastArm = 0;
  const onActivity = () => {
    // pointermove fires constantly; re-arming once a second is plenty.
    if (Date.now() - lastArm > 1000) {
      lastArm = Date.now();
      arm();
      useClassRecords.getState().noteActivity(lastArm);
    }
  };
  for (const type of ACTIVITY_EVENTS)
    window.addEventListener(type, onActivity, { capture: true, passive: true });
  arm();
  const tick = setInterval(() => {
    const { idleDeadline, resetting } = useKioskStore.getState();
    if (!resetting && idleDeadline !== undefined && Date.now() >= idleDeadline) {
      void nextStudent().then(arm);
    }
  }, 1000);
  return () => {
    clearInterval(tick);
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
  };
}

/** Names the chapter ids in kiosk.json that no lesson has, once the lessons are parsed. */
function checkChapters(config: KioskConfig): () => void {
  const check = () => {
    const { loaded, course } = useCourseStore.getState();
    if (!loaded) return false;
    const known = new Set(course.chapters.map((c) => c.id));
    const unknown = (config.chapters ?? []).filter((id) => !known.has(id));
    if (unknown.length)
      useKioskStore.setState({ error: `kiosk.json: chapters: no chapter with id ${unknown.join(", ")}` });
    return true;
  };
  if (check()) return () => undefined;
  const unsubscribe = useCourseStore.subscribe(() => {
    if (check()) unsubscribe();
  });
  return unsubscribe;
}

/** Starts kiosk mode when the URL asks for it; returns a function that stops it. */
export function startKioskMode(url = new URL(window.location.href)): () => void {
  if (!isKioskUrl(url)) return () => undefined;
  useKioskStore.setState({ active: true });
  const stops: Array<() => void> = [guardNavigation()];
  let stopped = false;
  loadConfig()
    .then((config) => {
      if (stopped) return;
      useKioskStore.setState({ config, error: undefined });
      stops.push(checkChapters(config));
      if (config.language) useLanguageStore.getState().setLanguage(config.language);
      stops.push(idleTimer(config.idleTimeoutMinutes));
    })
    .catch((error: unknown) => {
      useKioskStore.setState({ error: error instanceof Error ? error.message : String(error) });
    });
  return () => {
    stopped = true;
    for (const stop of stops) stop();
    useKioskStore.setState({ active: false });
  };
}
