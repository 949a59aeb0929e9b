import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./theme.css";
import { App } from "./app/App.tsx";
import { registerServiceWorker } from "./offline/registerServiceWorker.ts";
import { vmHost } from "./vm/vmHost.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
// The machine starts right after the first render is scheduled: measured, this beats starting
// it before (the worker and the page's first render compete for the same two cores).
setTimeout(() => vmHost.start(), 0);
registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
