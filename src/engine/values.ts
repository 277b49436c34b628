import { dayFromSerial, parseDateText, type Day } from "./day";
import { ratio, ratioFromDecimalText, ratioFromNumber, type Ratio } from "./ratio";
import type { CellError, RawCell } from "./raw";

/**
 * Cell value parsers. Each returns the typed value, `null` for an empty cell, or `BAD` when the
 * cell holds something outside the accepted forms; the ledger reader turns BAD into a diagnostic
 * that names the cell. The accepted forms are those of SPEC §2.
 */

/** Which of the day's two checks a punch is: the start of the day (上班) or its end (下班). */
export type Slot = "上班" | "下班";

/** A complaint's category: 日常维护 (maintenance) or 响应度 (responsiveness). */
export type Category = "maintenance" | "responsiveness";

export const BAD = Symbol("bad");
export type Parsed<T> = T | null | typeof BAD;

/**
 * The error text a reader gives a formula cell saved without a calculated value, so the engine
 * can ask the user to recalculate instead of reporting an error value.
 */
export const NO_CACHE_ERROR = "#NOCACHE";

export function isCellError(c: RawCell): c is CellError {
  return typeof c === "object" && c !== null && "error" in c;
}

/** Empty: null (or a hole in a sparse row), or text of nothing but spaces. */
export function isEmpty(c: RawCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** Text of a cell, trimmed and NFKC-normalised for matching (full-width letters to half-width). */
function norm(c: string): string {
  return c.normalize("NFKC").trim().toLowerCase();
}

/**
 * @summary Remember a text parser's answers. Ledger columns repeat a handful of values (上班,
 * 到岗, 是, a few dozen names) hundreds of thousands of times, and Unicode normalisation is the
 * costly part of parsing them. At most `limit` distinct texts are kept, so a column of unique
 * values costs no more than parsing each once.
 */
export function memoText<T>(parse: (s: string) => T, limit = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = parse(s);
    if (cache.size < limit) cache.set(s, v);
    return v;
  };
}

/** A cell as display text (trimmed), or null when empty. Numbers keep their shortest form. */
export function textOf(c: RawCell): string | null {
  if (isEmpty(c) || isCellError(c)) return null;
  if (typeof c === "string") return c.trim();
  return String(c);
}

/**
 * @summary A calendar date from a cell: an Excel serial number or date text.
 * @example
 * parseDate(45474) //=> 19905 (2024-07-01)
 * parseDate("2024/7/1") //=> 19905
 * parseDate("soon") //=> BAD
 */
export function parseDate(c: RawCell, date1904 = false): Parsed<Day> {
  if (isEmpty(c)) return null;
  if (typeof c === "number") return dayFromSerial(c, date1904) ?? BAD;
  if (typeof c === "string") {
    const t = c.normalize("NFKC").trim();
    // A serial number stored as text ("45474") is still a serial.
    if (/^\d{5}(\.\d+)?$/.test(t)) return dayFromSerial(Number(t), date1904) ?? BAD;
    return parseDateText(t) ?? BAD;
  }
  return BAD;
}

/**
 * @summary A memoised parser of text that names one of two values: words in `aWords` give `a`,
 * words in `bWords` give `b` (after NFKC, trimming and lower case; with `ignoreSpaces`, spaces
 * inside are dropped too), anything else is BAD.
 * @example
 * twoWay(new Set(["是"]), true, new Set(["否"]), false)(" 是 ") //=> true
 */
function twoWay<T>(
  aWords: ReadonlySet<string>,
  a: T,
  bWords: ReadonlySet<string>,
  b: T,
  ignoreSpaces = false
): (c: string) => Parsed<T> {
  return memoText((c: string): Parsed<T> => {
    const t = ignoreSpaces ? norm(c).replace(/\s+/g, "") : norm(c);
    if (aWords.has(t)) return a;
    if (bWords.has(t)) return b;
    return BAD;
  });
}

const YES = new Set(["是", "y", "yes", "true", "✓", "✔", "√", "1"]);
const NO = new Set(["否", "n", "no", "false", "✗", "✘", "×", "0"]);

