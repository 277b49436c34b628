/**
 * SPEC §10 "Real ledgers, the habits still refused": each ledger is built the way the habit makes
 * it, scored through both readers (`both`: the .xlsx reader and the Excel adapter on the fake
 * host, one JSON, committed in test/real/expected), and its figures must be exactly those of the
 * same ledger written the template's way; a warning or an info says what was read how. The near
 * misses (a word that would mean something else) are in test/engine/habits.test.ts.
 */
import { listTables } from "../../src/excel";
import { type AssessmentJson } from "../../src/report/json";
import { cleanup, runLedger } from "../hostile/harness";
import { base, d, withSheets, xlsxFile, type Sheet } from "../hostile/ledgers";
import { both } from "./bothReaders";
import { fakeSpec } from "./fakeSpec";

const OfficeFake = require("../fakes/officeFake.js");

afterAll(cleanup);

const AS_OF = ["--as-of", "2024-07-01"];

/** Everything an assessment pays on: the JSON without its diagnostics, status and run identity. */
function figuresOf(j: AssessmentJson): Partial<AssessmentJson> {
  const { diagnostics, status, fingerprint, run, ...figures } = j;
  (void diagnostics, status, fingerprint, run);
  return figures;
}

/** The same ledger written the template's way, scored by the command line. */
async function templateWay(sheets: Sheet[], args: string[]): Promise<AssessmentJson> {
  const r = await runLedger(await xlsxFile(sheets), args);
  expect(r.json.status).not.toBe("invalid");
  return r.json;
}

const find = (j: AssessmentJson, code: string) => j.diagnostics.filter((x) => x.code === code);
const errorsOf = (j: AssessmentJson) => j.diagnostics.filter((x) => x.severity === "error");

test("yes/no words ledgers use: 核实属实 属实/不属实, 流转乙方 已流转/未流转 — read as 是/否, one info per word", async () => {
  const ledger = (yes: string, no: string, routedYes: string, routedNo: string) =>
    withSheets({
      工单: {
        rows: [
          ["T1", routedYes, "已关闭", d("2024-07-01")],
          ["T2", routedNo, "处理中", d("2024-07-01")],
          ["T3", routedYes, "处理中", d("2024-07-01")],
        ],
      },
      投诉: {
        rows: [
          ["C1", d("2024-07-01"), "日常维护", yes, null, null, "机房空调"],
          ["C2", d("2024-07-01"), "日常维护", no, null, null, null],
          ["C3", d("2024-07-01"), "日常维护", no, null, null, null],
        ],
      },
    });
  const j = await both(
    "habit-yes-no-words",
    await xlsxFile(ledger("属实", "不属实", "已流转", "未流转")),
    AS_OF
  );
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(ledger("是", "否", "是", "否"), AS_OF)));
  expect(j.dimensions!.completion).toMatchObject({ routed: 2, completed: 1 });
  expect(j.dimensions!.maintenance.events).toBe(1);
  const read = find(j, "habit-word-read").map((x) => [x.table, x.column, x.row, x.severity]);
  expect(read).toEqual(
    expect.arrayContaining([
      ["工单", "流转乙方", 2, "info"],
      ["工单", "流转乙方", 3, "info"],
      ["投诉", "核实属实", 2, "info"],
      ["投诉", "核实属实", 3, "info"],
    ])
  );
  expect(
    find(j, "habit-word-read").find((x) => x.row === 3 && x.table === "投诉")!.message
  ).toContain("「核实属实」写作「不属实」的 2 行按「否」读取（第 3, 4 行）");
});

