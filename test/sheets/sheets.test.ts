/**
 * The cells-to-tables step both readers take (src/sheets), on grids made by hand: what a host
 * read becomes the same `RawTable`s whether the host read a whole sheet (the .xlsx reader) or
 * blocks of it (the Excel adapter).
 */
import type { RawCell } from "../../src/engine";
import {
  fillMerged,
  isPercentFormat,
  isToolSheet,
  lastRowWithData,
  percentCellsOf,
  plainSheetHeader,
  scoreColumns,
  tablesOfSheet,
  toolSheetOf,
  type CellGrid,
  type SheetRead,
} from "../../src/sheets";

/** A whole sheet as the .xlsx reader hands it: `rows[r]` is worksheet row r (from row 1). */
function wholeSheet(rows: RawCell[][]): CellGrid {
  return { rows: [undefined, ...rows.map((r) => [...r])], row: 0, column: 1 };
}

function sheet(cells: CellGrid, more: Partial<SheetRead> = {}): SheetRead {
  return { name: "考勤", cells, merges: [], tables: [], date1904: false, ...more };
}

describe("fillMerged", () => {
  it("fills the empty cells of each area with its first cell's value, and nothing else", () => {
    const g: CellGrid = {
      row: 1,
      column: 1,
      rows: [
        ["日期", "姓名", "备注"],
        [45474, "张三", "x"],
        [null, "", "kept"],
      ],
    };
    fillMerged(g, [
      { top: 2, left: 1, bottom: 3, right: 1 }, // 日期 over two rows
      { top: 2, left: 2, bottom: 3, right: 2 }, // "" is empty too
      { top: 2, left: 3, bottom: 3, right: 3 }, // a value under a merge stays
    ]);
    expect(g.rows[2]).toEqual([45474, "张三", "kept"]);
  });

  it("does nothing for an area whose first cell is empty or outside the grid", () => {
    const g: CellGrid = {
      row: 5,
      column: 2,
      rows: [
        [null, "a"],
        [null, null],
      ],
    };
    fillMerged(g, [
      { top: 5, left: 2, bottom: 6, right: 3 },
      { top: 4, left: 3, bottom: 6, right: 3 }, // starts above the grid
    ]);
    expect(g.rows).toEqual([
      [null, "a"],
      [null, null],
    ]);
  });

  it("stops at the grid's last row and, for a block, at its columns", () => {
    const g: CellGrid = { row: 1, column: 1, columns: 2, rows: [["标题"], [null]] };
    fillMerged(g, [{ top: 1, left: 1, bottom: 9, right: 5 }]);
    expect(g.rows).toEqual([
      ["标题", "标题"],
      ["标题", "标题"],
    ]);
    const whole = wholeSheet([["标题"], []]);
    fillMerged(whole, [{ top: 1, left: 1, bottom: 9, right: 3 }]);
    expect(whole.rows.slice(1)).toEqual([
      ["标题", "标题", "标题"],
      ["标题", "标题", "标题"],
    ]);
  });
});

describe("plainSheetHeader and lastRowWithData", () => {
  it("takes the first row with a value as the header row, spaces being no value", () => {
    const g = wholeSheet([[], ["  ", null], [null, "日期", "姓名"], [null, 45474, "张三"]]);
    expect(plainSheetHeader(g)).toEqual({ row: 3, first: 2, last: 3 });
  });

  it("judges a one-cell title row with the rows under it, and leaves out a stray far value", () => {
    const stray: RawCell[] = ["日期", "姓名", "时段"];
    stray[40] = "备注在远处";
    const g = wholeSheet([["2024年7月考勤表"], stray, [45474, "张三", "上班"]]);
    expect(plainSheetHeader(g)).toEqual({ row: 1, first: 1, last: 3 });
  });

  it("gives the same header from a block read at an offset", () => {
    const block: CellGrid = {
      row: 4,
      column: 3,
      rows: [
        ["日期", "姓名"],
        [45474, "张三"],
      ],
    };
    expect(plainSheetHeader(block)).toEqual({ row: 4, first: 3, last: 4 });
  });

  it("is null for a grid without a value", () => {
    expect(plainSheetHeader(wholeSheet([[], [null, " "]]))).toBeNull();
  });

  it("ends the data at the last row with a value in the header's columns", () => {
    const g = wholeSheet([["日期", "姓名"], [45474, "张三"], [null, null, "旁注"], ["  "], []]);
    expect(lastRowWithData(g, 1, 1, 2)).toBe(2);
    expect(lastRowWithData(g, 1, 1, 3)).toBe(3);
    expect(lastRowWithData(wholeSheet([["日期"]]), 1, 1, 1)).toBe(1);
  });
});

