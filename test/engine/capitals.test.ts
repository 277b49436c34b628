import fc from "fast-check";
import { MAX_CAPITALS_FEN, rmbCapitals } from "../../src/engine";

/**
 * Amounts in capitals (SPEC §9). The worked examples are the spec's own; the property test checks
 * every generated amount against a reader written independently of the writer: it parses the
 * capitals back into fen, and counts the 零 the convention asks for straight from the digits.
 */

const fen = (yuan: string): number => Math.round(Number(yuan.replace(/,/g, "")) * 100);

describe("amounts in capitals: the spec's worked examples", () => {
  const cases: [string, string][] = [
    ["381,870.00", "叁拾捌万壹仟捌佰柒拾元整"],
    ["848,600.00", "捌拾肆万捌仟陆佰元整"], // the contract's own 第二条
    ["1,680.32", "壹仟陆佰捌拾元零叁角贰分"],
    ["100,100.00", "壹拾万零壹佰元整"],
    ["10.05", "壹拾元零伍分"],
    ["2,000,001.00", "贰佰万零壹元整"],
    ["16.00", "壹拾陆元整"],
    ["12.50", "壹拾贰元伍角"],
    ["10.50", "壹拾元零伍角"],
    ["0.05", "伍分"],
    ["0.00", "零元整"],
  ];
  test.each(cases)("%s is %s", (amount, text) => {
    expect(rmbCapitals(fen(amount))).toBe(text);
  });

  it("writes 万 and 亿 only after a group holding a non-zero digit", () => {
    expect(rmbCapitals(fen("100,000,000.00"))).toBe("壹亿元整");
    expect(rmbCapitals(fen("100,010,000.00"))).toBe("壹亿零壹万元整");
    expect(rmbCapitals(fen("100,000,001.00"))).toBe("壹亿零壹元整");
    expect(rmbCapitals(fen("100,000,000.05"))).toBe("壹亿元零伍分");
    expect(rmbCapitals(fen("1,234,567.80"))).toBe("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角");
    expect(rmbCapitals(MAX_CAPITALS_FEN)).toBe(
      "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
    );
  });

  it("refuses a negative, fractional or too large number of fen", () => {
    expect(() => rmbCapitals(-1)).toThrow(RangeError);
    expect(() => rmbCapitals(1.5)).toThrow(RangeError);
    expect(() => rmbCapitals(MAX_CAPITALS_FEN + 1)).toThrow(RangeError);
  });
});

// ---- An independent reader ------------------------------------------------------------------

const DIGIT: Record<string, bigint> = Object.fromEntries(
  [..."零壹贰叁肆伍陆柒捌玖"].map((ch, i) => [ch, BigInt(i)])
);
const SMALL: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** Capitals back to fen: sections closed by 亿 and 万, digits scaled by 拾佰仟, then 角 and 分. */
function parseCapitals(text: string): bigint {
  let total = 0n; // fen
  let section = 0n; // yuan, inside the current group of four
  let pending = 0n; // the last digit, waiting for its unit
  let yuan = 0n; // yuan groups already closed by 亿 / 万
  for (const ch of text) {
    if (ch in DIGIT) pending = DIGIT[ch];
    else if (ch in SMALL) {
      section += pending * SMALL[ch];
      pending = 0n;
    } else if (ch === "亿" || ch === "万") {
      yuan += (section + pending) * (ch === "亿" ? 100_000_000n : 10_000n);
      section = pending = 0n;
    } else if (ch === "元") {
      yuan += section + pending;
      section = pending = 0n;
    } else if (ch === "角") {
      total += pending * 10n;
      pending = 0n;
    } else if (ch === "分") {
      total += pending;
      pending = 0n;
    } else if (ch !== "整") throw new Error(`unexpected ${ch} in ${text}`);
  }
  return total + yuan * 100n;
}

/** Runs of zeros standing between two non-zero digits, over the yuan, jiao and fen digits. */
function innerZeroRuns(f: number): number {
  // The fen as digits are the yuan digits, then jiao, then fen.
  return (String(f).replace(/0+$/, "").match(/0+/g) ?? []).length;
}

describe("amounts in capitals: every amount, read back independently", () => {
  const amounts = fc.oneof(
    fc.integer({ min: 0, max: MAX_CAPITALS_FEN }),
    fc.integer({ min: 0, max: 10_000_000 }), // small amounts, where the jiao and fen rules bite
    // Amounts with many zeros: a few non-zero digits scattered over 14 places.
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 })), {
        maxLength: 4,
      })
      .map((ds) => ds.reduce((s, [place, d]) => s + d * 10 ** place, 0))
      .filter((n) => n <= MAX_CAPITALS_FEN)
  );

  it("parses back to the same number of fen, with one 零 per inner run of zeros", () => {
    fc.assert(
      fc.property(amounts, (f) => {
        const text = rmbCapitals(f);
        expect(parseCapitals(text)).toBe(BigInt(f));
        expect((text.match(/零/g) ?? []).length).toBe(f === 0 ? 1 : innerZeroRuns(f));
        // A 零 stands between two digits: never first (but in 零元整), doubled or before a unit.
        if (f > 0) expect(text).not.toMatch(/^零|零零|零[元万亿角分整]/);
        // 整 exactly when jiao and fen are zero, and then right after 元.
        expect(text.endsWith("元整")).toBe(f % 100 === 0);
        expect(text.includes("元")).toBe(f >= 100 || f === 0);
      }),
      { numRuns: 2000 }
    );
  });
});
