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
registerServiceWorker();
// The lazy guest filesystem is cached for offline use once the first prompt is up.
const stopWatching = useVmStore.subscribe((state) => {
  if (!state.promptShown) return;
  stopWatching();
  precacheLazyFiles();
});
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
