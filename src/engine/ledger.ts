import { diag, type Diagnostic } from "./diagnostics";
import type { DiagnosticArgs, DiagnosticCode, ValueCode } from "./messages";
import { columnMatches, exportHeaderOf, normalizeName, partsOf, type Located } from "./schema";
import type { ColumnDef, TableDef, TableKey } from "./tables";
import type { Day } from "./day";
import type { Ratio } from "./ratio";
import type { RawCell, RawTable } from "./raw";
import {
  BAD,
  NO_CACHE_ERROR,
  isCellError,
  isEmpty,
  memoText,
  parseCategory,
  parseDate,
  parseDayType,
  parseResultMark,
  isPresentMark,
  isTimeTypedAsNumber,
  parseScore,
  parseSlot,
  parseTime,
  parseYesNo,
  textOf,
  timeInDateCell,
  type Parsed,
  type ResultMark,
  type Category,
  type Slot,
} from "./values";

export interface RosterMember {
  row: number;
  sheet?: string;
  name: string;
  role: string | null;
  start: Day | null;
  end: Day | null;
}

export interface Punch {
  row: number;
  /** The worksheet, when the table is read over several sheets. */
  sheet?: string;
  date: Day;
  name: string;
  slot: Slot;
  present: boolean;
  /** The result as written: late and early are present, leave is absent (SPEC §5). */
  mark: "present" | "late" | "early" | "absent" | "leave";
  /**
   * A daily-statistics row whose result says 休息 or 未排班: no check is recorded (it counts as
   * not punched); kept only so that such a word on an expected working day is warned about.
   */
  restWord?: string;
  /** The result column holding restWord (amResult, pmResult …), for the warning. */
  restColumn?: string;
}

export interface Ticket {
  row: number;
  sheet?: string;
  id: string;
  routed: boolean;
  status: string;
  completed: boolean;
  created: Day | null;
}

export interface Complaint {
  row: number;
  sheet?: string;
  id: string;
  date: Day | null;
  category: Category;
  verified: boolean;
  deadline: Day | null;
  rectifiedOn: Day | null;
  note: string | null;
}

export interface Survey {
  row: number;
  respondent: string | null;
  /** Exact score 0..100. */
  score: Ratio;
}

export interface CalendarOverride {
  row: number;
  date: Day;
  workday: boolean;
}

/** The typed ledger after parsing: what the dimensions score. */
export interface Ledger {
  roster: RosterMember[];
  punches: Punch[];
  tickets: Ticket[];
  complaints: Complaint[];
  surveys: Survey[];
  calendar: CalendarOverride[];
  /** Which logical tables were found, and where. */
  found: Partial<Record<TableKey, { name: string; sheet: string; rows: number }>>;
}

/**
 * The ledger reader: located raw tables in, typed rows and diagnostics out. Each bad cell gives
 * one error naming its table, worksheet row and column, and what was expected; the row is then
 * left out of the typed rows (the run is invalid anyway, so nothing is scored from it).
 */

/** One data row of a located table, with typed access to its cells that reports bad values. */
export class RowView {
  private cells: RawCell[] = [];
  /** Worksheet row number. */
  row = 0;
  /** The worksheet, named only when the table spans several sheets. */
  sheet: string | undefined = undefined;
  /** Set when any cell of this row was reported bad. */
  bad = false;
  /** The column indexes of the part (sheet) the row stands in. */
  columns: Record<string, number>;
  private part: RawTable;

  constructor(
    private readonly loc: Located,
    private readonly out: Diagnostic[]
  ) {
    this.columns = loc.columns;
    this.part = loc.table;
  }

  /** Point the view at another part of a table read over several sheets. */
  moveToPart(table: RawTable, columns: Record<string, number>): void {
    this.part = table;
    this.columns = columns;
    this.sheet = this.loc.more ? table.sheet : undefined;
    this.daily = ["amResult", "pmResult", "amTime", "pmTime"].some((k) => k in columns);
  }

  /** The part has the daily-statistics columns (上班1打卡结果 …): two checks per row. */
  daily = false;

  /** Point the view at another row (one view serves a whole table: no allocation per row). */
  moveTo(cells: RawCell[], row: number): this {
    this.cells = cells;
    this.row = row;
    this.bad = false;
    this.masked = null;
    return this;
  }

  /** Column indexes read as empty in this row: a header cell merged down over them. */
  masked: ReadonlySet<number> | null = null;

