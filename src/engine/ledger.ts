import { diag } from "./diagnostics";
import { dayToIso } from "./day";
import { locateTables, type Located } from "./schema";
import type {
  CalendarOverride,
  Complaint,
  Diagnostic,
  Ledger,
  Punch,
  RawCell,
  RosterMember,
  Survey,
  TableKey,
  Ticket,
} from "./types";
import {
  BAD,
  isCellError,
  isEmpty,
  memoText,
  parseCategory,
  parseDate,
  parseDayType,
  parseResult,
  parseScore,
  parseSlot,
  parseTime,
  parseYesNo,
  textOf,
  timeInDateCell,
  type Parsed,
} from "./values";

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
  /** Set when any cell of this row was reported bad. */
  bad = false;

  constructor(
    private readonly loc: Located,
    private readonly out: Diagnostic[],
  ) {}

  /** Point the view at another row (one view serves a whole table: no allocation per row). */
  moveTo(cells: RawCell[], row: number): this {
    this.cells = cells;
    this.row = row;
    this.bad = false;
    return this;
  }

  raw(key: string): RawCell {
    const i = this.loc.columns[key];
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  private columnZh(key: string): string {
    return this.loc.def.columns.find((c) => c.key === key)!.zh;
  }

  private columnEn(key: string): string {
    return this.loc.def.columns.find((c) => c.key === key)!.en;
  }

  /** Report a bad cell. `expectZh/En` say what the column accepts. */
  report(key: string, code: string, zh: string, en: string, severity: "error" | "warning" = "error"): void {
    if (severity === "error") this.bad = true;
    this.out.push(diag(severity, code, { table: this.loc.def.zh, row: this.row, column: this.columnZh(key) }, zh, en));
  }

  /** The cell through a parser; a bad or error cell is reported and read as undefined. */
  get<T>(key: string, parse: (c: RawCell) => Parsed<T>, code: string, expectZh: string, expectEn: string): T | null | undefined {
    const c = this.raw(key);
    if (isCellError(c)) {
      this.reportCellError(key, c.error);
      return undefined;
    }
    const v = parse(c);
    if (v === BAD) {
      this.report(
        key,
        code,
        `「${this.columnZh(key)}」的值「${show(c)}」无法识别，应为${expectZh}。`,
        `The ${this.columnEn(key)} value "${show(c)}" is not understood; expected ${expectEn}.`,
      );
      return undefined;
    }
    return v;
  }

  /** A required cell: empty is reported too. */
  need<T>(key: string, parse: (c: RawCell) => Parsed<T>, code: string, expectZh: string, expectEn: string): T | undefined {
    const v = this.get(key, parse, code, expectZh, expectEn);
    if (v === null) {
      this.report(
        key,
        "empty-required",
        `「${this.columnZh(key)}」为空，应为${expectZh}。`,
        `The ${this.columnEn(key)} cell is empty; expected ${expectEn}.`,
      );
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

  /** Report an error value (`#N/A`) or a formula with no calculated value in a cell. */
  reportCellError(key: string, error: string): void {
    if (error === "#NOCACHE") {
      this.report(
        key,
        "formula-no-value",
        `「${this.columnZh(key)}」是公式，但文件中没有计算结果。请在 Excel 中打开并保存该文件后再评分，或改为直接填写值。`,
        `The ${this.columnEn(key)} cell holds a formula with no calculated value in the file. Open and save the file in Excel, or type the value instead.`,
      );
    } else {
      this.report(
        key,
        "cell-error",
        `「${this.columnZh(key)}」是错误值 ${error}。请修正该单元格的公式或内容。`,
        `The ${this.columnEn(key)} cell holds the error value ${error}. Fix its formula or content.`,
      );
    }
  }
}

/** Short display of a raw cell for messages (long text cut, so a 30,000-character cell stays readable). */
export function show(c: RawCell): string {
  const s = c === null ? "" : isCellError(c) ? c.error : String(c);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * @summary The data rows of a located table that are not blank, each seen through one shared
 * RowView (valid only until the next row: copy what you keep).
 */
export function* rowsOf(loc: Located, out: Diagnostic[]): Generator<RowView> {
  const view = new RowView(loc, out);
  const { table } = loc;
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (cells.every(isEmpty)) continue;
    yield view.moveTo(cells, table.headerRow + 1 + i);
  }
}

/** An ID seen before in the same table is an error naming the row where it first stood. */
function checkUniqueId(r: RowView, seen: Map<string, number>, id: string, labelZh: string, labelEn: string): void {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, r.row);
    return;
  }
  r.report(
    "id",
    "duplicate-id",
    `${labelZh}「${show(id)}」重复（首次出现在第 ${first} 行）。`,
    `${labelEn} "${show(id)}" appears twice (first at row ${first}).`,
  );
}