/**
 * @summary Yes/no: 是/否, Y/N, yes/no, true/false, ✓/✗ and Excel booleans.
 * @example
 * parseYesNo("是") //=> true
 * parseYesNo(false) //=> false
 * parseYesNo("maybe") //=> BAD
 */
export function parseYesNo(c: RawCell): Parsed<boolean> {
  if (isEmpty(c)) return null;
  if (typeof c === "boolean") return c;
  if (typeof c === "number") return c === 1 ? true : c === 0 ? false : BAD;
  if (typeof c !== "string") return BAD;
  return yesNoText(c);
}

const yesNoText = twoWay(YES, true, NO, false);

/**
 * Words ledgers write in place of the template's (SPEC §10), by the kind of column, each with the
 * template word it stands for: read as that word, and a reader says so (`habitWordOf`). Spaces
 * inside are ignored, full-width forms folded.
 */
const HABIT_WORDS = {
  verified: new Map([
    ["属实", "是"],
    ["不属实", "否"],
  ]),
  routed: new Map([
    ["已流转", "是"],
    ["未流转", "否"],
  ]),
  category: new Map([
    ["日常维护类", "日常维护"],
    ["日常维护问题", "日常维护"],
    ["响应度类", "响应度"],
    ["响应度问题", "响应度"],
  ]),
  dayType: new Map([
    ["休", "休息日"],
    ["休息", "休息日"],
    ["节假日", "休息日"],
    ["假", "休息日"],
    ["班", "工作日"],
    ["上班", "工作日"],
    ["补班", "工作日"],
  ]),
} as const satisfies Record<string, ReadonlyMap<string, string>>;

/** A column whose values may be written in a ledger's own words (SPEC §10). */
export type HabitColumn = keyof typeof HABIT_WORDS | "score";

const habitKey = memoText((c: string): string => norm(c).replace(/\s+/g, ""));

/** A score written with its unit: 92分, 88.5 分. */
const SCORE_WITH_UNIT = /^(\d+(?:\.\d+)?)\s*分$/;

/**
 * @summary The template's word for a cell written in one of SPEC §10's ledger words, or null
 * when the cell holds the template's own word (or anything else).
 * @example
 * habitWordOf("verified", "属实") //=> "是"
 * habitWordOf("score", "92分") //=> "92"
 * habitWordOf("verified", "是") //=> null
 */
export function habitWordOf(kind: HabitColumn, c: RawCell): string | null {
  if (typeof c !== "string") return null;
  if (kind === "score") {
    const m = SCORE_WITH_UNIT.exec(c.normalize("NFKC").trim());
    return m ? m[1] : null;
  }
  return (HABIT_WORDS[kind] as ReadonlyMap<string, string>).get(habitKey(c)) ?? null;
}

/** The template word a ledger word stands for, through the template's own parser. */
function viaHabit<T>(kind: keyof typeof HABIT_WORDS, parse: (c: string) => Parsed<T>) {
  return memoText((c: string): Parsed<T> => {
    const template = HABIT_WORDS[kind] as ReadonlyMap<string, string>;
    const word = template.get(habitKey(c));
    return parse(word ?? c);
  });
}

/** A complaint not verified yet (SPEC §10): 核实中, 待核实, 调查中 (or an empty cell). */
export const CHECKING = "checking";

const CHECKING_WORDS = new Set(["核实中", "待核实", "调查中"]);

/**
 * @summary 核实属实: yes/no as parseYesNo, 属实/不属实 too, and 核实中/待核实/调查中 as CHECKING
 * (still being checked). Empty is null: the reader takes it as still being checked too.
 * @example
 * parseVerified("不属实") //=> false
 * parseVerified("待核实") //=> "checking"
 * parseVerified("不确定") //=> BAD
 */
export function parseVerified(c: RawCell): Parsed<boolean | typeof CHECKING> {
  if (typeof c === "string" && !isEmpty(c) && CHECKING_WORDS.has(habitKey(c))) return CHECKING;
  if (typeof c === "string" && !isEmpty(c)) return verifiedText(c);
  return parseYesNo(c);
}

