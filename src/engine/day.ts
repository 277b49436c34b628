/**
 * Calendar dates as whole day numbers (days since 1970-01-01). All arithmetic is on integers and
 * every conversion goes through UTC, so no local time zone can move a date to another day.
 */

/** A calendar date as a whole number of days since 1970-01-01 (no time, no zone). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const SERIAL_1970 = 25_569;
/** Serial offset between the 1904 and 1900 date systems. */
const OFFSET_1904 = 1_462;

/**
 * @summary The day number of a calendar date, or null when the date does not exist.
 * @example
 * dayFromYmd(2024, 7, 1) //=> 19905
 * dayFromYmd(2024, 2, 30) //=> null
 */
export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear undoes that.
  d.setUTCFullYear(year);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Year, month (1-12) and day of month of a day number. */
export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * @summary ISO text (`2024-07-01`) of a day number.
 * @example
 * dayToIso(19905) //=> "2024-07-01"
 */
export function dayToIso(day: Day): string {
  const { year, month, day: dom } = ymdOf(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dom).padStart(2, "0")}`;
}

/** Day of week, 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * @summary The calendar day of an Excel serial number (its whole part; a time fraction is dropped).
 * Serial 60 is Excel's fictitious 1900-02-29 and has no day: null. Below 1 is not a date.
 * @example
 * dayFromSerial(45474) //=> 19905 (2024-07-01)
 * dayFromSerial(45474.75) //=> 19905
 * dayFromSerial(0) //=> null
 */
export function dayFromSerial(serial: number, date1904 = false): Day | null {
  if (!Number.isFinite(serial)) return null;
  let whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0) return null;
    whole += OFFSET_1904;
  } else {
    if (whole < 1 || whole === 60) return null;
    // Excel counts 1900-02-29, which never was: serials 1..59 are one day later than they say.
    if (whole < 60) whole += 1;
  }
  if (whole > 2_958_465) return null; // 9999-12-31
  return whole - SERIAL_1970;
}

/**
 * @summary The Excel serial number (1900 date system) of a day.
 * @example
 * serialFromDay(19905) //=> 45474
 */
export function serialFromDay(day: Day): number {
  const serial = day + SERIAL_1970;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * @summary The serial a workbook in the given date system needs to show the date of a
 * 1900-system serial (`serialFromDay` gives those).
 * @example
 * serialInDateSystem(45474, false) //=> 45474 (2024-07-01)
 * serialInDateSystem(45474, true) //=> 44012 (2024-07-01 in a 1904 workbook)
 */
export function serialInDateSystem(serial1900: number, date1904: boolean): number {
  return date1904 ? serial1900 - OFFSET_1904 : serial1900;
}

const DATE_TEXT = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** An attendance app's day column: `24-07-01 星期一` (two-digit year, weekday after). */
const DATE_APP = /^(\d{2})-(\d{1,2})-(\d{1,2})(?:\s*(?:星期|周)[一二三四五六日天])?$/;

/**
 * @summary Parse a date written as text: `2024-07-01`, `2024/7/1`, `2024.7.1`, `2024年7月1日`,
 * `20240701`; a time after the date is ignored. Full-width digits are accepted.
 * Returns null for anything else, or for a date that does not exist.
 * @example
 * parseDateText("2024年7月1日") //=> 19905
 * parseDateText("2024-02-30") //=> null
 */
export function parseDateText(text: string): Day | null {
  const t = text.normalize("NFKC").trim();
  const m = DATE_TEXT.exec(t) ?? DATE_COMPACT.exec(t);
  if (!m) {
    const a = DATE_APP.exec(t);
    return a ? dayFromYmd(2000 + Number(a[1]), Number(a[2]), Number(a[3])) : null;
  }
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Day number of an ISO date; throws on bad input (for constants and tests only). */
export function isoDay(iso: string): Day {
  const d = parseDateText(iso);
  if (d === null) throw new Error(`not a date: ${iso}`);
  return d;
}

/**
 * @summary The calendar month of a day, as `YYYY-MM`.
 * @example
 * monthKey(isoDay("2024-07-31")) //=> "2024-07"
 */
export function monthKey(day: Day): string {
  const { year, month } = ymdOf(day);
  return `${year}-${String(month).padStart(2, "0")}`;
}
