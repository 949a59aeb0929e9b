import { afterEach, describe, expect, it, vi } from "vitest";
import { LazyFetcher } from "./lazyFetch.ts";

describe("fetching a lazy file", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("says a fetch failed at once, tries again when told, and says when the file came", async () => {
    vi.useFakeTimers();
    const responses = [
      new Error("Failed to fetch"),
      new Response("nope", { status: 404 }),
      new Response("bytes"),
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        const next = responses.shift();
        if (next instanceof Error) throw next;
        return next;
      }),
    );
    const events: string[] = [];
    const fetcher = new LazyFetcher({
      failed: (message) => events.push(`failed: ${message}`),
      recovered: () => events.push("recovered"),
    });
    const file = fetcher.fetch("image/lazyfs/files/abc.zst");
    await vi.waitFor(() => expect(events).toEqual(["failed: Failed to fetch"]));
    fetcher.retry();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toMatch(/^failed: HTTP 404/);
    // No retry asked for: it tries again by itself after a pause.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(new TextDecoder().decode(await file)).toBe("bytes");
    expect(events.at(-1)).toBe("recovered");
  });
});