const verifiedText = viaHabit("verified", yesNoText);

/**
 * @summary 流转乙方: yes/no as parseYesNo, and 已流转/未流转.
 * @example
 * parseRouted("已流转") //=> true
 */
export function parseRouted(c: RawCell): Parsed<boolean> {
  if (typeof c === "string" && !isEmpty(c)) return routedText(c);
  return parseYesNo(c);
}

const routedText = viaHabit("routed", yesNoText);

const NOT_RETURNED = new Set(["未回收", "未返回", "未填写"]);

/**
 * @summary A survey row whose form did not come back (SPEC §10): an empty score, or 未回收,
 * 未返回, 未填写.
 * @example
 * isNotReturned("未回收") //=> true
 * isNotReturned("待定") //=> false
 */
export function isNotReturned(c: RawCell): boolean {
  return isEmpty(c) || (typeof c === "string" && NOT_RETURNED.has(habitKey(c)));
}

/** 日常维护 / maintenance, 响应度 / responsiveness. */
export function parseCategory(c: RawCell): Parsed<Category> {
  if (isEmpty(c)) return null;
  if (typeof c !== "string") return BAD;
  return categoryText(c);
}

const categoryText = viaHabit(
  "category",
  twoWay<Category>(
    new Set(["日常维护", "maintenance"]),
    "maintenance",
    new Set(["响应度", "responsiveness"]),
    "responsiveness",
    true
  )
);

const AM = new Set(["上班", "上班后", "上午", "am", "上班打卡", "上班1", "签到"]);
const PM = new Set(["下班", "下班前", "下午", "pm", "下班打卡", "下班1", "签退"]);

/** 上班 (上班后, 上午, AM, 上班打卡, 上班1, 签到) or 下班 (下班前, 下午, PM, 下班打卡, 下班1, 签退). */
export function parseSlot(c: RawCell): Parsed<Slot> {
  if (isEmpty(c)) return null;
  if (typeof c !== "string") return BAD;
  return slotText(c);
}

const slotText = twoWay<Slot>(AM, "上班", PM, "下班", true);

/**
 * @summary A time typed as a number (8.52 for 8:52): a number from 1 up to 100 in a time cell.
 * SPEC §5: never read as a day fraction. A date-time serial (from 100, April 1900, on: no time
 * typed as a number is that large) still gives its time of day.
 */
export function isTimeTypedAsNumber(c: RawCell | undefined): c is number {
  return typeof c === "number" && c >= 1 && c < 100;
}

/**
 * @summary Minutes after midnight of a time cell: a day fraction (Excel time), a serial with a
 * time part, or text `8:30`, `08:30:15`, `下午 5:30`, `5:30 PM`.
 * @example
 * parseTime(0.354166) //=> 510 (08:30)
 * parseTime("17:45") //=> 1065
 */
export function parseTime(c: RawCell): Parsed<number> {
  if (isEmpty(c)) return null;
  if (typeof c === "number") {
    if (!Number.isFinite(c) || c < 0 || isTimeTypedAsNumber(c)) return BAD;
    const frac = c - Math.floor(c);
    // Round to the second before taking minutes, so 0.5 stays exactly 12:00.
    const seconds = Math.round(frac * 86_400);
    return Math.floor(seconds / 60) % 1440;
  }
  if (typeof c !== "string") return BAD;
  let t = norm(c).replace(/\s+/g, "");
  let shift = 0;
  let meridiem = false;
  const pm = /^(下午|晚上|pm)|(pm)$/;
  const am = /^(上午|早上|am)|(am)$/;
  if (pm.test(t)) {
    shift = 720;
    meridiem = true;
    t = t.replace(pm, "");
  } else if (am.test(t)) {
    meridiem = true;
    t = t.replace(am, "");
  }
  let m = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(t);
  // An attendance app's 打卡时间 may carry the date too: `2024-07-01 08:52`.
  if (!m && !meridiem) {
    const dt =
      /^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:t)?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(
        t
      );
    if (dt) m = dt;
  }
  if (!m) return BAD;
  let h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 23 || (meridiem && h > 12)) return BAD;
  if (meridiem) h = (h % 12) + shift / 60;
  return h * 60 + min;
}

