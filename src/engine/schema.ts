import { diag, type Diagnostic } from "./diagnostics";
import { TABLES, TOOL_SHEET_NAMES, type ColumnDef, type TableDef, type TableKey } from "./tables";
import { isEmpty } from "./values";
import type { TableRef } from "./messages";
import type { RawCell, RawTable } from "./raw";

/**
 * How a reader's tables are matched to the ledger format of SPEC §2 (`tables.ts`): by name first
 * (Chinese or English, case-insensitive), then by headers.
 */

/**
 * @summary Normalise a header or table name for matching: full-width to half-width (NFKC),
 * lower case, every space and line break removed.
 * @example
 * normalizeName(" Ticket Id\n") //=> "ticketid"
 * normalizeName("ＤＡＴＥ") //=> "date"
 */
export function normalizeName(x: RawCell): string {
  if (x === null || typeof x === "object") return "";
  return String(x).normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

/** A located table: the reader's table, and for each column key the 0-based column index. */
export interface Located {
  def: TableDef;
  table: RawTable;
  columns: Record<string, number>;
  /**
   * Further sheets read as the same table (one table over several sheets, SPEC §5), in workbook
   * order after `table`. Diagnostics of a table with `more` name their sheet.
   */
  more?: { table: RawTable; columns: Record<string, number> }[];
}

export const columnMatches = (c: ColumnDef, n: string): boolean =>
  n === normalizeName(c.zh) ||
  n === normalizeName(c.en) ||
  (c.aliases !== undefined && c.aliases.some((a) => n === normalizeName(a)));

function isTableName(def: TableDef, name: string): boolean {
  const n = normalizeName(name);
  return n === normalizeName(def.zh) || n === normalizeName(def.en);
}

/**
 * Notes the template's hints put after a header (SPEC §10): 流转乙方（是/否）, 得分（百分制）,
 * 整改期限(日期). They say what the column already means, so the header is read as the column.
 * Any other note (a unit, a scale: 得分（5分制）, 金额（万元）) may change the meaning: the header is
 * not read as the column, and the locator names it.
 */
const HINT_NOTES = new Set(
  [
    "是/否",
    "是或否",
    "是、否",
    "y/n",
    "日期",
    "yyyy-mm-dd",
    "年-月-日",
    "年月日",
    "百分制",
    "满分100",
    "0-100",
    "0~100",
    "必填",
    "选填",
    "可选",
    "文本",
    "日常维护/响应度",
    "工作日/休息日",
    "上班/下班",
    "到岗/缺勤",
  ].map((n) => normalizeName(n))
);

/** Columns whose values are only shown, never scored: a note after their header cannot mislead. */
const TEXT_ONLY = new Set(["complaints.note", "surveys.respondent"]);

/** A normalised header ending in a bracketed note: the header before it, and the note. */
const NOTE = /^(.+?)[(（【[]([^()（）【】[\]]*)[)）】\]]$/u;

/** A note that only hints at how to fill the column: one of HINT_NOTES, or an example (如…, 例…). */
export const isHintNote = (note: string): boolean =>
  HINT_NOTES.has(note) || /^(如|例|示例|填)/u.test(note);

/**
 * How a header names one of a table's columns: by a name (`hint` false), by a name with a hint
 * after it (`hint` true), or by a name with a note that may change its meaning (`noted`).
 */
function headerColumn(
  def: TableDef,
  n: string
): { col: ColumnDef; hint: boolean; noted: boolean } | null {
  const col = def.columns.find((c) => columnMatches(c, n));
  if (col) return { col, hint: false, noted: false };
  const m = NOTE.exec(n);
  if (!m) return null;
  const base = def.columns.find((c) => columnMatches(c, m[1]));
  if (!base) return null;
  // A column only ever shown as text (说明, 受访者) changes no figure: any note there is a hint.
  return isHintNote(m[2]) || TEXT_ONLY.has(`${def.key}.${base.key}`)
    ? { col: base, hint: true, noted: false }
    : { col: base, hint: false, noted: true };
}

/**
 * Column index per column key; a header may be Chinese or English, with a hint after it. Also
 * the columns read through a hint (`hinted`), and headers naming a column with a note that may
 * change its meaning (`noted`: not read as the column).
 */
function mapColumns(
  def: TableDef,
  table: RawTable
): {
  columns: Record<string, number>;
  duplicates: ColumnDef[];
  hinted: { key: string; header: string }[];
  noted: { key: string; header: string }[];
} {
  const columns: Record<string, number> = {};
  const duplicates: ColumnDef[] = [];
  const hinted: { key: string; header: string }[] = [];
  const noted: { key: string; header: string }[] = [];
  table.headers.forEach((h, i) => {
    const n = normalizeName(h);
    if (!n) return;
    const found = headerColumn(def, n);
    if (!found) return;
    const c = found.col;
    const header = String(h).replace(/\s+/g, " ").trim();
    if (found.noted) {
      noted.push({ key: c.key, header });
      return;
    }
    if (c.key in columns) {
      if (!duplicates.includes(c)) duplicates.push(c);
    } else {
      columns[c.key] = i;
      // A header broken over two lines (整改\n期限) was read as one before §10, in silence.
      if (found.hint) hinted.push({ key: c.key, header });
    }
  });
  return { columns, duplicates, hinted, noted };
}

function hasRequiredColumns(def: TableDef, table: RawTable): boolean {
  const { columns } = mapColumns(def, table);
  return def.columns.filter((c) => c.required).every((c) => c.key in columns);
}

/** How many rows under a plain sheet's first row may be titles before the headers. */
export const TITLE_ROWS_LIMIT = 10;

/**
 * A plain sheet's columns end before a run of more than this many empty columns: one stray value
 * in XFD1 is not a column (it would make every row 16,384 cells wide), while a ledger may still
 * leave a few blank spacer columns.
 */
const MAX_HEADER_GAP = 16;

/**
 * @summary The columns (0-based, inclusive) a plain sheet's table spans. Its first non-empty
 * row decides, from its first value through its last one before a gap of more than
 * MAX_HEADER_GAP empty columns — unless that row holds a single value, a title such as
 * 「2024年7月考勤表」 (merged across the top or not): then the TITLE_ROWS_LIMIT rows under it
 * are judged with it, so the title does not narrow the table to one column. Null when the rows
 * hold no value. Both readers (the command line's and the Excel adapter) use it.
 * @example
 * plainSheetColumns([["日期", "姓名", "时段"], ["x", "y", "z", "stray note"]]) //=> { first: 0, last: 2 }
 * plainSheetColumns([["2024年考勤"], ["日期", "姓名", "时段"]]) //=> { first: 0, last: 2 }
 */
export function plainSheetColumns(
  topRows: readonly (readonly RawCell[])[]
): { first: number; last: number } | null {
  const occupied: boolean[] = [];
  const mark = (row: readonly RawCell[]): number => {
    let n = 0;
    for (let i = 0; i < row.length; i++) {
      if (!isEmpty(row[i])) {
        occupied[i] = true;
        n++;
      }
    }
    return n;
  };
  const firstRow = topRows.findIndex((row) => row.some((c) => !isEmpty(c)));
  if (firstRow < 0) return null;
  if (mark(topRows[firstRow]) === 1) topRows.slice(firstRow + 1).forEach(mark);
  let first = -1;
  let last = -1;
  for (let i = 0; i < occupied.length; i++) {
    if (!occupied[i]) continue;
    if (first < 0) first = i;
    else if (i - last - 1 > MAX_HEADER_GAP) break;
    last = i;
  }
  return first < 0 ? null : { first, last };
}

/**
 * @summary A plain sheet whose first row fits no ledger table but one of the next rows does
 * (a title such as 「2024年7月考勤表」 above the headers): the same sheet with that row as its
 * header row. Other tables come back as they are. Row numbers stay the worksheet's.
 */
function skipTitleRows(t: RawTable): RawTable {
  if (t.kind !== "sheet") return t;
  const limit = Math.min(TITLE_ROWS_LIMIT, t.rows.length);
  for (let i = -1; i < limit; i++) {
    const headers = i < 0 ? t.headers : t.rows[i];
    const single = fitScore(headers);
    // Two header rows (an attendance app's export: 上班1 over 打卡时间 / 打卡结果): the two rows
    // joined column by column, when that fits a table with more columns than the first alone.
    const next = t.rows[i + 1];
    if (next && headers.some((c) => !isEmpty(c)) && next.some((c) => !isEmpty(c))) {
      const joined = joinHeaderRows(headers, next);
      const score = fitScore(joined);
      if (score > single && score > fitScore(next)) {
        const rebased = rebase(t, joined, i + 2);
        headerTops.set(rebased, t.headerRow + 1 + i);
        return rebased;
      }
    }
    if (single > 0) return i < 0 ? t : rebase(t, headers, i + 1);
  }
  return t;
}

/** The sheet with its header at data row index `at - 1` and data after it. */
function rebase(t: RawTable, headers: RawCell[], at: number): RawTable {
  return { ...t, headers, rows: t.rows.slice(at), headerRow: t.headerRow + at };
}

/** The first row of a two-row header, for tables rebased on one. */
const headerTops = new WeakMap<RawTable, number>();

/** The most columns a header row gives any table it fits (all required columns present), or 0. */
function fitScore(headers: RawCell[]): number {
  const probe = { headers } as RawTable;
  let best = 0;
  for (const def of TABLES) {
    const { columns } = mapColumns(def, probe);
    if (!def.columns.every((c) => !c.required || c.key in columns)) continue;
    best = Math.max(best, Object.keys(columns).length);
  }
  return best;
}

/**
 * @summary Whether a row could head one of the ledger's tables: it holds every required column of
 * one. The sheets package asks this of each block of a plain sheet before it splits the sheet at
 * an empty column, so a table with a blank spacer column stays one table.
 * @example
 * fitsLedgerTable(["受访者", "得分"]) //=> true
 * fitsLedgerTable(["编号", "日期"]) //=> false
 */
export function fitsLedgerTable(headers: RawCell[]): boolean {
  return fitScore(headers) > 0;
}

/** Two header rows as one: the upper text, then the lower one (a merged 姓名 over both is 姓名). */
function joinHeaderRows(top: readonly RawCell[], bottom: readonly RawCell[]): RawCell[] {
  const n = Math.max(top.length, bottom.length);
  const out: RawCell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = isEmpty(top[i]) || typeof top[i] === "object" ? "" : String(top[i]).trim();
    const b = isEmpty(bottom[i]) || typeof bottom[i] === "object" ? "" : String(bottom[i]).trim();
    out[i] = a === b ? a || null : a + b;
  }
  return out;
}

