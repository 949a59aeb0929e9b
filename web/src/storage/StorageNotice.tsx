// One line when the browser refused to keep something: what was not saved, and what to do.
import { storageStrings } from "./strings.ts";
import { useStorageWrites } from "./storageWrites.ts";

export function StorageNotice() {
  const t = storageStrings.useStrings();
  const failed = useStorageWrites((s) => s.failed);
  const kinds = [...new Set(Object.values(failed).map((f) => f.kind))];
  if (kinds.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="storage-full-notice">
      <span>{t("notSaved", { what: kinds.map((kind) => t(kind)).join(", ") })}</span>
    </div>
  );
}
