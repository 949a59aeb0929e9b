// The browser's fetch of a lazy guest file: v86's own loader hung the guest without a word when
// the network was gone (offline too early, a captive Wi-Fi) or the server said 404. This one
// says so at once (the page shows it, with "Retry"), tries again by itself after a pause that
// grows (5 s up to a minute), when the browser is back online, or when the student asks, and
// says when the file came.

/** Pauses between tries, then the last one over and over. */
const RETRY_MS = [5_000, 10_000, 30_000, 60_000];

export interface LazyFetchEvents {
  /** A fetch failed: why; the guest's read waits for the next try. */
  failed(message: string): void;
  /** A fetch that had failed came through. */
  recovered(): void;
}

export class LazyFetcher {
  /** The pauses of fetches waiting to try again: a retry ends them all. */
  private readonly waiting = new Set<() => void>();
  private failing = 0;

  constructor(private readonly events: LazyFetchEvents) {}

  /** Tries every waiting fetch again now (the student's "Retry", or the browser back online). */
  retry(): void {
    for (const done of [...this.waiting]) done();
  }

  fetch = async (url: string): Promise<ArrayBuffer> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        const bytes = await response.arrayBuffer();
        if (attempt > 0 && --this.failing === 0) this.events.recovered();
        return bytes;
      } catch (error) {
        if (attempt === 0) this.failing += 1;
        const offline = typeof navigator !== "undefined" && navigator.onLine === false;
        this.events.failed(offline ? "offline" : error instanceof Error ? error.message : String(error));
        await this.pause(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 60_000);
      }
    }
  };

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }
}
