// v86 hands over console output a byte at a time; posting each byte to the UI thread would
// flood it. Bytes are gathered and flushed as one chunk per task, which keeps echo latency low
// (a keystroke's echo goes out in the same task that produced it) and throughput high.

export class OutputBatcher {
  private buffer = new Uint8Array(4096);
  private length = 0;
  private scheduled = false;

  constructor(private readonly flushTo: (chunk: Uint8Array) => void) {}

  push(byte: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = byte;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.length === 0) return;
    const chunk = this.buffer.slice(0, this.length);
    this.length = 0;
    this.flushTo(chunk);
  }
}