test("complaints still being checked (核实属实 empty, 核实中, 待核实, 调查中): not counted, one warning naming the rows, the result provisional", async () => {
  const checked: Sheet["rows"] = [["C1", d("2024-07-01"), "日常维护", "是", null, null, null]];
  const sheets = withSheets({
    投诉: {
      rows: [
        ...checked,
        ["C2", d("2024-07-01"), "响应度", null, d("2024-07-03"), null, "待甲方确认"],
        ["C3", d("2024-07-01"), "日常维护", "核实中", null, null, null],
        ["C4", d("2024-07-01"), "响应度", "待核实", null, null, null],
        ["C5", d("2024-07-01"), "日常维护", "调查中", null, null, null],
      ],
    },
  });
  const j = await both("habit-complaints-being-checked", await xlsxFile(sheets), AS_OF);
  expect(errorsOf(j)).toEqual([]);
  expect(j.status).toBe("provisional");
  expect(figuresOf(j)).toEqual(
    figuresOf(await templateWay(withSheets({ 投诉: { rows: checked } }), AS_OF))
  );
  const [w] = find(j, "complaints-being-checked");
  expect([w.severity, w.table, w.column, w.row]).toEqual(["warning", "投诉", "核实属实", 3]);
  expect(w.message).toContain("4 起投诉尚在核实");
  expect(w.message).toContain("C2、C3、C4、C5（第 3, 4, 5, 6 行）");
});

test("survey forms not returned (score empty, 未回收, 未返回, 未填写) are skipped with a warning naming the rows; 92分 and 88.5 分 are the numbers", async () => {
  const sheets = (a: unknown, b: unknown, missing: boolean) =>
    withSheets({
      问卷: {
        rows: [
          ["人社局", a],
          ...(missing
            ? [
                ["财政局", null],
                ["税务局", "未回收"],
                ["医保局", "未返回"],
                ["档案馆", " 未填写 "],
              ]
            : []),
          ["公积金中心", b],
        ] as Sheet["rows"],
      },
    });
  const j = await both(
    "habit-surveys-not-returned",
    await xlsxFile(sheets("92分", "88.5 分", true)),
    AS_OF
  );
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(sheets(92, 88.5, false), AS_OF)));
  expect(j.dimensions!.satisfaction.responses).toBe(2);
  const [w] = find(j, "surveys-not-returned");
  expect([w.severity, w.row, w.column]).toEqual(["warning", 3, "得分"]);
  expect(w.message).toContain("4 份问卷未回收");
  expect(w.message).toContain("第 3, 4, 5, 6 行");
  expect(find(j, "habit-word-read").map((x) => [x.row, x.message.slice(0, 30)])).toHaveLength(2);
});

