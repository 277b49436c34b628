/**
 * The overview workbook (SPEC §12) as the workbook package writes it for both hosts: a valid
 * package that exceljs and our own reader open, whose one sheet holds `overviewCells`'s cells,
 * prints landscape one page wide with the header row repeated, and whose parts are the same
 * whichever codec wrote them (the command line's zlib, the page's fflate).
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { nodeCodec } from "../../src/cli/nodeCodec";
import { diag } from "../../src/engine";
import {
  buildOverview,
  overviewCells,
  unreadableRow,
  type OverviewRow,
} from "../../src/report/overview";
import { readLedgerXlsx, writeOverviewWorkbook } from "../../src/workbook";
import { fflateCodec } from "../../src/workbook/fflateCodec";

function row(file: string, over: Partial<OverviewRow> = {}): OverviewRow {
  return {
    file,
    output: file.replace(/\.xlsx$/, ".scored.xlsx"),
    contract: { name: "常州人社运维服务", number: "CZ-2024-017", vendor: "某公司" },
    serviceStart: "2024-07-01",
    serviceEnd: "2025-06-30",
    status: "final",
    total: 84.61,
    tier: "B",
    tailAmount: 381870,
    problems: [],
    reason: null,
    fingerprint: "ab".repeat(32),
    ...over,
  };
}

const overview = buildOverview([
  row("乙.xlsx", { status: "provisional", total: 90.5, tier: "A", tailAmount: 12345.67 }),
  row("甲.xlsx"),
  row("=cmd.xlsx", { contract: { name: "+1 运维 & <维保>", number: null, vendor: null } }),
  unreadableRow("坏.xlsx", [diag("file-not-xlsx", {}, {})]),
]);
const bytes = writeOverviewWorkbook(overview, nodeCodec);
const text = (name: string) => new TextDecoder().decode(unzipSync(bytes)[name]);

test("a package of one sheet, 考核总览, with its styles and print names", () => {
  expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
  ]);
  // Our own reader opens it, as `--overview` does before writing over an earlier overview.
  expect(readLedgerXlsx(bytes, nodeCodec).sheetNames).toEqual(["考核总览"]);
});

test("exceljs reads the cells overviewCells gives, numbers as numbers, texts as written", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["考核总览"]);
  const ws = wb.worksheets[0];
  const cells = overviewCells(overview);
  const value = (c: (typeof cells.rows)[number][number]) =>
    c === null ? null : typeof c === "string" ? c : c.value;
  expect(ws.getCell("A1").value).toBe("运维考核总览 Assessment overview — 4 份台账 ledgers");
  const read = (r: number) =>
    Array.from({ length: 11 }, (_, j) => ws.getCell(r, j + 1).value ?? null);
  expect(read(2)).toEqual(cells.header);
  cells.rows.forEach((r, i) => expect(read(3 + i)).toEqual(r.map(value)));
  const first = 3 + cells.rows.length + 1;
  cells.totals.forEach((r, i) => expect(read(first + i)[8]).toEqual(value(r[8])));
  expect(read(first)[0]).toBe(cells.totals[0][0]);
  // Amounts in yuan with the sign, points to the hundredth; a leading = stays text.
  expect(ws.getCell("I4").numFmt).toBe('"¥"#,##0.00');
  expect(ws.getCell("G4").numFmt).toBe("0.00");
  expect(ws.getCell("A3").value).toBe("=cmd.xlsx");
  expect(ws.getCell("B3").value).toBe("+1 运维 & <维保>");
  expect(ws.getCell("J3").alignment).toMatchObject({ wrapText: true });
  expect(ws.pageSetup).toMatchObject({
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  });
  expect(ws.pageSetup.printTitlesRow).toBe("2:2");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
});

test("print setup: landscape A4, one page wide, row 2 repeated, the whole table the print area", () => {
  const sheet = text("xl/worksheets/sheet1.xml");
  expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(sheet).toContain(
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
  );
  expect(sheet).toContain("Page &amp;P of &amp;N");
  const wb = text("xl/workbook.xml");
  expect(wb).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'考核总览'!$2:$2</definedName>`
  );
  // Title, header, 4 rows, a blank row, 4 totals: A1:K11.
  expect(wb).toContain(
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'考核总览'!$A$1:$K$11</definedName>`
  );
  // Each row as tall as its longest wrapped text: the unreadable file's reason wraps.
  expect(sheet).toMatch(/<row r="6" ht="(\d+)" customHeight="1">/);
});

test("the same parts from either codec; the same bytes from the same codec", () => {
  const web = unzipSync(writeOverviewWorkbook(overview, fflateCodec));
  const cli = unzipSync(bytes);
  for (const name of Object.keys(cli)) expect(Buffer.compare(web[name], cli[name])).toBe(0);
  expect(Buffer.compare(writeOverviewWorkbook(overview, nodeCodec), bytes)).toBe(0);
});