  raw(key: string): RawCell {
    const i = this.columns[key];
    if (i === undefined || (this.masked !== null && this.masked.has(i))) return null;
    return this.cells[i] ?? null;
  }

  /** Whether the cell of column `key` is read as empty because its header was merged over it. */
  private isMasked(key: string): boolean {
    const i = this.columns[key];
    return this.masked !== null && i !== undefined && this.masked.has(i);
  }

  /** Column `key`'s header as the row's sheet writes it, when it is an export's name (打卡时间). */
  exportHeaderOf(key: string): string | undefined {
    return exportHeaderOf(this.loc.def, { table: this.part, columns: this.columns }, key);
  }

  /** Whether the table has column `key`. */
  has(key: string): boolean {
    return this.columns[key] !== undefined;
  }

  /** Whether the cell in column `key` is formatted as a percentage. */
  isPercent(key: string): boolean {
    const set = this.part.percentCells;
    const i = this.columns[key];
    return (
      set !== undefined && i !== undefined && set.has(`${this.row},${this.part.firstColumn + i}`)
    );
  }

  /** Report a problem with the cell in column `key` of this row; an error marks the row bad. */
  report<C extends DiagnosticCode>(key: string, code: C, args: DiagnosticArgs[C]): void {
    const where = { table: this.loc.def.key, row: this.row, column: key, sheet: this.sheet };
    if (where.sheet === undefined) delete where.sheet;
    const d = diag(code, where, args);
    if (d.severity === "error") this.bad = true;
    this.out.push(d);
  }

  /** The cell through a parser; a bad or error cell is reported (as `code`) and read as undefined. */
  get<T>(key: string, parse: (c: RawCell) => Parsed<T>, code: ValueCode): T | null | undefined {
    const c = this.raw(key);
    if (isCellError(c)) {
      this.reportCellError(key, c.error);
      return undefined;
    }
    const v = parse(c);
    if (v === BAD) {
      this.report(key, code, { value: c });
      return undefined;
    }
    return v;
  }

  /** A required cell: empty is reported too. */
  need<T>(key: string, parse: (c: RawCell) => Parsed<T>, code: ValueCode): T | undefined {
    const v = this.get(key, parse, code);
    if (v === null) {
      // A cell under a merged header has its error already.
      if (!this.isMasked(key)) this.report(key, "empty-required", { expected: code });
      return undefined;
    }
    return v;
  }

  /** Text of a cell (errors reported), or null when empty. */
  text(key: string): string | null | undefined {
    const c = this.raw(key);
    if (isCellError(c)) {
      this.reportCellError(key, c.error);
      return undefined;
    }
    return textOf(c);
  }

  /** Text of a required cell: empty is reported (and read as null). */
  needText(key: string): string | null | undefined {
    const t = this.text(key);
    if (t === null && !this.isMasked(key)) this.report(key, "empty-required", { expected: null });
    return t;
  }

  /** Report an error value (`#N/A`) or a formula with no calculated value in a cell. */
  reportCellError(key: string, error: string): void {
    if (error === NO_CACHE_ERROR) this.report(key, "formula-no-value", {});
    else this.report(key, "cell-error", { error });
  }
}

/**
 * @summary The data rows of a located table that are not blank, each seen through one shared
 * RowView (valid only until the next row: copy what you keep).
 */
