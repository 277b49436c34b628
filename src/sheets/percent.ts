/**
 * Percent-formatted survey scores (SPEC §5: a score 0.92 shown as 92% is 92). The engine asks
 * whether a score cell is formatted as a percentage (`RawTable.percentCells`), and only that: so
 * both readers mark exactly the cells of a table's score columns whose number format shows a
 * percentage, whatever else they could see. The Excel adapter pays for every format it reads
 * (one string a cell in the payload), so it reads only these columns' formats; the .xlsx reader
 * sees every cell's style and keeps the same ones.
 */
import { columnMatches, normalizeName, tableDef, type RawCell } from "../engine";

const SCORE = tableDef("surveys").columns.find((c) => c.key === "score")!;

/**
 * @summary Whether a number format code shows a percentage: a `%` outside quoted text and
 * backslash escapes (`0%`, `0.0%`, but not `0"%"` or `0\%`).
 * @example
 * isPercentFormat("0.00%") //=> true
 * isPercentFormat('0.0"%"') //=> false
 */
export function isPercentFormat(code: unknown): boolean {
  return typeof code === "string" && code.replace(/"[^"]*"|\\./g, "").includes("%");
}

/**
 * @summary The columns (0-based, within the rows given) that may hold survey scores: those whose
 * cell in any of `headerRows` names the score column (得分 / Score, as the engine matches it).
 * Pass a table's header row; for a plain sheet its header row and the rows under it that may
 * still be its headers (`HEADER_ROWS` in all), since the engine may take one of those as the
 * header row.
 * @example
 * scoreColumns([["受访者", "得分"]]) //=> [1]
 */
export function scoreColumns(headerRows: readonly (readonly RawCell[] | undefined)[]): number[] {
  const out = new Set<number>();
  for (const row of headerRows)
    row?.forEach((c, i) => {
      const n = normalizeName(c);
      if (n && columnMatches(SCORE, n)) out.add(i);
    });
  return [...out].sort((a, b) => a - b);
}

/**
 * @summary The percent marks a table keeps: those of `marks` (`row,column`, 1-based) in its
 * score columns (0-based, as `scoreColumns` gives them) and its data rows, worksheet rows
 * `firstRow`–`lastRow`. Undefined when none is left.
 */
export function percentCellsOf(
  marks: ReadonlySet<string> | undefined,
  columns: readonly number[],
  firstColumn: number,
  firstRow: number,
  lastRow: number
): ReadonlySet<string> | undefined {
  if (!marks || marks.size === 0 || columns.length === 0 || lastRow < firstRow) return undefined;
  let kept: Set<string> | undefined;
  if (marks.size < (lastRow - firstRow + 1) * columns.length) {
    // Fewer marks than cells to ask about: look at each mark instead.
    const wanted = new Set(columns.map((c) => firstColumn + c));
    for (const key of marks) {
      const comma = key.indexOf(",");
      const r = Number(key.slice(0, comma));
      if (r >= firstRow && r <= lastRow && wanted.has(Number(key.slice(comma + 1))))
        (kept ??= new Set()).add(key);
    }
    return kept;
  }
  for (const c of columns)
    for (let r = firstRow; r <= lastRow; r++) {
      const key = `${r},${firstColumn + c}`;
      if (marks.has(key)) (kept ??= new Set()).add(key);
    }
  return kept;
}
