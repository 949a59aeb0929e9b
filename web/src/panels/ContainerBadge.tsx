// The container a process or cgroup belongs to, as the runtimes know it: podman's name (or
// the id given to crun/runc), with the runtime and the full id on hover.
import { containerTitle, type ContainerLabel } from "./containers.ts";
import { usePanelStrings } from "./strings.ts";
import "./ContainerBadge.css";

export function ContainerBadge({ container }: { container: ContainerLabel | null }) {
  const t = usePanelStrings();
  if (!container) return null;
  const name = containerTitle(container);
  const runtime = container.engine ? `${container.engine} → ${container.runtime}` : container.runtime;
  const detail = t("container.detail", { name, runtime, id: container.id });
  return (
    <span className="container-badge" data-testid="container-badge" title={detail} aria-label={detail}>
      {t("container.badge", { name })}
    </span>
  );
}
