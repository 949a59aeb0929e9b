// The panel area, an entry of its own: the app loads it lazily, off the first-prompt path.
export { PanelArea, type PanelAreaProps } from "./PanelArea.tsx";
