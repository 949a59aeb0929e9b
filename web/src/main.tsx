import "./zodConfig.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./theme.css";
import { App } from "./app/App.tsx";
import { registerServiceWorker } from "./offline/registerServiceWorker.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
