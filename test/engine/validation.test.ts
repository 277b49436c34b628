import {
  assess,
  locateTables,
  plainSheetColumns,
  type RawCell,
  type RawTable,
} from "../../src/engine";
import { ledger, serial, sheet, scored, shownOf } from "./ledgerBuilder";

const errorsOf = (tables: RawTable[]) => {
  const a = assess(tables);
  return {
    a,
    errors: shownOf(a)
      .filter((d) => d.severity === "error")
      .map(({ code, table, row, column }) => ({ code, table, row, column })),
  };
};

describe("bad ledgers give errors naming table, row and column, and no score", () => {
  test("a required table missing", () => {
    const { a, errors } = errorsOf(ledger().filter((t) => t.name !== "工单"));
    expect(errors).toEqual([{ code: "missing-table", table: "工单", row: null, column: null }]);
    expect(a.status).toBe("invalid");
    expect("totalHundredths" in a).toBe(false);
  });

  test("a required column missing", () => {
    const tables = ledger();
    tables[2] = sheet("工单", ["工单号", "状态"], [["T1", "已关闭"]]);
    expect(errorsOf(tables).errors).toEqual([
      { code: "missing-column", table: "工单", row: 1, column: "流转乙方" },
    ]);
  });

  test("an unreadable date", () => {
    const { errors } = errorsOf(
      ledger({
        punches: [
          [serial("2024-07-01"), "张三", "上班", null, null],
          ["2024-13-45", "张三", "上班", null, null],
        ],
      })
    );
    expect(errors).toEqual([{ code: "bad-date", table: "考勤", row: 3, column: "日期" }]);
  });

  test("a yes/no value outside the list", () => {
    const { errors } = errorsOf(
      ledger({
        tickets: [
          ["T1", "是", "已关闭", null],
          ["T2", "maybe", "已关闭", null],
        ],
      })
    );
    expect(errors).toEqual([{ code: "bad-yes-no", table: "工单", row: 3, column: "流转乙方" }]);
  });

  test("a category outside the list", () => {
    const { errors } = errorsOf(
      ledger({ complaints: [["C1", null, "安全", "是", null, null, null]] })
    );
    expect(errors).toEqual([{ code: "bad-category", table: "投诉", row: 2, column: "类别" }]);
  });

  test.each<[RawCell]>([[101], [-1], ["很好"], [{ error: "#N/A" }]])(
    "a survey score %p that is not a number from 0 to 100",
    (score) => {
      const { errors } = errorsOf(
        ledger({
          surveys: [
            ["甲", 90],
            ["乙", score],
          ],
        })
      );
      expect(errors).toEqual([
        {
          code: expect.stringMatching(/^(bad-score|cell-error)$/),
          table: "问卷",
          row: 3,
          column: "得分",
        },
      ]);
    }
  );

  test("duplicate ticket and complaint IDs", () => {
    const { errors } = errorsOf(
      ledger({
        tickets: [
          ["T1", "是", "已关闭", null],
          ["T1", "是", "处理中", null],
        ],
        complaints: [
          ["C1", null, "日常维护", "否", null, null, null],
          ["C1", null, "响应度", "否", null, null, null],
        ],
      })
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { code: "duplicate-id", table: "工单", row: 3, column: "工单号" },
        { code: "duplicate-id", table: "投诉", row: 3, column: "编号" },
      ])
    );
  });

  test("an empty roster", () => {
    expect(errorsOf(ledger({ roster: [] })).errors).toEqual([
      { code: "empty-roster", table: "驻场人员", row: null, column: null },
    ]);
  });

  test("a period with no working days", () => {
    const { errors } = errorsOf(
      ledger({
        contract: [
          ["服务开始", "2024-10-01"],
          ["服务结束", "2024-10-07"],
        ],
      })
    );
    expect(errors).toEqual([{ code: "no-working-days", table: null, row: null, column: null }]);
  });

  test("a formula with no cached value and an error value in a cell", () => {
    const { errors } = errorsOf(
      ledger({
        tickets: [
          ["T1", { error: "#NOCACHE" }, "已关闭", null],
          ["T2", "是", "已关闭", { error: "#REF!" }],
        ],
      })
    );
    expect(errors).toEqual([
      { code: "formula-no-value", table: "工单", row: 2, column: "流转乙方" },
      { code: "cell-error", table: "工单", row: 3, column: "创建日期" },
    ]);
  });

  test("two tables that both look like punches, neither named so, with different columns", () => {
    const tables = ledger().filter((t) => t.name !== "考勤");
    tables.push(
      sheet("Sheet1", ["日期", "姓名", "时段", "时间", "结果"], []),
      sheet("Sheet2", ["日期", "姓名", "时段"], [])
    );
    const { errors, a } = errorsOf(tables);
    expect(errors).toEqual([{ code: "ambiguous-table", table: "考勤", row: null, column: null }]);
    expect(shownOf(a)[0].zh).toContain("Sheet1");
  });

  test("two sheets with the same punch headers (one per month) are one table (SPEC §5)", () => {
    const tables = ledger().filter((t) => t.name !== "考勤");
    const h = ["日期", "姓名", "时段", "时间", "结果"];
    tables.push(sheet("Sheet1", h, []), sheet("Sheet2", h, []));
    const { a } = errorsOf(tables);
    expect(shownOf(a).find((d) => d.code === "table-over-sheets")!.zh).toContain("Sheet1、Sheet2");
  });

  test("a duplicate required header", () => {
    const tables = ledger();
    tables[2] = sheet(
      "工单",
      ["工单号", "流转乙方", "状态", "Status"],
      [["T1", "是", "已关闭", "x"]]
    );
    expect(errorsOf(tables).errors).toEqual([
      { code: "duplicate-column", table: "工单", row: 1, column: "状态" },
    ]);
  });

  test("every message is bilingual and the ledger tables are not modified", () => {
    const tables = ledger({ tickets: [["T1", "x", "已关闭", null]] });
    const before = JSON.stringify(tables);
    const a = assess(tables);
    expect(JSON.stringify(tables)).toBe(before);
    for (const d of shownOf(a)) {
      expect(d.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.en).toMatch(/[A-Za-z]{3}/);
    }
  });
});

