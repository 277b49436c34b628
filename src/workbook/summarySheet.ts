/** Renders a SummarySheet as SpreadsheetML: the worksheet part, and the drawing and chart parts of its bar chart. */
import { SIZE_POINTS, columnLetter, fitCell } from "../report/cells";
import type { PageSetup, SummaryCell, SummaryChart, SummarySheet } from "../report/types";
import { styleKey, type StyleSpec } from "./styles";
import { encodeCellText, escapeAttr, escapeText } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** 0-based column index → letters (0 → A, 26 → AA). */
function colName(c: number): string {
  return columnLetter(c + 1);
}

/** Text that Excel would read as a formula or a signed number if typed: kept text with quotePrefix. */
function needsQuote(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** How a cell is written: its text (or null for a number), and its style. */
function plan(
  cell: SummaryCell
): { text: string | null; number: number | null; spec: StyleSpec } | null {
  const bold = !!cell.bold;
  const header = !!cell.header;
  const look: Partial<StyleSpec> = {
    ...(cell.size ? { size: SIZE_POINTS[cell.size] } : {}),
    ...(cell.wrap ? { wrap: true } : {}),
    ...(cell.border ? { border: true } : {}),
  };
  if (cell.value === null || cell.value === undefined) {
    return bold || header || cell.border
      ? {
          text: null,
          number: null,
          spec: { format: cell.format, bold, header, quote: false, ...look },
        }
      : null;
  }
  if (typeof cell.value === "string" || cell.format === "text") {
    const text = fitCell(String(cell.value));
    return {
      text,
      number: null,
      // Text is indented from its cell's edge: never read as one with a number before it.
      spec: { format: cell.format, bold, header, quote: needsQuote(text), indent: true, ...look },
    };
  }
  return {
    text: null,
    number: cell.value,
    spec: { format: cell.format, bold, header, quote: false, ...look },
  };
}

/** Every style the sheet needs, in first-use order. */
export function stylesNeeded(summary: SummarySheet): StyleSpec[] {
  const out: StyleSpec[] = [];
  const seen = new Set<string>();
  for (const row of summary.rows) {
    for (const cell of row) {
      const p = cell && plan(cell);
      if (!p) continue;
      const k = styleKey(p.spec);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(p.spec);
      }
    }
  }
  return out;
}

/** Column width as Excel stores it for `chars` characters of the default font (5-pixel padding, 7-pixel digits). */
function excelWidth(chars: number): number {
  return Math.round(((chars * 7 + 5) / 7) * 256) / 256;
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/**
 * The worksheet part. Strings are inline (`t="inlineStr"`), so sharedStrings.xml is untouched
 * and no string can ever become a formula. `drawingRid` adds the chart's drawing. Date cells
 * must already be in the workbook's date system (`inDateSystem`).
 */
export function worksheetXml(
  summary: SummarySheet,
  styleIndex: Map<string, number>,
  drawingRid: string | null
): string {
  const rowsXml: string[] = [];
  const merges: string[] = [];
  let maxCol = 0;
  summary.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      const p = cell && plan(cell);
      if (!p) return;
      const ref = colName(c) + (r + 1);
      if (cell.span && cell.span > 1) merges.push(`${ref}:${colName(c + cell.span - 1)}${r + 1}`);
      const s = styleIndex.get(styleKey(p.spec));
      const sAttr = s ? ` s="${s}"` : "";
      if (p.text !== null)
        cells.push(
          `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${encodeCellText(p.text)}</t></is></c>`
        );
      else if (p.number !== null) {
        const n = p.number;
        if (Number.isFinite(n)) cells.push(`<c r="${ref}"${sAttr}><v>${numberText(n)}</v></c>`);
        else cells.push(`<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`);
      } else cells.push(`<c r="${ref}"${sAttr}/>`);
      if (c + 1 > maxCol) maxCol = c + 1;
    });
    const ht = summary.rowHeights?.[r];
    const htAttr = ht ? ` ht="${ht}" customHeight="1"` : "";
    if (cells.length || ht) rowsXml.push(`<row r="${r + 1}"${htAttr}>${cells.join("")}</row>`);
  });
  const lastRow = summary.rows.length;
  const dim = lastRow && maxCol ? `A1:${colName(maxCol - 1)}${lastRow}` : "A1";
  const cols = summary.columnWidths
    .map((w, i) =>
      w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${excelWidth(w)}" customWidth="1"/>` : ""
    )
    .join("");
  const ps = summary.pageSetup;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    (ps ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${dim}"/>` +
    sheetViewsXml(summary.frozenRows) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowsXml.join("")}</sheetData>` +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "") +
    (ps ? pageSetupXml(ps) : DEFAULT_PAGE) +
    (drawingRid ? `<drawing r:id="${drawingRid}"/>` : "") +
    "</worksheet>"
  );
}

/** The sheet's one view; `frozen` rows stay in view as the rest scrolls. */
function sheetViewsXml(frozen: number | undefined): string {
  if (!frozen) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>` +
    "</sheetView></sheetViews>"
  );
}