const DATE_ZH = "日期（如 2024-07-01、2024/7/1、2024年7月1日，或 Excel 日期）";
const DATE_EN = "a date (2024-07-01, 2024/7/1, 2024年7月1日, or an Excel date)";
const YESNO_ZH = "是/否（或 Y/N、yes/no、true/false、✓/✗）";
const YESNO_EN = "yes or no (是/否, Y/N, yes/no, true/false, ✓/✗)";

function dateParser(loc: Located): (c: RawCell) => Parsed<number> {
  const date1904 = loc.table.date1904 === true;
  return (c) => parseDate(c, date1904);
}

function readRoster(loc: Located, out: Diagnostic[]): RosterMember[] {
  const members: RosterMember[] = [];
  const seen = new Map<string, number>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const name = r.text("name");
    const role = r.text("role");
    const start = r.get("start", date, "bad-date", DATE_ZH, DATE_EN);
    const end = r.get("end", date, "bad-date", DATE_ZH, DATE_EN);
    if (name === null) {
      r.report("name", "empty-required", "「姓名」为空。", "The Name cell is empty.");
      continue;
    }
    if (name === undefined || r.bad) continue;
    const key = normalizePerson(name);
    const first = seen.get(key);
    if (first !== undefined) {
      r.report(
        "name",
        "duplicate-name",
        `驻场人员「${show(name)}」重复（首次出现在第 ${first} 行）。同名人员请加以区分（如「张伟2」），考勤表中同样填写。`,
        `Roster member "${show(name)}" is listed twice (first at row ${first}). Tell namesakes apart (e.g. "张伟2") and use the same name in the punches.`,
      );
      continue;
    }
    if (start != null && end != null && end < start) {
      r.report(
        "end",
        "end-before-start",
        `离岗日期 ${dayToIso(end)} 早于到岗日期 ${dayToIso(start)}。`,
        `End date ${dayToIso(end)} is before start date ${dayToIso(start)}.`,
      );
      continue;
    }
    seen.set(key, r.row);
    members.push({ row: r.row, name, role: role ?? null, start: start ?? null, end: end ?? null });
  }
  return members;
}

/** Names match after NFKC and with spaces removed: "张 伟" and "张伟" are one person. */
export const normalizePerson = memoText((name: string): string => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase());

function readPunches(loc: Located, out: Diagnostic[]): Punch[] {
  const punches: Punch[] = [];
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const d = r.need("date", date, "bad-date", DATE_ZH, DATE_EN);
    const name = r.text("name");
    if (name === null) r.report("name", "empty-required", "「姓名」为空。", "The Name cell is empty.");
    let slot = r.get("slot", parseSlot, "bad-slot", "上班/下班（或 上午/下午、AM/PM）", "上班 or 下班 (上午/下午, AM/PM)");
    if (slot === null) {
      // Time column first; failing that, a time written in the date cell itself (punch-clock
      // exports often hold "2024-07-01 08:32" in one cell).
      const minutes = r.get("time", parseTime, "bad-time", "时间（如 08:30）", "a time such as 08:30") ?? timeInDateCell(r.raw("date"));
      if (minutes === null) {
        r.report(
          "slot",
          "slot-missing",
          "无法判断是上班还是下班打卡：「时段」与「时间」都为空。请填写时段（上班/下班）或时间。",
          "Cannot tell whether this is the start-of-day or end-of-day check: both Slot and Time are empty. Fill in Slot (上班/下班) or Time.",
        );
      } else if (minutes !== undefined) slot = minutes < 720 ? "上班" : "下班";
    }
    const result = r.get("result", parseResult, "bad-result", "到岗/缺勤（或 出勤、present/absent、✓/✗、是/否）", "present or absent (到岗/缺勤, 出勤, ✓/✗, 是/否)");
    if (r.bad || d == null || !name || !slot || result === undefined) continue;
    punches.push({ row: r.row, date: d, name, slot, present: result !== false });
  }
  return punches;
}

