/**
 * SPEC §10: the near misses of every ledger word and habit the reader now accepts. A rule widened
 * too far would read a value that means something else as yes, verified, a working day or a
 * score; each near miss here must still be refused, with a message saying what to write. (The
 * habits themselves, through both readers, are in test/real/habits.test.ts.)
 */
import { assess, locateTables, type Assessment, type RawCell } from "../../src/engine";
import { tablesOfSheet, type CellGrid } from "../../src/sheets";
import {
  BAD,
  CHECKING,
  habitWordOf,
  isNotReturned,
  parseCategory,
  parseDayType,
  parseRouted,
  parseScore,
  parseVerified,
} from "../../src/engine/values";
import { ledger, scored, serial, sheet, shownOf } from "./ledgerBuilder";

/** The errors of a run, as [code, table, row, column], and their Chinese messages. */
function refusals(a: Assessment) {
  const errors = shownOf(a).filter((d) => d.severity === "error");
  return {
    codes: errors.map(({ code, table, row, column }) => [code, table, row, column]),
    zh: errors.map((e) => e.zh),
  };
}

const complaint = (verified: RawCell, category: RawCell = "日常维护"): RawCell[] => [
  "C1",
  null,
  category,
  verified,
  null,
  null,
  null,
];

describe("near misses are still refused, saying what to write", () => {
  test.each(["不确定", "待定", "未知", "已流转", "核实"])("核实属实 %s", (word) => {
    const r = refusals(assess(ledger({ complaints: [complaint(word)] })));
    expect(r.codes).toEqual([["bad-yes-no", "投诉", 2, "核实属实"]]);
    expect(r.zh[0]).toContain("是/否（或 属实/不属实）");
    expect(r.zh[0]).toContain("尚在核实的投诉请写「核实中」或留空");
  });

  test.each(["待定", "未知", "流转中", "属实", "核实中"])("流转乙方 %s", (word) => {
    const r = refusals(assess(ledger({ tickets: [["T1", word, "已关闭", null]] })));
    expect(r.codes).toEqual([["bad-yes-no", "工单", 2, "流转乙方"]]);
    expect(r.zh[0]).toContain("已流转/未流转");
  });

  test("流转乙方 left empty is still an error: only 核实属实 has a 'not yet' reading", () => {
    const r = refusals(assess(ledger({ tickets: [["T1", null, "已关闭", null]] })));
    expect(r.codes).toEqual([["empty-required", "工单", 2, "流转乙方"]]);
  });

  test.each(["待定", "不确定", "未知", "九十二分", "92分以上", "约90分", "未收回"])(
    "得分 %s",
    (word) => {
      const r = refusals(assess(ledger({ surveys: [["甲", word]] })));
      expect(r.codes).toEqual([["bad-score", "问卷", 2, "得分"]]);
      expect(r.zh[0]).toContain("如 92分");
      expect(r.zh[0]).toContain("未回收的问卷请留空或写「未回收」");
    }
  );

  test("a score with its unit above the scale (120分) is refused like 120", () => {
    expect(refusals(assess(ledger({ surveys: [["甲", "120分"]] }))).codes).toEqual([
      ["bad-score", "问卷", 2, "得分"],
    ]);
  });

  test.each(["调休", "待定", "值班", "休假", "半天", "加班"])("日历 类型 %s", (word) => {
    const r = refusals(assess(ledger({ calendar: [[serial("2024-07-06"), word]] })));
    expect(r.codes).toEqual([["bad-day-type", "日历", 2, "类型"]]);
    expect(r.zh[0]).toContain("工作日 或 休息日（也可写 班、上班、补班 或 休、休息、节假日、假）");
  });

  test.each(["服务响应", "维护", "响应", "其他", "日常维护类问题"])("类别 %s", (word) => {
    const r = refusals(assess(ledger({ complaints: [complaint("是", word)] })));
    expect(r.codes).toEqual([["bad-category", "投诉", 2, "类别"]]);
    expect(r.zh[0]).toContain("两类都说得通的词（如「服务响应」）请改写为其中之一");
  });

  test.each(["得分（5分制）", "得分（满分5分）", "得分(%)"])(
    "a header note that may change the meaning (%s) is not read as the column: one error naming it",
    (header) => {
      const tables = ledger();
      tables[4] = sheet("问卷", ["受访者", header], [["甲", 4.5]]);
      const r = refusals(assess(tables));
      expect(r.codes).toEqual([["header-note-not-read", "问卷", 1, "得分"]]);
      expect(r.zh[0]).toContain(`列标题「${header}」`);
      expect(r.zh[0]).toContain("请把列标题改为「得分」");
    }
  );

  test("a note after a column that is only shown (受访者（单位）) is read as a hint: it changes no figure", () => {
    const tables = ledger();
    tables[4] = sheet("问卷", ["受访者（单位）", "得分"], [["甲", 90]]);
    const a = scored(assess(tables));
    expect(a.diagnostics.find((d) => d.code === "header-hint-read")).toMatchObject({
      table: "surveys",
      column: "respondent",
    });
  });

  test("a row under the headers that is merely unreadable is not a hint row: （日期） beside 待定 is reported", () => {
    const r = refusals(
      assess(
        ledger({
          punches: [
            ["（日期）", "张三", "上班", null, "待定"],
            [serial("2024-07-01"), "张三", "上班", null, "到岗"],
          ],
        })
      )
    );
    expect(r.codes).toEqual([
      ["bad-date", "考勤", 2, "日期"],
      ["bad-result", "考勤", 2, "结果"],
    ]);
  });

  test("a hint row below the data is not skipped as the template's hint: only right under the headers", () => {
    const r = refusals(
      assess(
        ledger({
          tickets: [
            ["T1", "是", "已关闭", null],
            ["（示例：GD20240701-0001）", "填 是/否", "如：已关闭", "（日期）"],
          ],
        })
      )
    );
    expect(r.codes).toEqual([
      ["bad-yes-no", "工单", 3, "流转乙方"],
      ["bad-date", "工单", 3, "创建日期"],
    ]);
  });

  test("小计 / 合计 inside a word is not a subtotal: 综合计划科 is a respondent, counted", () => {
    const a = scored(
      assess(
        ledger({
          surveys: [
            ["综合计划科", 80],
            ["人社局", 100],
          ],
        })
      )
    );
    expect(a.dimensions.satisfaction.responses).toBe(2);
  });
});

