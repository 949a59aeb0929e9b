// Reads the OSC 133 shell-integration marks that the guest's bash prompt emits
// (see vm-image/rootfs/etc/bash.bashrc) out of the console byte stream.
// The bytes themselves still go to the terminal, which ignores OSC 133.

export type ShellMark =
  | { kind: "prompt" } // 133;A
  | { kind: "input" } // 133;B
  | { kind: "output" } // 133;C: a command line was accepted and runs
  | { kind: "finished"; exitCode: number }; // 133;D;N

const ESC = 0x1b;
const BEL = 0x07;
const RIGHT_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
/** An OSC longer than this is not ours; stop collecting it. */
const MAX_OSC = 256;

export class Osc133Parser {
  private state: "text" | "esc" | "osc" | "osc-esc" = "text";
  private osc: number[] = [];

  constructor(private readonly onMark: (mark: ShellMark) => void) {}

  feed(bytes: Uint8Array | number): void {
    if (typeof bytes === "number") {
      this.step(bytes);
      return;
    }
    for (const byte of bytes) this.step(byte);
  }

  private step(byte: number): void {
    switch (this.state) {
      case "text":
        if (byte === ESC) this.state = "esc";
        return;
      case "esc":
        if (byte === RIGHT_BRACKET) {
          this.state = "osc";
          this.osc = [];
        } else {
          this.state = byte === ESC ? "esc" : "text";
        }
        return;
      case "osc":
        if (byte === BEL) this.finish();
        else if (byte === ESC) this.state = "osc-esc";
        else if (this.osc.length < MAX_OSC) this.osc.push(byte);
        else this.state = "text";
        return;
      case "osc-esc":
        // ST is ESC \ ; any other ESC aborts the OSC and may start a new sequence.
        if (byte === BACKSLASH) this.finish();
        else if (byte === RIGHT_BRACKET) {
          this.osc = [];
          this.state = "osc";
        } else this.state = byte === ESC ? "esc" : "text";
        return;
    }
  }

  private finish(): void {
    this.state = "text";
    const text = String.fromCharCode(...this.osc);
    if (!text.startsWith("133;")) return;
    const [kind, arg] = text.slice(4).split(";");
    switch (kind) {
      case "A":
        this.onMark({ kind: "prompt" });
        break;
      case "B":
        this.onMark({ kind: "input" });
        break;
      case "C":
        this.onMark({ kind: "output" });
        break;
      case "D": {
        const exitCode = Number.parseInt(arg ?? "", 10);
        this.onMark({ kind: "finished", exitCode: Number.isNaN(exitCode) ? 0 : exitCode });
        break;
      }
    }
  }
}
