import {
  IDENTITY_ITEMS,
  contractOf,
  dayToIso,
  rmbCapitals,
  toNumber,
  type Assessment,
  type Bilingual,
  type ContractDocument,
  type IdentityKey,
  type MoneyItem,
  type Payment,
  type Profile,
  type ReadingKey,
} from "../engine";

/**
 * The words and number formats every view shares — the summary sheet, the command line's text,
 * the JSON and the task pane — kept apart from the summary sheet's layout (`summary.ts`), so
 * that a view can change its layout without the others' labels moving with it. Chinese first,
 * English alongside.
 */

/** Status labels, Chinese then English, for every view. */
export const STATUS_TEXT: Record<Assessment["status"], Bilingual> = {
  final: { zh: "最终", en: "final" },
  provisional: { zh: "暂定", en: "provisional" },
  invalid: { zh: "无效", en: "invalid" },
};

/** A bilingual text in one cell: Chinese, then English. */
export const both = (b: Bilingual): string => `${b.zh} ${b.en}`;

/** Labels of the result block on page one; `verify` reads the figures back by them. */
export const SUMMARY_LABELS = {
  status: "状态 Status",
  asOf: "考核日期 As of",
  total: "总分 Total",
  tier: "付款等级 Tier",
  tail: "应付尾款 Tail payable",
  fingerprint: "台账指纹 Ledger fingerprint",
  run: "考核记录 Run No.",
  itemsHeader: "考核项 Item",
} as const;

/** Labels of the readings, for every view. */
export const READING_TEXT: Record<ReadingKey, Bilingual> = {
  chosen: { zh: "采用的口径", en: "chosen reading" },
  "round-rate": { zh: "比率四舍五入到整百分数", en: "rate rounded to a whole percent" },
  "exact-rate": { zh: "比率不取整（按下限）", en: "rate not rounded (lower bounds)" },
  "upper-edge": { zh: "边界分属上一档（85 分为 A）", en: "edge in the upper tier (85 is A)" },
  "lower-edge": { zh: "边界分属下一档（85 分为 B）", en: "edge in the lower tier (85 is B)" },
  "unrounded-points": { zh: "各项得分不取整再合计", en: "total of unrounded points" },
};

/** The reading choices of a profile, in words. */
export function choicesText(p: Profile): Bilingual {
  return {
    zh: `${p.rateRounding === "whole-percent" ? "比率先四舍五入到整百分数" : "比率按下限判定、不取整"}；${p.tierEdge === "upper" ? "边界分数属上一档（85 分为 A）" : "边界分数属下一档（85 分为 B）"}`,
    en: `${p.rateRounding === "whole-percent" ? "rates rounded to a whole percent" : "rates on lower bounds, not rounded"}; ${p.tierEdge === "upper" ? "an edge total is in the upper tier (85 is A)" : "an edge total is in the lower tier (85 is B)"}`,
  };
}

/** The payment labels, for every view. */
export const PAYMENT_TEXT: Record<Payment["key"], { label: Bilingual; rule: Bilingual }> = {
  first: {
    label: { zh: "首付款", en: "First payment" },
    rule: {
      zh: "合同签订生效后 30 个工作日内（第四条第 1 款）",
      en: "within 30 working days of signing (art. 4.1)",
    },
  },
  tail: {
    label: { zh: "尾款", en: "Tail" },
    rule: {
      zh: "收到付款通知书后 30 个工作日内（第四条第 2 款）",
      en: "within 30 working days of the payment notice (art. 4.2)",
    },
  },
};

