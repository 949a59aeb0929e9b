// Wires the kernel-state panels to the machine's agent snapshots.
export function PanelSlot() {
  return null;
}