export function* rowsOf(loc: Located, out: Diagnostic[]): Generator<RowView> {
  const view = new RowView(loc, out);
  for (const part of partsOf(loc)) {
    const { table, columns } = part;
    view.moveToPart(table, columns);
    const id = columns[loc.def.idColumn];
    const spill = headerSpill(table, columns);
    const idDef = loc.def.columns.find((c) => c.key === loc.def.idColumn)!;
    for (let i = 0; i < table.rows.length; i++) {
      const cells = table.rows[i];
      // The first non-empty cell; none: a blank row, skipped.
      let lead: RawCell | undefined;
      for (let c = 0; c < cells.length && lead === undefined; c++)
        if (!isEmpty(cells[c])) lead = cells[c];
      if (lead === undefined) continue;
      view.moveTo(cells, table.headerRow + 1 + i);
      // A totals or hint row (合计, 平均分, Total …) in the identifying or the first non-empty
      // cell, which stands in for the first cell: a 序号 column left empty on the totals row, or
      // an identifying column the tool does not read (受访单位).
      const idCell = id === undefined ? undefined : cells[id];
      const total = isTotalsWord(idCell)
        ? idCell
        : isTotalsWord(lead)
          ? lead
          : mayBeHint(lead)
            ? hintOf(cells)
            : undefined;
      // The headers again under the headers (a second header row in English, perhaps hidden,
      // or an export that repeats them on every page): not data, and not a bad value either.
      if (repeatsHeaders(loc.def, idDef, columns, cells, idCell)) {
        view.report(loc.def.idColumn, "header-row-skipped", {});
        continue;
      }
      if (total !== undefined) {
        view.report(id === undefined ? loc.def.idColumn : loc.def.idColumn, "totals-row-skipped", {
          value: total,
        });
        continue;
      }
      // A header cell merged down into the first data rows (姓名 merged over A1:A3): Excel kept
      // only the header's text, so those cells are empty, not "姓名" — an error naming the merge.
      if (spill !== null && i < spill.rows) {
        const masked = new Set<number>();
        for (const [key, n] of spill.columns)
          if (i < n) {
            masked.add(columns[key]);
            view.report(key, "header-merged-into-data", { header: table.headers[columns[key]] });
          }
        view.masked = masked;
      }
      yield view;
    }
  }
}

/**
 * The read columns whose header text stands again, as the very same value, in the first data
 * rows (each from the first data row down, without a gap): a header cell merged down over them,
 * filled in by the readers. Null when there is none (the usual case, found at the first row).
 */
function headerSpill(
  table: RawTable,
  columns: Record<string, number>
): { rows: number; columns: Map<string, number> } | null {
  const first = table.rows[0];
  if (first === undefined) return null;
  let out: { rows: number; columns: Map<string, number> } | null = null;
  for (const [key, i] of Object.entries(columns)) {
    const h = table.headers[i];
    if (typeof h !== "string" || h.trim() === "" || first[i] !== h) continue;
    let n = 0;
    while (n < table.rows.length && table.rows[n][i] === h) n++;
    out ??= { rows: 0, columns: new Map() };
    out.columns.set(key, n);
    out.rows = Math.max(out.rows, n);
  }
  return out;
}

/**
 * Whether a row holds column names in every column read that it fills (at least two of them,
 * the identifying one among them): `TicketId · RoutedToVendor · Status` under 工单号 · 流转乙方 · 状态.
 */
function repeatsHeaders(
  def: TableDef,
  idDef: ColumnDef,
  columns: Record<string, number>,
  cells: RawCell[],
  idCell: RawCell | undefined
): boolean {
  if (typeof idCell !== "string") return false;
  // Cheap filter first (this runs on every row): an ID or a name that cannot start one of the
  // column's names never reaches the normalising comparison.
  const k = idCell.charCodeAt(0);
  if (k > 32 && k !== 0x3000 && !firstCharsOf(idDef).has(k)) return false;
  if (!columnMatches(idDef, normalizeName(idCell))) return false;
  let named = 0;
  for (const c of def.columns) {
    const i = columns[c.key];
    if (i === undefined || isEmpty(cells[i])) continue;
    if (!columnMatches(c, normalizeName(cells[i]))) return false;
    named++;
  }
  return named >= 2;
}

/**
 * The character codes a header naming column `c` can start with: the first character of each of
 * its names, in upper and lower case and in full width (normalizeName folds all of these).
 */
function firstCharsOf(c: ColumnDef): Set<number> {
  let set = FIRST_CHARS.get(c);
  if (set) return set;
  set = new Set();
  for (const name of [c.zh, c.en, ...(c.aliases ?? [])]) {
    const n = normalizeName(name);
    if (!n) continue;
    for (const ch of [n[0], n[0].toUpperCase()]) {
      const code = ch.charCodeAt(0);
      set.add(code);
      if (code >= 0x21 && code <= 0x7e) set.add(code + 0xfee0); // full-width form
    }
  }
  FIRST_CHARS.set(c, set);
  return set;
}
const FIRST_CHARS = new WeakMap<ColumnDef, Set<number>>();

/** Cheap filter before `hintOf`: text whose first character is 注, 备, 说 or 填 (or a space). */
function mayBeHint(c: RawCell): boolean {
  if (typeof c !== "string") return false;
  const k = c.charCodeAt(0);
  return HINT_FIRST.has(k) || k <= 32 || k === 0x3000;
}
const HINT_FIRST = new Set([..."注备说填"].map((ch) => ch.charCodeAt(0)));