test("calendar words: 休, 休息, 节假日, 假 are rest days; 班, 上班, 补班 working days — the same working days as 工作日/休息日", async () => {
  const punches: Sheet["rows"] = [];
  for (const day of ["2024-07-01", "2024-07-06", "2024-07-07", "2024-07-08"])
    for (const slot of ["上班", "下班"]) punches.push([d(day), "张三", slot, null, "到岗"]);
  const calendar = (rest: string[], work: string[]): Sheet => ({
    name: "日历",
    headers: ["日期", "类型"],
    rows: [
      [d("2024-07-02"), rest[0]],
      [d("2024-07-03"), rest[1]],
      [d("2024-07-04"), rest[2]],
      [d("2024-07-05"), rest[3]],
      [d("2024-07-06"), work[0]],
      [d("2024-07-07"), work[1]],
      [d("2024-07-08"), work[2]],
    ],
  });
  const args = ["--as-of", "2024-07-08"];
  const habit = withSheets({ 考勤: { rows: punches } }, [
    calendar(["休", "休息", "节假日", "假"], ["班", "补班", "上班"]),
  ]);
  const j = await both("habit-calendar-words", await xlsxFile(habit), args);
  expect(errorsOf(j)).toEqual([]);
  const tidy = withSheets({ 考勤: { rows: punches } }, [
    calendar(["休息日", "休息日", "休息日", "休息日"], ["工作日", "工作日", "工作日"]),
  ]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(tidy, args)));
  // 07-02…07-05 rest, the weekend 07-06/07 worked: four working days, all present.
  expect(j.dimensions!.attendance).toMatchObject({ present: 8, expected: 8 });
  expect(find(j, "habit-word-read").map((x) => x.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
});

test("category words: 日常维护类 / 日常维护问题 are 日常维护, 响应度类 / 响应度问题 are 响应度", async () => {
  const sheets = (words: string[]) =>
    withSheets({
      投诉: {
        rows: [
          ["C1", d("2024-07-01"), words[0], "是", null, null, null],
          ["C2", d("2024-07-01"), words[1], "是", null, null, null],
          ["C3", d("2024-07-01"), words[2], "是", d("2024-07-03"), d("2024-07-02"), null],
          ["C4", d("2024-07-01"), words[3], "否", null, null, null],
        ],
      },
    });
  const j = await both(
    "habit-category-words",
    await xlsxFile(sheets(["日常维护类", "日常维护问题", "响应度类", "响应度问题"])),
    AS_OF
  );
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(
    figuresOf(await templateWay(sheets(["日常维护", "日常维护", "响应度", "响应度"]), AS_OF))
  );
  expect(j.dimensions!.maintenance.events).toBe(2);
  expect(find(j, "habit-word-read")).toHaveLength(4);
});

test("headers with the template's hint (流转乙方（是/否）, 得分（百分制）, 整改期限(日期)) or broken over two lines are the column, with an info", async () => {
  const rows = {
    工单: { rows: [["T1", "是", "已关闭", d("2024-07-01")]] },
    投诉: {
      rows: [["C1", d("2024-07-01"), "响应度", "是", d("2024-07-02"), d("2024-07-05"), null]],
    },
  };
  const habit = withSheets({
    工单: { ...rows.工单, headers: ["工单号", "流转乙方（是/否）", "状态", "创建日期"] },
    投诉: {
      ...rows.投诉,
      headers: ["编号", "日期", "类别", "核实属实", "整改期限(日期)", "整改完成\n日期", "说明"],
    },
    问卷: { headers: ["受访者", "得分（百分制）"] },
  });
  const j = await both("habit-header-hints", await xlsxFile(habit), AS_OF);
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(withSheets(rows), AS_OF)));
  // The deadline was read: the rectification after it costs the responsiveness points.
  expect(j.dimensions!.responsiveness.events).toBe(1);
  expect(find(j, "header-hint-read").map((x) => [x.table, x.column, x.row])).toEqual([
    ["工单", "流转乙方（是/否）", 1],
    ["投诉", "整改期限(日期)", 1],
    ["问卷", "得分（百分制）", 1],
  ]);
  expect(find(j, "header-hint-read")[0].message).toContain(
    "列标题「流转乙方（是/否）」按「流转乙方」列读取"
  );
});

test("the template's hint rows under the headers (（示例：…）, 填 是/否, （日期）) are skipped with an info", async () => {
  const habit = withSheets({
    考勤: {
      rows: [
        ["（日期）", "示例：张三", "填 上班/下班", "如 08:30", "填 到岗/缺勤"],
        ...base()[1].rows,
      ],
    },
    工单: {
      rows: [
        ["（示例：GD20240701-0001）", "填 是/否", "如：已关闭", "（日期）"],
        ...base()[2].rows,
      ],
    },
    投诉: {
      rows: [
        [
          "示例：TS-001",
          "（日期）",
          "填 日常维护/响应度",
          "填 是/否",
          "（日期）",
          "（日期）",
          null,
        ],
        ...base()[3].rows,
      ],
    },
  });
  const j = await both("habit-template-hint-rows", await xlsxFile(habit), AS_OF);
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(base(), AS_OF)));
  expect(find(j, "hint-row-skipped").map((x) => [x.severity, x.table, x.row])).toEqual([
    ["info", "工单", 2],
    ["info", "投诉", 2],
    ["info", "考勤", 2],
  ]);
});

