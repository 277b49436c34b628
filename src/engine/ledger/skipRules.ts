import type { RawCell, RawTable } from "../raw";
import { columnMatches, isHintNote, normalizeName } from "../schema";
import type { ColumnDef, TableDef } from "../tables";
import { isEmpty, memoText } from "../values";

/**
 * The rows of a ledger sheet that are not data (SPEC §5): a totals row (合计, 平均分, Total …), a
 * hint under the data (注：…), the headers repeated under the headers, and header cells merged
 * down into the first data rows. `rowsOf` asks these of every row, so each starts with a cheap
 * test that lets an ordinary row through at once.
 */

const TOTALS = new Set(["合计", "总计", "小计", "平均", "平均分", "total", "average"]);
const totalsText = memoText((s: string): boolean => {
  const t = s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s:：]+/g, "");
  // The word alone, or followed by a count or an amount: 合计：2 条, 合计12项, Total: 3.
  return TOTALS.has(t) || TOTALS.has(t.replace(/[\d,.]+(条|项|张|件|个|人|次|份|行)?$/, ""));
});

/** First characters of the totals words: 合 总 小 平 T t A a, and their full-width forms. */
const TOTALS_FIRST = new Set([..."合总小平TtAaＴｔＡａ"].map((ch) => ch.charCodeAt(0)));

/**
 * @summary 合计, 总计, 小计, 平均, 平均分, Total, Average (spaces and a colon ignored, a count
 * after it allowed).
 * @example
 * isTotalsWord("合计：2 条") //=> true
 * isTotalsWord("张三") //=> false
 */
export function isTotalsWord(c: RawCell | undefined): c is string {
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

const HINT_FIRST = new Set([..."注备说填"].map((ch) => ch.charCodeAt(0)));

/** Cheap filter before `hintOf`: text whose first character is 注, 备, 说 or 填 (or a space). */
export function mayBeHint(c: RawCell): boolean {
  if (typeof c !== "string") return false;
  const k = c.charCodeAt(0);
  return HINT_FIRST.has(k) || k <= 32 || k === 0x3000;
}

/**
 * @summary A hint row under the data (注：以上数据由监理现场核查, 说明：…): every non-empty cell
 * holds the same text (a merged hint fills the row) and it begins with 注, 备注, 说明, 注意 or
 * 填表说明 and a colon. Its text, or undefined.
 * @example
 * hintOf(["注：以上数据由监理现场核查", "注：以上数据由监理现场核查"]) //=> "注：以上数据由监理现场核查"
 */
export function hintOf(cells: RawCell[]): string | undefined {
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

/**
 * @summary A month's subtotal row (SPEC §10): 小计, 合计 or 总计 within a longer text in one of
 * the row's first two non-empty cells — 2024年7月小计, 7月合计 出勤率 98% — after a date, a month
 * or a space, never inside a word (综合计划科 is a name). Its text, or undefined.
 * @example
 * subtotalOf(["2024年7月小计", null, "出勤率 98%"]) //=> "2024年7月小计"
 * subtotalOf(["综合计划科", 90]) //=> undefined
 */
export function subtotalOf(cells: RawCell[]): string | undefined {
  let seen = 0;
  for (let i = 0; i < cells.length && seen < 2; i++) {
    const c = cells[i];
    if (isEmpty(c)) continue;
    seen++;
    if (typeof c !== "string" || c.length > 40 || !c.includes("计")) continue;
    if (SUBTOTAL.test(c.normalize("NFKC"))) return c;
  }
  return undefined;
}

const SUBTOTAL = /(^|[\d年月日\s)）:：])(小计|合计|总计)/u;

/** A cell holding one of the template's hints: 示例…, 填 是/否, （日期）, （示例：GD20240701-0001）. */
function isHintCell(c: RawCell): boolean {
  if (typeof c !== "string") return false;
  const t = c.normalize("NFKC").trim();
  if (/^(示例|例如|举例|选填|必填)/u.test(t) || /^(如|例|填|请填写?|填写)[:：\s]/u.test(t))
    return true;
  const m = /^[(【[]([^()【】[\]]+)[)】\]]$/u.exec(t);
  return m !== null && isHintNote(normalizeName(m[1]));
}

/**
 * @summary A row of the template's hints left under the headers (SPEC §10): every non-empty
 * cell holds a hint (示例…, 填 是/否, （日期）) — recognised by its words, never merely by being
 * unreadable. The first hint, or undefined.
 * @example
 * templateHintOf(["（示例：GD20240701-0001）", "填 是/否", null, "（日期）"]) //=> "（示例：GD20240701-0001）"
 * templateHintOf(["（待定）", "是"]) //=> undefined
 */
export function templateHintOf(cells: RawCell[]): string | undefined {
  let first: string | undefined;
  for (const c of cells) {
    if (isEmpty(c)) continue;
    if (!isHintCell(c)) return undefined;
    first ??= c as string;
  }
  return first;
}

/**
 * @summary The test, for one table, of whether a row holds column names in every column read
 * that it fills (at least two of them, the identifying one among them): `TicketId ·
 * RoutedToVendor · Status` under 工单号 · 流转乙方 · 状态 — a second header row, or headers an
 * export repeats on every page. `idCell` is the row's identifying cell.
 */
export function headerRowTest(
  def: TableDef
): (columns: Record<string, number>, cells: RawCell[], idCell: RawCell | undefined) => boolean {
  const idDef = def.columns.find((c) => c.key === def.idColumn)!;
  const idFirst = firstCharsOf(idDef);
  return (columns, cells, idCell) => {
    if (typeof idCell !== "string") return false;
    // Cheap filter first (this runs on every row): an ID or a name that cannot start one of the
    // column's names never reaches the normalising comparison.
    const k = idCell.charCodeAt(0);
    if (k > 32 && k !== 0x3000 && !idFirst.has(k)) return false;
    if (!columnMatches(idDef, normalizeName(idCell))) return false;
    let named = 0;
    for (const c of def.columns) {
      const i = columns[c.key];
      if (i === undefined || isEmpty(cells[i])) continue;
      if (!columnMatches(c, normalizeName(cells[i]))) return false;
      named++;
    }
    return named >= 2;
  };
}

/**
 * The character codes a header naming column `c` can start with: the first character of each of
 * its names, in upper and lower case and in full width (normalizeName folds all of these).
 */
function firstCharsOf(c: ColumnDef): Set<number> {
  const set = new Set<number>();
  for (const name of [c.zh, c.en, ...(c.aliases ?? [])]) {
    const n = normalizeName(name);
    if (!n) continue;
    for (const ch of [n[0], n[0].toUpperCase()]) {
      const code = ch.charCodeAt(0);
      set.add(code);
      if (code >= 0x21 && code <= 0x7e) set.add(code + 0xfee0); // full-width form
    }
  }
  return set;
}

/**
 * @summary The read columns whose header text stands again, as the very same value, in the
 * first data rows (each from the first data row down, without a gap): a header cell merged down
 * over them, filled in by the readers. For each such column, how many rows it covers; null when
 * there is none (the usual case, found at the first row).
 */
export function headerSpill(
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
