import {
  locationZh,
  shown,
  sortDiagnostics,
  type Bilingual,
  type Diagnostic,
  type ShownDiagnostic,
} from "../engine";

/**
 * Grouped messages (SPEC §5): when many rows share one problem — the same code, table, column
 * and arguments (so the same value and the same message), only the rows differing — the printed
 * text, the task pane and the summary sheet show it once, with the count and the first rows.
 * `--json` still lists every row. One function for every view, so they group alike.
 */

/** How many of a group's rows are named. */
const GROUP_FIRST_ROWS = 5;

/** A worksheet row a diagnostic points at, with its sheet when its table spans several. */
interface RowRef {
  row: number;
  sheet?: string;
}

/** Diagnostics that share one problem, shown once. */
export interface DiagnosticGroup {
  /** The first diagnostic of the group (in the views' order): its message is the group's. */
  first: Diagnostic;
  /** Its names and words, resolved once. */
  shown: ShownDiagnostic;
  /**
   * How many rows the group covers (a row with two checks of one problem, as a daily export's
   * row has, counts once); for diagnostics that name no row, how many there are. 1 for a problem
   * on its own.
   */
  count: number;
  /** The first GROUP_FIRST_ROWS rows named, in order. */
  rows: RowRef[];
  /** The distinct worksheets of the group's rows, in order of first appearance. */
  sheets: string[];
}

/** Rows differ; everything else must be the same for two diagnostics to share a group. */
const keyOf = (d: Diagnostic): string =>
  `${d.code}\u0000${d.table ?? ""}\u0000${d.column ?? ""}\u0000${JSON.stringify(d.args)}`;

/**
 * @summary The diagnostics in the views' order (most serious first, then table, row, column),
 * those sharing a problem as one group placed where its first row is.
 * @example
 * groupDiagnostics(fourteenHundredBadResults) //=> [{ count: 1400, rows: [{ row: 2 }, …5], … }]
 */
export function groupDiagnostics(list: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups: DiagnosticGroup[] = [];
  const byKey = new Map<string, DiagnosticGroup>();
  const rowsSeen = new Map<DiagnosticGroup, Set<string>>();
  for (const d of sortDiagnostics(list)) {
    const key = keyOf(d);
    let g = byKey.get(key);
    if (g === undefined) {
      g = { first: d, shown: shown(d), count: 0, rows: [], sheets: [] };
      byKey.set(key, g);
      groups.push(g);
      rowsSeen.set(g, new Set());
    }
    if (d.row !== null) {
      const where = `${d.sheet ?? ""}!${d.row}`;
      const seen = rowsSeen.get(g)!;
      if (seen.has(where)) continue; // the same row again (its other check)
      seen.add(where);
    }
    g.count++;
    if (d.sheet !== undefined && !g.sheets.includes(d.sheet)) g.sheets.push(d.sheet);
    if (d.row !== null && g.rows.length < GROUP_FIRST_ROWS)
      g.rows.push(d.sheet === undefined ? { row: d.row } : { row: d.row, sheet: d.sheet });
  }
  return groups;
}

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** The first rows of a group: `2, 3, 4, 5, 6 …`, with the sheet where its rows span several. */
function rowList(g: DiagnosticGroup, sep: string): string {
  const several = g.sheets.length > 1;
  const list = g.rows.map((r) => (several && r.sheet ? `${r.sheet}!${r.row}` : String(r.row)));
  return list.join(sep) + (g.count > g.rows.length ? " …" : "");
}

/** The worksheet a diagnostic names, in words: `工作表「7月」` / `sheet 7月`. */
export function sheetText(sheet: string): Bilingual {
  return { zh: `工作表「${sheet}」`, en: `sheet ${sheet}` };
}

/**
 * @summary How many rows a group covers and which come first, in words; null for a problem
 * on its own (its row is shown as usual).
 * @example
 * groupRowsText(g) //=> { zh: "共 1,400 行（第 2、3、4、5、6 … 行）", en: "1,400 rows (rows 2, 3, 4, 5, 6 …)" }
 */
export function groupRowsText(g: DiagnosticGroup): Bilingual | null {
  if (g.count < 2) return null;
  const n = thousands(g.count);
  if (g.rows.length === 0) return { zh: `共 ${n} 条`, en: `${n} times` };
  return {
    zh: `共 ${n} 行（第 ${rowList(g, "、")} 行）`,
    en: `${n} rows (rows ${rowList(g, ", ")})`,
  };
}

/**
 * @summary Where a group points, before its message: `表「考勤」 列「结果」 共 1,400 行（第 2、3… 行）：`
 * for a group, the usual location for a problem on its own.
 */
export function groupLocationZh(g: DiagnosticGroup): string {
  const rows = groupRowsText(g);
  if (rows === null) return locationZh(g.shown);
  const s = g.shown;
  const parts: string[] = [];
  if (s.table) parts.push(`表「${s.table}」`);
  if (g.sheets.length === 1) parts.push(sheetText(g.sheets[0]).zh);
  if (s.column) parts.push(`列「${s.column}」`);
  parts.push(rows.zh);
  return `${parts.join(" ")}：`;
}

/** The English prefix of a group's message (`1,400 rows (rows 2, 3, …): `), empty for one row. */
export function groupPrefixEn(g: DiagnosticGroup): string {
  const rows = groupRowsText(g);
  return rows === null ? "" : `${rows.en}: `;
}

/** One line of a group: location, Chinese, then English (the summary sheet's message cell). */
export function groupText(g: DiagnosticGroup): string {
  return `${groupLocationZh(g)}${g.shown.zh} / ${groupPrefixEn(g)}${g.shown.en}`;
}
