// What one namespace is: its inode, type, members and owning user namespace.
import { namespaceKey, type NamespaceInfo } from "./namespaceMatrix.ts";
import { usePanelStrings } from "./strings.ts";

export interface NamespaceDetailProps {
  info: NamespaceInfo | null;
  onSelect: (key: string) => void;
  onClose: () => void;
}

export function NamespaceDetail({ info, onSelect, onClose }: NamespaceDetailProps) {
  const t = usePanelStrings();
  const close = (
    <button type="button" className="nsp-detail__close" onClick={onClose}>
      {t("ns.detail.close")}
    </button>
  );
  if (!info) {
    return (
      <section className="nsp-detail" aria-live="polite">
        <p>{t("ns.detail.gone")}</p>
        {close}
      </section>
    );
  }
  const titleId = `nsp-detail-${info.key.replace(":", "-")}`;
  const swatch = info.color === null ? "" : ` ns-colored ns-color-${info.color}`;
  return (
    <section className="nsp-detail" aria-labelledby={titleId} data-testid="ns-detail">
      <h3 id={titleId} className={`nsp-detail__title${swatch}`}>
        {t("ns.detail.title", { type: info.type, inode: info.inode })}
      </h3>
      <dl className="nsp-detail__facts">
        <dt>{t("ns.detail.type")}</dt>
        <dd>
          {info.type} <span className="nsp-detail__hint">({t(`ns.type.${info.type}`)})</span>
        </dd>
        <dt>{t("ns.detail.inode")}</dt>
        <dd>{info.inode}</dd>
        <dt>{t("ns.detail.initial")}</dt>
        <dd>{t(info.initial ? "ns.detail.yes" : "ns.detail.no")}</dd>
        <dt>{t("ns.detail.owner")}</dt>
        <dd>
          {info.ownerUser === null ? (
            t("ns.detail.ownerHidden")
          ) : (
            <button
              type="button"
              className="nsp-detail__link"
              onClick={() => info.ownerUser !== null && onSelect(namespaceKey("user", info.ownerUser))}
            >
              {info.ownerUserInitial
                ? t("ns.detail.ownerInitial", { inode: info.ownerUser })
                : info.ownerUser}
            </button>
          )}
        </dd>
        {info.parent !== null && (
          <>
            <dt>{t("ns.detail.parent")}</dt>
            <dd>
              <button
                type="button"
                className="nsp-detail__link"
                onClick={() => info.parent !== null && onSelect(namespaceKey(info.type, info.parent))}
              >
                {info.parent}
              </button>
            </dd>
          </>
        )}
      </dl>
      <h4 className="nsp-detail__subtitle">{t("ns.detail.members")}</h4>
      {info.members.length === 0 ? (
        <p>{t("ns.detail.noMembers")}</p>
      ) : (
        <ul className="nsp-detail__members">
          {info.members.map((member) => (
            <li key={member.key}>
              <span className="nsp-detail__pid">{member.pid}</span> {member.command}
            </li>
          ))}
        </ul>
      )}
      {close}
    </section>
  );
}
