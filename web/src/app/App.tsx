import { lazy, Suspense, useEffect } from "react";
import "./App.css";
import { Workspace } from "../layout/Workspace.tsx";
import { TerminalView } from "../terminal/TerminalView.tsx";
import { BootOverlay } from "./BootOverlay.tsx";
import { Header } from "./Header.tsx";
import { HealthBanner } from "./HealthBanner.tsx";

import { CenterTabs } from "../editor/index.ts";
// The lesson pane and the panels load after the terminal: the first prompt does not wait for them.
const LessonSlot = lazy(() => import("./LessonSlot.tsx").then((m) => ({ default: m.LessonSlot })));
const PanelSlot = lazy(() => import("./PanelSlot.tsx").then((m) => ({ default: m.PanelSlot })));
import { useDocumentLanguage } from "./useDocumentLanguage.ts";
import { ResumeNotice } from "../persist/ResumeNotice.tsx";
import { UpdateBanner } from "../offline/UpdateBanner.tsx";
import { KioskBar } from "../kiosk/KioskBar.tsx";
import { startKioskMode } from "../kiosk/kioskMode.ts";
import { startAutosave } from "../persist/autosave.ts";

export function App() {
  useDocumentLanguage();
  useEffect(() => {
    const stopAutosave = startAutosave();
    const stopKiosk = startKioskMode();
    return () => {
      stopKiosk();
      stopAutosave();
    };
  }, []);
  return (
    <div className="app">
      <Header />
      <KioskBar />
      <HealthBanner />
      <ResumeNotice />
      <UpdateBanner />
      <Workspace
        lesson={
          <Suspense fallback={null}>
            <LessonSlot />
          </Suspense>
        }
        terminal={
          <CenterTabs
            terminal={
              <>
                <TerminalView />
                <BootOverlay />
              </>
            }
          />
        }
        panels={
          <Suspense fallback={null}>
            <PanelSlot />
          </Suspense>
        }
      />
    </div>
  );
}
