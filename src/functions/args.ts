import { dayFromSerial, ratioFromNumber, type Day, type Ratio } from "../engine";

/**
 * Checks of the arguments Excel passes to the custom functions. A rejected argument is a value,
 * not an exception: an `ArgError` tagged so it can never be mistaken for a result, which
 * `excelErrors.ts` turns into #VALUE! (`kind: "value"`, the wrong kind of thing), #NUM!
 * (`kind: "num"`, a number out of range) or #N/A (`kind: "na"`, a valid argument the built-in data
 * has no answer for, such as a year outside the statutory calendar).
 */
export interface ArgError {
  tag: "arg-error";
  kind: "value" | "num" | "na";
  zh: string;
  en: string;
}

export const argError = (kind: ArgError["kind"], zh: string, en: string): ArgError => ({
  tag: "arg-error",
  kind,
  zh,
  en,
});

export function isArgError(x: unknown): x is ArgError {
  return typeof x === "object" && x !== null && (x as { tag?: unknown }).tag === "arg-error";
}

/** #VALUE!: `what` must be a number. */
export const notANumber = (zh: string, en: string): ArgError =>
  argError("value", `${zh}必须是数字`, `${en} must be a number`);

/**
 * @summary Check a score argument: a finite number from 0 to 100.
 * @example
 * scoreArg(84.5) //=> { n: 169n, d: 2n }
 * scoreArg("x") //=> ArgError, kind "value"
 * scoreArg(101) //=> ArgError, kind "num"
 */
export function scoreArg(score: unknown): Ratio | ArgError {
  if (typeof score !== "number" || !Number.isFinite(score)) return notANumber("分数", "The score");
  const r = ratioFromNumber(score);
  if (r === null || score < 0 || score > 100)
    return argError("num", "分数必须在 0 到 100 之间", "The score must be from 0 to 100");
  return r;
}

/** Check a money argument: a finite, non-negative amount in yuan. */
export function amountArg(amount: unknown): Ratio | ArgError {
  if (typeof amount !== "number" || !Number.isFinite(amount))
    return notANumber("金额", "The amount");
  const r = ratioFromNumber(amount);
  if (r === null || amount < 0)
    return argError("num", "金额不能为负数", "The amount cannot be negative");
  return r;
}

/**
 * A date argument: an Excel serial number, read in the 1900 date system; a time fraction is dropped.
 *
 * Limit: a custom function receives the cell's bare number, and nothing it is given says which
 * date system the workbook uses (functions.json has no such option; `CustomFunctions.Invocation`
 * carries only functionName, address, parameterAddresses and isInValuePreview). Finding out
 * takes an Excel API round trip (the adapter evaluates DATE(1904,1,1), src/excel/read.ts), which
 * these synchronous functions do not make on every recalculation. So in a workbook using the
 * 1904 date system a serial is read as a 1900-system one: 1,462 days (four years and a day)
 * early, and the answer is wrong. The README says so; the task pane and the CLI, which read the
 * workbook, do honour the 1904 system.
 */
export function dateArg(x: unknown, zh: string, en: string): Day | ArgError {
  if (typeof x !== "number" || !Number.isFinite(x)) return notANumber(zh, en);
  const day = dayFromSerial(x);
  return day === null
    ? argError("num", `${zh}不是有效的 Excel 日期`, `${en} is not a valid Excel date`)
    : day;
}

/** A whole count of days; like Excel, a fraction is truncated toward zero. */
export function daysArg(x: unknown): number | ArgError {
  if (typeof x !== "number" || !Number.isFinite(x)) return notANumber("天数", "The number of days");
  return Math.trunc(x);
}

/** An optional yes/no: omitted (null/undefined) is no; Excel's TRUE/FALSE or a number (0 = no). */
export function flagArg(x: unknown, zh: string, en: string): boolean | ArgError {
  if (x === null || x === undefined) return false;
  if (typeof x === "boolean") return x;
  if (typeof x === "number" && Number.isFinite(x)) return x !== 0;
  return argError("value", `${zh}必须是 TRUE 或 FALSE`, `${en} must be TRUE or FALSE`);
}