/** 第六条's penalties, as reference lines: never incurred by an assessment. */
export function penaltyLines(p: Profile): { label: Bilingual; percent: number; fen: number }[] {
  const line = (zh: string, en: string, percent: number) => ({
    label: { zh, en },
    percent,
    fen: Math.round((p.contractAmountFen * percent) / 100),
  });
  return [
    line(
      "限期内不能整改或拒绝整改",
      "not rectified within the time set",
      p.penalties.rectifyFailurePercent
    ),
    line(
      "虚假承诺或过错致合同无法履行",
      "false commitment, or fault stopping the contract",
      p.penalties.falseCommitmentPercent
    ),
    line("违反第五条知识产权约定", "breach of the IP clause (art. 5)", p.penalties.ipBreachPercent),
  ];
}

/** What the penalty block always says: a reference, not a finding. */
export const PENALTY_NOTE: Bilingual = {
  zh: "仅供参考：违约金须经认定违约后方可适用，本考核结果不构成任何违约认定。",
  en: "Reference only: a penalty applies only once a breach is established; this assessment establishes none.",
};

/**
 * @summary Fen as yuan text with thousands separators, the same on every machine and locale.
 * @example
 * fmtYuan(38187000) //=> "¥381,870.00"
 */
export function fmtYuan(fen: number): string {
  const f = Math.round(fen);
  const sign = f < 0 ? "-" : "";
  const abs = Math.abs(f);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** What a view shows for an identity item the ledger does not give (SPEC §9). */
export const NOT_GIVEN: Bilingual = { zh: "（未填写）", en: "(not given)" };

/** The identity items' labels, in the order every view lists them. */
const IDENTITY_LABELS: Record<IdentityKey, Bilingual> = {
  name: { zh: "合同名称", en: "Contract" },
  number: { zh: "合同编号", en: "Contract No." },
  client: { zh: "甲方", en: "Client" },
  vendor: { zh: "乙方", en: "Vendor" },
  supervisor: { zh: "监理单位", en: "Supervisor" },
};

/**
 * @summary The identity items of an assessment's contract as the views list them: label and
 * value, the value null when not given.
 */
export function identityLines(
  a: Assessment
): { key: IdentityKey; label: Bilingual; value: string | null }[] {
  const c = contractOf(a);
  return IDENTITY_ITEMS.map((key) => ({ key, label: IDENTITY_LABELS[key], value: c[key] }));
}

/** An identity value as text: as written, or （未填写）(not given). */
export const identityText = (value: string | null): string => value ?? both(NOT_GIVEN);

/** The title every page-one view opens with (SPEC §9). */
export const DOCUMENT_TITLE: Bilingual = { zh: "运维服务考核评分表", en: "O&M service assessment" };

/** The note beside a money term taken from the built-in contract. */
export const DEFAULT_MARK: Bilingual = {
  zh: "（未填写，取内置合同默认值）",
  en: "(not given: the built-in contract's value)",
};

/**
 * @summary An amount in capitals as page one writes it after the figure: （人民币…）.
 * @example
 * capitalsText(38187000) //=> "（人民币叁拾捌万壹仟捌佰柒拾元整）"
 */
export function capitalsText(fen: number): string {
  return fen < 0 ? "" : `（人民币${rmbCapitals(Math.round(fen))}）`;
}

/** The JSON's `contract` (SPEC §9): identity items (null: not given) and the money terms used. */
export interface ContractJson {
  name: string | null;
  number: string | null;
  client: string | null;
  vendor: string | null;
  supervisor: string | null;
  /** Yuan. */
  amount: number;
  tailShare: number;
  serviceStart: string;
  serviceEnd: string;
  /** Which of amount, tailShare, serviceStart, serviceEnd came from the built-in contract. */
  defaulted: MoneyItem[];
}

/** The `contract` object of the JSON. */
export function contractJson(c: ContractDocument): ContractJson {
  return {
    name: c.name,
    number: c.number,
    client: c.client,
    vendor: c.vendor,
    supervisor: c.supervisor,
    amount: c.amountFen / 100,
    tailShare: toNumber(c.tailShare),
    serviceStart: dayToIso(c.serviceStart),
    serviceEnd: dayToIso(c.serviceEnd),
    defaulted: [...c.defaulted],
  };
}
