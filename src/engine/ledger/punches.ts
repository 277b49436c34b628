import type { Day } from "../day";
import { diag, type Diagnostic } from "../diagnostics";
import type { DiagnosticArgs } from "../messages";
import type { RawCell } from "../raw";
import { partsOf, type Located } from "../schema";
import {
  isEmpty,
  isPresentMark,
  isTimeTypedAsNumber,
  memoText,
  parseResultMark,
  parseSlot,
  parseTime,
  timeInDateCell,
  type ResultMark,
  type Slot,
} from "../values";
import { rowsOf } from "./rowsOf";
import { dateParser, type RowView } from "./rowView";

/**
 * The 考勤 (Punches) table in its two layouts: one check per row (日期 · 姓名 · 时段 or 时间 ·
 * 结果, as the template and the attendance apps' raw records have it), or an attendance app's
 * daily statistics, two checks per row (上班1打卡时间 · 上班1打卡结果 · 下班1打卡时间 …).
 */

/** One check: a person's start-of-day (上班) or end-of-day (下班) punch on a date. */
export interface Punch {
  row: number;
  /** The worksheet, when the table is read over several sheets. */
  sheet?: string;
  date: Day;
  name: string;
  slot: Slot;
  present: boolean;
  /** The result as written: late and early are present, leave is absent (SPEC §5). */
  mark: ResultMark;
  /**
   * A daily-statistics row whose result says 休息 or 未排班: no check is recorded (it counts as
   * not punched); kept only so that such a word on an expected working day is warned about.
   */
  restWord?: string;
  /** The result column holding restWord (amResult, pmResult …), for the warning. */
  restColumn?: string;
}

/** The later shifts' end columns, last first: [time key, result key, shift number]. */
const LATER_SHIFT_ENDS: readonly [string, string, number][] = [
  ["pm3Time", "pm3Result", 3],
  ["pm2Time", "pm2Result", 2],
];

/** @summary The checks of the Punches table, in row order (a daily-statistics row gives two). */
export function readPunches(loc: Located, out: Diagnostic[]): Punch[] {
  const punches: Punch[] = [];
  const laterEnds = { count: 0, rows: [] as number[], shift: 0 };
  const date = dateParser(loc);
  checkUnreadResultColumns(loc, out);
  for (const r of rowsOf(loc, out)) {
    const d = r.need("date", date, "bad-date");
    const name = r.needText("name");
    if (r.daily) {
      // The attendance apps' daily statistics: one row per person per day, two checks. With
      // split shifts the day ends at its last 下班 written (下班3, 下班2, then 下班1).
      const am = dailyCheck(r, "amTime", "amResult");
      const end = LATER_SHIFT_ENDS.find(([t, res]) => !isEmpty(r.raw(t)) || !isEmpty(r.raw(res)));
      if (end) {
        laterEnds.count++;
        if (laterEnds.rows.length < 5) laterEnds.rows.push(r.row);
        laterEnds.shift = Math.max(laterEnds.shift, end[2]);
      }
      const pm = end ? dailyCheck(r, end[0], end[1]) : dailyCheck(r, "pmTime", "pmResult");
      if (r.bad || d.kind !== "ok" || name.kind !== "ok") continue;
      if (am) punches.push(punch(r, d.value, name.value, "上班", am));
      if (pm) punches.push(punch(r, d.value, name.value, "下班", pm));
      // 休息 / 未排班 records no check; one marker a row, so that the word on a day the contract
      // counts as a working day (a 调休 Saturday the app's schedule left out) is said.
      if (!am || !pm) {
        const pmKey = end ? end[1] : "pmResult";
        const amRest = am ? undefined : restWordOf(r.raw("amResult"));
        const rest = amRest ?? (pm ? undefined : restWordOf(r.raw(pmKey)));
        if (rest !== undefined)
          punches.push({
            ...punch(r, d.value, name.value, "上班", "absent"),
            restWord: rest,
            restColumn: amRest !== undefined ? "amResult" : pmKey,
          });
      }
      continue;
    }
    const slot = slotOf(r);
    const result = r.get("result", parseResultMark, "bad-result");
    if (r.bad || d.kind !== "ok" || name.kind !== "ok" || slot === null || result.kind === "bad")
      continue;
    punches.push(
      punch(r, d.value, name.value, slot, result.kind === "ok" ? result.value : "present")
    );
  }
  if (laterEnds.count > 0)
    out.push(
      diag("later-shift-end-read", { table: loc.def.key, row: laterEnds.rows[0] }, laterEnds)
    );
  return punches;
}