/**
 * A hint row under the data (注：以上数据由监理现场核查, 说明：…): every non-empty cell holds the
 * same text (a merged hint fills the row) and it begins with 注, 备注, 说明, 注意 or 填表说明 and a
 * colon. Its text, or undefined.
 */
function hintOf(cells: RawCell[]): string | undefined {
  let text: string | undefined;
  for (const c of cells) {
    if (isEmpty(c)) continue;
    if (typeof c !== "string" || (text !== undefined && c !== text)) return undefined;
    text = c;
  }
  return text !== undefined && /^\s*(注|备注|说明|注意|填表说明)\s*[:：]/.test(text)
    ? text
    : undefined;
}

const TOTALS = new Set(["合计", "总计", "小计", "平均", "平均分", "total", "average"]);
const totalsText = memoText((s: string): boolean => {
  const t = s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s:：]+/g, "");
  // The word alone, or followed by a count or an amount: 合计：2 条, 合计12项, Total: 3.
  return TOTALS.has(t) || TOTALS.has(t.replace(/[\d,.]+(条|项|张|件|个|人|次|份|行)?$/, ""));
});

/** 合计, 总计, 小计, 平均, 平均分, Total, Average (spaces and a colon ignored). */
function isTotalsWord(c: RawCell | undefined): c is string {
  if (typeof c !== "string" || c.length > 20 || c.length === 0) return false;
  // Cheap filters first: IDs and names are unique by the hundred thousand, and most never reach
  // the (normalising) memoised check. Only text that could be one of the words goes on.
  const k = c.charCodeAt(0);
  if (k === 84 || k === 116) {
    if (c.length < 5 || c.slice(0, 5).toLowerCase() !== "total") return false;
  } else if (k === 65 || k === 97) {
    if (c.length < 7 || c.slice(0, 7).toLowerCase() !== "average") return false;
  } else if (!TOTALS_FIRST.has(k) && k > 32 && k !== 0x3000) return false;
  return totalsText(c);
}

/** First characters of the totals words: 合 总 小 平 T t A a, and their full-width forms. */
const TOTALS_FIRST = new Set([..."合总小平TtAaＴｔＡａ"].map((ch) => ch.charCodeAt(0)));

/** An ID seen before in the same table is an error naming the row where it first stood. */
function checkUniqueId(r: RowView, seen: Map<string, number>, id: string): void {
  const first = seen.get(id);
  if (first === undefined) seen.set(id, r.row);
  else r.report("id", "duplicate-id", { id, firstRow: first });
}

function dateParser(loc: Located): (c: RawCell) => Parsed<number> {
  const date1904 = loc.table.date1904 === true;
  return (c) => parseDate(c, date1904);
}

function readRoster(loc: Located, out: Diagnostic[]): RosterMember[] {
  const members: RosterMember[] = [];
  const seen = new Map<string, RosterMember[]>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const name = r.text("name");
    const role = r.text("role");
    const start = r.get("start", date, "bad-date");
    const end = r.get("end", date, "bad-date");
    if (name === null) {
      r.report("name", "empty-required", { expected: null });
      continue;
    }
    if (name === undefined || r.bad) continue;
    if (start != null && end != null && end < start) {
      r.report("end", "end-before-start", { start, end });
      continue;
    }
    const key = normalizePerson(name);
    const earlier = seen.get(key);
    const m: RosterMember = {
      row: r.row,
      name,
      role: role ?? null,
      start: start ?? null,
      end: end ?? null,
    };
    if (r.sheet !== undefined) m.sheet = r.sheet;
    if (earlier) {
      // Someone who left and returned: two rows, non-overlapping periods (SPEC §5).
      const clash = earlier.find((e) => overlaps(e, m));
      if (clash) {
        if (clash.start === null && clash.end === null && m.start === null && m.end === null)
          r.report("name", "duplicate-name", { name, firstRow: clash.row });
        else r.report("name", "roster-periods-overlap", { name, firstRow: clash.row });
        continue;
      }
      earlier.push(m);
    } else seen.set(key, [m]);
    members.push(m);
  }
  return members;
}

/** Whether two roster periods share a day (an open end reaches to the end of time). */
function overlaps(a: RosterMember, b: RosterMember): boolean {
  const aFrom = a.start ?? -Infinity;
  const aTo = a.end ?? Infinity;
  const bFrom = b.start ?? -Infinity;
  const bTo = b.end ?? Infinity;
  return aFrom <= bTo && bFrom <= aTo;
}

