/**
 * The overview workbook of many ledgers (SPEC §12), made from nothing as a package of its own, the
 * same for every host: the command line's `--overview` writes its bytes to a file, the web page
 * offers them as a download. Pure like the rest of this package: the host passes its ZipCodec.
 *
 * One sheet `考核总览`: a title, the header, one row per ledger sorted by file, then the tail
 * payable summed by status. It prints landscape on A4, one page wide, the header row repeated on
 * every page; long texts wrap inside their column, each row as tall as its longest text. The
 * content is `overviewCells`'s; the layout is here, as a `SummarySheet`, so that the sheet's XML
 * and its styles are written by the same code as the scored copy's summary (`summarySheet.ts`,
 * `styles.ts`).
 */
import { PAGE_OF_PAGES, displayWidth, landscapeOnePageWide } from "../report/cells";
import {
  OVERVIEW_SHEET_NAME,
  overviewCells,
  type Overview,
  type OverviewCell,
} from "../report/overview";
import type { SummaryCell, SummarySheet } from "../report/types";
import type { ZipCodec } from "./codec";
import { MINIMAL_STYLES, addStyles } from "./styles";
import { printDefinedNames, relsXml, stylesNeeded, worksheetXml } from "./summarySheet";
import { CONTENT_TYPE } from "./write";
import { writeZip } from "./zip";

/** Column widths in characters: file, name, number, vendor, period, status, total, tier, payable, problems, fingerprint. */
const WIDTHS = [30, 28, 16, 20, 23, 13, 8, 6, 15, 50, 18];
const FINGERPRINT = 10;
/** The totals' label spans the columns before the amount (file … tier). */
const LABEL_SPAN = 8;

/** Points per printed line at the sheet's size; the fingerprint is small type, 1.35 × as many characters a line. */
const LINE_PT = 15;
const SMALL_RATIO = 1.35;

/**
 * The height a row needs so that its wrapped texts show whole: no host sizes a row to wrapped
 * text a program wrote, so the lines are counted here (CJK characters two columns wide, a
 * column's width in characters less one for the padding).
 */
function rowHeight(cells: readonly OverviewCell[]): number {
  let lines = 1;
  cells.forEach((v, j) => {
    if (typeof v !== "string") return;
    const perLine = (WIDTHS[j] - 1) * (j === FINGERPRINT ? SMALL_RATIO : 1);
    const n = v
      .split("\n")
      .reduce((k, part) => k + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines * LINE_PT;
}

/** A cell of the grid: text wrapped, a number in its format, each bordered and read from its top. */
function gridCell(v: OverviewCell, j: number, look: Partial<SummaryCell> = {}): SummaryCell {
  const cell: SummaryCell =
    v === null || typeof v === "string"
      ? { value: v, format: "text", wrap: true }
      : // Wrapped too, so that a figure reads from the top of its row, level with the texts.
        { value: v.value, format: v.format, wrap: true };
  return { ...cell, border: true, ...(j === FINGERPRINT ? { size: "small" } : {}), ...look };
}

/**
 * @summary The overview sheet's layout: title, header, rows, a blank row, the totals; the print
 * setup (landscape, one page wide, row 2 repeated) and the header row frozen on screen.
 */
function overviewSheet(o: Overview): SummarySheet {
  const { header, rows, totals } = overviewCells(o);
  const title: SummaryCell = {
    value: `运维考核总览 Assessment overview — ${o.totals.ledgers} 份台账 ledgers`,
    format: "text",
    bold: true,
    size: "large",
  };
  const grid: SummaryCell[][] = [
    [title],
    header.map((h, j) => gridCell(h, j, { header: true, bold: true, size: undefined })),
    ...rows.map((r) => r.map((v, j) => gridCell(v, j))),
    [],
    ...totals.map((line, i) =>
      line.map((v, j): SummaryCell =>
        j === 0
          ? { value: v as string, format: "text", span: LABEL_SPAN, bold: i === totals.length - 1 }
          : v === null || typeof v === "string"
            ? { value: null, format: "text" }
            : { value: v.value, format: v.format, bold: i === totals.length - 1 }
      )
    ),
  ];
  const rowHeights: Record<number, number> = { 1: rowHeight(header) };
  rows.forEach((r, i) => (rowHeights[2 + i] = rowHeight(r)));
  const pageSetup = landscapeOnePageWide({
    titleRow: 2,
    lastRow: grid.length,
    lastColumn: WIDTHS.length,
    header: { left: "", center: "", right: "" },
    footer: { left: "", center: PAGE_OF_PAGES, right: "" },
  });
  return {
    name: OVERVIEW_SHEET_NAME,
    rows: grid,
    columnWidths: WIDTHS,
    rowHeights,
    chart: { title: "", firstRow: 0, rowCount: 0, categoryColumn: 0, seriesColumns: [] },
    frozenRows: 2,
    pageSetup,
  };
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * @summary The overview workbook's bytes: a package of one sheet, `考核总览`, with its styles and
 * print names. Deterministic: the same overview gives the same parts (no creation time is
 * written), and, with the same codec, the same bytes.
 */
export function writeOverviewWorkbook(o: Overview, codec: ZipCodec): Uint8Array {
  const sheet = overviewSheet(o);
  const { xml: styles, index } = addStyles(MINIMAL_STYLES, stylesNeeded(sheet));
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/>` +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
        "</Types>",
    ],
    [
      "_rels/.rels",
      relsXml([{ id: "rId1", type: `${NS_R}/officeDocument`, target: "xl/workbook.xml" }]),
    ],
    [
      "xl/workbook.xml",
      XML_HEAD +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
        '<bookViews><workbookView activeTab="0"/></bookViews>' +
        `<sheets><sheet name="${OVERVIEW_SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames>${printDefinedNames(sheet.name, 0, sheet.pageSetup!)}</definedNames>` +
        "</workbook>",
    ],
    [
      "xl/_rels/workbook.xml.rels",
      relsXml([
        { id: "rId1", type: `${NS_R}/worksheet`, target: "worksheets/sheet1.xml" },
        { id: "rId2", type: `${NS_R}/styles`, target: "styles.xml" },
      ]),
    ],
    ["xl/worksheets/sheet1.xml", worksheetXml(sheet, index, null)],
    ["xl/styles.xml", styles],
  ];
  const enc = new TextEncoder();
  return writeZip(
    null,
    parts.map(([name, text]) => ({ kind: "new", name, data: enc.encode(text) })),
    codec
  );
}
