import { useEffect } from "react";
import "./App.css";
import { Workspace } from "../layout/Workspace.tsx";
import { TerminalView } from "../terminal/TerminalView.tsx";
import { vmHost } from "../vm/vmHost.ts";
import { BootOverlay } from "./BootOverlay.tsx";
import { Header } from "./Header.tsx";
import { HealthBanner } from "./HealthBanner.tsx";
import { LessonSlot } from "./LessonSlot.tsx";
import { PanelSlot } from "./PanelSlot.tsx";
import { useDocumentLanguage } from "./useDocumentLanguage.ts";
import { ResumeNotice } from "../persist/ResumeNotice.tsx";
import { startAutosave } from "../persist/autosave.ts";

export function App() {
  useDocumentLanguage();
  useEffect(() => {
    vmHost.start();
    const stopAutosave = startAutosave();
    return () => {
      stopAutosave();
      vmHost.stop();
    };
  }, []);
  return (
    <div className="app">
      <Header />
      <HealthBanner />
      <ResumeNotice />
      <Workspace
        lesson={<LessonSlot />}
        terminal={
          <>
            <TerminalView />
            <BootOverlay />
          </>
        }
        panels={<PanelSlot />}
      />
    </div>
  );
}
