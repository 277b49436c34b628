import { isoDay, serialFromDay } from "../../src/engine";
import {
  cell,
  ErrorCode,
  FakeCustomFunctionsError,
  installFakeCustomFunctions,
} from "./fakeCustomFunctions";

// The custom functions read the CustomFunctions global only when called; install the fake first
// anyway, as Excel would have it before the functions file runs.
installFakeCustomFunctions();

const OM: typeof import("../../src/functions/functions") = require("../../src/functions/functions");

const VALUE = ErrorCode.invalidValue;
const NUM = ErrorCode.invalidNumber;
const NA = ErrorCode.notAvailable;

/** Excel serial number of an ISO date (1900 date system). */
const serial = (iso: string): number => serialFromDay(isoDay(iso));

/** The Excel error a call shows in its cell, or null when it returns a value. */
function errorOf(call: () => unknown): string | null {
  const r = cell(call);
  return typeof r === "object" && r !== null && "error" in r
    ? (r as { error: string }).error
    : null;
}

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (err) {
    if (err instanceof FakeCustomFunctionsError) return err.message ?? "";
  }
  throw new Error("expected the call to throw a CustomFunctions.Error");
}

describe("serial numbers used below", () => {
  it("match Excel's DATE()", () => {
    expect(serial("2024-07-01")).toBe(45474);
    expect(serial("2024-09-27")).toBe(45562);
    expect(serial("2024-09-29")).toBe(45564);
    expect(serial("2025-06-30")).toBe(45838);
    expect(serial("2031-01-02")).toBe(47850);
  });
});

describe("OM.TAILPAY", () => {
  it("pays the contract's tail at tier B for 84 points: 424,300 × 90%", () => {
    expect(OM.tailPay(84, 424300)).toBe(381870);
  });

  it("pays 90% at exactly 85 and 100% just above it", () => {
    expect(OM.tailPay(85, 100)).toBe(90);
    expect(OM.tailPay(85.01, 100)).toBe(100);
  });

  it("pays 50% at 60 points and below", () => {
    expect(OM.tailPay(60, 100)).toBe(50);
    expect(OM.tailPay(0, 100)).toBe(50);
  });

  it("rounds to the fen half up and returns yuan", () => {
    expect(OM.tailPay(84, 0.05)).toBe(0.05); // 0.045 yuan -> 4.5 fen -> 5 fen
    expect(OM.tailPay(84, 0.01)).toBe(0.01); // 0.009 -> 0.9 fen -> 1 fen
    expect(OM.tailPay(62, 333.33)).toBe(200); // 199.998 -> 200.00
    expect(OM.tailPay(100, 848600.01)).toBe(848600.01);
  });

  it("gives #VALUE! for a score that is not a number, with a Chinese and English message", () => {
    expect(errorOf(() => OM.tailPay("x" as unknown as number, 1))).toBe(VALUE);
    const msg = messageOf(() => OM.tailPay("x" as unknown as number, 1));
    expect(msg).toContain("分数必须是数字");
    expect(msg).toContain("must be a number");
  });

  it("gives #NUM! for a score above 100 or below 0, and for a negative amount", () => {
    expect(errorOf(() => OM.tailPay(101, 1))).toBe(NUM);
    expect(errorOf(() => OM.tailPay(-0.01, 1))).toBe(NUM);
    expect(errorOf(() => OM.tailPay(90, -1))).toBe(NUM);
  });

  it("gives #VALUE! for an amount that is not a number", () => {
    expect(errorOf(() => OM.tailPay(90, "424300元" as unknown as number))).toBe(VALUE);
    expect(errorOf(() => OM.tailPay(90, Number.NaN))).toBe(VALUE);
  });
});

describe("OM.PAYTIER", () => {
  it.each([
    [100, "A"],
    [85.01, "A"],
    [85, "B"],
    [75.01, "B"],
    [75, "C"],
    [70.01, "C"],
    [70, "D"],
    [65.01, "D"],
    [65, "E"],
    [60.01, "E"],
    [60, "F"],
    [0, "F"],
  ])("score %p is tier %p", (score, tier) => {
    expect(OM.payTier(score)).toBe(tier);
  });

  it("compares exactly at the boundary: 85.000000001 is above 85", () => {
    expect(OM.payTier(85.000000001)).toBe("A");
  });

  it("gives #VALUE! for text and #NUM! outside 0..100", () => {
    expect(errorOf(() => OM.payTier("85" as unknown as number))).toBe(VALUE);
    expect(errorOf(() => OM.payTier(100.5))).toBe(NUM);
  });
});

