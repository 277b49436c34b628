import { diag } from "./diagnostics";
import { normalizeName, type Located } from "./schema";
import { rowsOf, show } from "./ledger";
import { BAD, isCellError, parseAmountFen, parseDate, parseShare, type Parsed } from "./values";
import type { Day, Diagnostic, Profile, RawCell } from "./types";

/**
 * The optional Contract (合同) table: item/value pairs that override the default profile.
 * Items: 合同金额 / ContractAmount, 尾款比例 / TailShare, 服务开始 / ServiceStart,
 * 服务结束 / ServiceEnd, 考核日期 / AsOf. Missing items keep the defaults.
 */

interface ItemDef {
  zh: string;
  en: string;
  parse: (c: RawCell, date1904: boolean) => Parsed<unknown>;
  expectZh: string;
  expectEn: string;
}

const ITEMS = {
  amount: { zh: "合同金额", en: "ContractAmount", parse: (c) => parseAmountFen(c), expectZh: "金额（元，最多两位小数）", expectEn: "an amount in yuan (at most 2 decimals)" },
  tailShare: { zh: "尾款比例", en: "TailShare", parse: (c) => parseShare(c), expectZh: "0 到 1 之间的比例（如 0.5 或 50%）", expectEn: "a share from 0 to 1 (0.5 or 50%)" },
  serviceStart: { zh: "服务开始", en: "ServiceStart", parse: parseDate, expectZh: "日期", expectEn: "a date" },
  serviceEnd: { zh: "服务结束", en: "ServiceEnd", parse: parseDate, expectZh: "日期", expectEn: "a date" },
  asOf: { zh: "考核日期", en: "AsOf", parse: parseDate, expectZh: "日期", expectEn: "a date" },
} satisfies Record<string, ItemDef>;

type ItemKey = keyof typeof ITEMS;

export interface ContractValues {
  profile: Partial<Profile>;
  asOf: Day | null;
}

export function readContract(loc: Located | undefined, out: Diagnostic[]): ContractValues {
  const result: ContractValues = { profile: {}, asOf: null };
  if (!loc) return result;
  const date1904 = loc.table.date1904 === true;
  const seen = new Set<ItemKey>();
  for (const r of rowsOf(loc, out)) {
    const itemCell = r.raw("item");
    const n = normalizeName(itemCell);
    const key = (Object.keys(ITEMS) as ItemKey[]).find(
      (k) => n === normalizeName(ITEMS[k].zh) || n === normalizeName(ITEMS[k].en),
    );
    if (!key) {
      r.report(
        "item",
        "unknown-contract-item",
        `未知的合同项目「${show(itemCell)}」，已忽略。可用项目：合同金额、尾款比例、服务开始、服务结束、考核日期。`,
        `Unknown contract item "${show(itemCell)}", ignored. Known items: ContractAmount, TailShare, ServiceStart, ServiceEnd, AsOf.`,
        "warning",
      );
      continue;
    }
    const def: ItemDef = ITEMS[key];
    if (seen.has(key)) {
      r.report("item", "duplicate-contract-item", `合同项目「${def.zh}」出现了两次。`, `Contract item ${def.en} appears twice.`);
      continue;
    }
    seen.add(key);
    const c = r.raw("value");
    if (isCellError(c)) {
      r.reportCellError("value", c.error);
      continue;
    }
    const v = def.parse(c, date1904);
    if (v === null) continue; // an empty value keeps the default
    if (v === BAD) {
      r.report(
        "value",
        "bad-contract-value",
        `合同项目「${def.zh}」的值「${show(c)}」无法识别，应为${def.expectZh}。`,
        `The value "${show(c)}" of contract item ${def.en} is not understood; expected ${def.expectEn}.`,
      );
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
    }
  }
  return result;
}

