import { diag, type Diagnostic } from "../diagnostics";
import type { DiagnosticArgs, DiagnosticCode, ValueCode } from "../messages";
import type { RawCell, RawTable } from "../raw";
import { exportHeaderOf, type Located } from "../schema";
import {
  NO_CACHE_ERROR,
  habitWordOf,
  isCellError,
  parseDate,
  textOf,
  type HabitColumn,
  type Parsed,
} from "../values";
import { BAD_CELL, EMPTY, fromParsed, ok, type CellRead, type NeededRead } from "./cellRead";
import type { SeenIds } from "./seenIds";

/**
 * One data row of a located table, with typed access to its cells that reports bad values. One
 * view serves a whole table (`rowsOf` moves it from row to row, so no object is made per row):
 * what a reader keeps of a row it copies out.
 */
export class RowView {
  private cells: RawCell[] = [];
  /** Worksheet row number. */
  row = 0;
  /** The worksheet, named only when the table spans several sheets. */
  sheet: string | undefined = undefined;
  /** Set when any cell of this row was reported with an error: the row is left out. */
  bad = false;
  /** The column indexes of the part (sheet) the row stands in. */
  columns: Record<string, number>;
  private part: RawTable;
  /** The part has the daily-statistics columns (上班1打卡结果 …): two checks per row. */
  daily = false;
  /** Column indexes read as empty in this row: a header cell merged down over them. */
  masked: ReadonlySet<number> | null = null;
  /** Cells written in a ledger's own words (SPEC §10), by column and word: the rows, for one info each. */
  private words = new Map<
    string,
    { key: string; value: string; reading: string; rows: number[] }
  >();

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

  /** Point the view at another row. */
  moveTo(cells: RawCell[], row: number): this {
    this.cells = cells;
    this.row = row;
    this.bad = false;
    this.masked = null;
    return this;
  }

  /** The cell of column `key` as read, null when the table has no such column (or it is masked). */
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

  /** The cell through a parser; a value it refuses, or an error value, is reported (as `code`). */
  get<T>(key: string, parse: (c: RawCell) => Parsed<T>, code: ValueCode): CellRead<T> {
    const c = this.raw(key);
    if (isCellError(c)) {
      this.reportCellError(key, c.error);
      return BAD_CELL;
    }
    const read = fromParsed(parse(c));
    if (read.kind === "bad") this.report(key, code, { value: c });
    return read;
  }

  /** A required cell: empty is reported too. */
  need<T>(key: string, parse: (c: RawCell) => Parsed<T>, code: ValueCode): NeededRead<T> {
    const read = this.get(key, parse, code);
    if (read.kind !== "empty") return read;
    // A cell under a merged header has its error already.
    if (!this.isMasked(key)) this.report(key, "empty-required", { expected: code });
    return BAD_CELL;
  }

  /** The text of a cell (trimmed; numbers in their shortest form); an error value is reported. */
  text(key: string): CellRead<string> {
    const c = this.raw(key);
    if (isCellError(c)) {
      this.reportCellError(key, c.error);
      return BAD_CELL;
    }
    const t = textOf(c);
    return t === null ? EMPTY : ok(t);
  }

  /** The text of a required cell: empty is reported too. */
  needText(key: string): NeededRead<string> {
    const read = this.text(key);
    if (read.kind !== "empty") return read;
    if (!this.isMasked(key)) this.report(key, "empty-required", { expected: null });
    return BAD_CELL;
  }

  /**
   * Note that the cell of column `key` holds one of SPEC §10's ledger words for a template word
   * (属实 for 是, 92分 for 92), when it does: `reportWords` says once per column and word how it
   * was read.
   */
  noteWord(key: string, kind: HabitColumn): void {
    const c = this.raw(key);
    const reading = habitWordOf(kind, c);
    if (reading === null) return;
    const value = String(c).trim();
    const id = `${key}\u0000${value}`;
    const seen = this.words.get(id);
    if (seen) seen.rows.push(this.row);
    else this.words.set(id, { key, value, reading, rows: [this.row] });
  }

  /** One info per column and ledger word noted: how many rows, the first of them, what it was read as. */
  reportWords(): void {
    for (const { key, value, reading, rows } of this.words.values())
      this.out.push(
        diag(
          "habit-word-read",
          { table: this.loc.def.key, row: rows[0], column: key },
          { value, reading, count: rows.length, rows: rows.slice(0, 5) }
        )
      );
    this.words.clear();
  }

  /** Report an error value (`#N/A`) or a formula with no calculated value in a cell. */
  reportCellError(key: string, error: string): void {
    if (error === NO_CACHE_ERROR) this.report(key, "formula-no-value", {});
    else this.report(key, "cell-error", { error });
  }

  /** An ID seen before in the same table is an error naming the row where it first stood. */
  checkUniqueId(seen: SeenIds, id: string): void {
    const first = seen.firstRow(id, this.row);
    if (first !== undefined) this.report("id", "duplicate-id", { id, firstRow: first });
  }
}

/** The date parser of a located table: serials in its workbook's date system (1900 or 1904). */
export function dateParser(loc: Located): (c: RawCell) => Parsed<number> {
  const date1904 = loc.table.date1904 === true;
  return (c) => parseDate(c, date1904);
}