describe("warnings that still score", () => {
  test.each([
    ["English", ["TicketId", "RoutedToVendor", "Status", "Created"]],
    [
      "full-width capitals",
      ["ＴＩＣＫＥＴＩＤ", "ＲｏｕｔｅｄＴｏＶｅｎｄｏｒ", "ＳＴＡＴＵＳ", null],
    ],
    ["spaces first", ["  工单号", " 流转乙方", "状态", "创建日期"]],
  ])("the tickets' headers repeated under them (%s) are skipped as a header row", (_, repeat) => {
    const a = assess(
      ledger({
        tickets: [repeat, ["T1", "是", "已关闭", null], ["GD0000002", "是", "处理中", null]],
      })
    );
    expect(scored(a).dimensions.completion).toMatchObject({ completed: 1, routed: 2 });
    expect(
      shownOf(a)
        .filter((d) => d.table === "工单")
        .map((d) => [d.code, d.row])
    ).toEqual([["header-row-skipped", 2]]);
  });

  test("zero routed tickets: full completion points with a warning", () => {
    const a = assess(ledger({ tickets: [["T1", "否", "处理中", null]] }));
    expect(scored(a).dimensions.completion.pointsHundredths).toBe(2000);
    expect(shownOf(a).find((d) => d.code === "no-routed-tickets")?.severity).toBe("warning");
  });

  test("no survey rows: survey part 0, a warning, provisional", () => {
    const a = assess(ledger({ surveys: [] }));
    expect(scored(a).dimensions.satisfaction).toMatchObject({
      surveyHundredths: 0,
      linkedHundredths: 200,
      pointsHundredths: 200,
    });
    expect(shownOf(a).find((d) => d.code === "no-surveys")?.severity).toBe("warning");
    expect(a.status).toBe("provisional");
  });

  test("an as-of date before the service end is provisional", () => {
    const a = assess(ledger(), { asOf: serial("2025-01-15") - 25569 });
    expect(a.status).toBe("provisional");
    expect(a.periodEnd).toBe(a.asOf);
  });

  test("completion counts only routed tickets; 待验证 and 已关闭 with spaces are completed", () => {
    const a = assess(
      ledger({
        tickets: [
          ["T1", "是", " 待验证 ", null],
          ["T2", "是", "已关闭", null],
          ["T3", "是", "处理中", null],
          ["T4", "是", null, null],
          ["T5", "否", "处理中", null],
        ],
      })
    );
    expect(scored(a).dimensions.completion).toMatchObject({
      completed: 2,
      routed: 4,
      sharePercent: 50,
    });
  });
});

