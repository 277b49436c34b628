import ExcelJS from "exceljs";
import {
  OVERVIEW_SHEET_NAME,
  overviewCells,
  type Overview,
  type OverviewCell,
} from "../report/overview";
import { writeAtomically } from "./assessFile";
import { displayWidth } from "./print";

/**
 * The overview workbook of a batch (SPEC §12), written with exceljs as the template is: one sheet
 * `考核总览`, a title, the header, one row per ledger sorted by file, then the tail payable summed
 * by status. It prints one page wide (landscape, fit to width, the header repeated on each page),
 * long texts wrapping inside their column. The content is `overviewCells`'s; only the look is here.
 */

/** Column widths in characters: file, name, number, vendor, period, status, total, tier, payable, problems, fingerprint. */
const WIDTHS = [30, 28, 16, 20, 23, 13, 8, 6, 15, 50, 18];
const FINGERPRINT = 10;

/** Points per printed line at the sheet's font sizes (11 pt text, the fingerprint at 8 pt). */
const LINE_PT = 15;

/**
 * The height a row needs so that its wrapped texts show whole: neither exceljs nor LibreOffice
 * sizes a row to wrapped text written by a program, so the lines are counted here (CJK
 * characters two columns wide, the column's width in characters less a margin).
 */
function rowHeight(cells: readonly OverviewCell[]): number {
  let lines = 1;
  cells.forEach((v, j) => {
    if (typeof v !== "string") return;
    const perLine = (WIDTHS[j] - 1) * (j === FINGERPRINT ? 1.35 : 1);
    const n = v
      .split("\n")
      .reduce((k, part) => k + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines * LINE_PT;
}

function put(cell: ExcelJS.Cell, v: OverviewCell): void {
  if (v === null) return;
  if (typeof v === "string") cell.value = v;
  else {
    cell.value = v.value;
    cell.numFmt = v.format;
  }
}

/** @summary Write the overview workbook to `file` (replacing it), through a temporary file. */
export async function writeOverviewXlsx(
  file: string,
  overview: Overview,
  now: Date
): Promise<void> {
  const { header, rows, totals } = overviewCells(overview);
  const wb = new ExcelJS.Workbook();
  wb.created = now;
  wb.modified = now;
  const ws = wb.addWorksheet(OVERVIEW_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: "2:2",
    },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页 Page &P of &N" },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const title = ws.getCell(1, 1);
  title.value = `运维考核总览 Assessment overview — ${overview.totals.ledgers} 份台账 ledgers`;
  title.font = { bold: true, size: 14 };
  const thin = { style: "thin" as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  header.forEach((h, j) => {
    const c = ws.getCell(2, j + 1);
    c.value = h;
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: "middle" };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    c.border = border;
  });
  ws.getRow(2).height = rowHeight(header);
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const c = ws.getCell(3 + i, j + 1);
      put(c, v);
      c.alignment = { wrapText: true, vertical: "top" };
      c.border = border;
      if (j === FINGERPRINT) c.font = { size: 8, name: "Consolas" };
    });
    ws.getRow(3 + i).height = rowHeight(row);
  });
  const first = 3 + rows.length + 1;
  totals.forEach((row, i) => {
    row.forEach((v, j) => {
      const c = ws.getCell(first + i, j + 1);
      put(c, v);
      c.font = { bold: i === totals.length - 1 };
    });
    ws.mergeCells(first + i, 1, first + i, 8);
    ws.getCell(first + i, 1).alignment = { horizontal: "right" };
  });
  await writeAtomically(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}
