import {
  BUILTIN_CALENDAR,
  assess,
  isoDay,
  serialFromDay,
  workdaysBetween,
  type RawCell,
} from "../../src/engine";
import { toJson } from "../../src/report/json";
import { ledger, serial } from "./ledgerBuilder";

/**
 * A one-month contract worked by hand.
 *
 * Contract: 100,000.00 yuan, tail share 30%, service 2024-07-01 .. 2024-07-31.
 * July 2024 has 23 working days (31 days less 8 weekend days; no holiday).
 *
 * 出勤率: 张三 on site all month: 23 x 2 = 46 expected, all 46 present.
 *         李四 from Monday 2024-07-15: 13 working days x 2 = 26 expected; 15 present, 11 absent.
 *         rate = 61 / 72 = 84.72%  -> 80% band -> 30 x 80% = 24.00
 * 日常维护: one verified complaint (M1), one not verified (M2) -> 20 - 3 = 17.00
 * 响应度: R1 deadline 07-10 rectified 07-12 (late: event); R2 deadline 07-20 rectified 07-20
 *         (on the day: in time) -> 20 - 3 = 17.00
 * 完成率: 10 tickets routed, 7 completed (待验证 / 已关闭), 2 not routed (ignored)
 *         rate = 7 / 10 = 70% exactly -> 80% band -> 20 x 80% = 16.00
 * 满意率: scores 90, 85, 80 -> mean 85 -> 8 x 85 / 100 = 6.80; linked 2 - 0.5 x 2 events = 1.00
 *         -> 7.80
 * Total  24 + 17 + 17 + 16 + 7.80 = 81.80 -> tier B (75 < t <= 85) -> 90%
 * Tail   100,000.00 x 30% = 30,000.00; x 90% = 27,000.00
 */
test("a one-month ledger scores exactly as the hand calculation", () => {
  const july = workdaysBetween(BUILTIN_CALENDAR, isoDay("2024-07-01"), isoDay("2024-07-31"));
  expect(july).toHaveLength(23);
  const punches: RawCell[][] = [];
  for (const d of july) {
    punches.push(
      [serialFromDay(d), "张三", "上班", null, "到岗"],
      [serialFromDay(d), "张三", "下班", null, "到岗"]
    );
  }
  const liDays = july.filter((d) => d >= isoDay("2024-07-15"));
  expect(liDays).toHaveLength(13);
  let absent = 11;
  for (const d of liDays) {
    for (const slot of ["上班", "下班"]) {
      punches.push([serialFromDay(d), "李四", slot, null, absent-- > 0 ? "缺勤" : "到岗"]);
    }
  }
  const tickets: RawCell[][] = [
    ...[
      "待验证",
      "已关闭",
      "已关闭",
      "已关闭",
      "待验证",
      "已关闭",
      "已关闭",
      "处理中",
      "挂起",
      "",
    ].map((s, i) => [`T${i + 1}`, "是", s, null]),
    ["X1", "否", "处理中", null],
    ["X2", "N", "已关闭", null],
  ];
  const a = assess(
    ledger({
      contract: [
        ["合同金额", "100,000.00"],
        ["尾款比例", "30%"],
        ["服务开始", "2024-07-01"],
        ["服务结束", serial("2024-07-31")],
      ],
      roster: [
        ["张三", "负责人", null, null],
        ["李四", "工程师", "2024-07-15", null],
      ],
      punches,
      tickets,
      complaints: [
        ["M1", null, "日常维护", "是", null, null, null],
        ["M2", null, "日常维护", "否", null, null, null],
        ["R1", null, "响应度", "是", serial("2024-07-10"), serial("2024-07-12"), null],
        ["R2", null, "响应度", "是", serial("2024-07-20"), serial("2024-07-20"), null],
      ],
      surveys: [
        ["甲", 90],
        ["乙", "85"],
        ["丙", 80],
      ],
    })
  );
  // The SPEC §4 keys, whole; §6's added keys are tested in readings.test.ts and the CLI tests,
  // §8's (months, advice, staffing) in year.test.ts and advice.test.ts. Two staff against the
  // contract's three: the staffing duty is warned about, the score is not touched.
  const { status, total, tier, tailRatio, tailAmount, dimensions, diagnostics } = toJson(a);
  expect(diagnostics.map((x) => x.code)).toEqual(["staffing-short", "staffing-short"]);
  expect({ status, total, tier, tailRatio, tailAmount, dimensions }).toEqual({
    status: "final",
    total: 81.8,
    tier: "B",
    tailRatio: 0.9,
    tailAmount: 27000,
    dimensions: {
      attendance: { points: 24, max: 30, rate: 0.8472, present: 61, expected: 72 },
      maintenance: { points: 17, max: 20, events: 1 },
      responsiveness: { points: 17, max: 20, events: 1 },
      completion: { points: 16, max: 20, rate: 0.7, completed: 7, routed: 10 },
      satisfaction: { points: 7.8, max: 10, survey: 6.8, linked: 1, responses: 3 },
    },
  });
});

test("satisfaction rounds once, half up, at the end: mean 87.5625 -> 7.005 -> 7.01 (+ linked 2 = 9.01)", () => {
  // 8 x 87.5625 / 100 = 7.005 exactly; half up to 7.01. A float would give 7.00499... -> 7.00.
  const a = assess(ledger({ surveys: [["a", 87.5625]] }));
  expect(toJson(a).dimensions!.satisfaction).toMatchObject({ survey: 7.01, points: 9.01 });
});
