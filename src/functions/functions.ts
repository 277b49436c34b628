import { excelResult } from "./excelErrors";
import * as logic from "./logic";

/*
 * 自定义函数 / Excel custom functions, namespace OM (set in manifest.xml): =OM.TAILPAY(...) etc.
 *
 * Each function is a thin wrapper: the JSDoc below is what custom-functions-metadata-plugin turns
 * into functions.json (the first paragraph is the description Excel shows while typing), and the
 * body hands the arguments to `logic.ts` and the result to `excelResult`, which maps bad
 * arguments to #VALUE! / #NUM!, and a year the statutory calendar does not cover to #N/A.
 *
 * Function names stay ASCII (the ids themselves): users type =OM.TAILPAY(...) as SPEC §4 and the
 * README say; the descriptions are Chinese first, English after.
 *
 * Do not import this file from task-pane code and do not call CustomFunctions.associate here:
 * the webpack plugin appends one associate call per function to this file when it bundles it,
 * and those calls need the CustomFunctions global that only Excel provides.
 */

/**
 * 尾款金额：尾款 × 得分对应的付款比例，按分四舍五入，单位元。Tail payment: amount × the share for the score's tier, rounded half up to the fen, in yuan.
 * @customfunction TAILPAY
 * @param score 考核总分 0–100。Total score, 0 to 100.
 * @param amount 尾款金额（元）。Tail amount in yuan.
 * @returns 应付尾款（元）。The tail amount to pay, in yuan.
 * @example
 * =OM.TAILPAY(84, 424300) //=> 381870 (B 档 90%)
 * =OM.TAILPAY(85.01, 100) //=> 100 (A 档：高于 85 分)
 * =OM.TAILPAY(101, 1) //=> #NUM!
 */
export function tailPay(score: number, amount: number): number {
  return excelResult(() => logic.tailPay(score, amount));
}

/**
 * 大写金额：金额的人民币大写（按分四舍五入，不含“人民币”字样），如 ¥381,870.00 → 叁拾捌万壹仟捌佰柒拾元整。An amount in Chinese capitals, rounded half up to the fen.
 * @customfunction RMBCAPS
 * @param amount 金额（元），0 至不足一万亿。The amount in yuan, from 0 to under one trillion.
 * @returns 大写金额。The amount in capitals.
 * @example
 * =OM.RMBCAPS(381870) //=> "叁拾捌万壹仟捌佰柒拾元整"
 * =OM.RMBCAPS(1680.32) //=> "壹仟陆佰捌拾元零叁角贰分"
 * =OM.RMBCAPS(-1) //=> #NUM!
 */
export function rmbCaps(amount: number): string {
  return excelResult(() => logic.rmbCaps(amount));
}

/**
 * 付款档次：得分对应的尾款档次 A–F（A >85，B 75–85，C 70–75，D 65–70，E 60–65，F ≤60）。Payment tier A–F for a score.
 * @customfunction PAYTIER
 * @param score 考核总分 0–100。Total score, 0 to 100.
 * @returns 档次字母 A–F。The tier letter.
 * @example
 * =OM.PAYTIER(85) //=> "B" (85 分本身属于 B 档)
 * =OM.PAYTIER(85.01) //=> "A"
 */
export function payTier(score: number): string {
  return excelResult(() => logic.payTier(score));
}

/**
 * 尾款付款比例：得分对应的比例 1、0.9、0.8、0.7、0.6 或 0.5。Share of the tail paid for a score.
 * @customfunction TAILRATIO
 * @param score 考核总分 0–100。Total score, 0 to 100.
 * @returns 付款比例（小数）。The share, as a fraction.
 * @example
 * =OM.TAILRATIO(84) //=> 0.9
 * =OM.TAILRATIO(60) //=> 0.5
 */
export function tailRatio(score: number): number {
  return excelResult(() => logic.tailRatio(score));
}

/**
 * 比率得分：出勤率、完成率按档计分（≥85% 满分，≥70% 80%，≥60% 60%，其余 50%）。Points of a rate-banded item (attendance, completion).
 * @customfunction RATEPOINTS
 * @param rate 比率，小数表示（85% 写作 0.85）。The rate as a fraction (85% is 0.85).
 * @param max 该项满分，如 30。The item's maximum points, e.g. 30.
 * @param [roundWholePercent] 可选：TRUE 时先将比率四舍五入到整数百分比。Optional: TRUE rounds the rate to a whole percent first.
 * @returns 得分。The points.
 * @example
 * =OM.RATEPOINTS(0.85, 30) //=> 30
 * =OM.RATEPOINTS(0.8499, 30) //=> 24 (84.99% 低于 85%)
 * =OM.RATEPOINTS(0.8499, 30, TRUE) //=> 30 (四舍五入为 85%)
 */
export function ratePoints(rate: number, max: number, roundWholePercent?: boolean): number {
  return excelResult(() => logic.ratePoints(rate, max, roundWholePercent));
}

/**
 * 法定工作日推算：开始日期之后（负数为之前）第 N 个法定工作日，含调休上班日，如 WORKDAY。Excel's WORKDAY on the mainland-China statutory calendar.
 * @customfunction CNWORKDAY
 * @param start 开始日期（不计入）。The start date (not counted).
 * @param days 工作日天数，可为负数。Working days to add; negative goes back.
 * @returns 日期序列号（请设置为日期格式）。A date serial number (format the cell as a date).
 * @example
 * =OM.CNWORKDAY(DATE(2024,9,27), 1) //=> 2024-09-29 (周日调休上班)
 * =OM.CNWORKDAY(DATE(2024,9,30), 1) //=> 2024-10-08 (国庆假期之后)
 * =OM.CNWORKDAY(DATE(2031,1,2), 1) //=> #N/A (2031 年无内置数据)
 */
export function cnWorkday(start: number, days: number): number {
  return excelResult(() => logic.cnWorkday(start, days));
}

/**
 * 法定工作日天数：两个日期之间（含首尾）的法定工作日数，含调休上班日，如 NETWORKDAYS。Excel's NETWORKDAYS on the mainland-China statutory calendar.
 * @customfunction CNNETWORKDAYS
 * @param start 开始日期（计入）。The start date (counted).
 * @param end 结束日期（计入）。The end date (counted).
 * @returns 工作日天数；结束早于开始时为负数。Working days; negative when end is before start.
 * @example
 * =OM.CNNETWORKDAYS(DATE(2024,7,1), DATE(2025,6,30)) //=> 248
 * =OM.CNNETWORKDAYS(DATE(2024,7,1), DATE(2031,1,2)) //=> #N/A (2027–2031 年无内置数据)
 */
export function cnNetworkDays(start: number, end: number): number {
  return excelResult(() => logic.cnNetworkDays(start, end));
}
