import { assess, type RawCell } from "../../src/engine";
import { EVIDENCE_LIMIT, buildSummary, inDateSystem } from "../../src/report/summary";
import type { SummaryCell, SummarySheet } from "../../src/report/types";
import { fullPunches, ledger, scored, serial } from "../engine/ledgerBuilder";

/** The first row whose first cell starts with `label` (the last with `last`: the evidence's). */
const rowOf = (s: SummarySheet, label: string, last = false): SummaryCell[] => {
  const r = (last ? [...s.rows].reverse() : s.rows).find(
    (row) => typeof row[0]?.value === "string" && (row[0].value as string).startsWith(label)
  );
  if (!r) throw new Error(`no row ${label}`);
  return r;
};

describe("the summary sheet 考核结果", () => {
  const complaints: RawCell[][] = [
    ["M1", null, "日常维护", "是", null, null, '=HYPERLINK("x","y")'],
    ["R1", null, "响应度", "是", serial("2024-08-01"), serial("2024-08-05"), "逾期"],
  ];
  const a = assess(
    ledger({
      contract: [["合同名称", "常州人社一体化信息平台（就业创业子系统）2024年度运维服务"]],
      punches: fullPunches("张三"),
      complaints,
      tickets: [
        ["T1", "是", "处理中", null],
        ["T2", "是", "已关闭", null],
      ],
    })
  );
  const s = buildSummary(a);

  test("is named 考核结果 and states contract, status and the rate rule", () => {
    expect(s.name).toBe("考核结果");
    expect(rowOf(s, "合同")[1].value).toContain("常州人社");
    expect(rowOf(s, "状态")[1].value).toBe("最终 final");
    expect(rowOf(s, "比率规则")[1].value).toContain("下限");
  });

  test("shows each dimension with max, numerator, denominator and points, and the total", () => {
    const att = rowOf(s, "出勤率", true);
    expect(att.map((c) => c.value)).toEqual([
      "出勤率 Attendance",
      30,
      expect.any(String),
      496,
      496,
      1,
      expect.any(String),
      30,
    ]);
    expect(att[7].format).toBe("points");
    expect(
      rowOf(s, "完成率", true)
        .slice(3, 6)
        .map((c) => c.value)
    ).toEqual([1, 2, 0.5]);
    expect(rowOf(s, "日常维护 Daily", true)[7].value).toBe(17);
    expect(rowOf(s, "响应度 Responsiveness", true)[7].value).toBe(17);
    expect(rowOf(s, "合计")[2]).toMatchObject({
      value: scored(a).totalHundredths / 100,
      bold: true,
    });
  });

  test("shows the tier and the tail amount as money", () => {
    expect(rowOf(s, "付款等级")[1].value).toContain(scored(a).tier);
    expect(rowOf(s, "应付尾款")[1]).toMatchObject({
      value: scored(a).tailAmountFen / 100,
      format: "money",
    });
  });

  test("lists every complaint with its ID, ledger row and outcome; notes stay text", () => {
    const m1 = s.rows.find((r) => r[1]?.value === "M1")!;
    expect(m1.map((c) => c.value)).toEqual([
      "日常维护",
      "M1",
      2,
      "扣分 deducted",
      null,
      null,
      '=HYPERLINK("x","y")',
    ]);
    expect(m1[6].format).toBe("text");
    const r1 = s.rows.find((r) => r[1]?.value === "R1")!;
    expect(r1[3].value).toBe("扣分 deducted");
    expect(r1[4]).toMatchObject({ format: "date", value: serial("2024-08-01") });
  });

  test("lists the incomplete routed tickets by ID and row", () => {
    const i = s.rows.findIndex((r) => String(r[0]?.value).startsWith("未完成工单"));
    expect(s.rows[i + 1].map((c) => c.value)).toEqual([null, "T1", 2, "处理中"]);
  });

  test("the chart covers the five dimension rows, points against max", () => {
    const cats = s.rows
      .slice(s.chart.firstRow, s.chart.firstRow + s.chart.rowCount)
      .map((r) => r[s.chart.categoryColumn].value);
    expect(cats).toEqual([
      "出勤率 Attendance",
      "日常维护 Daily maintenance",
      "响应度 Responsiveness",
      "完成率 Completion",
      "满意率 Satisfaction",
    ]);
    expect(s.chart.seriesColumns.map((c) => s.rows[s.chart.firstRow - 1][c].value)).toEqual([
      "得分 Points",
      "满分 Max",
    ]);
  });

  test("is the same for the same ledger", () => {
    expect(
      JSON.stringify(buildSummary(assess(ledger({ punches: fullPunches("张三"), complaints }))))
    ).toBe(
      JSON.stringify(buildSummary(assess(ledger({ punches: fullPunches("张三"), complaints }))))
    );
  });
});

describe("an invalid ledger's summary", () => {
  test("says 无效, has no points and lists each error with table, row and column", () => {
    const s = buildSummary(assess(ledger({ tickets: [["T1", "maybe", "已关闭", null]] })));
    expect(rowOf(s, "状态")[1].value).toBe("无效 invalid");
    expect(rowOf(s, "合计")[2].value).toBeNull();
    const d = s.rows.find((r) => r[4]?.value === "bad-yes-no")!;
    expect(d.slice(0, 4).map((c) => c.value)).toEqual(["错误 error", "工单", 2, "流转乙方"]);
    expect(d[5].value).toMatch(/第 2 行.*maybe.* \/ The RoutedToVendor value "maybe"/);
  });
});

describe("long evidence lists", () => {
  test(`are cut at ${EVIDENCE_LIMIT} rows with a line saying how many more and where to look`, () => {
    const tickets: RawCell[][] = Array.from({ length: EVIDENCE_LIMIT + 5 }, (_, i) => [
      `T${i}`,
      "是",
      "处理中",
      null,
    ]);
    const s = buildSummary(assess(ledger({ tickets })));
    const more = s.rows.find((r) => String(r[0]?.value).startsWith("另有 5 条"))!;
    expect(more[0].value).toContain("工单");
    expect(
      s.rows.filter((r) => typeof r[1]?.value === "string" && /^T\d+$/.test(r[1].value as string))
    ).toHaveLength(EVIDENCE_LIMIT);
  });
});

describe("date systems", () => {
  test("inDateSystem shifts only date cells, by 1462 days, for a 1904 workbook", () => {
    const s = buildSummary(assess(ledger()));
    const shifted = inDateSystem(s, true);
    const asOf = (x: typeof s) =>
      x.rows.find((r) => String(r[0]?.value).startsWith("考核日期"))![1].value as number;
    expect(asOf(shifted)).toBe(asOf(s) - 1462);
    expect(rowOf(shifted, "合计")[2].value).toBe(rowOf(s, "合计")[2].value);
    expect(inDateSystem(s, false)).toBe(s);
  });
});
