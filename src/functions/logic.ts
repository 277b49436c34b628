import {
  amountArg,
  argError,
  dateArg,
  daysArg,
  flagArg,
  isArgError,
  notANumber,
  scoreArg,
  type ArgError,
} from "./args";
import {
  bandShare,
  BUILTIN_CALENDAR,
  BUILTIN_YEARS,
  dayFromYmd,
  DEFAULT_PROFILE,
  networkDays,
  pointsForShare,
  ratioFromNumber,
  rmbCapitals,
  MAX_CAPITALS_FEN,
  roundToUnits,
  serialFromDay,
  tailPayFen,
  tierForScore,
  uncoveredYears,
  workdayAfter,
  ymdOf,
  type Day,
} from "../engine";

/**
 * The custom functions' logic, free of Office: every function takes the raw arguments Excel
 * passes (numbers, or anything else when a user passes something odd) and returns a number, a
 * string or an `ArgError`. `functions.ts` wraps each one for Excel and turns an `ArgError` into
 * #VALUE!, #NUM! or #N/A in one place (`excelErrors.ts`). Tests call both layers.
 *
 * Differences from Excel's own functions, on purpose:
 *
 * | formula | Excel | here |
 * |---|---|---|
 * | `=OM.CNWORKDAY(d, n)` | `WORKDAY` skips Sat/Sun (and a holiday list you pass) | skips the statutory rest days and works the adjusted weekend days (调休上班日); no holiday argument |
 * | `=OM.CNWORKDAY(d, n)` for a date in a year without built-in data | — | #N/A with the reason (Excel shows custom text only on #VALUE! and #N/A), never a silent Monday–Friday guess |
 * | `=OM.CNWORKDAY(d, n)` in a workbook using the 1904 date system | reads the serial as 1904 | reads it as 1900 (a custom function cannot see the date system; see `dateArg`) |
 * | `=OM.RATEPOINTS(85, 30)` | — | #NUM!: the rate is a fraction (85% is 0.85) |
 */

export type { ArgError };

const profile = DEFAULT_PROFILE;
const [firstYear, lastYear] = [Math.min(...BUILTIN_YEARS), Math.max(...BUILTIN_YEARS)];

// ---- Argument checks (the common ones are in args.ts) ------------------------------------

/** Years `from..to` (inclusive) are all in the built-in calendar data, or an error naming them. */
function coveredYears(from: number, to: number): ArgError | null {
  const missing: number[] = [];
  for (let y = from; y <= to; y++) if (!BUILTIN_YEARS.has(y)) missing.push(y);
  if (missing.length === 0) return null;
  return uncovered(missing);
}

function uncovered(years: number[]): ArgError {
  const first = years[0];
  const last = years[years.length - 1];
  const named = first === last ? `${first}` : `${first}–${last}`;
  return argError(
    "na",
    `${named} 年不在内置法定节假日数据范围内（${firstYear}–${lastYear} 年），无法按法定工作日计算`,
    `${named} is outside the built-in statutory holiday data (${firstYear}–${lastYear}); working days cannot be computed`
  );
}

const yearOf = (day: Day): number => ymdOf(day).year;

// ---- Money and tiers ----------------------------------------------------------------------

/**
 * @summary The tail payment for a score: amount × the tier's share, rounded half up to the fen,
 * in yuan.
 * @example
 * tailPay(84, 424300) //=> 381870 (tier B, 90%)
 * tailPay(85.01, 100) //=> 100 (tier A: above 85)
 * tailPay(101, 1) //=> { kind: "num", ... }
 */
export function tailPay(score: unknown, amount: unknown): number | ArgError {
  const s = scoreArg(score);
  if (isArgError(s)) return s;
  const a = amountArg(amount);
  if (isArgError(a)) return a;
  return tailPayFen(s, a, profile.payTiers) / 100;
}

/**
 * @summary The payment tier letter for a score.
 * @example
 * payTier(85) //=> "B" (85 itself is in B: A needs more than 85)
 * payTier(85.01) //=> "A"
 */
export function payTier(score: unknown): string | ArgError {
  const s = scoreArg(score);
  if (isArgError(s)) return s;
  return tierForScore(s, profile.payTiers).tier;
}

/**
 * @summary The share of the tail paid for a score, as a fraction.
 * @example
 * tailRatio(84) //=> 0.9
 * tailRatio(60) //=> 0.5
 */
export function tailRatio(score: unknown): number | ArgError {
  const s = scoreArg(score);
  if (isArgError(s)) return s;
  return tierForScore(s, profile.payTiers).sharePercent / 100;
}

/**
 * @summary An amount in yuan written in Chinese capitals (SPEC §9), rounded half up to the fen,
 * without the 人民币 prefix. Negative amounts and amounts of a trillion yuan or more are #NUM!.
 * @example
 * rmbCaps(381870) //=> "叁拾捌万壹仟捌佰柒拾元整"
 * rmbCaps(1680.32) //=> "壹仟陆佰捌拾元零叁角贰分"
 * rmbCaps(-1) //=> { kind: "num", ... }
 */
