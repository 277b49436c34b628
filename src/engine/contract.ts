import { normalizeName, type Located } from "./schema";
import { rowsOf } from "./ledger/rowsOf";
import { CONTRACT_ITEMS, IDENTITY_ITEMS, type ContractItemKey, type IdentityKey } from "./tables";
import { dayToIso, parseDateText, type Day } from "./day";
import { toNumber } from "./ratio";
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
import type { MoneyDefault } from "./messages";
import type { Profile } from "./profile";
import type { RawCell } from "./raw";

/**
 * The optional Contract (合同) table: item/value pairs that override the default profile, and
 * the contract's identity (SPEC §9). Items: 合同名称 / ContractName (项目名称), 合同编号 /
 * ContractNo, 甲方 / Client (采购人), 乙方 / Vendor (供应商), 监理单位 / Supervisor, 合同金额 /
 * ContractAmount, 尾款比例 / TailShare, 服务开始 / ServiceStart, 服务结束 / ServiceEnd, 服务期限,
 * 考核日期 / AsOf, 签订日期 / SignedOn, 付款通知日期 / PaymentNoticeDate, 驻场人数, 问卷满分.
 * Missing items keep the defaults; `assess` says which.
 */

/**
 * @summary An identity item's value, kept as written: text trimmed of surrounding spaces; a
 * number (a contract number typed as 2024001, or a date, which a reader hands over as its serial)
 * as its digits; a boolean as TRUE / FALSE. Empty: not given.
 */
function identityText(c: RawCell): Parsed<string> {
  if (isEmpty(c)) return null;
  if (typeof c === "string") return c.trim() === "" ? null : c.trim();
  if (typeof c === "number")
    return Number.isInteger(c) && Math.abs(c) < 1e21 ? c.toFixed(0) : String(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return BAD;
}

/** How each item's value is read. */
const PARSERS: Record<ContractItemKey, (c: RawCell, date1904: boolean) => Parsed<unknown>> = {
  name: identityText,
  number: identityText,
  client: identityText,
  vendor: identityText,
  supervisor: identityText,
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
  return (Object.keys(CONTRACT_ITEMS) as ContractItemKey[]).find((k) => {
    const def: { zh: string; en: string; aliases?: readonly string[] } = CONTRACT_ITEMS[k];
    return [def.zh, def.en, ...(def.aliases ?? [])].some((name) => n === normalizeName(name));
  });
}

/**
 * The contract's identity as its Contract table writes it (SPEC §9): each item as written, null
 * when the ledger does not give it. Never filled from the default profile.
 */
export type ContractIdentity = Record<IdentityKey, string | null>;

/** An identity with every item not given. */
const NO_IDENTITY: Readonly<ContractIdentity> = Object.freeze(
  Object.fromEntries(IDENTITY_ITEMS.map((k) => [k, null])) as ContractIdentity
);

export interface ContractValues {
  profile: Partial<Profile>;
  asOf: Day | null;
  identity: ContractIdentity;
  /**
   * Items written with a value the run could not use (an error cell, a bad value): already an
   * error each, so never also reported as taken from the defaults.
   */
  unreadable: Set<ContractItemKey>;
}

export function readContract(loc: Located | undefined, out: Diagnostic[]): ContractValues {
  const result: ContractValues = {
    profile: {},
    asOf: null,
    identity: { ...NO_IDENTITY },
    unreadable: new Set(),
  };
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
      result.unreadable.add(key);
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
      result.unreadable.add(key);
      r.report("value", "bad-contract-value", { item: key, value: c });
      continue;
    }
    switch (key) {
      case "name":
      case "number":
      case "client":
      case "vendor":
      case "supervisor":
        result.identity[key] = v as string;
        break;
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
  return result;
}

/** The Contract items that decide the money (SPEC §9): never taken from the default in silence. */
const MONEY_ITEMS = ["amount", "tailShare", "serviceStart", "serviceEnd"] as const;

/** A money item's key. */
export type MoneyItem = (typeof MONEY_ITEMS)[number];

/** The profile field each money item sets. */
const MONEY_FIELD: Record<MoneyItem, keyof Profile> = {
  amount: "contractAmountFen",
  tailShare: "tailShare",
  serviceStart: "serviceStart",
  serviceEnd: "serviceEnd",
};

/** The other items with a default, listed in one info diagnostic when not given. */
const OTHER_DEFAULTS = [
  ["surveyScale", "surveyScale"],
  ["residentStaff", "residentStaff"],
  ["signedOn", "signedOn"],
] as const satisfies readonly (readonly [ContractItemKey, keyof Profile])[];

/**
 * @summary Which values the run takes from the default profile because neither the Contract
 * table nor the caller's options gave them (`given`): the money items, each with the value used
 * (for `contract-default-used`), and the other defaulted items with theirs (for
 * `contract-other-defaults`).
 */
export function defaultsTaken(
  given: Partial<Profile>,
  profile: Profile,
  unreadable: ReadonlySet<ContractItemKey> = new Set()
): { money: MoneyDefault[]; other: { item: ContractItemKey; value: string }[] } {
  const money: MoneyDefault[] = [];
  for (const item of MONEY_ITEMS) {
    if (given[MONEY_FIELD[item]] !== undefined || unreadable.has(item)) continue;
    if ((item === "serviceStart" || item === "serviceEnd") && unreadable.has("serviceTerm"))
      continue;
    if (item === "amount") money.push({ item, fen: profile.contractAmountFen });
    else if (item === "tailShare")
      money.push({ item, percent: Math.round(toNumber(profile.tailShare) * 10_000) / 100 });
    else money.push({ item, day: profile[item] });
  }
  const other: { item: ContractItemKey; value: string }[] = [];
  for (const [item, field] of OTHER_DEFAULTS) {
    if (given[field] !== undefined || unreadable.has(item)) continue;
    other.push({
      item,
      value: item === "signedOn" ? dayToIso(profile.signedOn) : String(profile[field]),
    });
  }
  return { money, other };
}
