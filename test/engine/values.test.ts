import {
  assess,
  dayFromSerial,
  dayToIso,
  isoDay,
  parseDateText,
  serialFromDay,
} from "../../src/engine";
import {
  BAD,
  parseAmountFen,
  parseDate,
  parseResult,
  parseShare,
  parseSlot,
  parseTime,
  parseYesNo,
} from "../../src/engine/values";
import { ledger, shownOf } from "./ledgerBuilder";

describe("dates", () => {
  test.each([
    "2024-07-01",
    "2024/7/1",
    "2024年7月1日",
    "2024.07.01",
    "20240701",
    " 2024-07-01 08:30 ",
    "２０２４－０７－０１",
  ])("%p is 2024-07-01", (t) => {
    expect(dayToIso(parseDateText(t)!)).toBe("2024-07-01");
  });

  test.each(["2024-02-30", "2023-02-29", "7月1日", "2024-13-01", "", "next week"])(
    "%p is not a date",
    (t) => {
      expect(parseDateText(t)).toBeNull();
    }
  );

  test("Excel serials: 45474 is 2024-07-01; a time part is dropped; serial 60 (1900-02-29) does not exist", () => {
    expect(dayToIso(dayFromSerial(45474)!)).toBe("2024-07-01");
    expect(dayToIso(dayFromSerial(45474.99)!)).toBe("2024-07-01");
    expect(dayFromSerial(60)).toBeNull();
    expect(dayToIso(dayFromSerial(59)!)).toBe("1900-02-28");
    expect(dayToIso(dayFromSerial(61)!)).toBe("1900-03-01");
    expect(dayFromSerial(0)).toBeNull();
    expect(serialFromDay(isoDay("2024-07-01"))).toBe(45474);
  });

  test("1904 date system: serial 44012 is 2024-07-01", () => {
    expect(dayToIso(dayFromSerial(44012, true)!)).toBe("2024-07-01");
    expect(dayToIso(parseDate(44012, true) as number)).toBe("2024-07-01");
  });

  test("a serial stored as text is still a date; a boolean is not", () => {
    expect(dayToIso(parseDate("45474") as number)).toBe("2024-07-01");
    expect(parseDate(true)).toBe(BAD);
  });

  test("dates before 1900 and after 2100 are real dates (scored as outside the period, not crashed on)", () => {
    expect(dayToIso(parseDate("1899-12-31") as number)).toBe("1899-12-31");
    expect(dayToIso(parseDate("2101-01-01") as number)).toBe("2101-01-01");
  });
});

describe("values", () => {
  test("yes/no in every accepted form", () => {
    for (const y of ["是", "Y", "yes", "TRUE", "✓", true, 1]) expect(parseYesNo(y)).toBe(true);
    for (const n of ["否", "n", "No", "false", "✗", false, 0]) expect(parseYesNo(n)).toBe(false);
    expect(parseYesNo("也许")).toBe(BAD);
    expect(parseYesNo(null)).toBeNull();
  });

  test("slot aliases and times", () => {
    expect(["上班", "上班后", "上午", "AM", "am"].map(parseSlot)).toEqual(Array(5).fill("上班"));
    expect(["下班", "下班前", "下午", "PM"].map(parseSlot)).toEqual(Array(4).fill("下班"));
    expect(parseSlot("中午")).toBe(BAD);
    expect([
      parseTime("8:30"),
      parseTime("08:30:59"),
      parseTime("5:30 PM"),
      parseTime("下午5:30"),
      parseTime(0.5),
    ]).toEqual([510, 510, 1050, 1050, 720]);
    expect(parseTime("25:00")).toBe(BAD);
  });

  test("results: present, absent, empty means present", () => {
    expect(["到岗", "出勤", "present", "✓", "是"].map(parseResult)).toEqual(Array(5).fill(true));
    expect(["缺勤", "absent", "✗", "否"].map(parseResult)).toEqual(Array(4).fill(false));
    expect(parseResult(null)).toBeNull();
    // SPEC §5: the attendance apps' words; late and early are present, leave is absent.
    expect(["正常", "迟到", "早退", "外勤", "补卡", "√"].map(parseResult)).toEqual(
      Array(6).fill(true)
    );
    expect(
      ["缺卡", "未打卡", "旷工", "请假", "事假", "病假", "年假", "休假", "调休", "×"].map(
        parseResult
      )
    ).toEqual(Array(10).fill(false));
    expect(parseResult("迟到了")).toBe(BAD);
  });

  test("money and shares", () => {
    expect(parseAmountFen("848,600.00")).toBe(84_860_000);
    expect(parseAmountFen("¥848600元")).toBe(84_860_000);
    expect(parseAmountFen(0.1)).toBe(10);
    expect(parseAmountFen("1.005")).toBe(BAD); // not a whole number of fen
    expect(parseShare("50%")).toEqual({ n: 1n, d: 2n });
    expect(parseShare(0.5)).toEqual({ n: 1n, d: 2n });
    expect(parseShare(1.5)).toBe(BAD);
  });
});

describe("the Contract table", () => {
  test("overrides the profile: amount, tail share, service dates, as-of", () => {
    const a = assess(
      ledger({
        contract: [
          ["合同金额", "¥1,000,000.00"],
          ["TailShare", "40%"],
          ["服务开始", "2024-07-01"],
          ["服务结束", "2024-12-31"],
          ["考核日期", "2024-12-31"],
        ],
      })
    );
    expect(a.profile.contractAmountFen).toBe(100_000_000);
    expect(a.tailBaseFen).toBe(40_000_000);
    expect(dayToIso(a.profile.serviceEnd)).toBe("2024-12-31");
    expect(dayToIso(a.asOf)).toBe("2024-12-31");
  });

  test("a bad value is an error naming the row; an unknown item is a warning", () => {
    const a = assess(
      ledger({
        contract: [
          ["合同金额", "八十万"],
          ["备注", "x"],
        ],
      })
    );
    expect(shownOf(a).map((d) => [d.severity, d.code, d.row, d.column])).toEqual(
      expect.arrayContaining([
        ["error", "bad-contract-value", 2, "值"],
        ["warning", "unknown-contract-item", 3, "项目"],
      ])
    );
  });

  test("an empty value keeps the default", () => {
    expect(assess(ledger({ contract: [["合同金额", null]] })).profile.contractAmountFen).toBe(
      84_860_000
    );
  });

  test("the --as-of option wins over the Contract table's 考核日期", () => {
    const a = assess(ledger({ contract: [["考核日期", "2024-12-31"]] }), {
      asOf: isoDay("2025-01-31"),
    });
    expect(dayToIso(a.asOf)).toBe("2025-01-31");
  });
});

describe("the Contract table's error cells", () => {
  test("an error value and a formula with no cached value are told apart, as in every other table", () => {
    const a = assess(
      ledger({
        contract: [
          ["合同金额", { error: "#REF!" }],
          ["服务结束", { error: "#NOCACHE" }],
        ],
      })
    );
    expect(shownOf(a).map((d) => [d.code, d.row, d.column])).toEqual([
      ["cell-error", 2, "值"],
      ["formula-no-value", 3, "值"],
    ]);
  });
});
