// Limits being hit, as they are seen: the newest OOM kill and refused fork stand out at the
// top of the cgroup panel until the learner clears them.
import { useLanguageStore } from "../i18n/languageStore.ts";
import type { CgroupEvent } from "./cgroupEvents.ts";
import { usePanelStrings } from "./strings.ts";

/** How many events the log shows; the store keeps more. */
const SHOWN_EVENTS = 5;

const TEST_IDS: Record<CgroupEvent["kind"], string> = {
  oom_kill: "cgroup-event-oom",
  pids_max: "cgroup-event-pids-max",
};

export function CgroupEventLog({ events, onClear }: { events: readonly CgroupEvent[]; onClear: () => void }) {
  const t = usePanelStrings();
  const language = useLanguageStore((s) => s.language);
  const newest = events.slice(-SHOWN_EVENTS).reverse();
  const seen = new Set<CgroupEvent["kind"]>();
  return (
    <section className="cgp-events" aria-labelledby="cgp-events-title">
      <h3 id="cgp-events-title" className="cgp-events__title">
        {t("cg.events")}
      </h3>
      <button type="button" className="cgp-events__clear" onClick={onClear}>
        {t("cg.clearEvents")}
      </button>
      <div className="cgp-events__list" role="log">
        <ol className="cgp-events__items">
          {newest.map((event) => {
            // The stable test id marks the newest event of its kind; older ones carry their id.
            const testId = seen.has(event.kind)
              ? `${TEST_IDS[event.kind]}-${event.id}`
              : TEST_IDS[event.kind];
            seen.add(event.kind);
            return (
              <li
                key={event.id}
                className={`cgp-event cgp-event--${event.kind === "oom_kill" ? "danger" : "warn"}`}
                data-testid={testId}
                data-path={event.path}
              >
                <time dateTime={new Date(event.at).toISOString()} className="cgp-event__time">
                  {t("cg.eventTime", { time: new Date(event.at).toLocaleTimeString(language) })}
                </time>{" "}
                {t(`cg.event.${event.kind}`, { path: event.path, count: event.delta })}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
