/**
 * The fake Office.js host's spec of an .xlsx file as Excel holds it, for tests that score one
 * file through both readers:
 * - merged cells keep only their first cell's value;
 * - a formula cell holds its cached value (what Range.values reports), an error cell its error;
 * - Excel tables (ListObjects) become the host's tables: header row, data body (a totals row
 *   is not in the body, as Table.getDataBodyRange leaves it out), `showHeaders`, column names;
 * - the 1904 date system: dates are serials counted from 1904-01-01.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";

const D1900 = Date.UTC(1899, 11, 30);
const D1904 = Date.UTC(1904, 0, 1);

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** What Range.values reports for a cell holding `v` (exceljs's cell value). */
function valueOf(v: unknown, epoch: number): unknown {
  if (v instanceof Date) return (v.getTime() - epoch) / 86400000;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return valueOf(o.result ?? null, epoch);
    if ("richText" in o) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("text" in o && "hyperlink" in o) return o.text;
  }
  return v ?? null;
}

export async function fakeSpec(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const date1904 = !!(wb.properties as { date1904?: boolean }).date1904;
  const epoch = date1904 ? D1904 : D1900;
  const sheets = wb.worksheets.map((ws) => {
    const cells: unknown[][] = [];
    const formats: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v: unknown = cell.isMerged && cell.master !== cell ? null : cell.value;
        out[c - 1] = valueOf(v, epoch);
        if (cell.numFmt && cell.numFmt.includes("%")) formats[cell.address] = cell.numFmt;
      });
      cells[r - 1] = out;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= [];
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, { table: Record<string, unknown> }> }).tables ?? {}
    ).map(({ table: t }) => {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(String(t.tableRef ?? t.ref));
      if (!m) throw new Error(`table ${String(t.name)}: ref ${String(t.tableRef)}`);
      const top = Number(m[2]) - 1;
      const showHeaders = t.headerRow !== false;
      const totals = t.totalsRow === true ? 1 : 0;
      return {
        name: String(t.displayName ?? t.name),
        headerRow: showHeaders ? top : top - 1,
        showHeaders,
        firstColumn: colNumber(m[1]) - 1,
        columns: colNumber(m[3]) - colNumber(m[1]) + 1,
        columnNames: (t.columns as { name: string }[]).map((c) => c.name),
        rows: Number(m[4]) - 1 - top + 1 - (showHeaders ? 1 : 0) - totals,
        totalsRow: totals === 1,
      };
    });
    return { name: ws.name, cells, merges, formats, tables, hidden: ws.state !== "visible" };
  });
  return { sheets, date1904 };
}
