import { normalizeName, type Located } from "./schema";
import { rowsOf } from "./ledger/rowsOf";
import { CONTRACT_ITEMS, type ContractItemKey } from "./tables";
import { parseDateText, type Day } from "./day";
import {
  BAD,
  isCellError,
  isEmpty,
  parseAmountFen,
  parseDate,
  parseCount,
  parseScore,
  parseShare,
  type Parsed,
} from "./values";
import type { Diagnostic } from "./diagnostics";
import type { Profile } from "./profile";
import type { RawCell } from "./raw";

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
  serviceTerm: parseTerm,
  surveyScale: (c) => {
    const r = parseScore(c, 1e9);
    return r === null || r === BAD ? r : r.n > 0n && r.d === 1n ? Number(r.n) : BAD;
  },
};

/**
 * @summary 服务期限 as one item: `2024年9月1日至2025年8月31日`, `2024-09-01~2025-08-31`, with
 * 至, 到, ~, - or — between the dates.
 */
function parseTerm(c: RawCell): Parsed<{ start: Day; end: Day }> {
  if (isEmpty(c)) return null;
  if (typeof c !== "string") return BAD;
  const t = c.normalize("NFKC").replace(/\s+/g, "");
  // Split at 至/到/~/—, or at a "-" followed by a four-digit year (2024-09-01-2025-08-31).
  const m = /^(.+?)(?:至|到|~|—|–|-(?=\d{4}))(.+)$/.exec(t);
  if (!m) return BAD;
  const start = parseDateText(m[1]);
  const end = parseDateText(m[2]);
  return start === null || end === null ? BAD : { start, end };
}

/**
 * 1亿元 in fen: an amount at least this large under 合同金额（万元） was most likely written in
 * yuan (848,600 read as 84.86亿): said in a warning.
 */
const TEN_THOUSAND_UNIT_SUSPECT_FEN = 100_000_000 * 100;

/** The Contract item a normalised name is (Chinese or English), if any. */
function itemKey(n: string): ContractItemKey | undefined {
  return (Object.keys(CONTRACT_ITEMS) as ContractItemKey[]).find(
    (k) => n === normalizeName(CONTRACT_ITEMS[k].zh) || n === normalizeName(CONTRACT_ITEMS[k].en)
  );
}

export interface ContractValues {
  profile: Partial<Profile>;
  asOf: Day | null;
  /** A Contract table was found but gave no service start, end or term. */
  noPeriod: boolean;
}

export function readContract(loc: Located | undefined, out: Diagnostic[]): ContractValues {
  const result: ContractValues = { profile: {}, asOf: null, noPeriod: false };
  if (!loc) return result;
  const date1904 = loc.table.date1904 === true;
  const seen = new Set<ContractItemKey>();
  for (const r of rowsOf(loc, out)) {
    const itemCell = r.raw("item");
    const n = normalizeName(itemCell);
    let key = itemKey(n);
    // An item named with its unit in brackets: 合同金额（元）, 合同金额（万元）.
    let tenThousand = false;
    if (!key) {
      const m = /^(.+?)\((.*)\)$/.exec(n);
      const base = m ? itemKey(m[1]) : undefined;
      if (m && base) {
        if (base === "amount" && (m[2] === "元" || m[2] === "万元")) {
          key = base;
          tenThousand = m[2] === "万元";
        } else {
          // A known item with a note the tool cannot read (含税, %, …): never ignored, since
          // ignoring it would compute the money from the default value.
          r.report("item", "contract-item-annotated", { value: itemCell, item: base });
          continue;
        }
      }
    }
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
    // 84.86 under 合同金额（万元） is 848,600.00 yuan (exactly: the unit applies before the fen
    // are checked); a value that says 万 or 元 itself is read as written.
    const v = tenThousand ? parseAmountFen(c, true) : PARSERS[key](c, date1904);
    if (tenThousand && typeof v === "number" && v >= TEN_THOUSAND_UNIT_SUSPECT_FEN)
      r.report("value", "contract-amount-unit-suspect", { value: c });
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
      case "serviceTerm": {
        const term = v as { start: Day; end: Day };
        result.profile.serviceStart ??= term.start;
        result.profile.serviceEnd ??= term.end;
        break;
      }
      case "surveyScale":
        result.profile.surveyScale = v as number;
        break;
    }
  }
  result.noPeriod =
    !seen.has("serviceStart") && !seen.has("serviceEnd") && !seen.has("serviceTerm");
  return result;
}
