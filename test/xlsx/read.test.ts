import { readLedgerXlsx } from "../support/workbook";
import type { RawTable } from "../../src/engine";
import { scanWorksheet } from "../../src/workbook/sheetScan";
import { rawWorkbook, workbookBytes } from "./helpers";

const table = (tables: RawTable[], name: string): RawTable => {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${tables.map((x) => x.name).join(", ")}`);
  return t;
};

describe("readLedgerXlsx: workbooks written by exceljs", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await workbookBytes((wb) => {
      const punches = wb.addWorksheet("考勤");
      punches.addRow(["日期", "姓名", "时段", "时间", "结果"]);
      punches.addRow([45474, "张三", "上班", 0.35, "到岗"]);
      punches.addRow([]); // a blank row keeps its place
      punches.addRow([45475, "李四", "下班", 0.75, null]);
      punches.addRow([
        45476,
        "王五",
        { richText: [{ text: "上", font: { bold: true } }, { text: "班" }] },
        null,
        "缺勤",
      ]);

      const tickets = wb.addWorksheet("Tickets");
      tickets.getCell("A1").value = "Work order export";
      tickets.addTable({
        name: "Tickets",
        ref: "B3",
        headerRow: true,
        totalsRow: true,
        columns: [
          { name: "TicketId" },
          { name: "RoutedToVendor" },
          { name: "Status", totalsRowFunction: "count" },
          { name: "Created" },
        ],
        rows: [
          ["00123", true, " 已关闭 ", 45474],
          ["T-2", false, "处理中", 45475.5],
          ["T-3", "是", "待验证", null],
        ],
      });

      const misc = wb.addWorksheet("Misc");
      misc.getCell("C4").value = "项目";
      misc.getCell("D4").value = "值";
      misc.getCell("C5").value = "合同金额";
      misc.getCell("D5").value = { formula: "800000+48600", result: 848600 };
      misc.getCell("C6").value = "公式无缓存";
      misc.getCell("D6").value = { formula: "1+1" } as never;
      misc.getCell("C7").value = "错误";
      misc.getCell("D7").value = { error: "#N/A" } as never;
      misc.getCell("C8").value = "文本公式";
      misc.getCell("D8").value = { formula: 'CONCAT("a","b")', result: "ab" };
      misc.getCell("C9").value = "合并";
      misc.getCell("D9").value = "merged";
      misc.mergeCells("D9:E10");
      misc.getCell("C11").value = "真";
      misc.getCell("D11").value = false;
      misc.getCell("E12").value = "outside the header width";

      wb.addWorksheet("空表");
    });
  });

  it("reads a plain sheet with the header in row 1, keeping blank rows at their worksheet rows", () => {
    const t = table(readLedgerXlsx(bytes).tables, "考勤");
    expect(t).toMatchObject({ kind: "sheet", sheet: "考勤", headerRow: 1, firstColumn: 1 });
    expect(t.headers).toEqual(["日期", "姓名", "时段", "时间", "结果"]);
    expect(t.rows).toEqual([
      [45474, "张三", "上班", 0.35, "到岗"],
      [null, null, null, null, null],
      [45475, "李四", "下班", 0.75, null],
      [45476, "王五", "上班", null, "缺勤"],
    ]);
    expect(t.date1904).toBeUndefined();
  });

  it("reads an Excel table by its name and ref, without the totals row", () => {
    const r = readLedgerXlsx(bytes);
    const t = table(r.tables, "Tickets");
    expect(t).toMatchObject({ kind: "table", sheet: "Tickets", headerRow: 3, firstColumn: 2 });
    expect(t.headers).toEqual(["TicketId", "RoutedToVendor", "Status", "Created"]);
    expect(t.rows).toEqual([
      ["00123", true, " 已关闭 ", 45474],
      ["T-2", false, "处理中", 45475.5],
      ["T-3", "是", "待验证", null],
    ]);
    // A sheet holding a table yields only the table, not a second "sheet" reading.
    expect(r.tables.filter((x) => x.sheet === "Tickets")).toHaveLength(1);
  });

  it("finds a header row and first column away from A1; formulas give cached values or #NOCACHE", () => {
    const t = table(readLedgerXlsx(bytes).tables, "Misc");
    expect(t).toMatchObject({ headerRow: 4, firstColumn: 3, headers: ["项目", "值"] });
    expect(t.rows).toEqual([
      ["合同金额", 848600],
      ["公式无缓存", { error: "#NOCACHE" }],
      ["错误", { error: "#N/A" }],
      ["文本公式", "ab"],
      ["合并", "merged"],
      [null, "merged"], // row 10: a merged range's value fills every cell of it (SPEC §5)
      ["真", false],
    ]);
  });

  it("lists every sheet, including an empty one, in workbook order", () => {
    const r = readLedgerXlsx(bytes);
    expect(r.sheetNames).toEqual(["考勤", "Tickets", "Misc", "空表"]);
    expect(table(r.tables, "空表")).toMatchObject({ kind: "sheet", headers: [], rows: [] });
    expect(r.date1904).toBe(false);
  });

  it("marks every table of a 1904 workbook and leaves its serials alone", async () => {
    const b = await workbookBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("日历");
      ws.addRow(["日期", "类型"]);
      ws.addRow([43000, "工作日"]);
      ws.addTable({
        name: "Calendar",
        ref: "D1",
        columns: [{ name: "Date" }, { name: "Type" }],
        rows: [[43001, "RestDay"]],
      });
    });
    const r = readLedgerXlsx(b);
    expect(r.date1904).toBe(true);
    expect(r.tables.every((t) => t.date1904 === true)).toBe(true);
    expect(table(r.tables, "Calendar").rows).toEqual([[43001, "RestDay"]]);
  });
});

describe("readLedgerXlsx: hand-written SpreadsheetML", () => {
  it("reads shared, inline, rich and phonetic strings, and formula strings", () => {
    const b = rawWorkbook(
      [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c><c r="D1" t="s"><v>2</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="str"><f>A2&amp;"!"</f><v>a &lt;b&gt; &amp; c!</v></c>' +
            '<c r="C2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r></is></c><c r="D2" t="s"><v>4</v></c></row>',
        },
      ],
      {
        sharedStrings: [
          "<si><t>编号</t></si>",
          "<si><r><t>类</t></r><r><rPr><i/></rPr><t>别</t></r></si>",
          '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
          "<si><t>line1&#10;line2_x000D_</t></si>",
          "<si><t>_x005F_x0041_ and &#x4E2D;</t></si>",
        ],
      }
    );
    const [t] = readLedgerXlsx(b).tables;
    expect(t.headers).toEqual(["编号", "类别", "内联", "東京"]);
    expect(t.rows).toEqual([["line1\nline2\r", "a <b> & c!", "富 文本 ", "_x0041_ and 中"]]);
  });

  it("gives each scanned row its own width, however wide the row before it was", () => {
    // Rows are made as wide as the previous one and cut when they end: a short row after a
    // wide one, a row revisited by a cell reference and the last row must not keep extra slots.
    const xml =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><c r="E1"><v>5</v></c></row>' +
      '<row r="2"><c r="A2"><v>6</v></c><c r="B2"><v>7</v></c></row>' +
      '<row r="3"><c r="C3"><v>8</v></c><c r="F3"/></row>' +
      '<row r="4"><c r="A4"><v>9</v></c><c r="D2"><v>10</v></c></row>' +
      '<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row>' +
      "</sheetData></worksheet>";
    const { rows, maxRow } = scanWorksheet(xml, [], false);
    expect(maxRow).toBe(5);
    expect(rows.map((r) => r?.length)).toEqual([undefined, 5, 4, 3, 1, 1]);
    expect([...rows[2]!]).toEqual([6, 7, undefined, 10]);
    expect([...rows[3]!]).toEqual([undefined, undefined, 8]);
  });

  it("places cells that have no r attribute by position, and rows without r after the previous row", () => {
    const b = rawWorkbook([
      {
        name: "NoRefs",
        xml:
          '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>' +
          "<row><c><v>1</v></c><c><v>2</v></c></row>" +
          '<row r="5"><c><v>3</v></c><c r="B5"><v>4</v></c></row>',
      },
    ]);
    const [t] = readLedgerXlsx(b).tables;
    expect(t.headers).toEqual(["a", "b"]);
    expect(t.rows).toEqual([
      [1, 2],
      [null, null],
      [null, null],
      [3, 4],
    ]);
  });

  it("reads booleans, errors, ISO dates, numbers stored as text, and a formula with no cached value", () => {
    const b = rawWorkbook([
      {
        name: "Types",
        xml:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>k</t></is></c><c r="B1" t="inlineStr"><is><t>v</t></is></c></row>' +
          '<row r="2"><c r="B2" t="b"><v>1</v></c></row>' +
          '<row r="3"><c r="B3" t="e"><v>#DIV/0!</v></c></row>' +
          '<row r="4"><c r="B4" t="d"><v>2024-07-01T12:00:00</v></c></row>' +
          '<row r="5"><c r="B5" t="inlineStr"><is><t>0012</t></is></c></row>' +
          '<row r="6"><c r="B6"><f>NOW()</f></c></row>' +
          '<row r="7"><c r="B7" t="str"><f>"x"</f></c></row>' +
          '<row r="8"><c r="B8"><v>1.5E-3</v></c><c r="C8"><v>9</v></c></row>',
      },
    ]);
    const [t] = readLedgerXlsx(b).tables;
    expect(t.rows.map((r) => r[1])).toEqual([
      true,
      { error: "#DIV/0!" },
      45474.5,
      "0012",
      { error: "#NOCACHE" },
      { error: "#NOCACHE" },
      0.0015,
    ]);
    expect(t.rows.every((r) => r.length === 2)).toBe(true); // C8 lies outside the header width
  });

  it("reads prefixed SpreadsheetML (x: namespace) and a table with no header row", () => {
    const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const b = rawWorkbook([
      {
        name: "P",
        xml: '<x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>',
        tables: [
          `<x:table ${NS} id="1" name="T1" displayName="问卷" ref="A2:B2" headerRowCount="0"><x:tableColumns count="2"><x:tableColumn id="1" name="得分"/><x:tableColumn id="2" name="受访者"/></x:tableColumns></x:table>`,
        ],
      },
    ]);
    const [t] = readLedgerXlsx(b).tables; // rows, cells and the table part use the x: prefix

    expect(t).toMatchObject({
      name: "问卷",
      kind: "table",
      headerRow: 1,
      firstColumn: 1,
      headers: ["得分", "受访者"],
      rows: [[7, "x"]],
    });
  });
});

describe("readLedgerXlsx: stray cells far from the data", () => {
  it("ends a plain sheet's header row at a gap of more than 16 empty cells, so a stray XFD1 does not widen every row", () => {
    const cell = (ref: string, text: string) =>
      `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const b = rawWorkbook([
      {
        name: "考勤",
        xml:
          `<row r="1">${cell("A1", "日期")}${cell("B1", "姓名")}${cell("D1", "结果")}${cell("U1", "备注")}${cell("XFD1", "x")}</row>` +
          `<row r="2"><c r="A2"><v>45474</v></c>${cell("B2", "张三")}${cell("D2", "到岗")}${cell("U2", "ok")}${cell("XFD2", "y")}</row>`,
      },
    ]);
    const [t] = readLedgerXlsx(b).tables;
    // D1 follows a 1-cell gap, U1 a 16-cell gap (kept); XFD1 follows a gap of thousands (dropped).
    expect(t.headers).toHaveLength(21);
    expect([t.headers[0], t.headers[1], t.headers[2], t.headers[3], t.headers[20]]).toEqual([
      "日期",
      "姓名",
      null,
      "结果",
      "备注",
    ]);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toHaveLength(21);
    expect(t.rows[0][20]).toBe("ok");
  });
});
