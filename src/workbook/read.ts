/**
 * Reads every table a ledger workbook could hold, straight from the package's XML: the parts are
 * taken apart here (workbook, relationships, styles, worksheets, table parts), and each sheet's
 * cells become tables through the shared cells-to-tables step (src/sheets), as in the Excel
 * adapter.
 */
import type { RawCell, RawTable } from "../engine";
import {
  isPercentFormat,
  tablesOfSheet,
  toolSheetOf,
  type CellArea,
  type CellGrid,
  type TableExtent,
} from "../sheets";
import type { ZipCodec } from "./codec";
import { REL, parseRels, relIs, relsPathOf, resolveTarget, type Relationship } from "./opc";
import { asWorkbookErrors, openPackage, parseWorkbook, partBytes, partText } from "./package";
import { scanSharedStrings, scanWorksheet } from "./sheetScan";
import { XmlFormatError, attrs, tags } from "./xml";

export interface WorkbookRead {
  tables: RawTable[];
  date1904: boolean;
  sheetNames: string[];
  /**
   * The cells of the sheets the tool writes (考核结果, 考核记录), whole, by sheet name:
   * `grid[0]` is row 1, `grid[r][0]` column A. Absent for a sheet the workbook does not have.
   */
  toolSheets: Record<string, RawCell[][]>;
  /** True when the workbook's structure is protected (`<workbookProtection lockStructure="1">`). */
  structureLocked: boolean;
}

/** `A1:D10` → the area, 1-based inclusive (`A1` alone is one cell). */
function parseArea(ref: string): CellArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const top = +m[2];
  const left = colOf(m[1]);
  return { top, left, bottom: m[4] ? +m[4] : top, right: m[3] ? colOf(m[3]) : left };
}

function colOf(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** A table part (`xl/tables/tableN.xml`) as the extent the shared cells-to-tables step takes. */
function tableExtentOf(xml: string): TableExtent {
  let head: Record<string, string> | null = null;
  const columnNames: string[] = [];
  for (const t of tags(xml)) {
    if (t.closing) continue;
    if (t.local === "table" && !head) head = attrs(xml, t);
    else if (t.local === "tableColumn") columnNames.push(attrs(xml, t).name ?? "");
  }
  if (!head) throw new XmlFormatError("table part has no <table> element");
  const area = parseArea(head.ref ?? "");
  if (!area) throw new XmlFormatError(`table ${head.displayName ?? head.name} has a bad ref`);
  return {
    name: head.displayName || head.name || "",
    area,
    headerRowCount: head.headerRowCount !== undefined ? +head.headerRowCount : 1,
    totalsRowCount: head.totalsRowCount !== undefined ? +head.totalsRowCount : 0,
    columnNames,
  };
}

/**
 * Reads every table a ledger could hold (synchronously; `codec` inflates and checks the parts).
 * Throws WorkbookError for a file that is not a readable .xlsx/.xlsm, and nothing else for bad
 * input.
 */
export function readLedgerXlsx(bytes: Uint8Array, codec: ZipCodec): WorkbookRead {
  return asWorkbookErrors(() => readUnchecked(bytes, codec));
}

function readUnchecked(bytes: Uint8Array, codec: ZipCodec): WorkbookRead {
  const { zip, workbookPart, workbookXml, workbookRelsXml } = openPackage(bytes, codec);
  const { sheets, date1904 } = parseWorkbook(workbookXml);
  const wbRels: Relationship[] = workbookRelsXml === null ? [] : parseRels(workbookRelsXml);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const sstRel = wbRels.find((r) => relIs(r, REL.sharedStrings) && !r.external);
  const sstText = sstRel ? partText(zip, resolveTarget(workbookPart, sstRel.target)) : null;
  const shared = sstText === null ? [] : scanSharedStrings(sstText);
  const stylesRel = wbRels.find((r) => relIs(r, REL.styles) && !r.external);
  const stylesText = stylesRel
    ? partText(zip, resolveTarget(workbookPart, stylesRel.target))
    : null;
  const percentStyles = stylesText === null ? undefined : percentStyleIndexes(stylesText);
  const tables: RawTable[] = [];
  const toolSheets: Record<string, RawCell[][]> = {};
  for (const sh of sheets) {
    const rel = byId.get(sh.rid);
    if (!rel || !relIs(rel, REL.worksheet) || rel.external) continue; // chart sheets, macro sheets
    const part = resolveTarget(workbookPart, rel.target);
    const xml = partBytes(zip, part);
    if (xml === null) throw new XmlFormatError(`worksheet part ${part} is missing`);
    const cells = scanWorksheet(xml, shared, date1904, percentStyles);
    const relsText = partText(zip, relsPathOf(part));
    const extents: TableExtent[] = [];
    if (relsText !== null) {
      for (const r of parseRels(relsText)) {
        if (!relIs(r, REL.table) || r.external) continue;
        const tx = partText(zip, resolveTarget(part, r.target));
        if (tx !== null) extents.push(tableExtentOf(tx));
      }
    }
    const grid: CellGrid = { rows: cells.rows, row: 0, column: 1 };
    tables.push(
      ...tablesOfSheet({
        name: sh.name,
        cells: grid,
        merges: mergedAreas(cells.rest),
        tables: extents,
        ...(cells.percent ? { percent: cells.percent } : {}),
        date1904,
      })
    );
    // After tablesOfSheet, which filled the merged areas into the cells.
    const tool = toolSheetOf(sh.name);
    if (tool) toolSheets[tool] = gridOf(grid);
  }
  let structureLocked = false;
  for (const t of tags(workbookXml)) {
    if (t.closing || t.local !== "workbookProtection") continue;
    const v = attrs(workbookXml, t).lockStructure;
    structureLocked = v === "1" || v === "true";
  }
  return { tables, date1904, sheetNames: sheets.map((s) => s.name), toolSheets, structureLocked };
}

/** A whole sheet's cells as a grid from A1 (holes as null). */
function gridOf(grid: CellGrid): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const src = grid.rows[r] ?? [];
    out.push(Array.from(src, (v) => (v === undefined ? null : v)));
  }
  return out;
}