describe("tables found by name or headers, in Chinese or English", () => {
  test("English table names and headers score the same as Chinese ones", () => {
    const zh = ledger({ punches: [[serial("2024-07-01"), "张三", "上班", null, null]] });
    const en = [
      sheet("Roster", ["Name", "Role", "Start", "End"], zh[0].rows),
      sheet("punches", [" DATE ", "name", "slot", "time", "result"], zh[1].rows),
      sheet("Tickets", ["TicketId", "RoutedToVendor", "Status", "Created"], zh[2].rows),
      sheet(
        "Complaints",
        ["ComplaintId", "Date", "Category", "Verified", "Deadline", "RectifiedOn", "Note"],
        zh[3].rows
      ),
      sheet("Surveys", ["Respondent", "Score"], zh[4].rows),
    ];
    expect(scored(assess(en)).totalHundredths).toBe(scored(assess(zh)).totalHundredths);
    expect(assess(en).status).not.toBe("invalid");
  });

  test("tables with other names are recognised by their headers", () => {
    const tables = ledger().map((t, i) => ({
      ...t,
      name: `Sheet${i + 1}`,
      sheet: `Sheet${i + 1}`,
    }));
    const a = assess(tables);
    expect(a.status).not.toBe("invalid");
    const { located } = locateTables(tables);
    expect(located.punches?.table.name).toBe("Sheet2");
    expect(located.roster?.table.name).toBe("Sheet1");
  });

  test("the summary sheet is never read as a ledger table", () => {
    const tables = ledger();
    tables.push(
      sheet("考核结果", ["日期", "姓名", "时段", "时间", "结果"], [["x", "y", "z", null, null]])
    );
    expect(assess(tables).status).not.toBe("invalid");
  });

  test("fully blank rows are skipped and row numbers stay the worksheet's", () => {
    const a = assess(
      ledger({
        tickets: [
          ["T1", "是", "已关闭", null],
          [null, "  ", null, null],
          ["T2", "bad", "已关闭", null],
        ],
      })
    );
    expect(shownOf(a).find((d) => d.code === "bad-yes-no")?.row).toBe(4);
  });

  test("header row and column offsets are honoured", () => {
    const tables = ledger({ tickets: [["T1", "x", "已关闭", null]] });
    tables[2] = { ...tables[2], kind: "table", headerRow: 5, firstColumn: 3 };
    expect(shownOf(assess(tables)).find((d) => d.code === "bad-yes-no")?.row).toBe(6);
  });
});

describe("title rows above a plain sheet's headers", () => {
  test("are skipped: the headers are found below them, rows keep their worksheet numbers, and an info says so", () => {
    const tables = ledger({
      tickets: [
        ["T1", "是", "已关闭", null],
        ["T2", "x", "已关闭", null],
      ],
    });
    const t = tables[2];
    // Row 1: a title; row 2: blank; row 3: the headers; data from row 4.
    tables[2] = {
      ...t,
      headers: ["2024年度工单台账", null, null, null],
      rows: [[null, null, null, null], t.headers as RawCell[], ...t.rows],
    };
    const a = assess(tables);
    expect(shownOf(a).map((d) => [d.severity, d.code, d.row])).toEqual(
      expect.arrayContaining([
        ["info", "title-rows-skipped", 3],
        ["error", "bad-yes-no", 5],
      ])
    );
    expect(shownOf(a).find((d) => d.code === "title-rows-skipped")!.zh).toContain(
      "第 1–2 行视为标题"
    );
  });

  test("are not looked for in Excel tables, whose header row Excel defines", () => {
    const tables = ledger();
    const t = tables[2];
    tables[2] = {
      ...t,
      kind: "table",
      headers: ["标题", null, null, null],
      rows: [t.headers as RawCell[], ...t.rows],
    };
    expect(shownOf(assess(tables)).map((d) => d.code)).toContain("missing-column");
  });
});

describe("plainSheetColumns (the width rule both readers use)", () => {
  test("ends before a gap of more than 16 empty columns", () => {
    const row = [
      "日期",
      null,
      "姓名",
      ...Array(16).fill(null),
      "结果",
      ...Array(17).fill(null),
      "stray",
    ];
    expect(plainSheetColumns([row])).toEqual({ first: 0, last: 19 });
    expect(plainSheetColumns([[null, null, "a"]])).toEqual({ first: 2, last: 2 });
    expect(plainSheetColumns([[null, "  "]])).toBeNull();
  });

  test("judges the first rows together, so a one-cell title does not narrow the table", () => {
    expect(
      plainSheetColumns([["2024年考勤"], [], ["日期", "姓名", "时段", "时间", "结果"]])
    ).toEqual({ first: 0, last: 4 });
    expect(
      plainSheetColumns([
        [null, "标题"],
        ["日期", "姓名"],
      ])
    ).toEqual({ first: 0, last: 1 });
    expect(
      plainSheetColumns([
        ["日期", "姓名"],
        ["x", "y", "note"],
      ])
    ).toEqual({ first: 0, last: 1 });
  });
});