test("month subtotals in the punch sheet (2024年7月小计, 7月合计 出勤率 98%) are totals rows, skipped with an info", async () => {
  const habit = withSheets({
    考勤: {
      rows: [
        ...base()[1].rows,
        ["2024年7月小计", null, null, null, "出勤率 98%"],
        [null, "7月合计 出勤率 98%", null, null, null],
      ],
    },
  });
  const j = await both("habit-month-subtotals", await xlsxFile(habit), AS_OF);
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(base(), AS_OF)));
  expect(find(j, "totals-row-skipped").map((x) => [x.severity, x.table, x.row])).toEqual([
    ["info", "考勤", 4],
    ["info", "考勤", 5],
  ]);
});

test("look-alike sheets: an address list 通讯录 (姓名, 电话) beside 人员名单 is not the roster; the sheet with more of its columns wins", async () => {
  const names: Record<string, string> = {
    驻场人员: "人员名单",
    考勤: "考勤记录",
    工单: "工单台账",
    投诉: "投诉台账",
    问卷: "满意度调查",
  };
  const habit = [
    ...base().map((s) => ({ ...s, name: names[s.name] })),
    {
      name: "通讯录",
      headers: ["姓名", "电话"],
      rows: [
        ["张三", "13800000000"],
        ["李四", "13900000000"],
      ],
    },
  ];
  const j = await both("habit-look-alike-sheets", await xlsxFile(habit), AS_OF);
  expect(errorsOf(j)).toEqual([]);
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(base(), AS_OF)));
  const [i] = find(j, "look-alike-sheet-left-out");
  expect([i.severity, i.table]).toEqual(["info", "驻场人员"]);
  expect(i.message).toContain("工作表「通讯录」只有「姓名」列相同");
});

test("two tables side by side on one plain sheet, a fully empty column between: each read as its own table", async () => {
  const [roster, punches, tickets, complaints, surveys] = base();
  const besideEachOther = (gap: number): Sheet => ({
    name: "投诉与问卷",
    headers: [...complaints.headers, ...Array(gap).fill(null), ...surveys.headers],
    rows: [
      [...complaints.rows[0], ...Array(gap).fill(null), ...surveys.rows[0]],
      [...Array(7 + gap).fill(null), "财政局", 80],
    ],
  });
  const j = await both(
    "habit-tables-side-by-side",
    await xlsxFile([roster, punches, tickets, besideEachOther(2)]),
    AS_OF
  );
  expect(errorsOf(j)).toEqual([]);
  const tidy = withSheets({ 问卷: { rows: [...surveys.rows, ["财政局", 80]] } });
  expect(figuresOf(j)).toEqual(figuresOf(await templateWay(tidy, AS_OF)));
  expect(find(j, "sheet-block-read").map((x) => [x.table, x.message.slice(0, 40)])).toEqual([
    ["投诉", expect.any(String)],
    ["问卷", expect.any(String)],
  ]);
  expect(find(j, "sheet-block-read")[1].message).toContain("J:K 列按「问卷」表读取");
  // The add-in's overview of the workbook lists the two blocks as two tables, each matched.
  const file = await xlsxFile([roster, punches, tickets, besideEachOther(2)]);
  (globalThis as unknown as { Excel: unknown }).Excel = OfficeFake.createHost(
    await fakeSpec(file)
  ).Excel;
  const overview = await listTables();
  expect(
    overview.tables
      .filter((t) => t.sheet === "投诉与问卷")
      .map((t) => [t.name, t.columns, t.matches])
  ).toEqual([
    ["投诉与问卷!A:G", 7, "complaints"],
    ["投诉与问卷!J:K", 2, "surveys"],
  ]);

  // With no empty column between them the sheet is one table: the survey is missing, and the
  // message names the columns it looked for and where they stand.
  const joined = await both(
    "habit-tables-side-by-side-no-gap",
    await xlsxFile([roster, punches, tickets, besideEachOther(0)]),
    AS_OF
  );
  const [m] = find(joined, "missing-table");
  expect(m.table).toBe("问卷");
  expect(m.message).toContain("找的是列标题为 「受访者」「得分」 的表");
  expect(m.message).toContain("已作为「投诉」表读取");
  expect(m.message).not.toContain("column .");
});