/** Built-in number formats that show a percentage: 9 (`0%`) and 10 (`0.00%`). */
const BUILTIN_PERCENT_FORMATS = [9, 10];

/**
 * The cellXfs indexes (the `s` of a cell) whose number format shows a percentage: a built-in
 * percent format, or a custom `numFmt` whose code does (`isPercentFormat`).
 */
function percentStyleIndexes(styles: string): Set<number> {
  const percentFmts = new Set(BUILTIN_PERCENT_FORMATS);
  const xfFormats: string[] = [];
  let inXfs = false;
  let xfsDone = false; // only the first cellXfs counts
  for (const t of tags(styles)) {
    if (t.local === "cellXfs") {
      if (!t.closing && !t.selfClosing && !xfsDone) inXfs = true;
      else ((inXfs = false), (xfsDone = true));
    } else if (t.closing) continue;
    else if (t.local === "xf" && inXfs) xfFormats.push(attrs(styles, t).numFmtId ?? "");
    else if (t.local === "numFmt") {
      const a = attrs(styles, t);
      if (a.numFmtId !== undefined && /^\d+$/.test(a.numFmtId) && isPercentFormat(a.formatCode))
        percentFmts.add(+a.numFmtId);
    }
  }
  const out = new Set<number>();
  xfFormats.forEach((id, i) => {
    if (/^\d+$/.test(id) && percentFmts.has(+id)) out.add(i);
  });
  return out;
}

/**
 * The merged areas of a worksheet part (`<mergeCell ref="A2:A3"/>`), from its text after
 * `<sheetData>` (`<mergeCells>` follows it).
 */
function mergedAreas(tail: string): CellArea[] {
  if (tail.indexOf("mergeCell") < 0) return [];
  const out: CellArea[] = [];
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g)) {
    const area = parseArea(m[1]);
    if (area) out.push(area);
  }
  return out;
}
