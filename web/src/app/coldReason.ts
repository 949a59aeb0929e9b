import type { ColdBootReason } from "../vm/workerMessages.ts";

export function coldReasonKey(reason: ColdBootReason) {
  return (
    {
      "snapshot-missing": "coldReasonMissing",
      "snapshot-mismatch": "coldReasonMismatch",
      "snapshot-broken": "coldReasonBroken",
    } as const
  )[reason];
}
