import { lazy, Suspense, useEffect, useState } from "react";
import "./App.css";
import { Workspace } from "../layout/Workspace.tsx";
import { TerminalView } from "../terminal/TerminalView.tsx";
import { BootOverlay } from "./BootOverlay.tsx";
import { Header } from "./Header.tsx";
import { HealthBanner } from "./HealthBanner.tsx";

import { CenterTabs } from "../layout/CenterTabs.tsx";
import { useVmStore } from "../vm/vmStore.ts";
// The lesson pane and the panels are fetched once the first prompt is up (or the machine could
// not start): neither can show anything before, and their ~120 KB and parse time came out of
// the first prompt's budget.
const LessonSlot = lazy(() => import("./LessonSlot.tsx").then((m) => ({ default: m.LessonSlot })));
const PanelSlot = lazy(() => import("./PanelSlot.tsx").then((m) => ({ default: m.PanelSlot })));
import { useDocumentLanguage } from "./useDocumentLanguage.ts";
import { ResumeNotice } from "../persist/ResumeNotice.tsx";
import { SetAsideNotice } from "../storage/SetAsideNotice.tsx";
import { StorageNotice } from "../storage/StorageNotice.tsx";
import { LazyFileBanner } from "./LazyFileBanner.tsx";
import { UpdateBanner } from "../offline/UpdateBanner.tsx";
import { KioskBar } from "../kiosk/KioskBar.tsx";
import { startKioskMode } from "../kiosk/kioskMode.ts";
import { startAutosave } from "../persist/autosave.ts";
import { TabNotice } from "../persist/TabNotice.tsx";
import { startTabOwnership } from "../persist/tabOwnership.ts";

export function App() {
  useDocumentLanguage();
  // Once mounted they stay: a reset clears promptShown again, and the pane must keep its place.
  const settledNow = useVmStore((s) => s.promptShown || s.phase === "failed");
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!settledNow) return;
    // After the frame that draws the prompt, and then only when the page is idle, so fetching
    // and parsing them never competes with the prompt's paint or the student's first keystroke.
    let idle = 0;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      if (typeof window.requestIdleCallback === "function") {
        idle = window.requestIdleCallback(() => setSettled(true), { timeout: 1000 });
      } else {
        timer = window.setTimeout(() => setSettled(true), 50);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle) window.cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [settledNow]);
  useEffect(() => {
    const stopOwnership = startTabOwnership();
    const stopAutosave = startAutosave();
    const stopKiosk = startKioskMode();
    return () => {
      stopKiosk();
      stopAutosave();
      stopOwnership();
    };
  }, []);
  return (
    <div className="app">
      <Header />
      <KioskBar />
      <LazyFileBanner />
      <HealthBanner />
      <TabNotice />
      <SetAsideNotice />
      <StorageNotice />
      <ResumeNotice />
      <UpdateBanner />
      <Workspace
        lesson={<Suspense fallback={null}>{settled && <LessonSlot />}</Suspense>}
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
        panels={<Suspense fallback={null}>{settled && <PanelSlot />}</Suspense>}
      />
    </div>
  );
}
