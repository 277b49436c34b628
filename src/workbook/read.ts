/** Reads every table a ledger workbook could hold, straight from the package's XML. */
import {
  TITLE_ROWS_LIMIT,
  TOOL_SHEET_NAMES,
  normalizeName,
  plainSheetColumns,
  type RawCell,
  type RawTable,
} from "../engine";
import type { ZipCodec } from "./codec";
import { REL, parseRels, relIs, relsPathOf, resolveTarget, type Relationship } from "./opc";
import { asWorkbookErrors, openPackage, parseWorkbook, partText } from "./package";
import { scanSharedStrings, scanWorksheet, type SheetCells } from "./sheetScan";
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

function nonEmpty(c: RawCell | undefined): boolean {
  if (c === null || c === undefined) return false;
  if (typeof c === "string") return c.trim() !== "";
  return true;
}

function colOf(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** `A1:D10` → 1-based [top, left, bottom, right]. */
function parseRange(ref: string): [number, number, number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const top = +m[2];
  const left = colOf(m[1]);
  return [top, left, m[4] ? +m[4] : top, m[3] ? colOf(m[3]) : left];
}

function rowSlice(cells: SheetCells, row: number, firstCol0: number, width: number): RawCell[] {
  const src = cells.rows[row];
  if (src && firstCol0 === 0 && src.length <= width) {
    // Reuse the scanned row (nothing beyond the table's width can be lost): fill its holes.
    for (let c = 0; c < width; c++) if (src[c] === undefined) src[c] = null;
    return src;
  }
  const out: RawCell[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const v = src ? src[firstCol0 + c] : undefined;
    out[c] = v === undefined ? null : v;
  }
  return out;
}

function tableFromPart(
  xml: string,
  sheet: string,
  cells: SheetCells,
  date1904: boolean
): RawTable | null {
  let head: Record<string, string> | null = null;
  const columnNames: string[] = [];
  for (const t of tags(xml)) {
    if (t.closing) continue;
    if (t.local === "table" && !head) head = attrs(xml, t);
    else if (t.local === "tableColumn") columnNames.push(attrs(xml, t).name ?? "");
  }
  if (!head) throw new XmlFormatError("table part has no <table> element");
  const range = parseRange(head.ref ?? "");
  if (!range) throw new XmlFormatError(`table ${head.displayName ?? head.name} has a bad ref`);
  const [top, left, bottom, right] = range;
  const headerRows = head.headerRowCount !== undefined ? +head.headerRowCount : 1;
  const totalsRows = head.totalsRowCount !== undefined ? +head.totalsRowCount : 0;
  const width = right - left + 1;
  const headerRow = headerRows > 0 ? top : top - 1;
  const headers: RawCell[] =
    headerRows > 0 ? rowSlice(cells, top, left - 1, width) : new Array(width).fill(null);
  for (let c = 0; c < width; c++) {
    if (!nonEmpty(headers[c]) && columnNames[c]) headers[c] = columnNames[c];
  }
  const rows: RawCell[][] = [];
  for (let r = top + Math.max(headerRows, 0); r <= bottom - Math.max(totalsRows, 0); r++)
    rows.push(rowSlice(cells, r, left - 1, width));
  const table: RawTable = {
    name: head.displayName || head.name || "",
    sheet,
    kind: "table",
    headerRow,
    firstColumn: left,
    headers,
    rows,
  };
  if (date1904) table.date1904 = true;
  return table;
}

function tableFromSheet(name: string, cells: SheetCells, date1904: boolean): RawTable {
  let headerRow = 0;
  for (let r = 1; r <= cells.maxRow; r++) {
    const row = cells.rows[r];
    if (row && row.some(nonEmpty)) {
      headerRow = r;
      break;
    }
  }
  const t: RawTable = {
    name,
    sheet: name,
    kind: "sheet",
    headerRow: 1,
    firstColumn: 1,
    headers: [],
    rows: [],
  };
  if (date1904) t.date1904 = true;
  if (!headerRow) return t;
  const top: RawCell[][] = [];
  for (let r = headerRow; r <= Math.min(cells.maxRow, headerRow + TITLE_ROWS_LIMIT); r++)
    top.push(cells.rows[r] ?? []);
  const { first, last } = plainSheetColumns(top)!;
  const width = last - first + 1;
  let lastRow = headerRow;
  for (let r = cells.maxRow; r > headerRow; r--) {
    const row = cells.rows[r];
    if (!row) continue;
    let any = false;
    for (let c = first; c <= last && !any; c++) any = nonEmpty(row[c]);
    if (any) {
      lastRow = r;
      break;
    }
  }
  t.headerRow = headerRow;
  t.firstColumn = first + 1;
  t.headers = rowSlice(cells, headerRow, first, width);
  for (let r = headerRow + 1; r <= lastRow; r++) t.rows.push(rowSlice(cells, r, first, width));
  return t;
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
    const xml = partText(zip, part);
    if (xml === null) throw new XmlFormatError(`worksheet part ${part} is missing`);
    const cells = scanWorksheet(xml, shared, date1904, percentStyles);
    fillMerges(xml, cells);
    const tool = TOOL_SHEET_NAMES.find((n) => normalizeName(n) === normalizeName(sh.name));
    if (tool) toolSheets[tool] = gridOf(cells);
    const relsText = partText(zip, relsPathOf(part));
    const found: RawTable[] = [];
    if (relsText !== null) {
      for (const r of parseRels(relsText)) {
        if (!relIs(r, REL.table) || r.external) continue;
        const tx = partText(zip, resolveTarget(part, r.target));
        if (tx === null) continue;
        const t = tableFromPart(tx, sh.name, cells, date1904);
        if (t) found.push(t);
      }
    }
    if (!found.length) found.push(tableFromSheet(sh.name, cells, date1904));
    if (cells.percent) for (const t of found) t.percentCells = cells.percent;
    tables.push(...found);
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
function gridOf(cells: SheetCells): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = 1; r <= cells.maxRow; r++) {
    const src = cells.rows[r] ?? [];
    out.push(Array.from(src, (v) => (v === undefined ? null : v)));
  }
  return out;
}

