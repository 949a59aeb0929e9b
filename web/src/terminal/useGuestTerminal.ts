// Binds an xterm.js terminal to the guest console: output in, keystrokes out, and the size
// the student sees told to the guest's tty (so full-screen programs and line wrapping fit).
import { useEffect, useRef, useState, type RefObject } from "react";
import { vmHost } from "../vm/vmHost.ts";
import { useVmStore } from "../vm/vmStore.ts";
import { createTerminal, type LabTerminal } from "./createTerminal.ts";

/**
 * @param onRefused told the size of a paste the console refused (too large to type in).
 */
export function useGuestTerminal(
  container: RefObject<HTMLDivElement | null>,
  onRefused?: (bytes: number) => void,
): LabTerminal | undefined {
  const refused = useRef(onRefused);
  refused.current = onRefused;
  const [lab, setLab] = useState<LabTerminal>();
  const size = useRef({ rows: 0, cols: 0 });
  const phase = useVmStore((s) => s.phase);
  const generation = useVmStore((s) => s.generation);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = createTerminal();
    const { terminal, fit } = created;
    terminal.open(element);
    fit.fit();
    const offOutput = vmHost.onOutput((data) => terminal.write(data));
    // xterm answers terminal queries (e.g. the cursor-position request busybox ash sends)
    // through onData too, so replies reach the guest like keystrokes.
    const send = (bytes: Uint8Array) => {
      if (!vmHost.sendInput(bytes)) refused.current?.(bytes.byteLength);
    };
    const encoder = new TextEncoder();
    const input = terminal.onData((data) => send(encoder.encode(data)));
    const binary = terminal.onBinary((data) => send(Uint8Array.from(data, (c) => c.charCodeAt(0))));
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
    });
    observer.observe(element);
    setLab(created);
    return () => {
      observer.disconnect();
      offOutput();
      input.dispose();
      binary.dispose();
      terminal.dispose();
      setLab(undefined);
    };
  }, [container]);

  // Tell the guest the size whenever it changes, and again once a (re)started machine is up.
  useEffect(() => {
    if (!lab || phase !== "ready") return;
    const push = () => {
      const { rows, cols } = lab.terminal;
      size.current = { rows, cols };
      // Exposed for tests and assistive tooling: the size the guest was told.
      container.current?.setAttribute("data-size", `${rows} ${cols}`);
      vmHost.request("resize", { rows, cols }).catch(() => undefined);
    };
    push();
    const disposable = lab.terminal.onResize(push);
    return () => disposable.dispose();
  }, [lab, phase, container]);

  // A reset machine starts with a fresh screen.
  useEffect(() => {
    if (generation > 0) lab?.terminal.reset();
  }, [lab, generation]);

  return lab;
}