export function rmbCaps(amount: unknown): string | ArgError {
  if (typeof amount !== "number" || !Number.isFinite(amount))
    return notANumber("金额", "The amount");
  const r = ratioFromNumber(amount);
  if (r === null || amount < 0)
    return argError("num", "金额不能为负数", "The amount cannot be negative");
  const fen = roundToUnits(r, 100n);
  if (fen > MAX_CAPITALS_FEN)
    return argError(
      "num",
      "金额必须小于一万亿元（壹万亿）",
      "The amount must be less than one trillion yuan"
    );
  return rmbCapitals(fen);
}

// ---- Rate bands ---------------------------------------------------------------------------

/**
 * @summary The points of a rate-banded dimension (attendance, completion): the default profile's
 * bands as lower bounds (≥85% full, ≥70% 80%, ≥60% 60%, else 50%), compared exactly. With
 * `roundWholePercent` the rate is first rounded half up to a whole percent.
 * @example
 * ratePoints(0.85, 30) //=> 30
 * ratePoints(0.8499, 30) //=> 24 (84.99% is below 85%)
 * ratePoints(0.8499, 30, true) //=> 30 (84.99% rounds to 85%)
 * ratePoints(85, 30) //=> { kind: "num", ... } (write 85% as 0.85)
 */
export function ratePoints(
  rate: unknown,
  max: unknown,
  roundWholePercent?: unknown
): number | ArgError {
  if (typeof rate !== "number" || !Number.isFinite(rate)) return notANumber("比率", "The rate");
  const r = ratioFromNumber(rate);
  if (r === null || rate < 0 || rate > 1) {
    return argError(
      "num",
      "比率必须在 0 到 1 之间（85% 写作 0.85）",
      "The rate must be from 0 to 1 (85% is 0.85)"
    );
  }
  if (typeof max !== "number" || !Number.isFinite(max)) return notANumber("满分", "The maximum");
  // A dimension's maximum is part of a 100-point total.
  if (max < 0 || max > 100) {
    return argError("num", "满分必须在 0 到 100 之间", "The maximum must be from 0 to 100");
  }
  const round = flagArg(roundWholePercent, "取整参数", "roundWholePercent");
  if (isArgError(round)) return round;
  const share = bandShare(r.n, r.d, profile.rateBands, round ? "whole-percent" : "none");
  return pointsForShare(max, share) / 100;
}

// ---- Statutory working days ---------------------------------------------------------------

/**
 * The last (dir = 1) or first (dir = -1) day of the run of consecutive built-in years around
 * `day`'s year, which must itself be built in.
 */
function coverageEdge(day: Day, dir: 1 | -1): Day {
  let y = yearOf(day);
  while (BUILTIN_YEARS.has(y + dir)) y += dir;
  return (dir > 0 ? dayFromYmd(y, 12, 31) : dayFromYmd(y, 1, 1)) as Day;
}

/**
 * @summary Excel's WORKDAY on the mainland-China statutory calendar: the date `days` working days
 * after (negative: before) `start`, start not counted; dates are Excel serial numbers.
 * A walk that would leave the built-in years is #N/A, naming the year.
 * @example
 * cnWorkday(45562, 1) //=> 45564 (Fri 2024-09-27 + 1 = Sun 2024-09-29, an adjusted working day)
 * cnWorkday(45565, 1) //=> 45573 (Mon 2024-09-30 + 1 = Tue 2024-10-08, after National Day)
 * cnWorkday(47120, 1) //=> { kind: "na", ... } (2029)
 */
export function cnWorkday(start: unknown, days: unknown): number | ArgError {
  const s = dateArg(start, "开始日期", "The start date");
  if (isArgError(s)) return s;
  const n = daysArg(days);
  if (isArgError(n)) return n;
  const startMissing = coveredYears(yearOf(s), yearOf(s));
  if (startMissing) return startMissing;
  if (n === 0) return serialFromDay(s);
  // Bound the walk before taking it: a huge `days` must not loop through centuries, and the
  // walk must not step into a year the data does not cover.
  const dir = n > 0 ? 1 : -1;
  const edge = coverageEdge(s, dir);
  const available =
    dir > 0
      ? networkDays(BUILTIN_CALENDAR, s + 1, edge)
      : networkDays(BUILTIN_CALENDAR, edge, s - 1);
  if (Math.abs(n) > available) return uncovered([yearOf(edge) + dir]);
  const result = workdayAfter(BUILTIN_CALENDAR, s, n);
  const missing = uncoveredYears(BUILTIN_CALENDAR, Math.min(s, result), Math.max(s, result));
  if (missing.length > 0) return uncovered(missing);
  return serialFromDay(result);
}

/**
 * @summary Excel's NETWORKDAYS on the mainland-China statutory calendar: working days from
 * `start` to `end`, both included; negative when end is before start.
 * @example
 * cnNetworkDays(45474, 45838) //=> 248 (2024-07-01 .. 2025-06-30)
 * cnNetworkDays(45474, 47485) //=> { kind: "na", ... } (2027–2030 not built in)
 */
export function cnNetworkDays(start: unknown, end: unknown): number | ArgError {
  const s = dateArg(start, "开始日期", "The start date");
  if (isArgError(s)) return s;
  const e = dateArg(end, "结束日期", "The end date");
  if (isArgError(e)) return e;
  const missing = coveredYears(yearOf(Math.min(s, e)), yearOf(Math.max(s, e)));
  if (missing) return missing;
  return networkDays(BUILTIN_CALENDAR, s, e);
}
