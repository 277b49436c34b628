import { assess, isoDay, type RawCell } from "../../src/engine";
import { ledger, serial, scored, shownOf } from "./ledgerBuilder";

const r = (
  id: string,
  deadline: string | null,
  rectified: string | null,
  verified = "是"
): RawCell[] => [
  id,
  serial("2024-08-01"),
  "响应度",
  verified,
  deadline && serial(deadline),
  rectified && serial(rectified),
  null,
];

const outcomeOf = (rows: RawCell[][], asOf = "2025-06-30") => {
  const a = assess(ledger({ complaints: rows }), { asOf: isoDay(asOf) });
  return { a, outcomes: scored(a).dimensions.responsiveness.outcomes.map((o) => o.outcome) };
};

describe("responsiveness", () => {
  test("rectified on the deadline day is in time, not an event", () => {
    const { a, outcomes } = outcomeOf([r("R1", "2024-09-01", "2024-09-01")]);
    expect(outcomes).toEqual(["rectified-in-time"]);
    expect(scored(a).dimensions.responsiveness.pointsHundredths).toBe(2000);
  });

  test("rectified the day after the deadline is an event", () => {
    const { a, outcomes } = outcomeOf([r("R1", "2024-09-01", "2024-09-02")]);
    expect(outcomes).toEqual(["event"]);
    expect(scored(a).dimensions.responsiveness.pointsHundredths).toBe(1700);
    expect(a.status).toBe("final");
  });

  test("not rectified and the deadline passed is an event", () => {
    const { outcomes } = outcomeOf([r("R1", "2024-09-01", null)], "2024-09-02");
    expect(outcomes).toEqual(["event"]);
  });

  test("not rectified, deadline not passed (as-of on the deadline) is pending and provisional", () => {
    const { a, outcomes } = outcomeOf([r("R1", "2025-06-30", null)], "2025-06-30");
    expect(outcomes).toEqual(["pending"]);
    expect(scored(a).dimensions.responsiveness.pointsHundredths).toBe(2000);
    expect(a.status).toBe("provisional");
    expect(
      scored(a)
        .provisionalReasons.map((x) => x.en)
        .join()
    ).toContain("R1");
  });

  test("verified without a deadline: a warning, not counted, provisional", () => {
    const { a, outcomes } = outcomeOf([r("R1", null, null)]);
    expect(outcomes).toEqual(["no-deadline"]);
    expect(shownOf(a).find((d) => d.code === "complaint-no-deadline")).toMatchObject({
      severity: "warning",
      row: 2,
      column: "整改期限",
    });
    expect(a.status).toBe("provisional");
  });

  test("a complaint not verified true never deducts", () => {
    const { outcomes, a } = outcomeOf([r("R1", "2024-09-01", null, "否")]);
    expect(outcomes).toEqual(["not-verified"]);
    expect(scored(a).dimensions.satisfaction.linkedHundredths).toBe(200);
  });
});

describe("daily maintenance", () => {
  test("each verified complaint deducts 3 and 0.5 of the linked part; unverified ones do not", () => {
    const rows: RawCell[][] = [
      ["M1", null, "日常维护", "是", null, null, null],
      ["M2", null, "maintenance", "Y", null, null, null],
      ["M3", null, "日常维护", false, null, null, null],
    ];
    const a = assess(ledger({ complaints: rows }));
    expect(scored(a).dimensions.maintenance).toMatchObject({ events: 2, pointsHundredths: 1400 });
    expect(scored(a).dimensions.satisfaction.linkedHundredths).toBe(100);
  });
});
