import { normalizeName, type Located } from "./schema";
import { rowsOf } from "./ledger";
import { CONTRACT_ITEMS, type ContractItemKey } from "./tables";
import {
  BAD,
  isCellError,
  parseAmountFen,
  parseDate,
  parseCount,
  parseShare,
  type Parsed,
} from "./values";
import type { Day, Diagnostic, Profile, RawCell } from "./types";

/**
 * The optional Contract (合同) table: item/value pairs that override the default profile.
 * Items: 合同金额 / ContractAmount, 尾款比例 / TailShare, 服务开始 / ServiceStart,
 * 服务结束 / ServiceEnd, 考核日期 / AsOf, 签订日期 / SignedOn, 付款通知日期 / PaymentNoticeDate.
 * Missing items keep the defaults.
 */

/** How each item's value is read. */
const PARSERS: Record<ContractItemKey, (c: RawCell, date1904: boolean) => Parsed<unknown>> = {
  amount: (c) => parseAmountFen(c),
  residentStaff: (c) => parseCount(c),
  tailShare: (c) => parseShare(c),
  serviceStart: parseDate,
  serviceEnd: parseDate,
  asOf: parseDate,
  signedOn: parseDate,
  paymentNotice: parseDate,
};

export interface ContractValues {
  profile: Partial<Profile>;
  asOf: Day | null;
}

export function readContract(loc: Located | undefined, out: Diagnostic[]): ContractValues {
  const result: ContractValues = { profile: {}, asOf: null };
  if (!loc) return result;
  const date1904 = loc.table.date1904 === true;
  const seen = new Set<ContractItemKey>();
  for (const r of rowsOf(loc, out)) {
    const itemCell = r.raw("item");
    const n = normalizeName(itemCell);
    const key = (Object.keys(CONTRACT_ITEMS) as ContractItemKey[]).find(
      (k) => n === normalizeName(CONTRACT_ITEMS[k].zh) || n === normalizeName(CONTRACT_ITEMS[k].en)
    );
    if (!key) {
      r.report("item", "unknown-contract-item", { value: itemCell });
      continue;
    }
    if (seen.has(key)) {
      r.report("item", "duplicate-contract-item", { item: key });
      continue;
    }
    seen.add(key);
    const c = r.raw("value");
    if (isCellError(c)) {
      r.reportCellError("value", c.error);
      continue;
    }
    const v = PARSERS[key](c, date1904);
    if (v === null) continue; // an empty value keeps the default
    if (v === BAD) {
      r.report("value", "bad-contract-value", { item: key, value: c });
      continue;
    }
    switch (key) {
      case "amount":
        result.profile.contractAmountFen = v as number;
        break;
      case "tailShare":
        result.profile.tailShare = v as Profile["tailShare"];
        break;
      case "serviceStart":
        result.profile.serviceStart = v as Day;
        break;
      case "serviceEnd":
        result.profile.serviceEnd = v as Day;
        break;
      case "asOf":
        result.asOf = v as Day;
        break;
      case "residentStaff":
        result.profile.residentStaff = v as number;
        break;
      case "signedOn":
        result.profile.signedOn = v as Day;
        break;
      case "paymentNotice":
        result.profile.paymentNoticeOn = v as Day;
        break;
    }
  }
  return result;
}
