// Tells a second tab that another one keeps the saved machine, and offers to move it here.
import { persistStrings } from "./strings.ts";
import { takeOver } from "./tabOwnership.ts";
import { useTabStore } from "./tabStore.ts";

export function TabNotice() {
  const t = persistStrings.useStrings();
  const { role, handedOver, takingOver } = useTabStore();
  if (role !== "visitor") return null;
  return (
    <div className="notice notice--warn" role="status" data-testid="tab-notice">
      <span>{handedOver ? t("handedOver") : t("otherTab")}</span>
      <button type="button" data-testid="take-over" disabled={takingOver} onClick={takeOver}>
        {takingOver ? t("takingOver") : t("takeOver")}
      </button>
    </div>
  );
}