describe("OM.TAILRATIO", () => {
  it.each([
    [100, 1],
    [85.01, 1],
    [85, 0.9],
    [75, 0.8],
    [70, 0.7],
    [65, 0.6],
    [60, 0.5],
    [0, 0.5],
  ])("score %p pays %p of the tail", (score, share) => {
    expect(OM.tailRatio(score)).toBe(share);
  });

  it("gives #NUM! out of range", () => {
    expect(errorOf(() => OM.tailRatio(-1))).toBe(NUM);
  });
});

describe("OM.RMBCAPS", () => {
  it("writes the tail payable of a B-tier score in capitals, as finance copies it", () => {
    expect(OM.rmbCaps(381870)).toBe("叁拾捌万壹仟捌佰柒拾元整");
    expect(OM.rmbCaps(OM.tailPay(84, 424300))).toBe("叁拾捌万壹仟捌佰柒拾元整");
  });

  it("rounds half up to the fen first, as the amount a cell shows", () => {
    expect(OM.rmbCaps(1680.32)).toBe("壹仟陆佰捌拾元零叁角贰分");
    expect(OM.rmbCaps(10.045)).toBe("壹拾元零伍分");
    expect(OM.rmbCaps(10.044)).toBe("壹拾元零肆分");
    expect(OM.rmbCaps(0.004)).toBe("零元整");
    expect(OM.rmbCaps(999999999999.99)).toBe(
      "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
    );
  });

  it("gives #NUM! for a negative amount or one of a trillion yuan or more", () => {
    expect(errorOf(() => OM.rmbCaps(-0.01))).toBe(NUM);
    expect(errorOf(() => OM.rmbCaps(1e12))).toBe(NUM);
    expect(errorOf(() => OM.rmbCaps(999999999999.996))).toBe(NUM);
  });

  it("gives #VALUE! with a reason for what is not a number", () => {
    expect(errorOf(() => OM.rmbCaps("381870" as unknown as number))).toBe(VALUE);
    expect(messageOf(() => OM.rmbCaps("x" as unknown as number))).toContain("金额必须是数字");
  });
});

describe("OM.RATEPOINTS", () => {
  it("reads the bands as lower bounds without rounding by default", () => {
    expect(OM.ratePoints(0.8499, 30)).toBe(24);
    expect(OM.ratePoints(0.85, 30)).toBe(30);
    expect(OM.ratePoints(0.8501, 30)).toBe(30);
    expect(OM.ratePoints(0.7, 30)).toBe(24);
    expect(OM.ratePoints(0.6999, 30)).toBe(18);
    expect(OM.ratePoints(0.6, 30)).toBe(18);
    expect(OM.ratePoints(0.5999, 30)).toBe(15);
    expect(OM.ratePoints(0, 30)).toBe(15);
    expect(OM.ratePoints(1, 30)).toBe(30);
  });

  it("gives completion's 20 / 16 / 12 / 10", () => {
    expect([0.9, 0.8, 0.65, 0.3].map((r) => OM.ratePoints(r, 20))).toEqual([20, 16, 12, 10]);
  });

  it("rounds the rate half up to a whole percent first when asked", () => {
    expect(OM.ratePoints(0.8499, 30, true)).toBe(30);
    expect(OM.ratePoints(0.845, 30, true)).toBe(30);
    expect(OM.ratePoints(0.8449, 30, true)).toBe(24);
    expect(OM.ratePoints(0.695, 30, true)).toBe(24);
    expect(OM.ratePoints(0.5949, 30, true)).toBe(15);
    expect(OM.ratePoints(0.8499, 30, false)).toBe(24);
  });

  it("treats an omitted rounding argument (null from Excel) as no rounding", () => {
    expect(OM.ratePoints(0.8499, 30, null as unknown as boolean)).toBe(24);
    expect(OM.ratePoints(0.8499, 30, undefined)).toBe(24);
  });

  it("keeps points to hundredths for an odd maximum", () => {
    expect(OM.ratePoints(0.72, 12.5)).toBe(10);
    expect(OM.ratePoints(0.61, 7.25)).toBe(4.35);
  });

  it("gives #NUM! for a rate written as a percent number (85 instead of 0.85), with a hint", () => {
    expect(errorOf(() => OM.ratePoints(85, 30))).toBe(NUM);
    expect(messageOf(() => OM.ratePoints(85, 30))).toContain("0.85");
    expect(errorOf(() => OM.ratePoints(-0.1, 30))).toBe(NUM);
    expect(errorOf(() => OM.ratePoints(0.9, -30))).toBe(NUM);
    expect(errorOf(() => OM.ratePoints(0.9, 1000))).toBe(NUM);
  });

  it("gives #VALUE! for text arguments", () => {
    expect(errorOf(() => OM.ratePoints("85%" as unknown as number, 30))).toBe(VALUE);
    expect(errorOf(() => OM.ratePoints(0.9, "30" as unknown as number))).toBe(VALUE);
    expect(errorOf(() => OM.ratePoints(0.9, 30, "yes" as unknown as boolean))).toBe(VALUE);
  });
});

