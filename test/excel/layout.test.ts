import {
  cellToExcel,
  escapeText,
  estimateRowBytes,
  jsonBytes,
  needsQuote,
  planBatches,
  runs,
  toRawCell,
  widthPoints,
} from "../../src/excel/layout";
import { ledgerLayout, placeOf } from "../../src/excel/locate";
import { cellAddress, columnLetter, fitCell } from "../../src/report/cells";
import type { RawTable } from "../../src/engine";

describe("addresses", () => {
  it("names columns past Z and cells", () => {
    expect([
      columnLetter(1),
      columnLetter(26),
      columnLetter(27),
      columnLetter(702),
      columnLetter(703),
    ]).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(cellAddress(17, 3)).toBe("C17");
  });
});

describe("escapeText", () => {
  it.each([
    ['=HYPERLINK("x","y")', `'=HYPERLINK("x","y")`],
    ["-1+2", "'-1+2"],
    ["+86 138", "'+86 138"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["#N/A", "'#N/A"],
    ["'already quoted", "''already quoted"],
    ["2024-07-01", "'2024-07-01"],
    ["1/2", "'1/2"],
    ["50%", "'50%"],
    ["TRUE", "'TRUE"],
    ["¥100", "'¥100"],
    ["(1)", "'(1)"],
    ["出勤率 Attendance", "出勤率 Attendance"],
    ["", ""],
  ])("%s is written as %s", (text, written) => {
    expect(escapeText(text)).toBe(written);
  });

  it("quotes nothing that Excel would keep as text anyway", () => {
    expect(needsQuote("张三")).toBe(false);
    expect(needsQuote("  ")).toBe(false);
  });

  it("gives text cells the @ format and other cells their number format", () => {
    expect(cellToExcel({ value: "-1", format: "text" })).toEqual({
      value: "'-1",
      numberFormat: "@",
    });
    expect(cellToExcel({ value: 0.8, format: "percent" })).toEqual({
      value: 0.8,
      numberFormat: "0.00%",
    });
    expect(cellToExcel({ value: 424300, format: "money" })).toEqual({
      value: 424300,
      numberFormat: "#,##0.00",
    });
    expect(cellToExcel({ value: 45474, format: "date" })).toEqual({
      value: 45474,
      numberFormat: "yyyy-mm-dd",
    });
    expect(cellToExcel({ value: null, format: "points" })).toEqual({
      value: "",
      numberFormat: "General",
    });
    expect(cellToExcel(undefined)).toEqual({ value: "", numberFormat: "General" });
  });
});

describe("toRawCell", () => {
  it("maps Office.js values and value types to raw cells", () => {
    expect(toRawCell("", "Empty")).toBeNull();
    expect(toRawCell("#REF!", "Error")).toEqual({ error: "#REF!" });
    expect(toRawCell("#REF!", "String")).toBe("#REF!");
    expect(toRawCell("#DIV/0!")).toEqual({ error: "#DIV/0!" });
    expect(toRawCell(true, "Boolean")).toBe(true);
    expect(toRawCell(45474.5, "Double")).toBe(45474.5);
  });
});

describe("planBatches", () => {
  it("fills each batch before starting the next, across tables", () => {
    const plan = planBatches(
      [
        { item: "a", rows: 10, rowBytes: 100 },
        { item: "b", rows: 3, rowBytes: 200 },
      ],
      450
    );
    expect(plan).toEqual([
      [{ item: "a", offset: 0, count: 4 }],
      [{ item: "a", offset: 4, count: 4 }],
      [
        { item: "a", offset: 8, count: 2 },
        { item: "b", offset: 0, count: 1 },
      ],
      [{ item: "b", offset: 1, count: 2 }],
    ]);
  });

  it("reads a row bigger than the budget on its own rather than never", () => {
    expect(planBatches([{ item: "a", rows: 2, rowBytes: 1000 }], 450)).toEqual([
      [{ item: "a", offset: 0, count: 1 }],
      [{ item: "a", offset: 1, count: 1 }],
    ]);
  });

  it("needs no batch for no rows", () => {
    expect(planBatches([], 450)).toEqual([]);
  });
});

describe("sizes", () => {
  it("counts non-ASCII characters as six-byte escapes", () => {
    expect(jsonBytes(["考勤", 1])).toBe(18);
  });

  it("estimates at least 24 bytes a cell, with a margin over the largest sampled row", () => {
    expect(estimateRowBytes([], [], 5)).toBe(180);
    expect(estimateRowBytes([["x".repeat(1000)]], [["String"]], 1)).toBeGreaterThan(1500);
  });

  it("converts character widths to points", () => {
    expect(widthPoints(8.43)).toBeCloseTo(48, 1);
  });

  it("finds runs", () => {
    expect(runs([1, 1, 0, 1], (x) => x === 1)).toEqual([
      [0, 2],
      [3, 4],
    ]);
  });
});

describe("placeOf", () => {
  const t = (over: Partial<RawTable>): RawTable => ({
    name: "考勤",
    sheet: "考勤",
    kind: "sheet",
    headerRow: 1,
    firstColumn: 1,
    headers: ["日期", "姓名"],
    rows: [],
    ...over,
  });

  it("uses the located column's index and the table's first column", () => {
    const tables = [
      t({
        name: "Punches",
        sheet: "打卡",
        kind: "table",
        headerRow: 3,
        firstColumn: 2,
        headers: ["Name", "Date"],
      }),
    ];
    expect(placeOf(ledgerLayout(tables), { table: "punches", row: 9, column: "date" })).toEqual({
      sheet: "打卡",
      address: "C9",
    });
    expect(placeOf(ledgerLayout(tables), { table: "punches", row: null, column: null })).toEqual({
      sheet: "打卡",
      address: "B3",
    });
  });

  it("finds a table that misses a required column by its name, to point at its header", () => {
    expect(
      placeOf(ledgerLayout([t({ headers: ["日期"] })]), {
        table: "punches",
        row: 1,
        column: "name",
      })
    ).toEqual({ sheet: "考勤", address: "A1" });
  });

  it("is null for a table the workbook lacks", () => {
    expect(
      placeOf(ledgerLayout([t({})]), { table: "surveys", row: 2, column: "score" })
    ).toBeNull();
  });
});

describe("fitCell", () => {
  it("keeps short text and cuts long text to the limit with a mark, never inside a surrogate pair", () => {
    expect(fitCell("abc", 10)).toBe("abc");
    const cut = fitCell("x".repeat(40_000));
    expect(cut.length).toBe(32_767);
    expect(cut.endsWith("…（已截断 truncated）")).toBe(true);
    const emoji = fitCell("😀".repeat(20), 25);
    expect(emoji.length).toBeLessThanOrEqual(25);
    expect(emoji).not.toMatch(/[\ud800-\udbff]…/);
  });
});