/** Names match after NFKC and with spaces removed: "张 伟" and "张伟" are one person. */
export const normalizePerson = memoText((name: string): string =>
  name.normalize("NFKC").replace(/\s+/g, "").toLowerCase()
);

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

/**
 * What slot-missing says of the row's table: no 时段 and no 时间 column at all; or no 时段 column,
 * the time (as the sheet heads it: 打卡时间) being empty; or both empty.
 */
function slotMissingArgs(r: RowView): DiagnosticArgs["slot-missing"] {
  if (!r.has("slot") && !r.has("time")) return { noColumns: true };
  const header = r.exportHeaderOf("time");
  const time = header !== undefined ? { time: header } : {};
  return r.has("slot") ? time : { ...time, noSlotColumn: true };
}

/** The later shifts' end columns, last first: [time key, result key, shift number]. */
const LATER_SHIFT_ENDS: readonly [string, string, number][] = [
  ["pm3Time", "pm3Result", 3],
  ["pm2Time", "pm2Result", 2],
];

function readPunches(loc: Located, out: Diagnostic[]): Punch[] {
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
      if (r.bad || d == null || !name) continue;
      if (am) punches.push(punch(r, d, name, "上班", am));
      if (pm) punches.push(punch(r, d, name, "下班", pm));
      // 休息 / 未排班 records no check; one marker a row, so that the word on a day the contract
      // counts as a working day (a 调休 Saturday the app's schedule left out) is said.
      if (!am || !pm) {
        const pmKey = end ? end[1] : "pmResult";
        const amRest = am ? undefined : restWordOf(r.raw("amResult"));
        const rest = amRest ?? (pm ? undefined : restWordOf(r.raw(pmKey)));
        if (rest !== undefined)
          punches.push({
            ...punch(r, d, name, "上班", "absent"),
            restWord: rest,
            restColumn: amRest !== undefined ? "amResult" : pmKey,
          });
      }
      continue;
    }
    let slot = r.get("slot", parseSlot, "bad-slot");
    if (slot === null) {
      // Time column first; failing that, a time written in the date cell itself (punch-clock
      // exports often hold "2024-07-01 08:32" in one cell).
      // A bad time is reported as such, not again as a missing slot.
      const typed = r.get("time", parseTime, "bad-time");
      const minutes = typed === null ? timeInDateCell(r.raw("date")) : typed;
      // With neither a 时段 nor a 时间 column, the cause is the sheet's headers, not this row.
      if (minutes === null) {
        // With no 时段 column, the empty cell the supervisor sees is the time (打卡时间).
        const args = slotMissingArgs(r);
        r.report(args.noSlotColumn ? "time" : "slot", "slot-missing", args);
      } else if (minutes !== undefined) slot = minutes < 720 ? "上班" : "下班";
    } else {
      // A time typed as a number (8.52 for 8:52) is an error even when the slot is known.
      reportTimeTypedAsNumber(r, "time");
    }
    const result = r.get("result", parseResultMark, "bad-result");
    if (r.bad || d == null || !name || !slot || result === undefined) continue;
    punches.push(punch(r, d, name, slot, result ?? "present"));
  }
  if (laterEnds.count > 0)
    out.push(
      diag("later-shift-end-read", { table: loc.def.key, row: laterEnds.rows[0] }, laterEnds)
    );
  return punches;
}

function punch(
  r: RowView,
  date: number,
  name: string,
  slot: Punch["slot"],
  mark: ResultMark
): Punch {
  const p: Punch = { row: r.row, date, name, slot, present: isPresentMark(mark), mark };
  if (r.sheet !== undefined) p.sheet = r.sheet;
  return p;
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
  if (result) return result;
  if (result === undefined) return null;
  const time = r.raw(timeKey);
  return isEmpty(time) ? null : "present";
}

/** A status for matching: NFKC, every space removed ("已 关闭" is 已关闭). */
export const statusKey = memoText((s: string): string => s.normalize("NFKC").replace(/\s+/g, ""));