/**
 * @summary The time of day carried by a date cell, in minutes after midnight: a date-time serial
 * with a time part, or text such as `2024-07-01 08:32`. Null when the cell holds a date alone
 * (midnight counts as no time: a bare date says nothing about the slot).
 * @example
 * timeInDateCell(45474.354166) //=> 510 (08:30)
 * timeInDateCell("2024/7/1 17:45") //=> 1065
 * timeInDateCell(45474) //=> null
 */
export function timeInDateCell(c: RawCell): number | null {
  if (typeof c === "number") {
    if (!Number.isFinite(c) || c === Math.floor(c)) return null;
    const t = parseTime(c - Math.floor(c));
    return t === BAD || t === null || t === 0 ? null : t;
  }
  if (typeof c !== "string") return null;
  const m = /^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?[T\s]+(.+)$/.exec(
    c.normalize("NFKC")
  );
  if (!m) return null;
  const t = parseTime(m[1]);
  return t === BAD ? null : t;
}

/**
 * How an attendance result reads (SPEC §5, our reading): late or early is still at the post,
 * so present; leave of any kind is absent (the contract grants no leave exemption).
 */
export type ResultMark = "present" | "late" | "early" | "absent" | "leave";

const RESULT_WORDS: Record<string, ResultMark> = {};
for (const w of ["到岗", "出勤", "present", "✓", "✔", "√", "是", "正常", "外勤", "补卡"])
  RESULT_WORDS[w] = "present";
for (const w of ["迟到"]) RESULT_WORDS[w] = "late";
for (const w of ["早退"]) RESULT_WORDS[w] = "early";
for (const w of ["缺勤", "absent", "✗", "✘", "×", "否", "缺卡", "未打卡", "旷工"])
  RESULT_WORDS[w] = "absent";
for (const w of ["请假", "事假", "病假", "年假", "休假", "调休"]) RESULT_WORDS[w] = "leave";

/** Whether a result mark counts the check as present. */
export const isPresentMark = (m: ResultMark): boolean =>
  m === "present" || m === "late" || m === "early";

/**
 * @summary A check's result: 到岗/出勤/present/✓/是/正常/外勤/补卡 → present, 迟到 → late,
 * 早退 → early, 缺勤/absent/✗/否/缺卡/未打卡/旷工 → absent, 请假/事假/病假/年假/休假/调休 → leave;
 * empty → null (present). Excel booleans: true present, false absent.
 */
export function parseResultMark(c: RawCell): Parsed<ResultMark> {
  if (isEmpty(c)) return null;
  if (typeof c === "boolean") return c ? "present" : "absent";
  if (typeof c !== "string") return BAD;
  return resultMarkText(c);
}

const resultMarkText = memoText((c: string): Parsed<ResultMark> => {
  return RESULT_WORDS[norm(c).replace(/\s+/g, "")] ?? BAD;
});

/** 到岗/出勤/present/✓/是 (and the apps' words, see parseResultMark) → true; absent or leave → false. */
export function parseResult(c: RawCell): Parsed<boolean> {
  const m = parseResultMark(c);
  return m === null || m === BAD ? m : isPresentMark(m);
}

/**
 * @summary A survey score from 0 to 100, exactly as written (a number, or a number stored as text).
 * @example
 * parseScore(87.5) //=> { n: 175n, d: 2n }
 * parseScore("90") //=> { n: 90n, d: 1n }
 * parseScore(101) //=> BAD
 */
