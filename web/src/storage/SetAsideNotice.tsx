// One line when something stored could not be read back: what it was, and a way to keep it.
import { downloadFile } from "./downloadFile.ts";
import { setAsideFile, useSetAsideStore } from "./setAside.ts";
import { storageStrings } from "./strings.ts";

export function SetAsideNotice() {
  const t = storageStrings.useStrings();
  const { records, dismissed, dismiss } = useSetAsideStore();
  if (records.length === 0 || dismissed) return null;
  const what = [...new Set(records.map((record) => t(record.kind)))];
  return (
    <div className="notice notice--warn" role="alert" data-testid="set-aside-notice">
      <span>{t("setAside", { what: what.join(", ") })}</span>
      <button type="button" onClick={() => downloadFile(setAsideFile(), "container-lab-set-aside.json")}>
        {t("download")}
      </button>
      <button type="button" onClick={dismiss}>
        {t("dismiss")}
      </button>
    </div>
  );
}