function punch(r: RowView, date: number, name: string, slot: Slot, mark: ResultMark): Punch {
  const p: Punch = { row: r.row, date, name, slot, present: isPresentMark(mark), mark };
  if (r.sheet !== undefined) p.sheet = r.sheet;
  return p;
}

/**
 * The check a one-check row records: its 时段, or failing that the time of day it was punched
 * (the 时间 column, or a time in the date cell itself: punch-clock exports often hold
 * "2024-07-01 08:32" in one cell), before noon 上班. Null when it cannot be told: a bad 时段 or
 * 时间 (reported as such), or neither written (reported as slot-missing).
 */
function slotOf(r: RowView): Slot | null {
  const slot = r.get("slot", parseSlot, "bad-slot");
  if (slot.kind !== "empty") {
    // A time typed as a number (8.52 for 8:52) is an error even when the slot is known.
    reportTimeTypedAsNumber(r, "time");
    return slot.kind === "ok" ? slot.value : null;
  }
  const time = r.get("time", parseTime, "bad-time");
  if (time.kind === "bad") return null;
  const minutes = time.kind === "ok" ? time.value : timeInDateCell(r.raw("date"));
  if (minutes === null) {
    // With no 时段 column, the empty cell the supervisor sees is the time (打卡时间).
    const args = slotMissingArgs(r);
    r.report(args.noSlotColumn ? "time" : "slot", "slot-missing", args);
    return null;
  }
  return minutes < 720 ? "上班" : "下班";
}

/**
 * What slot-missing says of the row's table: no 时段 and no 时间 column at all (the cause is the
 * sheet's headers, not this row); or no 时段 column, the time (as the sheet heads it: 打卡时间)
 * being empty; or both empty.
 */
function slotMissingArgs(r: RowView): DiagnosticArgs["slot-missing"] {
  if (!r.has("slot") && !r.has("time")) return { noColumns: true };
  const header = r.exportHeaderOf("time");
  const time = header !== undefined ? { time: header } : {};
  return r.has("slot") ? time : { ...time, noSlotColumn: true };
}

/**
 * 休息 (or 未排班, the person had no shift that day) in a daily export's result column: the app
 * did not expect a check, so none is recorded.
 */
const isRestWord = memoText((s: string) =>
  /^(休息|休息日|rest|未排班)$/i.test(s.normalize("NFKC").trim())
);
const restWordOf = (c: RawCell): string | undefined =>
  typeof c === "string" && isRestWord(c) ? c.trim() : undefined;

/** A time column read only for its presence still refuses 8.52 typed for 8:52 (`bad-time`). */
function reportTimeTypedAsNumber(r: RowView, key: string): void {
  const t = r.raw(key);
  if (isTimeTypedAsNumber(t)) r.report(key, "bad-time", { value: t });
}

/**
 * One check of a daily-statistics row: its result word, or present when only a time is written;
 * null when neither is written (or the app wrote 休息): no check recorded, which can only lower
 * attendance, never raise it.
 */
function dailyCheck(r: RowView, timeKey: string, resultKey: string): ResultMark | null {
  // SPEC §5: a time typed as a number (8.52 for 8:52) is bad-time here too, as in 时间.
  reportTimeTypedAsNumber(r, timeKey);
  if (restWordOf(r.raw(resultKey)) !== undefined) return null;
  const result = r.get(resultKey, parseResultMark, "bad-result");
  if (result.kind === "ok") return result.value;
  if (result.kind === "bad") return null;
  return isEmpty(r.raw(timeKey)) ? null : "present";
}

/**
 * A punch sheet with no 结果 column reads every row as present (SPEC §2). When a column the
 * tool does not know (出勤情况, 考勤状态 …) holds absence words (缺勤, 缺卡, 请假 …), reading it
 * so would count those checks present in silence: one error per such column instead, naming it.
 */
function checkUnreadResultColumns(loc: Located, out: Diagnostic[]): void {
  for (const { table, columns } of partsOf(loc)) {
    if ("result" in columns || "amResult" in columns || "pmResult" in columns) continue;
    const mapped = new Set(Object.values(columns));
    for (let c = 0; c < table.headers.length; c++) {
      if (mapped.has(c)) continue;
      for (let i = 0; i < table.rows.length; i++) {
        const v = table.rows[i][c];
        if (typeof v !== "string") continue;
        const m = parseResultMark(v);
        if (m === "absent" || m === "leave") {
          const where = {
            table: loc.def.key,
            row: table.headerRow + 1 + i,
            ...(loc.more ? { sheet: table.sheet } : {}),
          };
          out.push(
            diag("result-column-not-read", where, { header: table.headers[c], value: v.trim() })
          );
          break;
        }
      }
    }
  }
}