export function parseScore(c: RawCell, scale = 100, percent = false): Parsed<Ratio> {
  if (isEmpty(c)) return null;
  let r: Ratio | null = null;
  if (typeof c === "number") {
    r = ratioFromNumber(c);
    // A cell formatted as a percentage: 0.92 shown as 92% is 92.
    if (r && percent) r = ratio(r.n * 100n, r.d);
  } else if (typeof c === "string") {
    const t = c.normalize("NFKC").trim();
    // A score written with its unit (SPEC §10): 92分, 88.5 分 is the number.
    const withUnit = SCORE_WITH_UNIT.exec(t);
    if (withUnit) r = ratioFromDecimalText(withUnit[1]);
    else if (t.endsWith("%")) r = ratioFromDecimalText(t.slice(0, -1));
    else r = ratioFromDecimalText(t);
  }
  if (r === null || r.n < 0n || r.n > BigInt(scale) * r.d) return BAD;
  return r;
}

/**
 * @summary A money amount in yuan from a number or text such as `848,600.00`, `¥848600`,
 * `848600元`; returned in fen when it is a whole number of fen.
 * @example
 * parseAmountFen("848,600.00") //=> 84860000
 */
export function parseAmountFen(c: RawCell, unitTenThousand = false): Parsed<number> {
  if (isEmpty(c)) return null;
  let r: Ratio | null = null;
  if (typeof c === "number") {
    r = ratioFromNumber(c);
    // An item named 合同金额（万元）: 84.8612 is 848,612.00 yuan.
    if (r && unitTenThousand) r = ratio(r.n * 10000n, r.d);
  } else if (typeof c === "string") {
    let t = c
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/^[¥￥]|,/g, "");
    // 56万元 = 560,000.00.
    let tenThousands = false;
    if (/万元?$/.test(t)) {
      tenThousands = true;
      t = t.replace(/万元?$/, "");
    } else if (/元$/.test(t)) t = t.replace(/元$/, "");
    else tenThousands = unitTenThousand; // no unit written: the item's
    r = ratioFromDecimalText(t);
    if (r && tenThousands) r = ratio(r.n * 10000n, r.d);
  }
  if (r === null || r.n < 0n) return BAD;
  const fen = r.n * 100n;
  if (fen % r.d !== 0n) return BAD;
  return Number(fen / r.d);
}

/**
 * @summary A share: `0.5`, `50%`, or a number; must be from 0 to 1.
 * @example
 * parseShare("50%") //=> { n: 1n, d: 2n }
 */
export function parseShare(c: RawCell): Parsed<Ratio> {
  if (isEmpty(c)) return null;
  let r: Ratio | null = null;
  if (typeof c === "number") r = ratioFromNumber(c);
  else if (typeof c === "string") {
    const t = c.normalize("NFKC").trim();
    if (t.endsWith("%")) {
      const p = ratioFromDecimalText(t.slice(0, -1));
      r = p && ratio(p.n, p.d * 100n);
    } else r = ratioFromDecimalText(t);
  }
  if (r === null || r.n < 0n || r.n > r.d) return BAD;
  return r;
}

/**
 * 工作日 / Workday → true; 休息日 / RestDay (and Holiday) → false; the calendar words of SPEC §10
 * too: 班, 上班, 补班 working, 休, 休息, 节假日, 假 rest.
 */
export function parseDayType(c: RawCell): Parsed<boolean> {
  if (isEmpty(c)) return null;
  if (typeof c !== "string") return BAD;
  const word = habitWordOf("dayType", c);
  const t = word ?? norm(c).replace(/[\s_-]+/g, "");
  if (t === "工作日" || t === "workday") return true;
  if (t === "休息日" || t === "restday" || t === "holiday") return false;
  return BAD;
}

/**
 * @summary A head count from 1 to 99: a whole number, or text of one ("3", "3人").
 * @example
 * parseCount(3) //=> 3
 * parseCount("3人") //=> 3
 * parseCount(2.5) //=> BAD
 */
export function parseCount(c: RawCell): Parsed<number> {
  if (isEmpty(c)) return null;
  const n =
    typeof c === "number"
      ? c
      : typeof c === "string"
        ? Number(norm(c).replace(/[人名]$/, ""))
        : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : BAD;
}
