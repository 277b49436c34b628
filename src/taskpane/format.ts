/**
 * Number formatting for the task pane: the same text on every machine and locale.
 */
import { fmtYuan } from "../report/labels";

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
