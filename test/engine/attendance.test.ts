import { assess, type RawCell } from "../../src/engine";
import { fullPunches, ledger, serial, scored, shownOf } from "./ledgerBuilder";

/** Ledger rows start at worksheet row 2 (row 1 holds the headers). */
const rowOf = (i: number): number => i + 2;

describe("attendance", () => {
  test("a full year of both checks is 496/496 for one person", () => {
    const a = assess(ledger({ punches: fullPunches("张三") }));
    expect(scored(a).dimensions.attendance).toMatchObject({
      present: 496,
      expected: 496,
      pointsHundredths: 3000,
    });
  });

  test("a roster member with not one punch row is warned about, naming the roster row: all their checks are absent", () => {
    const a = assess(
      ledger({
        roster: [
          ["张三", "负责人", null, null],
          ["张叁", "工程师", null, null],
        ],
        punches: fullPunches("张三"),
      })
    );
    expect(scored(a).dimensions.attendance).toMatchObject({ present: 496, expected: 992 });
    const w = shownOf(a).filter((d) => d.code === "roster-member-no-punches");
    expect(w.map((d) => [d.severity, d.table, d.row, d.column])).toEqual([
      ["warning", "驻场人员", 3, "姓名"],
    ]);
    expect(w[0].zh).toContain("496");
    // A member with rows, even all absent, is not warned.
    const absent = fullPunches("张叁").map((r) => [...r.slice(0, 4), "缺勤"]);
    const b = assess(
      ledger({
        roster: [
          ["张三", "负责人", null, null],
          ["张叁", "工程师", null, null],
        ],
        punches: [...fullPunches("张三"), ...absent],
      })
    );
    expect(shownOf(b).some((d) => d.code === "roster-member-no-punches")).toBe(false);
  });

  test("a duplicate check counts once and is warned about with its row", () => {
    const punches = fullPunches("张三");
    punches.push([serial("2024-07-01"), "张三", "上班", null, "到岗"]);
    const a = assess(ledger({ punches }));
    expect(scored(a).dimensions.attendance.present).toBe(496);
    const w = shownOf(a).find((d) => d.code === "punch-duplicate")!;
    expect(w).toMatchObject({ severity: "warning", table: "考勤", row: rowOf(punches.length - 1) });
    expect(w.zh).toContain(`第 ${rowOf(0)} 行`);
  });

  test("absent marks are not present; an empty result is present", () => {
    const punches: RawCell[][] = [
      [serial("2024-07-01"), "张三", "上班", null, "缺勤"],
      [serial("2024-07-01"), "张三", "下班", null, "absent"],
      [serial("2024-07-02"), "张三", "上班", null, "✗"],
      [serial("2024-07-02"), "张三", "下班", null, null],
      [serial("2024-07-03"), "张三", "上班", null, "出勤"],
      [serial("2024-07-03"), "张三", "下班", null, "✓"],
    ];
    const a = assess(ledger({ punches }));
    expect(scored(a).dimensions.attendance.present).toBe(3);
    expect(scored(a).dimensions.attendance.absentRows).toEqual([2, 3, 4]);
  });

  test("a present and an absent mark for the same check count as present, with a warning to check", () => {
    const punches: RawCell[][] = [
      [serial("2024-07-01"), "张三", "上班", null, "缺勤"],
      [serial("2024-07-01"), "张三", "上班", null, "到岗"],
    ];
    const a = assess(ledger({ punches }));
    expect(scored(a).dimensions.attendance.present).toBe(1);
    expect(shownOf(a).find((d) => d.code === "punch-conflict")).toMatchObject({ row: 3 });
  });

  test("staff joining and leaving mid-period are expected only while on site", () => {
    // 李四 from 2025-01-02 (Thu) to 2025-01-10 (Fri): 7 working days.
    const roster = [
      ["张三", null, null, null],
      ["李四", null, serial("2025-01-02"), "2025/1/10"],
    ];
    const punches = [...fullPunches("张三"), ...fullPunches("李四", "2025-01-02", "2025-01-10")];
    const a = assess(ledger({ roster, punches }));
    const li = scored(a).dimensions.attendance.members.find((m) => m.name === "李四")!;
    expect(li).toMatchObject({ expected: 14, present: 14 });
    expect(scored(a).dimensions.attendance.expected).toBe(496 + 14);
    // Only the staffing duty (fewer than the contract's 3 on post) is warned about, not attendance.
    expect(
      shownOf(a).filter((d) => d.severity !== "info" && !d.code.startsWith("staffing-"))
    ).toEqual([]);
  });

  test("checks outside a member's period, on rest days, or by unknown names are not counted and are warned about by row", () => {
    const roster = [["张三", null, "2024-07-01", "2024-12-31"]];
    const punches: RawCell[][] = [
      [serial("2024-07-01"), "张三", "上班", null, null], // row 2: counted
      [serial("2024-10-01"), "张三", "上班", null, null], // row 3: National Day
      [serial("2024-07-06"), "张三", "上班", null, null], // row 4: Saturday
      [serial("2025-01-02"), "张三", "上班", null, null], // row 5: after 张三 left
      [serial("2024-07-01"), "赵六", "上班", null, null], // row 6: not on the roster
    ];
    const a = assess(ledger({ roster, punches }));
    expect(scored(a).dimensions.attendance.present).toBe(1);
    const w = shownOf(a).map((d) => [d.code, d.row]);
    expect(w).toEqual(
      expect.arrayContaining([
        ["punch-rest-day", 3],
        ["punch-rest-day", 4],
        ["punch-outside-period", 5],
        ["punch-unknown-name", 6],
      ])
    );
    expect(a.status).not.toBe("invalid");
  });

  test("a check after the as-of date is not counted, and the as-of date is named as the cause", () => {
    const punches = [[serial("2024-07-02"), "张三", "上班", null, null]];
    const a = assess(ledger({ punches }), { asOf: serial("2024-07-01") - 25569 });
    expect(shownOf(a).find((d) => d.code === "punch-after-as-of")).toMatchObject({ row: 2 });
    expect(shownOf(a).some((d) => d.code === "punch-outside-period")).toBe(false);
    expect(scored(a).dimensions.attendance.expected).toBe(2);
  });

  test("the slot is inferred from the time when empty: before 12:00 is 上班, 12:00 and after is 下班", () => {
    const punches: RawCell[][] = [
      [serial("2024-07-01"), "张三", null, 0.35, null], // 08:24
      [serial("2024-07-01"), "张三", null, "12:00", null], // 下班
      [serial("2024-07-02"), "张三", null, "11:59", null], // 上班
      [serial("2024-07-02"), "张三", null, serial("2024-07-02") + 0.75, null], // a date-time at 18:00
      [serial("2024-07-03"), "张三", "AM", null, null],
      [serial("2024-07-03"), "张三", "下班前", null, null],
    ];
    const a = assess(ledger({ punches }));
    expect(scored(a).dimensions.attendance.present).toBe(6);
    expect(shownOf(a).filter((d) => d.code.startsWith("punch-"))).toEqual([]);
  });

  test("names match ignoring spaces and full-width letters", () => {
    const roster = [["Zhang San", null, null, null]];
    const punches = [[serial("2024-07-01"), "ＺｈａｎｇＳａｎ", "上班", null, null]];
    const a = assess(ledger({ roster, punches }));
    expect(scored(a).dimensions.attendance.present).toBe(1);
  });

  test("neither slot nor time is an error naming the row", () => {
    const a = assess(ledger({ punches: [[serial("2024-07-01"), "张三", null, null, null]] }));
    expect(a.status).toBe("invalid");
    expect(shownOf(a).find((d) => d.code === "slot-missing")).toMatchObject({
      severity: "error",
      table: "考勤",
      row: 2,
      column: "时段",
    });
  });

  test("in a raw export with no 打卡类型 column, an empty 打卡时间 is named as the cause, by the sheet's header", () => {
    const tables = ledger().map((t) =>
      t.name === "考勤"
        ? {
            ...t,
            headers: ["考勤日期", "姓名", "打卡时间", "打卡结果"],
            rows: [[serial("2024-07-01"), "张三", null, "缺卡"]],
          }
        : t
    );
    const d = shownOf(assess(tables)).filter((x) => x.code === "slot-missing");
    expect(d.map((x) => [x.row, x.column])).toEqual([[2, "打卡时间"]]);
    expect(d[0].zh).toContain("「打卡时间」为空，本表也没有「时段」（打卡类型）列");
    expect(d[0].zh).not.toContain("都为空");
  });
});

