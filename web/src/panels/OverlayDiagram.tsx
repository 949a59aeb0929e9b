// An overlay mount drawn as its stack: merged view on top, then upperdir, then the lowerdirs
// from the top one down, with workdir beside the stack. Lessons point at these layers to show
// where copy-ups and whiteouts land.
import type { OverlayLayers } from "./overlayLayers.ts";
import { usePanelStrings } from "./strings.ts";

export function OverlayDiagram({ id, layers }: { id: string; layers: OverlayLayers }) {
  const t = usePanelStrings();
  const titleId = `${id}-title`;
  return (
    <figure className="ovl" id={id} aria-labelledby={titleId} data-testid="overlay-diagram">
      <figcaption id={titleId} className="ovl__title">
        {t("mnt.overlayTitle", { mountPoint: layers.merged })}
      </figcaption>
      <ol className="ovl__stack">
        <li className="ovl-layer ovl-layer--merged" data-testid="overlay-layer-merged">
          <span className="ovl-layer__name">{t("mnt.layer.merged")}</span>
          <code className="ovl-layer__path">{layers.merged}</code>
          <p className="ovl-layer__hint">{t("mnt.layer.mergedHint")}</p>
        </li>
        {layers.upper !== null ? (
          <li className="ovl-layer ovl-layer--upper" data-testid="overlay-layer-upper">
            <span className="ovl-layer__name">{t("mnt.layer.upper")}</span>
            <code className="ovl-layer__path">{layers.upper}</code>
            <p className="ovl-layer__hint">{t("mnt.layer.upperHint")}</p>
          </li>
        ) : (
          <li className="ovl-layer ovl-layer--readonly">{t("mnt.readOnlyOverlay")}</li>
        )}
        <li className="ovl-layer ovl-layer--lower" data-testid="overlay-layer-lower">
          <ol className="ovl__lowers">
            {layers.lower.map((path, index) => (
              <li key={`${index}:${path}`} className="ovl-lower" data-testid={`overlay-layer-lower-${index}`}>
                <span className="ovl-layer__name">
                  {t("mnt.layer.lower", { n: index + 1 })}
                  {index === 0 && layers.lower.length > 1 && ` (${t("mnt.layer.topHint")})`}
                </span>
                <code className="ovl-layer__path">{path}</code>
              </li>
            ))}
          </ol>
          <p className="ovl-layer__hint">{t("mnt.layer.lowerHint")}</p>
        </li>
      </ol>
      {layers.work !== null && (
        <div className="ovl-layer ovl-layer--work" data-testid="overlay-layer-work">
          <span className="ovl-layer__name">{t("mnt.layer.work")}</span>
          <code className="ovl-layer__path">{layers.work}</code>
          <p className="ovl-layer__hint">{t("mnt.layer.workHint")}</p>
        </div>
      )}
      {layers.otherOptions.length > 0 && (
        <p className="ovl__options">{t("mnt.otherOptions", { options: layers.otherOptions.join(",") })}</p>
      )}
    </figure>
  );
}