/**
 * @summary Match the reader's tables to the ledger's logical tables.
 * A table is recognised by its name (Excel table name, or sheet name for a plain sheet), or,
 * when no table has the name, by having all the required columns. Two candidates for one
 * logical table is an error: the tool will not guess which one holds the ledger.
 * The summary sheet is never a candidate. Missing required tables and columns are errors.
 */
export function locateTables(tables: readonly RawTable[]): {
  located: Partial<Record<TableKey, Located>>;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const located: Partial<Record<TableKey, Located>> = {};
  // A plain sheet with title rows above its headers stands here rebased; `titledFrom` maps it
  // back to the sheet as read, for the message saying which rows were taken as a title.
  const titledFrom = new Map<RawTable, RawTable>();
  const candidates = tables
    .filter((t) => !TOOL_SHEET_NAMES.some((n) => normalizeName(n) === normalizeName(t.sheet)))
    .map((t) => {
      const rebased = skipTitleRows(t);
      if (rebased !== t) titledFrom.set(rebased, t);
      return rebased;
    });
  const claimed = new Set<RawTable>();

  // Pass 1: by name.
  const byName = new Map<TableKey, RawTable[]>();
  for (const def of TABLES) {
    const named = candidates.filter((t) => isTableName(def, t.name));
    byName.set(def.key, named);
    named.forEach((t) => claimed.add(t));
  }
  // Pass 2: each table no name claimed goes to the logical table its headers fit best (all its
  // required columns present, most columns matched): a punch sheet also has a 姓名 column, but
  // it fits 考勤 better than 驻场人员.
  const byHeaders = new Map<TableKey, RawTable[]>(TABLES.map((d) => [d.key, []]));
  for (const t of candidates) {
    if (claimed.has(t)) continue;
    let best: TableDef | null = null;
    let bestScore = 0;
    for (const def of TABLES) {
      if (!hasRequiredColumns(def, t)) continue;
      const score = Object.keys(mapColumns(def, t).columns).length;
      if (score > bestScore) [best, bestScore] = [def, score];
    }
    if (best) byHeaders.get(best.key)!.push(t);
  }
  for (const def of TABLES) {
    let found = byName.get(def.key)!;
    let more: RawTable[] = [];
    const keys = (t: RawTable) => Object.keys(mapColumns(def, t).columns).sort().join();
    // Sheets that would be one table over several sheets but for their columns: what each lacks.
    let differ: { sheet: string; columns: string[] }[] | undefined;
    // Look-alike sheets (SPEC §10): an address list with 姓名 and 电话 beside the roster shares
    // nothing with it but the required columns; a sheet that matches more of them wins.
    let lookAlikes: RawTable[] = [];
    if (found.length === 0) {
      found = byHeaders.get(def.key)!;
      if (found.length > 1) {
        const required = def.columns.filter((c) => c.required).length;
        const richer = found.filter(
          (t) => Object.keys(mapColumns(def, t).columns).length > required
        );
        if (richer.length > 0 && richer.length < found.length) {
          lookAlikes = found.filter((t) => !richer.includes(t));
          found = richer;
        }
      }
      // One table over several sheets: every candidate with the same set of columns.
      if (found.length > 1) {
        const k0 = keys(found[0]);
        if (found.every((t) => t.kind === "sheet") && !found.every((t) => keys(t) === k0)) {
          const all = new Set(found.flatMap((t) => Object.keys(mapColumns(def, t).columns)));
          differ = found
            .map((t) => {
              const has = mapColumns(def, t).columns;
              return { sheet: t.sheet, columns: [...all].filter((k) => !(k in has)) };
            })
            .filter((x) => x.columns.length > 0);
        }
        if (found.every((t) => keys(t) === k0 && t.kind === "sheet")) {
          more = found.slice(1);
          found = found.slice(0, 1);
          diagnostics.push(
            diag(
              "table-over-sheets",
              { table: def.key },
              { sheets: [found[0], ...more].map((t) => t.sheet) }
            )
          );
        }
      }
    } else if (found.length === 1) {
      // Only sheets with the very same columns: those the message truly says would be read
      // together under another name (a 打卡记录 sheet with a 姓名 column is no roster).
      const k0 = keys(found[0]);
      const left = byHeaders.get(def.key)!.filter((t) => keys(t) === k0);
      if (left.length > 0)
        diagnostics.push(
          diag(
            "table-sheets-left-out",
            { table: def.key },
            { chosen: found[0].sheet, left: left.map((t) => t.sheet) }
          )
        );
    }
    if (found.length === 1 && lookAlikes.length > 0)
      diagnostics.push(
        diag(
          "look-alike-sheet-left-out",
          { table: def.key },
          {
            chosen: found[0].sheet,
            lookAlikes: lookAlikes.map((t) => ({
              sheet: t.sheet,
              columns: Object.keys(mapColumns(def, t).columns),
            })),
          }
        )
      );
    if (found.length > 1) {
      const args: { found: TableRef[]; differ?: { sheet: string; columns: string[] }[] } = {
        found: found.map(({ kind, name, sheet }) => ({ kind, name, sheet })),
      };
      if (differ) args.differ = differ;
      diagnostics.push(diag("ambiguous-table", { table: def.key }, args));
      continue;
    }
    if (found.length === 0) {
      if (def.required) {
        // A sheet with two or more of the table's columns but not every required one (a
        // 打卡记录 with 姓名, 打卡时间, 打卡结果 and no date): the cause is its missing column.
        let near: { sheet: string; missing: string[] } | undefined;
        // Or a sheet with every required column, read as another table that fits it better.
        let taken: { sheet: string; as: TableKey; columns: string[] } | undefined;
        let nearScore = 1;
        for (const t of candidates) {
          if (claimed.has(t)) continue;
          const { columns } = mapColumns(def, t);
          const n = Object.keys(columns).length;
          if (n > nearScore) {
            nearScore = n;
            const missing = def.columns.filter((c) => c.required && !(c.key in columns));
            near = { sheet: t.sheet, missing: missing.map((c) => c.key) };
            const as = TABLES.find((d) => byHeaders.get(d.key)!.includes(t));
            taken =
              missing.length === 0 && as
                ? { sheet: t.sheet, as: as.key, columns: Object.keys(columns) }
                : undefined;
          }
        }
        diagnostics.push(
          diag("missing-table", { table: def.key }, taken ? { taken } : near ? { near } : {})
        );
      }
      continue;
    }
    const table = found[0];
    const { columns, duplicates, hinted, noted } = mapColumns(def, table);
    for (const h of hinted)
      diagnostics.push(
        diag(
          "header-hint-read",
          { table: def.key, row: table.headerRow, column: h.key },
          {
            header: h.header,
            zh: def.columns.find((c) => c.key === h.key)!.zh,
            en: def.columns.find((c) => c.key === h.key)!.en,
          }
        )
      );
    for (const h of noted)
      if (!(h.key in columns))
        diagnostics.push(
          diag(
            "header-note-not-read",
            { table: def.key, row: table.headerRow, column: h.key },
            { header: h.header }
          )
        );
    for (const c of duplicates) {
      diagnostics.push(
        diag("duplicate-column", { table: def.key, row: table.headerRow, column: c.key }, {})
      );
    }
    const missing = def.columns.filter(
      (c) => c.required && !(c.key in columns) && !noted.some((h) => h.key === c.key)
    );
    for (const c of missing) {
      diagnostics.push(
        diag("missing-column", { table: def.key, row: table.headerRow, column: c.key }, {})
      );
    }
    for (const t of [table, ...more])
      if (t.block)
        diagnostics.push(
          diag(
            "sheet-block-read",
            { table: def.key, row: t.headerRow },
            { sheet: t.sheet, ...t.block }
          )
        );
    for (const t of [table, ...more]) {
      const original = titledFrom.get(t);
      if (!original) continue;
      const args: { sheet: string; firstTitleRow: number; headerRow: number; headerTop?: number } =
        { sheet: t.sheet, firstTitleRow: original.headerRow, headerRow: t.headerRow };
      const top = headerTops.get(t);
      if (top !== undefined) args.headerTop = top;
      diagnostics.push(diag("title-rows-skipped", { table: def.key, row: t.headerRow }, args));
    }
    if (
      missing.length === 0 &&
      duplicates.length === 0 &&
      !noted.some((h) => !(h.key in columns))
    ) {
      located[def.key] = more.length
        ? {
            def,
            table,
            columns,
            more: more.map((t) => ({ table: t, columns: mapColumns(def, t).columns })),
          }
        : { def, table, columns };
    }
  }
  return { located, diagnostics };
}