describe("a time written in the date cell (punch-clock exports)", () => {
  test("decides the slot when Slot and Time are empty; a bare date still does not", () => {
    const punches: RawCell[][] = [
      [serial("2024-07-01") + 0.354166, "张三", null, null, null], // 08:30 -> 上班
      ["2024-07-01 17:45", "张三", null, null, null], // -> 下班
      ["2024/7/2 11:59:59", "张三", null, null, null], // -> 上班
    ];
    const a = assess(ledger({ punches }));
    expect(scored(a).dimensions.attendance.present).toBe(3);
    const bare = assess(ledger({ punches: [[serial("2024-07-01"), "张三", null, null, null]] }));
    expect(shownOf(bare).find((d) => d.code === "slot-missing")).toMatchObject({ row: 2 });
  });

  test("the Time column wins over the date cell's time", () => {
    const a = assess(
      ledger({ punches: [[serial("2024-07-01") + 0.75, "张三", null, "08:10", null]] })
    );
    expect(scored(a).dimensions.attendance.present).toBe(1);
    const b = assess(
      ledger({
        punches: [
          [serial("2024-07-01") + 0.75, "张三", null, "08:10", null],
          [serial("2024-07-01"), "张三", "上班", null, null],
        ],
      })
    );
    expect(shownOf(b).map((d) => d.code)).toContain("punch-duplicate"); // both are 上班
  });
});
