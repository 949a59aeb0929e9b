import { LANGUAGES, useLanguageStore, type Language } from "../i18n/languageStore.ts";
import { useLayoutStore } from "../layout/layoutStore.ts";
import { vmHost } from "../vm/vmHost.ts";
import { ownsSavedMachine } from "../persist/tabStore.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { MachineStatus } from "./MachineStatus.tsx";
import { OfflineStatus } from "../offline/OfflineStatus.tsx";
import { SessionMenu } from "../persist/SessionMenu.tsx";
import { OpenEditorButton } from "../layout/OpenEditorButton.tsx";
import { useKioskStore } from "../kiosk/kioskStore.ts";
import { appStrings } from "./strings.ts";
import { courseInfo, courseTitle } from "../lessons/index.ts";

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ja: "日本語" };

export function Header() {
  const t = appStrings.useStrings();
  const { language, setLanguage } = useLanguageStore();
  const { collapsed, toggle } = useLayoutStore();
  const phase = useVmStore((s) => s.phase);
  // A kiosk whose instructor fixed the language, or a course written in one, offers no switch.
  const kiosk = useKioskStore((s) => s.active);
  const kioskLanguage = useKioskStore((s) => s.active && s.config?.language !== undefined);
  const languageFixed = kioskLanguage || courseInfo.language !== undefined;
  const course = courseTitle(language);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <h1 data-testid="course-title">{course ?? t("title")}</h1>
        <span className="app-header__tagline">{course ? t("title") : t("tagline")}</span>
      </div>
      <MachineStatus />
      <OfflineStatus />
      <nav className="app-header__actions" aria-label={t("title")}>
        <button
          type="button"
          aria-pressed={!collapsed.lesson}
          aria-label={t("toggleLessonLabel")}
          onClick={() => toggle("lesson")}
        >
          {t("showLesson")}
        </button>
        <button
          type="button"
          aria-pressed={!collapsed.panels}
          aria-label={t("togglePanelsLabel")}
          onClick={() => toggle("panels")}
        >
          {t("showPanels")}
        </button>
        <OpenEditorButton />
        <button
          type="button"
          data-testid="reset-machine"
          disabled={phase !== "ready" && phase !== "failed"}
          onClick={() => {
            // Only the tab that owns the saved machine may forget it.
            if (window.confirm(t("resetConfirm"))) vmHost.reset({ forget: ownsSavedMachine() });
          }}
        >
          {t("resetMachine")}
        </button>
        {/* A workshop station's class records come from what it saw: it loads no sessions. */}
        <SessionMenu loads={!kiosk} />
        {!languageFixed && (
          <label className="app-header__language">
            <span>{t("language")}</span>
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
        )}
      </nav>
    </header>
  );
}