describe("OM.CNWORKDAY", () => {
  it("works the adjusted Sunday: Fri 2024-09-27 + 1 working day = Sun 2024-09-29", () => {
    expect(OM.cnWorkday(serial("2024-09-27"), 1)).toBe(45564);
  });

  it("skips National Day: Mon 2024-09-30 + 1 = Tue 2024-10-08; Sat 2024-10-12 is a working day", () => {
    expect(OM.cnWorkday(serial("2024-09-30"), 1)).toBe(serial("2024-10-08"));
    expect(OM.cnWorkday(serial("2024-10-11"), 1)).toBe(serial("2024-10-12"));
  });

  it("goes back for negative days, returns the start for 0, and drops fractions like Excel", () => {
    expect(OM.cnWorkday(serial("2024-10-08"), -1)).toBe(serial("2024-09-30"));
    expect(OM.cnWorkday(serial("2024-10-05"), 0)).toBe(serial("2024-10-05"));
    expect(OM.cnWorkday(serial("2024-09-27") + 0.75, 1.9)).toBe(45564);
  });

  it("counts 30 working days from signing (2024-06-28) to 2024-08-09", () => {
    expect(OM.cnWorkday(serial("2024-06-28"), 30)).toBe(serial("2024-08-09"));
  });

  it("gives #N/A naming the year when the walk leaves the built-in years, never guessing Mon–Fri", () => {
    // #N/A, not #NUM!: Excel shows a custom function's message only on #VALUE! and #N/A.
    expect(errorOf(() => OM.cnWorkday(serial("2031-01-02"), 1))).toBe(NA);
    expect(messageOf(() => OM.cnWorkday(serial("2031-01-02"), 1))).toContain("2031");
    expect(errorOf(() => OM.cnWorkday(serial("2026-12-30"), 5))).toBe(NA);
    expect(messageOf(() => OM.cnWorkday(serial("2026-12-30"), 5))).toContain("2027");
  });

  it("answers a huge day count at once with #N/A (it leaves the built-in years) instead of looping", () => {
    const t = Date.now();
    expect(errorOf(() => OM.cnWorkday(serial("2024-07-01"), 1e12))).toBe(NA);
    expect(errorOf(() => OM.cnWorkday(serial("2024-07-01"), -1e12))).toBe(NA);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it("gives #NUM! for a serial that is no date and #VALUE! for text", () => {
    expect(errorOf(() => OM.cnWorkday(0, 1))).toBe(NUM);
    expect(errorOf(() => OM.cnWorkday(-5, 1))).toBe(NUM);
    expect(errorOf(() => OM.cnWorkday("2024-09-27" as unknown as number, 1))).toBe(VALUE);
    expect(errorOf(() => OM.cnWorkday(45562, "one" as unknown as number))).toBe(VALUE);
  });
});

describe("OM.CNNETWORKDAYS", () => {
  it("counts 248 working days in the service year 2024-07-01 .. 2025-06-30", () => {
    expect(OM.cnNetworkDays(45474, 45838)).toBe(248);
  });

  it("includes both ends and adjusted working days, and is negative backwards", () => {
    expect(OM.cnNetworkDays(serial("2024-09-27"), serial("2024-09-30"))).toBe(3);
    expect(OM.cnNetworkDays(serial("2024-10-01"), serial("2024-10-07"))).toBe(0);
    expect(OM.cnNetworkDays(serial("2025-06-30"), serial("2024-07-01"))).toBe(-248);
  });

  it("gives #N/A naming the uncovered years for a range reaching 2031", () => {
    expect(errorOf(() => OM.cnNetworkDays(45474, serial("2031-01-02")))).toBe(NA);
    const msg = messageOf(() => OM.cnNetworkDays(45474, serial("2031-01-02")));
    expect(msg).toContain("2027–2031");
    expect(msg).toMatch(/[\u4e00-\u9fff]/);
  });

  it("gives #N/A for a range inside one uncovered year too, and for one before the data (2003)", () => {
    expect(errorOf(() => OM.cnNetworkDays(serial("2031-01-02"), serial("2031-03-01")))).toBe(NA);
    expect(errorOf(() => OM.cnNetworkDays(serial("2003-06-02"), serial("2003-06-30")))).toBe(NA);
    expect(messageOf(() => OM.cnWorkday(serial("2003-06-02"), 1))).toContain("2003");
    expect(messageOf(() => OM.cnNetworkDays(serial("2031-01-02"), serial("2031-03-01")))).toContain(
      "2031"
    );
  });
});

describe("every function", () => {
  const calls: Array<[string, (x: unknown) => unknown]> = [
    ["TAILPAY score", (x) => OM.tailPay(x as number, 100)],
    ["TAILPAY amount", (x) => OM.tailPay(90, x as number)],
    ["PAYTIER", (x) => OM.payTier(x as number)],
    ["TAILRATIO", (x) => OM.tailRatio(x as number)],
    ["RATEPOINTS rate", (x) => OM.ratePoints(x as number, 30)],
    ["RATEPOINTS max", (x) => OM.ratePoints(0.9, x as number)],
    ["RATEPOINTS round", (x) => OM.ratePoints(0.9, 30, x as boolean)],
    ["CNWORKDAY start", (x) => OM.cnWorkday(x as number, 1)],
    ["CNWORKDAY days", (x) => OM.cnWorkday(45562, x as number)],
    ["CNNETWORKDAYS start", (x) => OM.cnNetworkDays(x as number, 45838)],
    ["CNNETWORKDAYS end", (x) => OM.cnNetworkDays(45474, x as number)],
    ["RMBCAPS", (x) => OM.rmbCaps(x as number)],
  ];
  const odd: unknown[] = [
    Number.NaN,
    Infinity,
    -Infinity,
    null,
    undefined,
    "",
    "abc",
    {},
    [],
    1e308,
    -1e308,
    5e-324,
  ];

  it.each(calls)(
    "%s: odd arguments give a value or an Excel error, never another exception",
    (_name, call) => {
      for (const x of odd) {
        let thrown: unknown = null;
        try {
          call(x);
        } catch (err) {
          thrown = err;
        }
        if (thrown !== null) {
          expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
          expect([VALUE, NUM, NA]).toContain((thrown as FakeCustomFunctionsError).code);
          // A bad argument is reported as such, not as an internal error.
          expect((thrown as FakeCustomFunctionsError).message).not.toContain("内部错误");
        }
      }
    }
  );
});

describe("excelErrors: one mapping from argument errors to Excel errors", () => {
  const {
    errorCodeFor,
    excelResult,
  }: typeof import("../../src/functions/excelErrors") = require("../../src/functions/excelErrors");

  const {
    argError,
  }: typeof import("../../src/functions/args") = require("../../src/functions/args");

  it("maps value to #VALUE!, num to #NUM! and na to #N/A", () => {
    expect(errorCodeFor("value")).toBe(VALUE);
    expect(errorCodeFor("num")).toBe(NUM);
    expect(errorCodeFor("na")).toBe(NA);
  });

  it("throws the mapped error with the Chinese then English message", () => {
    expect(cell(() => excelResult(() => argError("na", "无数据", "No data")))).toEqual({
      error: NA,
      message: "无数据 / No data",
    });
    expect(cell(() => excelResult(() => argError("num", "太大", "Too big")))).toEqual({
      error: NUM,
      message: "太大 / Too big",
    });
  });

  it("keeps #NUM! for numbers out of range, #N/A only for the calendar's uncovered years", () => {
    expect(errorOf(() => OM.cnWorkday(0, 1))).toBe(NUM);
    expect(errorOf(() => OM.tailPay(101, 1))).toBe(NUM);
    expect(errorOf(() => OM.cnWorkday(serial("2031-01-02"), 1))).toBe(NA);
  });
});