/**
 * The cellXfs indexes whose number format shows a percentage: built-in formats 9 (0%) and
 * 10 (0.00%), or a custom format with a % outside quotes.
 */
export function percentStyleIndexes(styles: string): Set<number> {
  const percentFmts = new Set([9, 10]);
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /numFmtId\s*=\s*["'](\d+)["']/.exec(m[0]);
    const code = /formatCode\s*=\s*"([^"]*)"|formatCode\s*=\s*'([^']*)'/.exec(m[0]);
    const text = (code?.[1] ?? code?.[2] ?? "").replace(/&quot;[^&]*&quot;|\\./g, "");
    if (id && text.includes("%")) percentFmts.add(+id[1]);
  }
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles);
  if (!xfs) return out;
  let i = 0;
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = /numFmtId\s*=\s*["'](\d+)["']/.exec(m[0]);
    if (id && percentFmts.has(+id[1])) out.add(i);
    i++;
  }
  return out;
}

/** Merged cells (`<mergeCell ref="A2:A3"/>`): the range's first cell's value fills every cell. */
function fillMerges(xml: string, cells: SheetCells): void {
  // <mergeCells> follows <sheetData>: search only the part's tail, after the scanned cells.
  const tail = xml.slice(cells.dataEnd ?? 0);
  if (tail.indexOf("mergeCell") < 0) return;
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g)) {
    const range = parseRange(m[1]);
    if (!range) continue;
    const [top, left, bottom0, right] = range;
    const v = cells.rows[top]?.[left - 1];
    if (v === undefined || v === null) continue;
    const bottom = Math.min(bottom0, Math.max(cells.maxRow, top));
    for (let r = top; r <= bottom; r++) {
      let row = cells.rows[r];
      if (!row) cells.rows[r] = row = [];
      for (let c = left - 1; c < right; c++)
        if (row[c] === undefined || row[c] === null) row[c] = v;
    }
    if (bottom > cells.maxRow) cells.maxRow = bottom;
  }
}
