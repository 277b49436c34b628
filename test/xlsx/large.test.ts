/**
 * A large ledger read whole: 128k rows (28k punch rows on a plain sheet, 100k tickets in an Excel
 * table) built straight as SpreadsheetML, every row arriving at its place. Speed is measured by
 * `npm run bench`, not asserted here: a timed test flakes on a busy machine.
 */
import { readLedgerXlsx, writeScoredCopy } from "../support/workbook";
import { rawWorkbook, summaryFixture } from "./helpers";

function bigLedger(): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string): string => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return `t="s"><v>${i}</v>`;
  };
  const row = (r: number, cells: string[]) =>
    `<row r="${r}">${cells.map((c, k) => `<c r="${String.fromCharCode(65 + k)}${r}" ${c}</c>`).join("")}</row>`;
  const num = (n: number) => `><v>${n}</v>`;
  const punches: string[] = [row(1, ["日期", "姓名", "时段", "时间", "结果"].map(s))];
  for (let i = 0; i < 28_000; i++) {
    const am = i % 2 === 0;
    punches.push(
      row(i + 2, [
        num(45474 + Math.floor(i / 28)),
        s(`工程师${(Math.floor(i / 2) % 14) + 1}`),
        s(am ? "上班" : "下班"),
        num(am ? 0.36 : 0.74),
        s(i % 97 ? "到岗" : "缺勤"),
      ])
    );
  }
  const tickets: string[] = [row(1, ["工单号", "流转乙方", "状态", "创建日期"].map(s))];
  const statuses = ["已关闭", "待验证", "处理中", "已关闭", "挂起"];
  for (let i = 0; i < 100_000; i++) {
    tickets.push(
      row(i + 2, [
        s(`GD-2024-${String(i + 1).padStart(6, "0")}`),
        s(i % 5 ? "是" : "否"),
        s(statuses[i % 5]),
        num(45474 + (i % 365)),
      ])
    );
  }
  const table =
    '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="工单" displayName="工单" ref="A1:D100001" headerRowCount="1">' +
    '<tableColumns count="4"><tableColumn id="1" name="工单号"/><tableColumn id="2" name="流转乙方"/><tableColumn id="3" name="状态"/><tableColumn id="4" name="创建日期"/></tableColumns></table>';
  return rawWorkbook(
    [
      { name: "考勤", xml: punches.join("") },
      { name: "工单", xml: tickets.join(""), tables: [table] },
    ],
    { sharedStrings: strings.map((t) => `<si><t>${t}</t></si>`) }
  );
}

test("reads a 128k-row ledger whole and writes the scored copy", () => {
  const bytes = bigLedger();
  const r = readLedgerXlsx(bytes);
  expect(r.tables.map((t) => [t.name, t.kind, t.rows.length])).toEqual([
    ["考勤", "sheet", 28_000],
    ["工单", "table", 100_000],
  ]);
  expect(r.tables[1].rows[99_999]).toEqual([
    "GD-2024-100000",
    "是",
    "挂起",
    45474 + (99_999 % 365),
  ]);
  const copy = writeScoredCopy(bytes, summaryFixture());
  expect(readLedgerXlsx(copy).sheetNames).toEqual(["考勤", "工单", "考核结果"]);
});
