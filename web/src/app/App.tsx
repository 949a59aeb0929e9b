import { useEffect } from "react";
import "./App.css";
import { Workspace } from "../layout/Workspace.tsx";
import { TerminalView } from "../terminal/TerminalView.tsx";
import { vmHost } from "../vm/vmHost.ts";
import { BootOverlay } from "./BootOverlay.tsx";
import { Header } from "./Header.tsx";
import { HealthBanner } from "./HealthBanner.tsx";
import { LessonSlot } from "./LessonSlot.tsx";
import { CenterTabs } from "../editor/index.ts";
import { PanelSlot } from "./PanelSlot.tsx";
import { useDocumentLanguage } from "./useDocumentLanguage.ts";
import { ResumeNotice } from "../persist/ResumeNotice.tsx";
import { UpdateBanner } from "../offline/UpdateBanner.tsx";
import { KioskBar } from "../kiosk/KioskBar.tsx";
import { startKioskMode } from "../kiosk/kioskMode.ts";
import { startAutosave } from "../persist/autosave.ts";

export function App() {
  useDocumentLanguage();
  useEffect(() => {
    vmHost.start();
    const stopAutosave = startAutosave();
    const stopKiosk = startKioskMode();
    return () => {
      stopKiosk();
      stopAutosave();
      vmHost.stop();
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
        lesson={<LessonSlot />}
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
        panels={<PanelSlot />}
      />
    </div>
  );
}
