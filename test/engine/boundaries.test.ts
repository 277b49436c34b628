import {
  DEFAULT_PROFILE,
  assess,
  bandShare,
  pointsForShare,
  ratio,
  shareOfFen,
  tailPayFen,
  tierForHundredths,
} from "../../src/engine";
import { toJson } from "../../src/report/json";
import { ledger, serial } from "./ledgerBuilder";

const bands = DEFAULT_PROFILE.rateBands;
const tiers = DEFAULT_PROFILE.payTiers;

describe("rate bands (lower bounds, exact)", () => {
  test.each([
    [8499, 10000, 80],
    [8500, 10000, 100],
    [8501, 10000, 100],
    [6999, 10000, 60],
    [7000, 10000, 80],
    [5999, 10000, 50],
    [6000, 10000, 60],
    [0, 10, 50],
    [10, 10, 100],
  ])("%i/%i gets %i%% of the points", (num, den, share) => {
    expect(bandShare(num, den, bands, "none")).toBe(share);
  });

  test("84.9% is in the 80% band without rounding, and in the full band with whole-percent rounding", () => {
    expect(bandShare(849, 1000, bands, "none")).toBe(80);
    expect(bandShare(849, 1000, bands, "whole-percent")).toBe(100);
    expect(bandShare(8449, 10000, bands, "whole-percent")).toBe(80); // 84.49% rounds to 84%
    expect(bandShare(8450, 10000, bands, "whole-percent")).toBe(100); // 84.5% rounds half up to 85%
  });

  test("a rate that is a repeating decimal is compared exactly: 17/20 = 85% exactly, 84/99 is not", () => {
    expect(bandShare(17, 20, bands, "none")).toBe(100);
    expect(bandShare(84, 99, bands, "none")).toBe(80); // 84.848...%
    expect(bandShare(1186, 1482, bands, "none")).toBe(80);
  });

  test("points per band: attendance 30/24/18/15 and completion 20/16/12/10", () => {
    expect([100, 80, 60, 50].map((s) => pointsForShare(30, s) / 100)).toEqual([30, 24, 18, 15]);
    expect([100, 80, 60, 50].map((s) => pointsForShare(20, s) / 100)).toEqual([20, 16, 12, 10]);
  });
});

describe("payment tiers", () => {
  test.each([
    [10000, "A"],
    [8501, "A"],
    [8500, "B"],
    [7501, "B"],
    [7500, "C"],
    [7001, "C"],
    [7000, "D"],
    [6501, "D"],
    [6500, "E"],
    [6001, "E"],
    [6000, "F"],
    [0, "F"],
  ])("a total of %i hundredths is tier %s", (total, tier) => {
    expect(tierForHundredths(total, tiers).tier).toBe(tier);
  });
});

describe("money in fen", () => {
  test("the tail of the source contract is 424,300.00 and tier B pays 381,870.00", () => {
    const tail = shareOfFen(DEFAULT_PROFILE.contractAmountFen, DEFAULT_PROFILE.tailShare);
    expect(tail).toBe(42_430_000);
    expect(shareOfFen(tail, ratio(90n, 100n))).toBe(38_187_000);
  });

  test("half a fen rounds up", () => {
    expect(shareOfFen(1, ratio(1n, 2n))).toBe(1); // 0.5 fen -> 1 fen
    expect(shareOfFen(3, ratio(1n, 2n))).toBe(2); // 1.5 fen -> 2 fen
    expect(tailPayFen(ratio(80n), ratio(1005n, 1000n), tiers)).toBe(90); // 1.005 yuan x 90% = 0.9045 -> 0.90
    expect(tailPayFen(ratio(80n), ratio(1n, 20n), tiers)).toBe(5); // 0.05 yuan x 90% = 4.5 fen -> 5 fen
  });

  test("the boundary score itself is paid at the lower tier", () => {
    expect(tailPayFen(ratio(85n), ratio(100n), tiers)).toBe(9000);
    expect(tailPayFen(ratio(8501n, 100n), ratio(100n), tiers)).toBe(10000);
    expect(tailPayFen(ratio(60n), ratio(100n), tiers)).toBe(5000);
  });
});

describe("floors", () => {
  const complaint = (id: string, category: string) => [
    id,
    null,
    category,
    "是",
    serial("2024-08-01"),
    serial("2024-09-01"),
    null,
  ];

  test("seven maintenance events take maintenance to 0, not below, and the linked part to 0", () => {
    const complaints = Array.from({ length: 7 }, (_, i) => complaint(`M${i}`, "日常维护"));
    const j = toJson(assess(ledger({ complaints })));
    expect(j.dimensions!.maintenance).toMatchObject({ points: 0, events: 7 });
    expect(j.dimensions!.satisfaction.linked).toBe(0);
  });

  test("the linked part counts events of both kinds and stops at 0", () => {
    const complaints = [
      complaint("M1", "日常维护"),
      complaint("M2", "日常维护"),
      complaint("R1", "响应度"),
    ];
    const j = toJson(assess(ledger({ complaints })));
    expect(j.dimensions!.maintenance.points).toBe(14);
    expect(j.dimensions!.responsiveness.points).toBe(17);
    expect(j.dimensions!.satisfaction.linked).toBe(0.5);
    const five = Array.from({ length: 5 }, (_, i) => complaint(`R${i}`, "响应度"));
    expect(toJson(assess(ledger({ complaints: five }))).dimensions!.satisfaction.linked).toBe(0);
  });
});
