/**
 * SPEC §5 "Real ledgers": each ledger is built the way the export or the habit makes it (title
 * rows, two header rows, merged cells, month sheets, percent-formatted cells), written as .xlsx
 * with exceljs, and scored twice — by the command line (.xlsx reader, `assess --json`) and by the
 * Excel adapter against the fake Office.js host (merged areas and number formats included) —
 * and both must give the same full JSON.
 */
import ExcelJS from "exceljs";
import * as path from "node:path";
import { runAssessment } from "../../src/excel";
import { toJson, type AssessmentJson } from "../../src/report/json";
import { cleanup, runLedger } from "../hostile/harness";
import { base, d, withSheets, xlsxFile, type Sheet } from "../hostile/ledgers";
import { both } from "./bothReaders";
import { fakeSpec } from "./fakeSpec";

const OfficeFake = require("../fakes/officeFake.js");

afterAll(cleanup);

const codes = (j: AssessmentJson) => j.diagnostics.map((x) => [x.severity, x.code, x.row]);
const AS_OF = ["--as-of", "2024-07-01"];

/** base()'s ledger with its punches kept on one sheet `name`, headed `headers` (an export's layout), as an .xlsx file. */
const punchesOn = (name: string, headers: string[], rows: Sheet["rows"]): Promise<string> =>
  xlsxFile(withSheets({ 考勤: null }, [{ name, headers, rows }]));

/** A workbook of `base()`'s sheets but `skip`, plain, then `build`'s own sheets. */
async function workbookFile(
  skip: string[],
  build: (wb: ExcelJS.Workbook) => void
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of base().filter((x) => !skip.includes(x.name))) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.headers);
    s.rows.forEach((r) => ws.addRow(r));
  }
  build(wb);
  const { fileOf } = await import("../hostile/harness");
  return fileOf(new Uint8Array(await wb.xlsx.writeBuffer()));
}

test("punch words of the attendance apps: 上班打卡/签退, 正常/迟到/请假 (late present, leave absent)", async () => {
  const sheets = withSheets({
    驻场人员: {
      rows: [
        ["张三", "负责人", d("2024-07-01"), null],
        ["李四", "工程师", d("2024-07-01"), null],
      ],
    },
    考勤: {
      rows: [
        [d("2024-07-01"), "张三", "上班打卡", null, "迟到"],
        [d("2024-07-01"), "张三", "签退", null, "正常"],
        [d("2024-07-01"), "李四", "签到", null, "请假"],
        [d("2024-07-01"), "李四", "下班1", null, "√"],
      ],
    },
  });
  const j = await both("punch-words", await xlsxFile(sheets), AS_OF);
  expect(j.status).toBe("provisional");
  expect(j.dimensions!.attendance).toEqual({
    points: 24,
    max: 30,
    rate: 0.75,
    present: 3,
    expected: 4,
  });
  expect(j.attendanceMarks).toMatchObject({ late: 1, early: 0, leave: 1 });
});