describe("look-alike sheets", () => {
  const phoneList = (name: string, phone: string) =>
    sheet(name, ["姓名", phone], [["张三", "13800000000"]]);

  test("an address list beside a roster with more of its columns: the roster wins, with an info", () => {
    const tables = ledger();
    tables[0] = sheet("人员名单", ["姓名", "角色"], [["张三", "负责人"]]);
    tables.push(phoneList("通讯录", "电话"));
    const a = scored(assess(tables));
    expect(a.diagnostics.find((d) => d.code === "look-alike-sheet-left-out")).toMatchObject({
      table: "roster",
      args: { chosen: "人员名单", lookAlikes: [{ sheet: "通讯录", columns: ["name"] }] },
    });
  });

  test("two roster-like sheets each with two of its columns: a tie, ambiguous-table", () => {
    const tables = ledger();
    tables[0] = sheet("人员名单", ["姓名", "角色"], [["张三", "负责人"]]);
    tables.push(sheet("在岗表", ["姓名", "到岗日期"], [["张三", serial("2024-07-01")]]));
    expect(refusals(assess(tables)).codes).toEqual([["ambiguous-table", "驻场人员", null, null]]);
  });

  test("the roster named 驻场人员 is taken by its name; an address list beside it says nothing", () => {
    const tables = [...ledger(), phoneList("通讯录", "电话")];
    const a = scored(assess(tables));
    expect(a.diagnostics.filter((d) => d.table === "roster" && d.severity !== "warning")).toEqual(
      []
    );
  });
});

describe("tables side by side on one plain sheet", () => {
  const grid = (rows: RawCell[][]): CellGrid => ({
    rows: [undefined, ...rows.map((r) => [...r])],
    row: 0,
    column: 1,
  });
  const read = (rows: RawCell[][]) =>
    tablesOfSheet({ name: "投诉", cells: grid(rows), merges: [], tables: [], date1904: false });

  test("a blank spacer column inside one table does not cut it in two", () => {
    const tables = read([
      ["编号", "日期", null, "类别", "核实属实"],
      ["C1", serial("2024-07-01"), null, "日常维护", "否"],
    ]);
    expect(tables).toHaveLength(1);
    expect(locateTables(tables).located.complaints?.columns).toMatchObject({ id: 0, category: 3 });
  });

  test("a column empty in the data but headed is no gap: one table", () => {
    const tables = read([
      ["编号", "日期", "类别", "核实属实", "说明", "受访者", "得分"],
      ["C1", serial("2024-07-01"), "日常维护", "否", null, "甲", 90],
    ]);
    expect(tables).toHaveLength(1);
  });

  test("two blocks with an empty column between: two tables, each at its own columns, rows as the sheet's", () => {
    const tables = read([
      ["编号", "类别", "核实属实", null, "受访者", "得分"],
      ["C1", "日常维护", "否", null, "甲", 90],
      [null, null, null, null, "乙", 80],
    ]);
    expect(tables.map((t) => [t.name, t.firstColumn, t.headerRow, t.rows.length])).toEqual([
      ["投诉!A:C", 1, 1, 1],
      ["投诉!E:F", 5, 1, 2],
    ]);
  });
});

describe("the parsers of the ledger words", () => {
  test("each word is read in its own column only, spaces and full-width forms folded", () => {
    expect(
      ["属实", " 不 属实 ", "核实中", "待核实", "调查中", null, "是"].map(parseVerified)
    ).toEqual([true, false, CHECKING, CHECKING, CHECKING, null, true]);
    expect(["已流转", "未流转", "属实", "核实中"].map(parseRouted)).toEqual([
      true,
      false,
      BAD,
      BAD,
    ]);
    expect(["日常维护类", "响应度问题", "服务响应"].map(parseCategory)).toEqual([
      "maintenance",
      "responsiveness",
      BAD,
    ]);
    expect(["休", "假", "班", "补班", "调休"].map(parseDayType)).toEqual([
      false,
      false,
      true,
      true,
      BAD,
    ]);
    expect([parseScore("92分"), parseScore("８８.５ 分"), parseScore("92 分 ")]).toEqual([
      { n: 92n, d: 1n },
      { n: 177n, d: 2n },
      { n: 92n, d: 1n },
    ]);
    expect(["未回收", "未返回", " 未填写", "", null, "待定", 0].map(isNotReturned)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  test("habitWordOf names the template's word, and nothing for the template's own", () => {
    expect(habitWordOf("verified", "不属实")).toBe("否");
    expect(habitWordOf("routed", "是")).toBeNull();
    expect(habitWordOf("score", "88.5 分")).toBe("88.5");
    expect(habitWordOf("score", 88.5)).toBeNull();
    expect(habitWordOf("dayType", "工作日")).toBeNull();
  });
});
