// Runs the guest's warm-up once per restore, when the student has left the machine alone for a
// while: the warm-up keeps the (single) guest CPU busy for a few seconds, so it waits until
// nothing is typed and no command runs, instead of competing with the student's first commands.
export class IdleWarmUp {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private commandRunning = false;

  constructor(
    private readonly idleMs: number,
    private readonly run: () => void,
  ) {}

  /** A restore happened: warm up again once the machine is idle. */
  arm(): void {
    this.pending = true;
    this.commandRunning = false;
    this.restart();
  }

  /** The student typed: the idle time starts over. */
  activity(): void {
    this.restart();
  }

  commandStarted(): void {
    this.commandRunning = true;
    clearTimeout(this.timer);
  }

  commandFinished(): void {
    this.commandRunning = false;
    this.restart();
  }

  cancel(): void {
    this.pending = false;
    clearTimeout(this.timer);
  }

  private restart(): void {
    clearTimeout(this.timer);
    if (!this.pending || this.commandRunning) return;
    this.timer = setTimeout(() => {
      this.pending = false;
      this.run();
    }, this.idleMs);
  }
}
