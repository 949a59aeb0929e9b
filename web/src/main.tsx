import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./theme.css";
import { App } from "./app/App.tsx";
import { precacheLazyFiles, registerServiceWorker } from "./offline/registerServiceWorker.ts";
import { vmHost } from "./vm/vmHost.ts";
import { useVmStore } from "./vm/vmStore.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
// The machine starts right after the first render is scheduled: measured, this beats starting
// it before (the worker and the page's first render compete for the same two cores).
setTimeout(() => vmHost.start(), 0);
// Offline support waits for the first prompt: installing the service worker fetches and compiles
// the whole app (editor, workers, machine image), and on two cores that work, done during the
// start, delayed the prompt by about 200 ms. Once the prompt is up (or the machine failed to
// start) it registers, then caches the lazy guest filesystem in the background.
const stopWatching = useVmStore.subscribe((state) => {
  if (!state.promptShown && state.phase !== "failed") return;
  stopWatching();
  registerServiceWorker();
  if (state.promptShown) precacheLazyFiles();
});
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