test("DingTalk daily statistics: title rows, two header rows (上班1 merged over 打卡时间/打卡结果), dates 24-07-01 星期一", async () => {
  const file = await workbookFile(["考勤"], (wb) => {
    const ws = wb.addWorksheet("每日统计");
    ws.addRow(["每日统计  统计日期：2024-07-01 至 2024-07-31"]);
    ws.addRow(["报表生成时间：2024-08-01 09:00"]);
    ws.addRow(["姓名", "部门", "日期", "上班1", null, "下班1", null]);
    ws.addRow([null, null, null, "打卡时间", "打卡结果", "打卡时间", "打卡结果"]);
    ws.addRow(["张三", "运维部", "24-07-01 星期一", "08:52", "正常", "17:31", "早退"]);
    ws.mergeCells("A1:G1");
    ws.mergeCells("A2:G2");
    ws.mergeCells("A3:A4");
    ws.mergeCells("B3:B4");
    ws.mergeCells("C3:C4");
    ws.mergeCells("D3:E3");
    ws.mergeCells("F3:G3");
  });
  const j = await both("dingtalk-daily", file, AS_OF);
  expect(j.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
  expect(j.diagnostics.find((x) => x.code === "title-rows-skipped")).toMatchObject({
    table: "考勤",
    row: 4,
  });
});

test("DingTalk daily statistics with split shifts: the day ends at its last 下班 written (下班2 缺卡 is absent), with a warning", async () => {
  const file = await workbookFile(["考勤"], (wb) => {
    const ws = wb.addWorksheet("每日统计");
    ws.addRow(["姓名", "部门", "日期", "上班1", null, "下班1", null, "上班2", null, "下班2", null]);
    ws.addRow([null, null, null, ...Array(4).fill(["打卡时间", "打卡结果"]).flat()]);
    // A one-shift day: 上班2/下班2 empty, the day ends at 下班1.
    ws.addRow(["张三", "运维部", "24-07-01 星期一", "08:52", "正常", "17:31", "正常"]);
    // A split day: 下班1 is the lunch break; the day ends at 下班2, missed.
    ws.addRow([
      "张三",
      "运维部",
      "24-07-02 星期二",
      "08:50",
      "正常",
      "12:00",
      "正常",
      "14:00",
      "正常",
      null,
      "缺卡",
    ]);
    for (const r of ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1", "H1:I1", "J1:K1"])
      ws.mergeCells(r);
  });
  const j = await both("dingtalk-daily-split-shifts", file, ["--as-of", "2024-07-02"]);
  expect(j.dimensions!.attendance).toMatchObject({ present: 3, expected: 4 });
  const w = j.diagnostics.find((x) => x.code === "later-shift-end-read")!;
  expect([w.severity, w.row]).toEqual(["warning", 4]);
  expect(w.message).toContain("下班2");
});

test("DingTalk raw records: 姓名, 考勤日期, 打卡时间, 打卡结果, one check per row", async () => {
  const file = await punchesOn(
    "原始记录",
    ["姓名", "考勤日期", "打卡时间", "打卡结果"],
    [
      ["张三", "2024-07-01", "2024-07-01 08:52", "正常"],
      ["张三", "2024-07-01", "2024-07-01 17:45", "正常"],
    ]
  );
  const j = await both("dingtalk-raw", file, AS_OF);
  expect(j.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
});

test("a problem in a raw-records export names the export's column (打卡时间, 打卡结果, 考勤日期), not the template's", async () => {
  const file = await punchesOn(
    "原始记录",
    ["姓名", "考勤日期", "打卡时间", "打卡结果"],
    [
      ["张三", "2024-07-01", 8.52, "正常"],
      ["张三", "2024-07-01", "2024-07-01 17:45", "地点异常"],
      ["张三", "2024-07-0x", "2024-07-01 17:50", "正常"],
    ]
  );
  const j = await both("raw-records-export-columns", file, AS_OF);
  expect(j.diagnostics.map((x) => [x.code, x.row, x.column])).toEqual([
    ["bad-time", 2, "打卡时间"],
    ["bad-result", 3, "打卡结果"],
    ["bad-date", 4, "考勤日期"],
  ]);
  expect(j.diagnostics[0].message).toContain("「打卡时间」");
  // The printed text names it too.
  const { runCli } = await import("../support/cli");
  const printed = await runCli(["assess", file, ...AS_OF]);
  expect(printed.code).toBe(2);
  expect(printed.err + printed.out).toContain("列「打卡时间」");
});

test("punches kept one sheet per month are read together; a sheet chosen by name names the ones left out", async () => {
  const [roster, punches, ...rest] = base();
  const july = { ...punches, name: "7月", rows: [punches.rows[0]] };
  const july2 = { ...punches, name: "7月下", rows: [punches.rows[1]] };
  const j = await both("month-sheets", await xlsxFile([roster, july, july2, ...rest]), AS_OF);
  expect(j.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
  expect(codes(j)).toContainEqual(["info", "table-over-sheets", null]);

  const named = await both(
    "month-sheets-one-named",
    await xlsxFile([roster, { ...july, name: "考勤" }, july2, ...rest]),
    AS_OF
  );
  expect(named.diagnostics.find((x) => x.code === "table-sheets-left-out")!.message).toContain(
    "7月下"
  );
  expect(named.dimensions!.attendance).toMatchObject({ present: 1, expected: 2 });
});

test("日期 and 姓名 merged over a day's rows fill every row", async () => {
  const sheets = withSheets({
    考勤: {
      rows: [
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [null, null, "下班", null, "到岗"],
      ],
    },
  });
  const file = await xlsxFile(sheets, (wb) => {
    wb.getWorksheet("考勤")!.mergeCells("A2:A3");
    wb.getWorksheet("考勤")!.mergeCells("B2:B3");
  });
  const j = await both("merged-date-and-name", file, AS_OF);
  expect(j.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
});

test("a totals row is skipped with an info", async () => {
  const sheets = withSheets({
    问卷: {
      rows: [
        ["人社局", 90],
        ["平均分", 90],
      ],
    },
  });
  const j = await both("totals-row", await xlsxFile(sheets), AS_OF);
  expect(codes(j)).toContainEqual(["info", "totals-row-skipped", 3]);
  expect(j.dimensions!.satisfaction.responses).toBe(1);
});

test("survey scores formatted as percentages are read as the percentage; all ≤ 1 unformatted is an error", async () => {
  const sheets = withSheets({ 问卷: { rows: [["人社局", 0.9]] } });
  const pct = await xlsxFile(
    sheets,
    (wb) => (wb.getWorksheet("问卷")!.getCell("B2").numFmt = "0%")
  );
  const j = await both("survey-percent-cells", pct, AS_OF);
  expect(j.dimensions!.satisfaction.survey).toBe(7.2);
  const bare = await both("survey-fractions-unformatted", await xlsxFile(sheets), AS_OF);
  expect(bare.status).toBe("invalid");
  expect(bare.diagnostics.find((x) => x.code === "survey-scale-suspect")!.message).toContain("92");
});

test("a 1–5 score among 100-point ones (4.5 beside 90) is counted as written, with a warning naming its row", async () => {
  const sheets = withSheets({
    问卷: {
      rows: [
        ["人社局", 90],
        ["财政局", 4.5],
        ["税务局", 95],
      ],
    },
  });
  const j = await both("survey-scores-mixed-scale", await xlsxFile(sheets), AS_OF);
  expect(j.dimensions!.satisfaction.responses).toBe(3);
  const w = j.diagnostics.find((x) => x.code === "survey-scores-mixed-scale")!;
  expect([w.severity, w.row, w.column]).toEqual(["warning", 3, "得分"]);
});

test("a 1–5 survey with 问卷满分 = 5; 服务期限 as one item; 万元", async () => {
  const sheets = withSheets({ 问卷: { rows: [["人社局", 4.5]] } }, [
    {
      name: "合同",
      headers: ["项目", "值"],
      rows: [
        ["合同金额", "56万元"],
        ["服务期限", "2024年7月1日至2025年6月30日"],
        ["问卷满分", 5],
      ],
    },
  ]);
  const j = await both("survey-scale-5-period-wan", await xlsxFile(sheets), AS_OF);
  expect(j.dimensions!.satisfaction.survey).toBe(7.2);
  expect(j.status).toBe("provisional");
});

test("a time typed as a number (8.52) is bad-time, naming how to type it", async () => {
  const sheets = withSheets({
    考勤: { rows: [[d("2024-07-01"), "张三", null, 8.52, "到岗"]] },
  });
  const j = await both("time-typed-as-number", await xlsxFile(sheets), AS_OF);
  expect(j.status).toBe("invalid");
  expect(j.diagnostics.find((x) => x.code === "bad-time")!.message).toContain("8:52");
  // One message for the one problem: not also "Slot and Time are both empty".
  expect(codes(j)).toEqual([["error", "bad-time", 2]]);
});

test("tickets and complaints outside the service period are not counted, with one warning per table", async () => {
  const sheets = withSheets({
    工单: {
      rows: [
        ["T1", "是", "已关闭", d("2024-07-01")],
        ["T0", "是", "处理中", d("2023-12-01")],
        ["T9", "是", "处理中", d("2024-08-01")],
      ],
    },
  });
  const j = await both("outside-service-period", await xlsxFile(sheets), AS_OF);
  expect(j.dimensions!.completion).toMatchObject({ completed: 1, routed: 1 });
  expect(j.diagnostics.filter((x) => x.code === "rows-outside-period")).toHaveLength(1);
});

test("statuses: 已 关闭 is completed; 已办结 is warned with its count", async () => {
  const sheets = withSheets({
    工单: {
      rows: [
        ["T1", "是", "已 关闭", d("2024-07-01")],
        ["T2", "是", "已办结", d("2024-07-01")],
        ["T3", "是", "已办结", d("2024-07-01")],
      ],
    },
  });
  const j = await both("statuses", await xlsxFile(sheets), AS_OF);
  expect(j.dimensions!.completion).toMatchObject({ completed: 1, routed: 3 });
  expect(j.diagnostics.find((x) => x.code === "status-not-completed")!.message).toContain("2 张");
});

test("a staff member who leaves and returns: two rows, one person, two periods; overlap is an error", async () => {
  const sheets = withSheets({
    驻场人员: {
      rows: [
        ["张三", "负责人", d("2024-06-01"), d("2024-06-20")],
        ["张三", "负责人", d("2024-07-01"), null],
      ],
    },
  });
  const j = await both("leaves-and-returns", await xlsxFile(sheets), AS_OF);
  expect(j.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
  const overlap = withSheets({
    驻场人员: {
      rows: [
        ["张三", "负责人", d("2024-06-01"), null],
        ["张三", "负责人", d("2024-07-01"), null],
      ],
    },
  });
  const o = await both("roster-periods-overlap", await xlsxFile(overlap), AS_OF);
  expect(codes(o)).toContainEqual(["error", "roster-periods-overlap", 3]);
});

test("assess with a bad --out (missing folder, or a folder) exits 1 with one line / one JSON object", async () => {
  const { main } = await import("../../src/cli/main");
  const file = await xlsxFile(base());
  for (const out of ["/nonexistent-folder-wt9/x.xlsx", require("node:os").tmpdir()]) {
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: async (s: string) => void (stdout += s),
      stderr: async (s: string) => void (stderr += s),
    };
    expect(await main(["assess", file, "--out", out], io)).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("out-unwritable".length ? out : "");
    stdout = "";
    expect(await main(["assess", file, "--out", out, "--json"], io)).toBe(1);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout).diagnostics[0].code).toBe("out-unwritable");
  }
});

test("the adapter without ExcelApi 1.13 warns merged-cells-not-read and never asks for merged areas", async () => {
  const sheets = withSheets({
    考勤: {
      rows: [
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [null, null, "下班", null, "到岗"],
      ],
    },
  });
  const file = await xlsxFile(sheets, (wb) => {
    wb.getWorksheet("考勤")!.mergeCells("A2:A3");
    wb.getWorksheet("考勤")!.mergeCells("B2:B3");
  });
  const g = globalThis as unknown as { Excel: unknown; Office?: unknown };
  const run = async (apiVersions: string[]) => {
    const host = OfficeFake.createHost(await fakeSpec(file), { apiVersions });
    const paths: string[] = [];
    host.failWhen = ({ path }: { path: string }) => {
      paths.push(path);
      return false;
    };
    g.Excel = host.Excel;
    g.Office = host.Office;
    try {
      const { assessment } = await runAssessment({ asOf: Date.parse("2024-07-01") / 86400000 });
      return { json: toJson(assessment), asked: paths.some((p) => p.includes("getMergedAreas")) };
    } finally {
      delete g.Office;
    }
  };
  const old = await run(["1.7", "1.9"]);
  expect(old.asked).toBe(false);
  expect(codes(old.json)).toContainEqual(["warning", "merged-cells-not-read", null]);
  // The merged 日期 and 姓名 are read only in their top-left cells: row 3 has neither, and says so.
  expect(old.json.status).toBe("invalid");
  const now = await run(["1.7", "1.9", "1.13"]);
  expect(now.asked).toBe(true);
  expect(codes(now.json)).not.toContainEqual(["warning", "merged-cells-not-read", null]);
  expect(now.json.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
});

test("the bundled sample's DingTalk variant (`sample --dingtalk`) scores exactly as the tidy sample, through the CLI and the adapter", async () => {
  const { main } = await import("../../src/cli/main");
  const { fileOf } = await import("../hostile/harness");
  const io = { stdout: async () => undefined, stderr: async () => undefined };
  const tidy = fileOf("", "ledger.xlsx");
  const dingtalk = fileOf("", "ledger-dingtalk.xlsx");
  expect(await main(["sample", "--force", "--out", tidy], io)).toBe(0);
  expect(await main(["sample", "--force", "--dingtalk", "--out", dingtalk], io)).toBe(0);

  // Built the way DingTalk exports it: title rows, two header rows, 上班1/下班1 merged over
  // 打卡时间/打卡结果, dates like 24-07-01 星期一, the app's words, 姓名 merged over a person's rows.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(dingtalk);
  const ws = wb.getWorksheet("每日统计")!;
  expect(wb.getWorksheet("考勤")).toBeUndefined();
  expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
    "姓名",
    "考勤组",
    "部门",
    "工号",
    "职位",
    "日期",
    "上班1",
    "上班1",
    "下班1",
    "下班1",
  ]);
  expect((ws.getRow(4).values as unknown[]).slice(7)).toEqual([
    "打卡时间",
    "打卡结果",
    "打卡时间",
    "打卡结果",
  ]);
  expect(ws.getCell("F5").value).toBe("24-07-01 星期一");
  expect(ws.getCell("A6").isMerged).toBe(true);
  const words = new Set<unknown>();
  ws.eachRow((row, r) => r > 4 && [8, 10].forEach((c) => words.add(row.getCell(c).value)));
  expect([...words].sort()).toEqual(["正常", "缺卡", "请假", null].sort());

  const t = (await runLedger(tidy)).json;
  const j = await both("sample-dingtalk", dingtalk);
  expect([j.status, j.total, j.tier, j.tailAmount]).toEqual(["final", 84.61, "B", 381870]);
  for (const key of [
    "status",
    "total",
    "tier",
    "tailRatio",
    "tailAmount",
    "dimensions",
    "months",
    "advice",
    "staffing",
    "sensitivity",
    "payments",
  ] as const)
    expect([key, j[key]]).toEqual([key, t[key]]);
  expect(j.attendanceMarks).toMatchObject({ late: 0, early: 0, leave: 2 });
  // The holiday duty check is warned in both, at its own row.
  expect(codes(j).filter((c) => c[0] !== "info")).toEqual([["warning", "punch-rest-day", 319]]);
  expect(codes(t).filter((c) => c[0] !== "info")).toEqual([["warning", "punch-rest-day", 389]]);

  // The committed file is the one `npm run sample:dingtalk` writes: it scores the same.
  const committed = (await runLedger(path.resolve("sample/ledger-dingtalk.xlsx"))).json;
  expect({ ...committed, diagnostics: null }).toEqual({ ...j, diagnostics: null });
});

test("WeCom raw records head the result 打卡状态: 缺卡 there counts absent, never present in silence", async () => {
  const file = await punchesOn(
    "打卡记录",
    ["姓名", "考勤日期", "打卡时间", "打卡状态"],
    [
      ["张三", "2024/07/01", "08:52:13", "正常"],
      ["张三", "2024/07/01", "17:45:02", "缺卡"],
    ]
  );
  const j = await both("wecom-raw-status", file, AS_OF);
  expect(j.dimensions!.attendance).toMatchObject({ present: 1, expected: 2 });
});

test("a result column the tool does not read (出勤情况) holding 缺勤 is one error naming it, not every check present", async () => {
  const sheets = withSheets({
    考勤: {
      headers: ["日期", "姓名", "时段", "时间", "出勤情况"],
      rows: [
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [d("2024-07-01"), "张三", "下班", null, "缺勤"],
      ],
    },
  });
  const j = await both("result-column-not-read", await xlsxFile(sheets), AS_OF);
  expect(codes(j)).toEqual([["error", "result-column-not-read", 3]]);
  expect(j.diagnostics[0].message).toContain("出勤情况");
});

test("daily statistics: 8.52 in 上班1打卡时间 is bad-time; headers flattened as 上班打卡时间/上班打卡结果 are read", async () => {
  const daily = (
    rows: unknown[][],
    headers = [
      "姓名",
      "部门",
      "日期",
      "上班1打卡时间",
      "上班1打卡结果",
      "下班1打卡时间",
      "下班1打卡结果",
    ]
  ) => punchesOn("每日统计", headers, rows as Sheet["rows"]);
  const j = await both(
    "daily-time-typed-as-number",
    await daily([["张三", "运维部", d("2024-07-01"), 8.52, "正常", "17:31", "正常"]]),
    AS_OF
  );
  expect(codes(j)).toEqual([["error", "bad-time", 2]]);
  expect(j.diagnostics[0].column).toBe("上班1打卡时间");
  const flat = await both(
    "daily-flattened-headers",
    await daily(
      [["张三", "运维部", "2024-07-01", "08:52", "正常", null, "缺卡"]],
      ["姓名", "部门", "日期", "上班打卡时间", "上班打卡结果", "下班打卡时间", "下班打卡结果"]
    ),
    AS_OF
  );
  expect(flat.dimensions!.attendance).toMatchObject({ present: 1, expected: 2 });
});

test("a punch table with neither 时段 nor 时间 says so once per value, not that the row's cells are empty", async () => {
  const sheets = withSheets({
    考勤: { headers: ["日期", "姓名", "结果"], rows: [[d("2024-07-01"), "张三", "到岗"]] },
  });
  const j = await both("punches-no-slot-column", await xlsxFile(sheets), AS_OF);
  expect(codes(j)).toEqual([["error", "slot-missing", 2]]);
  expect(j.diagnostics[0].message).toContain("没有「时段」列");
});

test("month sheets whose columns differ: the message names the sheet and the column it lacks", async () => {
  const [roster, punches, ...rest] = base();
  const july = { ...punches, name: "7月", rows: [punches.rows[0]] };
  const aug = {
    name: "8月",
    headers: ["日期", "姓名", "时段", "结果"],
    rows: [[d("2024-07-01"), "张三", "下班", "缺勤"]],
  };
  const j = await both(
    "month-sheets-columns-differ",
    await xlsxFile([roster, july, aug, ...rest]),
    AS_OF
  );
  expect(codes(j)).toEqual([["error", "ambiguous-table", null]]);
  expect(j.diagnostics[0].message).toContain("工作表「8月」缺少「时间」列");
});

test("raw records with no date column: missing-table names the sheet and the column, no untrue 'same headers' warning", async () => {
  const file = await punchesOn(
    "打卡记录",
    ["姓名", "部门", "打卡时间", "打卡结果"],
    [["张三", "运维", "2024-07-01 08:52", "正常"]]
  );
  const j = await both("raw-no-date-column", file, AS_OF);
  expect(codes(j)).toEqual([["error", "missing-table", null]]);
  expect(j.diagnostics[0].message).toContain("打卡记录");
});

test("hint rows (注：…, 说明：…) and totals under an empty 序号 are skipped with an info", async () => {
  const sheets = withSheets({
    考勤: {
      rows: [
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [d("2024-07-01"), "张三", "下班", null, "到岗"],
        [],
        ["注：以上数据由监理现场核查", null, null, null, null],
      ],
    },
    问卷: {
      headers: ["序号", "受访单位", "得分"],
      rows: [
        [1, "人社局", 90],
        [2, "就业中心", 80],
        [null, "合计", 170],
      ],
    },
  });
  const file = await xlsxFile(sheets, (wb) => wb.getWorksheet("考勤")!.mergeCells("A5:E5"));
  const j = await both("hint-and-totals-rows", file, AS_OF);
  expect(j.status).toBe("provisional");
  expect(j.dimensions!.satisfaction.responses).toBe(2);
  expect(codes(j).filter((c) => c[1] === "totals-row-skipped")).toEqual([
    ["info", "totals-row-skipped", 5],
    ["info", "totals-row-skipped", 4],
  ]);
});

test("a ticket system's export headers (工单编号, 是否流转乙方, 工单状态, 创建时间 as date-times) and complaints headed 投诉日期, 整改完成时间", async () => {
  const at = (iso: string) => new Date(`${iso}Z`);
  const sheets = withSheets({
    工单: {
      above: [["工单导出"], ["导出时间：2024-07-31 10:00"]],
      headers: ["工单编号", "工单标题", "是否流转乙方", "工单状态", "创建时间"],
      rows: [
        ["T1", "打印机无法打印", "是", "已关闭", at("2024-07-01T09:12:33")],
        ["T0", "服务期前的工单", "是", "处理中", at("2024-06-20T10:00:00")],
        ["T9", "考核日期后的工单", "是", "处理中", at("2024-07-02T08:00:00")],
      ],
    },
    投诉: {
      headers: ["编号", "投诉日期", "类别", "核实属实", "整改期限", "整改完成时间", "说明"],
      rows: [
        ["C1", d("2024-07-01"), "响应度", "是", d("2024-07-01"), d("2024-07-01"), "按期整改"],
        ["C0", d("2024-06-10"), "日常维护", "是", null, null, "服务期前"],
      ],
    },
  });
  const j = await both("export-headers-tickets-complaints", await xlsxFile(sheets), AS_OF);
  // 创建时间 read: T0 and T9 are outside; 整改完成时间 read: C1 in time; 投诉日期 read: C0 outside.
  expect(j.dimensions!.completion).toMatchObject({ completed: 1, routed: 1 });
  expect(j.dimensions!.responsiveness.events).toBe(0);
  expect(j.dimensions!.maintenance.events).toBe(0);
  expect(j.diagnostics.filter((x) => x.code === "rows-outside-period")).toHaveLength(2);
});

/** A ledger whose Contract table holds `item` = `value` and a service term. */
const contractLedger = (item: string, value: string | number, term = "2024-07-01~2025-06-30") =>
  xlsxFile(
    withSheets({}, [
      {
        name: "合同",
        headers: ["项目", "值"],
        rows: [
          [item, value],
          ["尾款比例", "50%"],
          ["服务期限", term],
        ],
      },
    ])
  );

/** A Contract table giving every term, so that no default is said (SPEC §9). */
const FULL_CONTRACT = {
  name: "合同",
  headers: ["项目", "值"],
  rows: [
    ["合同金额", 848600],
    ["尾款比例", 0.5],
    ["服务期限", "2024-07-01~2025-06-30"],
    ["签订日期", "2024-06-28"],
    ["驻场人数", 3],
    ["问卷满分", 100],
  ],
};

test("contract items named with their unit: 合同金额（元）, 合同金额（万元）; any other note in brackets is an error, never the default in silence", async () => {
  const yuan = await both(
    "contract-item-unit-yuan",
    await contractLedger("合同金额（元）", 900000, "2024年7月1日至2025年6月30日"),
    AS_OF
  );
  expect(yuan.tailAmount).toBe(450000);
  const wan = await both(
    "contract-item-unit-wan",
    await contractLedger("合同金额(万元)", 90),
    AS_OF
  );
  expect(wan.tailAmount).toBe(450000);
  const tax = await both(
    "contract-item-annotated",
    await contractLedger("合同金额（含税）", 900000),
    AS_OF
  );
  expect(codes(tax)).toEqual([["error", "contract-item-annotated", 2]]);
});

test("合同金额（万元）: 84.8612 is ¥848,612.00 exactly; a value written in yuan there (848600) is warned; one that says 元 is read as written", async () => {
  const ledger = (value: string | number) => contractLedger("合同金额（万元）", value);
  const four = await both("contract-wan-four-decimals", await ledger(84.8612), AS_OF);
  expect([four.status, four.tailAmount]).toEqual(["provisional", 424306]);
  const yuan = await both("contract-wan-written-in-yuan", await ledger(848600), AS_OF);
  expect(codes(yuan)).toContainEqual(["warning", "contract-amount-unit-suspect", 2]);
  const says = await both("contract-wan-value-says-yuan", await ledger("848,600.00元"), AS_OF);
  expect(says.tailAmount).toBe(424300);
  expect(codes(says).filter((c) => c[0] !== "info" && c[1] !== "staffing-short")).toEqual([]);
});

test("a hidden second header row in English and a totals row 合计：2 条 under the tickets are skipped, not bad values", async () => {
  const sheets = withSheets(
    {
      工单: {
        rows: [
          ["TicketId", "RoutedToVendor", "Status", "Created"],
          ["T1", "是", "已关闭", d("2024-07-01")],
          ["T2", "是", "处理中", d("2024-07-01")],
          ["合计：2 条", null, null, null],
        ],
      },
    },
    [FULL_CONTRACT]
  );
  const file = await xlsxFile(sheets, (wb) => {
    wb.getWorksheet("工单")!.getRow(2).hidden = true;
  });
  const j = await both("tickets-header-row-and-count-total", file, AS_OF);
  expect(j.dimensions!.completion).toMatchObject({ completed: 1, routed: 2 });
  expect(codes(j).filter((c) => c[0] !== "warning")).toEqual([
    ["info", "header-row-skipped", 2],
    ["info", "totals-row-skipped", 5],
  ]);
});

test("a responsiveness complaint whose deadline or rectification is dated before the complaint is scored as written, with a warning", async () => {
  const sheets = withSheets({
    投诉: {
      rows: [
        ["C1", d("2024-07-01"), "响应度", "是", d("2023-06-25"), null, "期限年份笔误"],
        [
          "C2",
          d("2024-07-01"),
          "响应度",
          "是",
          d("2024-07-01"),
          d("2023-07-01"),
          "完成日期年份笔误",
        ],
        ["C3", d("2024-07-01"), "日常维护", "否", d("2023-06-25"), null, ""],
      ],
    },
  });
  const j = await both("complaint-dates-out-of-order", await xlsxFile(sheets), AS_OF);
  expect(j.dimensions!.responsiveness.events).toBe(1);
  expect(codes(j).filter((c) => c[1] === "complaint-dates-out-of-order")).toEqual([
    ["warning", "complaint-dates-out-of-order", 2],
    ["warning", "complaint-dates-out-of-order", 3],
  ]);
});

const PUNCH_HEADERS = ["日期", "姓名", "时段", "时间", "结果"];

test("Excel tables: a totals row is not data; a table with its header row turned off is read by its column names, the same in both readers", async () => {
  // A fresh array each time: exceljs keeps (and changes) the rows it is given.
  const rows = () => [
    [d("2024-07-01"), "张三", "上班", null, "到岗"],
    [d("2024-07-01"), "张三", "下班", null, "缺勤"],
    [d("2024-07-01"), "王五", "上班", null, "到岗"],
  ];
  const totals = await workbookFile(["考勤"], (wb) => {
    wb.addWorksheet("考勤").addTable({
      name: "考勤",
      ref: "A1",
      headerRow: true,
      totalsRow: true,
      columns: PUNCH_HEADERS.map((name, i) =>
        i === 0
          ? { name, totalsRowLabel: "合计" }
          : i === 4
            ? { name, totalsRowFunction: "count" as const }
            : { name }
      ),
      rows: rows(),
    });
  });
  const a = await both("table-totals-row", totals, AS_OF);
  expect(a.dimensions!.attendance).toMatchObject({ present: 1, expected: 2 });
  expect(a.diagnostics.find((x) => x.table === "考勤")).toMatchObject({ row: 4 });
  // Header row off (Table Design > Header Row): Office.js still names the columns.
  const headless = await workbookFile(["考勤"], (wb) => {
    wb.addWorksheet("考勤").addTable({
      name: "考勤",
      ref: "A1",
      headerRow: false,
      columns: PUNCH_HEADERS.map((name) => ({ name })),
      rows: rows(),
    });
  });
  const b = await both("table-header-row-off", headless, AS_OF);
  expect(b.dimensions!.attendance).toMatchObject({ present: 1, expected: 2 });
  // No header row: the data start in row 1, and 王五's row is row 3, as Excel shows it.
  expect(b.diagnostics.find((x) => x.table === "考勤")).toMatchObject({
    code: "punch-unknown-name",
    row: 3,
  });
});

test("Excel tables: two on one sheet, one at C4 under a title: each read where it stands, rows named as Excel shows them", async () => {
  const file = await workbookFile(["考勤", "问卷"], (wb) => {
    const ws = wb.addWorksheet("数据");
    ws.getCell("A1").value = "2024年7月考勤";
    ws.addTable({
      name: "表1",
      ref: "C4",
      headerRow: true,
      columns: PUNCH_HEADERS.map((name) => ({ name })),
      rows: [
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [d("2024-07-01"), "张三", "下班", null, "到岗"],
        [d("2024-07-01"), "张三", "上班", null, "缺勤"],
      ],
    });
    ws.addTable({
      name: "问卷",
      ref: "J3",
      headerRow: true,
      columns: [{ name: "受访者" }, { name: "得分" }],
      rows: [
        ["人社局", 90],
        ["社保中心", 80],
      ],
    });
  });
  const j = await both("tables-two-on-one-sheet", file, AS_OF);
  expect(j.dimensions!.satisfaction).toMatchObject({ responses: 2 });
  expect(j.diagnostics.find((x) => x.code === "punch-conflict")).toMatchObject({ row: 7 });
});

test("a header cell merged down into the data rows (姓名 over A1:A3, 得分 over B1:B2): an error naming the merge, not names or scores reading 姓名 / 得分", async () => {
  const file = await workbookFile(["考勤", "问卷"], (wb) => {
    const p = wb.addWorksheet("考勤");
    p.addRow(PUNCH_HEADERS);
    p.addRow([d("2024-07-01"), null, "上班", null, "到岗"]);
    p.addRow([d("2024-07-01"), null, "下班", null, "到岗"]);
    p.addRow([d("2024-07-01"), "张三", "下班", null, "到岗"]);
    p.mergeCells("B1:B3");
    const q = wb.addWorksheet("问卷");
    q.addRow(["受访者", "得分"]);
    q.addRow(["人社局", null]);
    q.addRow(["社保中心", 80]);
    q.mergeCells("B1:B2");
  });
  const j = await both("header-merged-into-data", file, AS_OF);
  expect(j.status).toBe("invalid");
  expect(codes(j)).toEqual([
    ["error", "header-merged-into-data", 2],
    ["error", "header-merged-into-data", 3],
    ["error", "header-merged-into-data", 2],
  ]);
});

test("hidden rows, rows hidden by an AutoFilter and a hidden sheet are data, in both readers", async () => {
  const file = await workbookFile(["考勤"], (wb) => {
    const p = wb.addWorksheet("7月");
    p.addRow(PUNCH_HEADERS);
    p.addRow([d("2024-07-01"), "张三", "上班", null, "到岗"]);
    p.addRow([d("2024-07-01"), "张三", "下班", null, "缺勤"]);
    p.autoFilter = "A1:E3";
    p.getRow(3).hidden = true;
    const q = wb.addWorksheet("8月");
    q.state = "hidden";
    q.addRow(PUNCH_HEADERS);
    q.addRow([d("2024-07-02"), "张三", "上班", null, "到岗"]);
  });
  const j = await both("hidden-rows-and-sheet", file, ["--as-of", "2024-07-02"]);
  expect(j.dimensions!.attendance).toMatchObject({ present: 2, expected: 4 });
  expect(j.diagnostics.find((x) => x.code === "table-over-sheets")).toBeDefined();
});

/** A daily-statistics sheet (two header rows, 上班1/下班1 merged) from [name, date, am time, am result, pm time, pm result]. */
async function dailyExport(rows: (string | null)[][]): Promise<string> {
  return workbookFile(["考勤"], (wb) => {
    const ws = wb.addWorksheet("每日统计");
    ws.addRow(["姓名", "部门", "日期", "上班1", null, "下班1", null]);
    ws.addRow([null, null, null, "打卡时间", "打卡结果", "打卡时间", "打卡结果"]);
    for (const [n, date, ...checks] of rows) ws.addRow([n, "运维部", date, ...checks]);
    for (const r of ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"]) ws.mergeCells(r);
  });
}

test("an interim run over a whole month's export: checks after the as-of date are not counted, one grouped warning naming the as-of date; 未排班 records no check", async () => {
  const file = await dailyExport([
    ["张三", "24-07-01 星期一", "08:50", "正常", "17:40", "正常"],
    ["张三", "24-07-02 星期二", "08:50", "正常", null, "未打卡"],
    ["张三", "24-07-03 星期三", null, "缺卡", null, "缺卡"],
    ["张三", "24-07-04 星期四", null, "未打卡", null, "未打卡"],
    ["张三", "24-07-05 星期五", null, "未排班", null, "未排班"],
    ["张三", "24-07-06 星期六", null, "休息", null, "休息"],
  ]);
  const j = await both("interim-month-export", file, ["--as-of", "2024-07-02"]);
  // 07-01 both present, 07-02 上班 present and 下班 未打卡 absent (the as-of day is counted).
  expect(j.dimensions!.attendance).toMatchObject({ present: 3, expected: 4 });
  const after = j.diagnostics.filter((x) => x.code === "punch-after-as-of");
  expect(after.map((x) => x.row)).toEqual([5, 5, 6, 6]);
  expect(after[0].message).toContain("考核日期 2024-07-02");
  expect(j.diagnostics.some((x) => x.code === "punch-outside-period")).toBe(false);
  expect(j.diagnostics.some((x) => x.severity === "error")).toBe(false);
});

test("休息 / 未排班 on a day the contract counts as a working day (the 调休 Saturday 2024-10-12): absent, as before, with a warning naming the date; on 国庆 silent", async () => {
  const file = await dailyExport([
    ["张三", "24-10-07 星期一", null, "休息", null, "休息"],
    ["张三", "24-10-11 星期五", "08:50", "正常", "17:40", "正常"],
    ["张三", "24-10-12 星期六", null, "休息", null, "休息"],
    ["张三", "24-09-29 星期日", "08:50", "正常", null, "未排班"],
  ]);
  const j = await both("rest-word-on-workday", file, ["--as-of", "2024-10-12"]);
  const w = j.diagnostics.filter((x) => x.code === "rest-word-on-workday");
  // 10-07 (国庆) is a rest day: silent. 10-12 and 09-29 are statutory 补班 days: warned, absent.
  expect(w.map((x) => [x.row, x.column])).toEqual([
    [5, "上班1打卡结果"],
    [6, "下班1打卡结果"],
  ]);
  expect(w[0].message).toContain("2024-10-12");
  expect(w[0].message).toContain("「日历」");
  expect(w[1].message).toContain("「未排班」");
  // 10-11 both checks and 09-29 上班: 3 present.
  expect(j.dimensions!.attendance).toMatchObject({ present: 3 });
});