function readTickets(loc: Located, out: Diagnostic[], completedStatuses: string[]): Ticket[] {
  const tickets: Ticket[] = [];
  const seen = new Map<string, number>();
  const date = dateParser(loc);
  const done = new Set(completedStatuses.map(statusKey));
  for (const r of rowsOf(loc, out)) {
    const id = r.needText("id");
    const routed = r.need("routed", parseYesNo, "bad-yes-no");
    const status = r.text("status");
    const created = r.get("created", date, "bad-date");
    if (id) checkUniqueId(r, seen, id);
    if (r.bad || !id || routed === undefined || status === undefined) continue;
    const s = status ?? "";
    const t: Ticket = {
      row: r.row,
      id,
      routed,
      status: s,
      completed: done.has(statusKey(s)),
      created: created ?? null,
    };
    if (r.sheet !== undefined) t.sheet = r.sheet;
    tickets.push(t);
  }
  return tickets;
}

function readComplaints(loc: Located, out: Diagnostic[]): Complaint[] {
  const complaints: Complaint[] = [];
  const seen = new Map<string, number>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const id = r.needText("id");
    const d = r.get("date", date, "bad-date");
    const category = r.need("category", parseCategory, "bad-category");
    const verified = r.need("verified", parseYesNo, "bad-yes-no");
    const deadline = r.get("deadline", date, "bad-date");
    const rectifiedOn = r.get("rectifiedOn", date, "bad-date");
    const note = r.text("note");
    if (id) checkUniqueId(r, seen, id);
    if (r.bad || !id || !category || verified === undefined) continue;
    // A deadline or a rectification before the complaint itself is most likely a slip (2023 for
    // 2024); scored as written, named so that it is checked.
    if (verified && category === "responsiveness" && d != null)
      for (const [what, other] of [
        ["deadline", deadline],
        ["rectifiedOn", rectifiedOn],
      ] as const)
        if (other != null && other < d)
          r.report(what, "complaint-dates-out-of-order", { id, date: d, other, what });
    complaints.push({
      ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
      row: r.row,
      id,
      date: d ?? null,
      category,
      verified,
      deadline: deadline ?? null,
      rectifiedOn: rectifiedOn ?? null,
      note: note ?? null,
    });
  }
  return complaints;
}

function readSurveys(loc: Located, out: Diagnostic[], scale: number): Survey[] {
  const surveys: Survey[] = [];
  const plain = (c: RawCell) => parseScore(c, scale, false);
  const percent = (c: RawCell) => parseScore(c, scale, true);
  for (const r of rowsOf(loc, out)) {
    const respondent = r.text("respondent");
    const score = r.need("score", r.isPercent("score") ? percent : plain, "bad-score");
    if (r.bad || score === undefined) continue;
    surveys.push({ row: r.row, respondent: respondent ?? null, score });
  }
  return surveys;
}

function readCalendar(loc: Located, out: Diagnostic[]): CalendarOverride[] {
  const days: CalendarOverride[] = [];
  const seen = new Map<number, CalendarOverride>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const d = r.need("date", date, "bad-date");
    const workday = r.need("type", parseDayType, "bad-day-type");
    if (r.bad || d === undefined || workday === undefined) continue;
    const first = seen.get(d);
    if (first) {
      if (first.workday !== workday) {
        r.report("date", "calendar-conflict", { date: d, firstRow: first.row });
      }
      continue;
    }
    const o = { row: r.row, date: d, workday };
    seen.set(d, o);
    days.push(o);
  }
  return days;
}

/**
 * @summary Locate and read every ledger table into typed rows, with diagnostics.
 * The Contract table is read separately (it shapes the profile), see `contract.ts`.
 */
export function readLedger(
  located: Partial<Record<TableKey, Located>>,
  completedStatuses: string[],
  out: Diagnostic[],
  surveyScale = 100
): Ledger {
  const found: Ledger["found"] = {};
  for (const [key, loc] of Object.entries(located) as [TableKey, Located][]) {
    const rows = (loc.more ?? []).reduce((n, p) => n + p.table.rows.length, loc.table.rows.length);
    found[key] = { name: loc.table.name, sheet: loc.table.sheet, rows };
  }
  return {
    roster: located.roster ? readRoster(located.roster, out) : [],
    punches: located.punches ? readPunches(located.punches, out) : [],
    tickets: located.tickets ? readTickets(located.tickets, out, completedStatuses) : [],
    complaints: located.complaints ? readComplaints(located.complaints, out) : [],
    surveys: located.surveys ? readSurveys(located.surveys, out, surveyScale) : [],
    calendar: located.calendar ? readCalendar(located.calendar, out) : [],
    found,
  };
}
