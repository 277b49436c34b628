/**
 * Amounts in Chinese capitals (大写金额), as finance writes them on a payment document
 * (SPEC §9): ¥381,870.00 is 叁拾捌万壹仟捌佰柒拾元整.
 *
 * The convention, applied to the amount in whole fen:
 * - digits 零壹贰叁肆伍陆柒捌玖; 拾佰仟 inside each group of four yuan digits; 万 / 亿 after a
 *   group that holds a non-zero digit; 元 whenever the yuan part is not zero; then 角 and 分;
 * - one 零 for each run of zeros standing between two non-zero digits, the jiao and fen digits
 *   included (1,680.32 is 壹仟陆佰捌拾元零叁角贰分; 100,100.00 is 壹拾万零壹佰元整);
 * - a leading ten is 壹拾 (16.00 is 壹拾陆元整);
 * - 整 after 元 when jiao and fen are both zero; nothing after 角 (12.50 is 壹拾贰元伍角);
 * - below one yuan there is no 元 (0.05 is 伍分); zero is 零元整.
 */

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
/** The unit of each place inside a group of four, from the group's lowest digit. */
const PLACE = ["", "拾", "佰", "仟"];
/** The mark after each group of four yuan digits, from the lowest: 元 is handled apart. */
const GROUP = ["", "万", "亿"];

/** The largest amount written: one fen under a trillion yuan (亿 groups stop there). */
export const MAX_CAPITALS_FEN = 1_000_000_000_000 * 100 - 1;

/**
 * @summary The amount `fen` (a whole number of fen, 0 ≤ fen ≤ {@link MAX_CAPITALS_FEN}) in Chinese
 * capitals, without the 人民币 prefix. Throws RangeError outside that range.
 * @example
 * rmbCapitals(38187000) //=> "叁拾捌万壹仟捌佰柒拾元整"
 * rmbCapitals(168032) //=> "壹仟陆佰捌拾元零叁角贰分"
 * rmbCapitals(5) //=> "伍分"
 */
export function rmbCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_CAPITALS_FEN)
    throw new RangeError(`amount in fen out of range: ${fen}`);
  if (fen === 0) return "零元整";
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  let out = "";
  // A zero seen after a non-zero digit, not yet written: written as one 零 before the next
  // non-zero digit, so a run of zeros at the end is never written.
  let zeroPending = false;
  let seenNonZero = false;
  const digit = (d: number, unit: string): void => {
    if (d === 0) {
      if (seenNonZero) zeroPending = true;
      return;
    }
    if (zeroPending) out += "零";
    zeroPending = false;
    seenNonZero = true;
    out += DIGITS[d] + unit;
  };

  const yuanDigits = String(yuan);
  if (yuan > 0) {
    const n = yuanDigits.length;
    for (let i = 0; i < n; i++) {
      const pos = n - 1 - i; // place counted from the ones digit
      digit(+yuanDigits[i], PLACE[pos % 4]);
      if (pos % 4 === 0 && pos > 0) {
        // The end of a group of four: 万 or 亿 when the group held a non-zero digit.
        const group = yuanDigits.slice(Math.max(0, i - 3), i + 1);
        if (/[1-9]/.test(group)) out += GROUP[pos / 4];
      }
    }
    out += "元";
  }
  digit(jiao, "角");
  digit(fenDigit, "分");
  if (jiao === 0 && fenDigit === 0) out += "整";
  return out;
}