const DEFAULT_PAGE =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="portrait"/>';

/** SpreadsheetML paper size codes (ECMA-376 §18.3.1.63): 9 is A4. */
const PAPER_SIZE: Record<PageSetup["paper"], number> = { A4: 9 };

/**
 * The print settings of a sheet, in CT_Worksheet order: printOptions, pageMargins, pageSetup,
 * headerFooter, rowBreaks. Fit to page needs `<sheetPr><pageSetUpPr fitToPage="1"/>` too (written
 * by `worksheetXml`); the print titles and area are defined names (`printDefinedNames`).
 */
function pageSetupXml(ps: PageSetup): string {
  const m = ps.margins;
  const hf = (tag: string, x: { left: string; center: string; right: string }) => {
    const t =
      (x.left ? `&L${x.left}` : "") +
      (x.center ? `&C${x.center}` : "") +
      (x.right ? `&R${x.right}` : "");
    return t ? `<${tag}>${escapeText(t)}</${tag}>` : "";
  };
  const breaks = ps.breaksAfterRows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("");
  return (
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${PAPER_SIZE[ps.paper]}" orientation="${ps.orientation}" fitToWidth="${ps.fitToWidth}" fitToHeight="${ps.fitToHeight}"/>` +
    `<headerFooter>${hf("oddHeader", ps.header)}${hf("oddFooter", ps.footer)}</headerFooter>` +
    (ps.breaksAfterRows.length
      ? `<rowBreaks count="${ps.breaksAfterRows.length}" manualBreakCount="${ps.breaksAfterRows.length}">${breaks}</rowBreaks>`
      : "")
  );
}

/**
 * The `_xlnm.Print_Titles` and `_xlnm.Print_Area` defined names of a sheet (`localSheetId`: its
 * 0-based position in the workbook's `<sheets>`), as `<definedName>` elements.
 */
export function printDefinedNames(sheetName: string, localSheetId: number, ps: PageSetup): string {
  const q = quoteSheet(sheetName);
  const last = colName(ps.printArea.lastColumn - 1);
  return (
    `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeText(`${q}!$${ps.titleRows.first}:$${ps.titleRows.last}`)}</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="${localSheetId}">${escapeText(`${q}!$A$1:$${last}$${ps.printArea.lastRow}`)}</definedName>`
  );
}

/**
 * One row of cells as SpreadsheetML (`<row r="n">…</row>`), for the run log's appended row:
 * inline strings, numbers, styles from `styleIndex`.
 */
export function rowXml(
  cells: SummaryCell[],
  rowNumber: number,
  styleIndex: Map<string, number>
): string {
  const one: SummarySheet = { name: "x", rows: [cells], columnWidths: [], chart: NO_CHART };
  const xml = worksheetXml(one, styleIndex, null);
  const m = /<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(xml);
  const body = m ? m[1].replace(/ r="([A-Z]+)1"/g, ` r="$1${rowNumber}"`) : "";
  return `<row r="${rowNumber}">${body}</row>`;
}

const NO_CHART = { title: "", firstRow: 0, rowCount: 0, categoryColumn: 0, seriesColumns: [] };

/** The summary's charts that point at rows and columns that exist: the bar chart, then the trend. */
export function usableCharts(summary: SummarySheet): SummaryChart[] {
  return [summary.chart, summary.trend].filter(
    (ch): ch is SummaryChart => ch !== undefined && chartUsable(summary, ch)
  );
}

