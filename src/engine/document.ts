/**
 * The contract an assessment is the document of (SPEC §9), in one typed value: its identity as
 * the ledger gives it and the money terms the run used, each marked when it came from the
 * built-in contract. Every view (the summary sheet, the text, the JSON, the pane, the run log)
 * and batch scoring take the contract from here, never from the default profile's name.
 */
import type { Assessment } from "./assess";
import type { ContractIdentity, MoneyItem } from "./contract";
import type { Day } from "./day";
import type { Ratio } from "./ratio";

/** An assessment's contract: identity items (null: not given) and the money terms used. */
export interface ContractDocument extends ContractIdentity {
  amountFen: number;
  tailShare: Ratio;
  serviceStart: Day;
  serviceEnd: Day;
  /** The money terms above taken from the built-in contract, not the ledger. */
  defaulted: readonly MoneyItem[];
}

/**
 * @summary The contract of an assessment, valid or not: what batch scoring and every view name.
 * @example
 * contractOf(assess(tables)).client //=> "常州市人力资源和社会保障局" (null when not given)
 */
export function contractOf(a: Assessment): ContractDocument {
  return {
    ...a.identity,
    amountFen: a.profile.contractAmountFen,
    tailShare: a.profile.tailShare,
    serviceStart: a.profile.serviceStart,
    serviceEnd: a.profile.serviceEnd,
    defaulted: a.moneyDefaults,
  };
}
