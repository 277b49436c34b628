/**
 * How a summary cell is presented, whichever writer puts it in a workbook: the command line's
 * package writer (src/workbook) and the Excel adapter (src/excel) both take these, so the "same"
 * summary looks the same from either. Plain data and pure functions only.
 */
import type { CellFormat, PageSetup } from "./types";

/** Excel's limit on the characters (UTF-16 code units) in one cell. */
export const MAX_CELL_CHARS = 32767;

/** What ends a text cut to fit one cell. */
const TRUNCATED_MARK = "…（已截断 truncated）";

/**
 * @summary Text cut to fit one Excel cell (`limit` code units), marked as cut, never splitting a
 * surrogate pair.
 */
export function fitCell(text: string, limit: number = MAX_CELL_CHARS): string {
  if (text.length <= limit) return text;
  let cut = limit - TRUNCATED_MARK.length;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut) + TRUNCATED_MARK;
}

/**
 * @summary Column letters of a 1-based column number.
 * @example
 * columnLetter(1) //=> "A"
 * columnLetter(28) //=> "AB"
 */
export function columnLetter(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * @summary A1 address of a 1-based (row, column).
 * @example
 * cellAddress(17, 3) //=> "C17"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * Fill of header and section-title cells, as RRGGBB: light grey (Excel's "White, Background 1,
 * Darker 15%"). SpreadsheetML writes it `FFD9D9D9`, Office.js `#D9D9D9`.
 */
export const HEADER_FILL_RGB = "D9D9D9";

/** Excel number format code of each summary cell format. */
export const NUMBER_FORMATS: Readonly<Record<CellFormat, string>> = {
  text: "@",
  points: "0.00",
  decimal4: "0.0000",
  money: "#,##0.00",
  yuan: '"¥"#,##0.00',
  percent: "0.00%",
  integer: "0",
  date: "yyyy-mm-dd",
};

/** Font sizes in points of the summary's larger type (SPEC §9: the title, then the figures signed for). */
export const SIZE_POINTS: Readonly<Record<"title" | "large" | "small", number>> = {
  title: 16,
  large: 13,
  small: 8,
};

/**
 * @summary Display width of text in character widths (a terminal's columns, a cell's
 * characters): CJK and full-width characters take two.
 * @example
 * displayWidth("总分 Total") //=> 10
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

/** "Page x of y", Chinese and English, in header and footer codes (`&P`, `&N`). */
export const PAGE_OF_PAGES = "第 &P 页，共 &N 页 Page &P of &N";

/**
 * @summary How a wide list prints (the run log, the overview of many ledgers): A4 landscape,
 * every column on one page's width, as many pages down as it needs, row `titleRow` repeated on
 * each, `A1` to (`lastRow`, `lastColumn`) the print area.
 */
export function landscapeOnePageWide(p: {
  titleRow: number;
  lastRow: number;
  lastColumn: number;
  header: PageSetup["header"];
  footer: PageSetup["footer"];
}): PageSetup {
  return {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    titleRows: { first: p.titleRow, last: p.titleRow },
    printArea: { lastRow: p.lastRow, lastColumn: p.lastColumn },
    header: p.header,
    footer: p.footer,
    breaksAfterRows: [],
  };
}
