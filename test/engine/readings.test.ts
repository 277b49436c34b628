import { assess, isoDay, dueAfter, BUILTIN_CALENDAR, statutoryCalendar } from "../../src/engine";
import { fullPunches, ledger, ledgerAt85, scored, serial } from "./ledgerBuilder";

describe("readings in dispute", () => {
  it("a total of exactly 85 is tier B as chosen, and A under the upper-edge reading, which pays more", () => {
    const a = scored(assess(ledgerAt85()));
    expect(a.totalHundredths).toBe(8500);
    expect(a.tier).toBe("B");
    expect(a.tailAmountFen).toBe(38_187_000);
    const by = Object.fromEntries(a.readings.map((r) => [r.reading, r]));
    expect(Object.keys(by)).toEqual(["chosen", "round-rate", "upper-edge", "unrounded-points"]);
    expect(by["upper-edge"]).toMatchObject({
      totalHundredths: 8500,
      tier: "A",
      tailAmountFen: 42_430_000,
      differs: true,
    });
    expect(by["round-rate"]).toMatchObject({ tier: "B", differs: false });
    expect(by["unrounded-points"]).toMatchObject({ tier: "B", differs: false });
  });

  it("adopting the upper edge makes 85 tier A, and the lower edge becomes the alternative", () => {
    const a = scored(assess(ledgerAt85(), { profile: { tierEdge: "upper" } }));
    expect(a.tier).toBe("A");
    expect(a.tailAmountFen).toBe(42_430_000);
    const lower = a.readings.find((r) => r.reading === "lower-edge")!;
    expect(lower).toMatchObject({ tier: "B", tailAmountFen: 38_187_000, differs: true });
  });

  it("the unrounded total can cross an edge the rounded one does not (4.004 survey points)", () => {
    const a = scored(assess(ledgerAt85(50.05)));
    expect(a.totalHundredths).toBe(8500);
    expect(a.tier).toBe("B");
    const u = a.readings.find((r) => r.reading === "unrounded-points")!;
    expect(u.tier).toBe("A");
    expect(u.differs).toBe(true);
  });

  it("rounding the rate moves 84.5% into the full band", () => {
    // 169 of 200 tickets completed = 84.5%
    const tickets = Array.from({ length: 200 }, (_, i) => [
      `T${i}`,
      "是",
      i < 169 ? "已关闭" : "处理中",
      null,
    ]);
    const a = scored(assess(ledger({ punches: fullPunches("张三"), tickets })));
    const r = a.readings.find((x) => x.reading === "round-rate")!;
    expect(a.dimensions.completion.pointsHundredths).toBe(1600);
    expect(r.totalHundredths - a.totalHundredths).toBe(400);
    const back = scored(
      assess(ledger({ punches: fullPunches("张三"), tickets }), {
        profile: { rateRounding: "whole-percent" },
      })
    );
    expect(back.readings.map((x) => x.reading)).toContain("exact-rate");
  });
});

describe("payment schedule", () => {
  it("the first payment is due 30 statutory working days after signing (2024-06-28)", () => {
    const a = assess(ledgerAt85());
    const first = a.payments.find((p) => p.key === "first")!;
    expect(first.from).toBe(isoDay("2024-06-28"));
    expect(first.amountFen).toBe(42_430_000);
    expect(first.due).toBe(isoDay("2024-08-09"));
    const tail = a.payments.find((p) => p.key === "tail")!;
    expect(tail).toMatchObject({ from: null, due: null, amountFen: 38_187_000 });
    expect(a.status === "invalid" ? null : a.tier).toBe("B");
  });

  it("the tail is due 30 working days after the payment notice, counted over the National Day holiday", () => {
    const a = assess(
      ledger({
        punches: fullPunches("张三"),
        contract: [
          ["付款通知日期", serial("2025-09-20")],
          ["签订日期", "2024-06-27"],
        ],
      })
    );
    const [first, tail] = a.payments;
    expect(first.from).toBe(isoDay("2024-06-27"));
    expect(tail.from).toBe(isoDay("2025-09-20"));
    // 2025-10-01..08 are holidays, 09-28 (Sunday) and 10-11 (Saturday) adjusted working days:
    // 09-22..26, 28, 29, 30 (8), 10-09..11 (11), 13..31 (26), 11-03..06 (30).
    expect(tail.due).toBe(isoDay("2025-11-06"));
  });

  it("a due date in a year the calendar does not cover is left open and said so, never guessed", () => {
    const a = assess(
      ledger({ punches: fullPunches("张三"), contract: [["付款通知日期", "2026-12-10"]] })
    );
    const tail = a.payments[1];
    expect(tail.due).toBeNull();
    expect(tail.uncoveredYear).toBe(2027);
    expect(a.diagnostics.map((d) => d.code)).toContain("payment-due-not-covered");
    expect(dueAfter(statutoryCalendar(), isoDay("2026-12-10"), 30).due).toBeNull();
    expect(dueAfter(BUILTIN_CALENDAR, isoDay("2024-06-28"), 30).uncoveredYear).toBeNull();
  });
});