/** True when the chart spec points at rows and columns that exist. */
function chartUsable(summary: SummarySheet, ch: SummaryChart = summary.chart): boolean {
  if (!ch || ch.rowCount <= 0 || ch.firstRow < 0 || ch.seriesColumns.length === 0) return false;
  return ch.firstRow + ch.rowCount <= summary.rows.length;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function cellText(summary: SummarySheet, r: number, c: number): string {
  const v = summary.rows[r]?.[c]?.value;
  return v === null || v === undefined ? "" : String(v);
}

/**
 * A chart part, with cached values: a clustered horizontal bar chart, or (`kind: "line"`) a line
 * chart of rates from 0 to 100% with a gap where a cell is empty.
 */
export function chartXml(summary: SummarySheet, ch: SummaryChart = summary.chart): string {
  const line = ch.kind === "line";
  const sheet = quoteSheet(summary.name);
  const r1 = ch.firstRow + 1;
  const r2 = ch.firstRow + ch.rowCount;
  const range = (c: number) => `${sheet}!$${colName(c)}$${r1}:$${colName(c)}$${r2}`;
  const catPts: string[] = [];
  for (let i = 0; i < ch.rowCount; i++)
    catPts.push(
      `<c:pt idx="${i}"><c:v>${escapeText(cellText(summary, ch.firstRow + i, ch.categoryColumn))}</c:v></c:pt>`
    );
  const series = ch.seriesColumns.map((col, k) => {
    const headerRow = ch.firstRow - 1;
    const name = headerRow >= 0 ? cellText(summary, headerRow, col) : "";
    const tx = name
      ? `<c:tx><c:strRef><c:f>${escapeText(`${sheet}!$${colName(col)}$${headerRow + 1}`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`
      : "";
    const pts: string[] = [];
    for (let i = 0; i < ch.rowCount; i++) {
      const v = summary.rows[ch.firstRow + i]?.[col]?.value;
      if (typeof v === "number" && Number.isFinite(v))
        pts.push(`<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>`);
    }
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}${line ? '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>' : '<c:invertIfNegative val="0"/>'}` +
      `<c:cat><c:strRef><c:f>${escapeText(range(ch.categoryColumn))}</c:f><c:strCache><c:ptCount val="${ch.rowCount}"/>${catPts.join("")}</c:strCache></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(range(col))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${ch.rowCount}"/>${pts.join("")}</c:numCache></c:numRef></c:val>` +
      (line ? '<c:smooth val="0"/>' : "") +
      "</c:ser>"
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(ch.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    (line
      ? '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
        series.join("") +
        '<c:marker val="1"/><c:axId val="50010001"/><c:axId val="50010002"/></c:lineChart>'
      : '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
        series.join("") +
        '<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>') +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="${line ? "minMax" : "maxMin"}"/></c:scaling><c:delete val="0"/><c:axPos val="${line ? "b" : "l"}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/>${line ? '<c:max val="1"/>' : ""}<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${line ? "l" : "b"}"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="${line ? "0%" : "0"}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/>` +
    '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    "</c:plotArea>" +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}

/**
 * The drawing part anchoring the charts to the right of the summary's columns, one under the
 * other (`charts[i]` is related as `rids[i]`).
 */
export function drawingXml(
  summary: SummarySheet,
  rids: string[],
  charts: SummaryChart[] = [summary.chart]
): string {
  let cols = summary.columnWidths.length;
  for (const row of summary.rows) cols = Math.max(cols, row.length);
  const fromCol = cols + 1;
  const anchor = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    charts
      .map(
        (ch, i) =>
          '<xdr:twoCellAnchor editAs="oneCell">' +
          anchor("from", fromCol, 1 + i * 20) +
          anchor("to", fromCol + 9, 19 + i * 20) +
          '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
          `<xdr:cNvPr id="${i + 2}" name="${escapeAttr(ch.title || `Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
          '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
          '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
          `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rids[i]}"/>` +
          "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      )
      .join("") +
    "</xdr:wsDr>"
  );
}

/** A relationships part with the given relationships. */
export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`
      )
      .join("") +
    "</Relationships>"
  );
}