function readTickets(loc: Located, out: Diagnostic[], completedStatuses: string[]): Ticket[] {
  const tickets: Ticket[] = [];
  const seen = new Map<string, number>();
  const date = dateParser(loc);
  const done = new Set(completedStatuses.map((s) => s.trim()));
  for (const r of rowsOf(loc, out)) {
    const id = r.text("id");
    if (id === null) r.report("id", "empty-required", "「工单号」为空。", "The TicketId cell is empty.");
    const routed = r.need("routed", parseYesNo, "bad-yes-no", YESNO_ZH, YESNO_EN);
    const status = r.text("status");
    const created = r.get("created", date, "bad-date", DATE_ZH, DATE_EN);
    if (id) checkUniqueId(r, seen, id, "工单号", "Ticket ID");
    if (r.bad || !id || routed === undefined || status === undefined) continue;
    const s = status ?? "";
    tickets.push({ row: r.row, id, routed, status: s, completed: done.has(s.trim()), created: created ?? null });
  }
  return tickets;
}

function readComplaints(loc: Located, out: Diagnostic[]): Complaint[] {
  const complaints: Complaint[] = [];
  const seen = new Map<string, number>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const id = r.text("id");
    if (id === null) r.report("id", "empty-required", "「编号」为空。", "The ComplaintId cell is empty.");
    const d = r.get("date", date, "bad-date", DATE_ZH, DATE_EN);
    const category = r.need("category", parseCategory, "bad-category", "日常维护 或 响应度", "日常维护 (maintenance) or 响应度 (responsiveness)");
    const verified = r.need("verified", parseYesNo, "bad-yes-no", YESNO_ZH, YESNO_EN);
    const deadline = r.get("deadline", date, "bad-date", DATE_ZH, DATE_EN);
    const rectifiedOn = r.get("rectifiedOn", date, "bad-date", DATE_ZH, DATE_EN);
    const note = r.text("note");
    if (id) checkUniqueId(r, seen, id, "投诉编号", "Complaint ID");
    if (r.bad || !id || !category || verified === undefined) continue;
    complaints.push({
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

function readSurveys(loc: Located, out: Diagnostic[]): Survey[] {
  const surveys: Survey[] = [];
  for (const r of rowsOf(loc, out)) {
    const respondent = r.text("respondent");
    const score = r.need("score", parseScore, "bad-score", "0 到 100 之间的数字", "a number from 0 to 100");
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
    const d = r.need("date", date, "bad-date", DATE_ZH, DATE_EN);
    const workday = r.need("type", parseDayType, "bad-day-type", "工作日 或 休息日", "工作日 (Workday) or 休息日 (RestDay)");
    if (r.bad || d === undefined || workday === undefined) continue;
    const first = seen.get(d);
    if (first) {
      if (first.workday !== workday) {
        r.report(
          "date",
          "calendar-conflict",
          `${dayToIso(d)} 在第 ${first.row} 行和本行的类型不同。请只保留一行。`,
          `${dayToIso(d)} is given different types at row ${first.row} and here. Keep one row.`,
        );
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
): Ledger {
  const found: Ledger["found"] = {};
  for (const [key, loc] of Object.entries(located) as [TableKey, Located][]) {
    found[key] = { name: loc.table.name, sheet: loc.table.sheet, rows: loc.table.rows.length };
  }
  return {
    roster: located.roster ? readRoster(located.roster, out) : [],
    punches: located.punches ? readPunches(located.punches, out) : [],
    tickets: located.tickets ? readTickets(located.tickets, out, completedStatuses) : [],
    complaints: located.complaints ? readComplaints(located.complaints, out) : [],
    surveys: located.surveys ? readSurveys(located.surveys, out) : [],
    calendar: located.calendar ? readCalendar(located.calendar, out) : [],
    found,
  };
}

export { locateTables };
