/** The monthly trend and the staffing duty (SPEC §8). */
import { assess, isoDay } from "../../src/engine";
import { toJson } from "../../src/report/json";
import { fullPunches, ledger, scored, serial, shownOf } from "./ledgerBuilder";

describe("the monthly trend", () => {
  test("one row per calendar month of the period, with checks, tickets by 创建日期 and complaint events by 日期", () => {
    const a = scored(
      assess(
        ledger({
          punches: fullPunches("张三", "2024-07-01", "2024-07-31"),
          tickets: [
            ["T1", "是", "已关闭", serial("2024-07-05")],
            ["T2", "是", "处理中", serial("2024-08-05")],
            ["T3", "否", "处理中", serial("2024-08-06")],
            ["T4", "是", "已关闭", null],
          ],
          complaints: [["C1", serial("2024-09-02"), "日常维护", "是", null, null, null]],
        })
      )
    );
    expect(a.months).toHaveLength(12);
    expect(a.months[0]).toEqual({
      month: "2024-07",
      present: 46,
      expected: 46,
      routed: 1,
      completed: 1,
      events: 0,
    });
    expect(a.months[1]).toMatchObject({ month: "2024-08", present: 0, routed: 1, completed: 0 });
    expect(a.months[2]).toMatchObject({ month: "2024-09", events: 1 });
    expect(a.months.reduce((n, m) => n + m.expected, 0)).toBe(a.dimensions.attendance.expected);
  });

  test("a month with no expected checks has no rate (null in JSON, never 0/0)", () => {
    // The only member starts in August: July expects nothing.
    const j = toJson(assess(ledger({ roster: [["张三", "负责人", serial("2024-08-01"), null]] })));
    expect(j.months![0]).toMatchObject({
      month: "2024-07",
      attendance: { present: 0, expected: 0, rate: null },
    });
    expect(j.months![0].tickets.rate).toBeNull();
  });
});

describe("staffing (第一条·五)", () => {
  test("the contract's 3 resident staff: a roster of one is short on every working day, named once as a run", () => {
    const a = scored(assess(ledger()));
    expect(a.staffing.required).toBe(3);
    expect(a.staffing.short).toEqual([
      { from: isoDay("2024-07-01"), to: isoDay("2025-06-30"), days: 248, active: 1 },
    ]);
    expect(a.staffing.noLead).toEqual([]);
    const w = shownOf(a).filter((d) => d.code === "staffing-short");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", table: "驻场人员" });
    expect(w[0].zh).toContain("只有 1 名，少于合同要求的 3 名");
  });

  test("驻场人数 in the Contract table sets the number; a lead who leaves leaves a run without 负责人", () => {
    const roster = [
      ["张三", "项目负责人", null, serial("2024-12-31")],
      ["李四", "运维工程师", null, null],
    ];
    const contract = [
      ["服务期限", "2024-07-01至2025-06-30"],
      ["驻场人数", 2],
    ];
    const a = scored(assess(ledger({ roster, contract })));
    expect(a.staffing.short).toEqual([
      { from: isoDay("2025-01-02"), to: isoDay("2025-06-30"), days: 120, active: 1 },
    ]);
    expect(a.staffing.noLead).toEqual([
      { from: isoDay("2025-01-02"), to: isoDay("2025-06-30"), days: 120, active: 1 },
    ]);
    expect(shownOf(a).filter((d) => d.code === "staffing-no-lead")).toHaveLength(1);
    expect(a.status).toBe("final"); // staffing warnings do not change the status
  });

  test("a bad 驻场人数 is an error naming the cell", () => {
    const a = assess(ledger({ contract: [["驻场人数", "三个"]] }));
    expect(a.status).toBe("invalid");
    expect(shownOf(a).find((d) => d.code === "bad-contract-value")!.zh).toContain("驻场人数");
  });
});