describe("percent marks", () => {
  it("reads a percent format as shown, not a quoted or escaped %", () => {
    expect([isPercentFormat("0%"), isPercentFormat("0.00%"), isPercentFormat('0.0"%"')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isPercentFormat("0\\%"), isPercentFormat("General"), isPercentFormat(null)]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("finds the score columns by the engine's names, in any of the header rows given", () => {
    expect(scoreColumns([["受访者", "得分"]])).toEqual([1]);
    expect(scoreColumns([["问卷"], [null, "ＳＣＯＲＥ"], ["得分"]])).toEqual([0, 1]);
    expect(scoreColumns([["受访者", "评分"], undefined])).toEqual([]);
  });

  it("keeps only the marks of the score columns' data rows, however many marks there are", () => {
    const few = new Set(["2,2", "3,2", "3,1", "1,2", "9,2"]);
    expect(percentCellsOf(few, [1], 1, 2, 4)).toEqual(new Set(["2,2", "3,2"]));
    const many = new Set<string>();
    for (let r = 1; r <= 50; r++) for (let c = 1; c <= 3; c++) many.add(`${r},${c}`);
    expect(percentCellsOf(many, [1], 1, 2, 4)).toEqual(new Set(["2,2", "3,2", "4,2"]));
    expect(percentCellsOf(few, [], 1, 2, 4)).toBeUndefined();
    expect(percentCellsOf(new Set(["9,9"]), [1], 1, 2, 4)).toBeUndefined();
  });
});

describe("toolSheetOf", () => {
  it("knows the sheets the tool writes, as names are matched", () => {
    expect(toolSheetOf("考核结果")).toBe("考核结果");
    expect(toolSheetOf(" 考核记录 ")).toBe("考核记录");
    expect([isToolSheet("考勤"), isToolSheet("考核结果2")]).toEqual([false, false]);
  });
});

describe("tablesOfSheet", () => {
  it("reads an Excel table: empty header cells take the column's name, the totals row is left out", () => {
    const cells = wholeSheet([
      [],
      [null, "工单号", null, "状态"],
      [null, "GD-1", "是", "已关闭"],
      [null, "GD-2", "否", "处理中"],
      [null, "合计", null, null],
    ]);
    const [t] = tablesOfSheet(
      sheet(cells, {
        name: "工单表",
        tables: [
          {
            name: "工单",
            area: { top: 2, left: 2, bottom: 5, right: 4 },
            headerRowCount: 1,
            totalsRowCount: 1,
            columnNames: ["工单号", "流转乙方", "状态"],
          },
        ],
      })
    );
    expect(t).toEqual({
      name: "工单",
      sheet: "工单表",
      kind: "table",
      headerRow: 2,
      firstColumn: 2,
      headers: ["工单号", "流转乙方", "状态"],
      rows: [
        ["GD-1", "是", "已关闭"],
        ["GD-2", "否", "处理中"],
      ],
    });
  });

  it("heads a table whose header row is off with its column names, one row above its body", () => {
    const cells = wholeSheet([["T1", "是"]]);
    const [t] = tablesOfSheet(
      sheet(cells, {
        tables: [
          {
            name: "工单",
            area: { top: 1, left: 1, bottom: 1, right: 2 },
            headerRowCount: 0,
            totalsRowCount: 0,
            columnNames: ["工单号", "流转乙方"],
          },
        ],
      })
    );
    expect([t.headerRow, t.headers, t.rows]).toEqual([0, ["工单号", "流转乙方"], [["T1", "是"]]]);
  });

  it("reads a plain sheet from its first row with a value, merges filled, to its last data row", () => {
    const [t] = tablesOfSheet(
      sheet(
        wholeSheet([
          [],
          [null, "日期", "姓名", "结果"],
          [null, 45474, "张三", "到岗"],
          [null, null, null, "到岗"],
          [null, null, null, null, "旁注"],
        ]),
        {
          merges: [
            { top: 3, left: 2, bottom: 4, right: 2 },
            { top: 3, left: 3, bottom: 4, right: 3 },
          ],
          date1904: true,
          mergesUnread: true,
        }
      )
    );
    expect(t).toEqual({
      name: "考勤",
      sheet: "考勤",
      kind: "sheet",
      headerRow: 2,
      firstColumn: 2,
      headers: ["日期", "姓名", "结果"],
      rows: [
        [45474, "张三", "到岗"],
        [45474, "张三", "到岗"],
      ],
      date1904: true,
      mergedCellsUnread: true,
    });
  });

  it("gives a blank sheet as a table with no headers and no rows", () => {
    expect(tablesOfSheet(sheet(wholeSheet([[], [" "]])))).toEqual([
      {
        name: "考勤",
        sheet: "考勤",
        kind: "sheet",
        headerRow: 1,
        firstColumn: 1,
        headers: [],
        rows: [],
      },
    ]);
  });

  it("keeps the percent marks of the score column only, under a title row too", () => {
    const cells = wholeSheet([["2024年满意度调查"], ["受访者", "得分", "占比"], ["甲", 0.92, 0.5]]);
    const [t] = tablesOfSheet(
      sheet(cells, { name: "问卷", percent: new Set(["3,2", "3,3", "1,1"]) })
    );
    expect(t.percentCells).toEqual(new Set(["3,2"]));
  });

  it("gives the same table from a whole sheet as from the block a host read from its header row", () => {
    const rows: RawCell[][] = [
      [],
      [null, "2024年7月考勤"],
      [null, "日期", "姓名", "时段", "得分"],
      [null, 45474, "张三", "上班", 0.9],
      [null, null, null, "下班", 0.8],
      [null, "  "],
    ];
    const merges = [
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 3, bottom: 5, right: 3 },
    ];
    const percent = new Set(["4,5", "5,5"]);
    const [whole] = tablesOfSheet(sheet(wholeSheet(rows), { merges, percent }));
    // What the adapter hands over: from the header row, the header's columns, down to the end of
    // the used range (the row of spaces included; it is no data).
    const block: CellGrid = {
      row: 2,
      column: 2,
      columns: 4,
      rows: rows.slice(1).map((r) => Array.from({ length: 4 }, (_, c) => r[c + 1] ?? null)),
    };
    const [fromBlock] = tablesOfSheet(sheet(block, { merges, percent }));
    expect(fromBlock).toEqual(whole);
    // The title is the first row with a value (the engine skips it later); the row of spaces
    // is no data; the score column is found in the row under the title.
    expect([whole.headerRow, whole.firstColumn, whole.headers]).toEqual([
      2,
      2,
      ["2024年7月考勤", null, null, null],
    ]);
    expect(whole.rows).toEqual([
      ["日期", "姓名", "时段", "得分"],
      [45474, "张三", "上班", 0.9],
      [45474, "张三", "下班", 0.8],
    ]);
    expect(whole.percentCells).toEqual(new Set(["4,5", "5,5"]));
  });
});
