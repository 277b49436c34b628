/**
 * Number formatting for the task pane: the same text on every machine and locale.
 */
import type { Assessment } from "../engine";
import { STATUS_TEXT, fmtYuan } from "../report/labels";
import { STRINGS, type Lang } from "./i18n";

/**
 * @summary Hundredths of a point as text with two decimals.
 * @example
 * points(8450) //=> "84.50"
 */
export function points(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const h = Math.abs(hundredths);
  return `${sign}${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`;
}

/**
 * @summary Fen as yuan with the ¥ sign and thousands separators.
 * @example
 * yuan(38187000) //=> "¥381,870.00"
 */
export const yuan = (fen: number): string => fmtYuan(fen);

/**
 * @summary A rate num/den as a percent with two decimals (display only; bands were decided exactly).
 * @example
 * percent(1186, 1482) //=> "80.03%"
 */
export function percent(num: number, den: number): string {
  if (den === 0) return "—";
  return `${((num / den) * 100).toFixed(2)}%`;
}

/**
 * @summary A count with its unit in the pane's language: English units are plural words
 * ("events", "tickets") and take the singular for one.
 * @example
 * counted(1, { zh: "起事件", en: "events" }, "en") //=> "1 event"
 * counted(2, { zh: "起事件", en: "events" }, "zh") //=> "2 起事件"
 */
export function counted(n: number, unit: { zh: string; en: string }, lang: "zh" | "en"): string {
  if (lang === "zh") return `${n} ${unit.zh}`;
  return `${n} ${n === 1 ? unit.en.replace(/s$/, "") : unit.en}`;
}

/**
 * @summary What a screen reader hears when a result appears (the pane after 评分, the page for
 * each file): the total, tier, tail payable and status, or how many problems stopped the run.
 */
export function resultAnnouncement(a: Assessment, lang: Lang): string {
  const t = STRINGS[lang];
  return a.status === "invalid"
    ? t.announceInvalid(a.diagnostics.length)
    : t.announceResult(
        points(a.totalHundredths),
        a.tier,
        yuan(a.tailAmountFen),
        STATUS_TEXT[a.status][lang]
      );
}