/**
 * @summary Name each diagnostic's column as its sheet heads it, where that header is another of
 * the column's names than the template's Chinese and English ones (打卡时间, 考勤日期, 打卡结果 …):
 * sets `header`. The sheet is the diagnostic's own when its table spans several.
 */
export function nameExportColumns(
  out: Diagnostic[],
  located: Partial<Record<TableKey, Located>>
): void {
  for (const d of out) {
    if (d.table === null || d.column === null) continue;
    const loc = located[d.table];
    if (!loc) continue;
    const parts = partsOf(loc);
    const part = d.sheet !== undefined ? parts.find((p) => p.table.sheet === d.sheet) : parts[0];
    if (part === undefined) continue;
    const header = exportHeaderOf(loc.def, part, d.column);
    if (header !== undefined) d.header = header;
  }
}

/** The sheets a located table is read from, each with its own columns: the first, then `more`. */
export function partsOf(loc: Located): { table: RawTable; columns: Record<string, number> }[] {
  return [{ table: loc.table, columns: loc.columns }, ...(loc.more ?? [])];
}

/**
 * Column `key`'s header as a part writes it (spaces collapsed), when that is another of the
 * column's names than the template's Chinese and English ones (打卡时间 for 时间); else undefined.
 */
export function exportHeaderOf(
  def: TableDef,
  part: { table: RawTable; columns: Record<string, number> },
  key: string
): string | undefined {
  const i = part.columns[key];
  const written = i === undefined ? undefined : part.table.headers[i];
  const col = def.columns.find((c) => c.key === key);
  if (typeof written !== "string" || !col) return undefined;
  const n = normalizeName(written);
  if (n === normalizeName(col.zh) || n === normalizeName(col.en)) return undefined;
  return written.replace(/\s+/g, " ").trim();
}
