/**
 * Exact non-negative rationals on bigint, for every comparison at a boundary and every money
 * figure. Floats are only ever turned into ratios through their shortest decimal text, which is
 * the number a user typed into the cell.
 */

/** Exact non-negative rational number (used for money shares and survey means). */
export interface Ratio {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError("ratio with zero denominator");
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

/**
 * @summary The exact value of a finite number as written in decimal (`0.1` is exactly 1/10).
 * Returns null for NaN and infinities.
 * @example
 * ratioFromNumber(87.5) //=> { n: 175n, d: 2n }
 * ratioFromNumber(1e-7) //=> { n: 1n, d: 10000000n }
 */
export function ratioFromNumber(x: number): Ratio | null {
  if (!Number.isFinite(x)) return null;
  return ratioFromDecimalText(String(x));
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * @summary The exact value of decimal text such as `848600.00`, `-1.5`, `2e3`; null otherwise.
 * @example
 * ratioFromDecimalText("0.50") //=> { n: 1n, d: 2n }
 */
export function ratioFromDecimalText(text: string): Ratio | null {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const digits = (m[2] || "0") + (m[3] ?? "");
  let scale = (m[3] ?? "").length - Number(m[4] ?? 0);
  let n = BigInt(digits);
  if (m[1] === "-") n = -n;
  if (scale <= 0) return ratio(n * 10n ** BigInt(-scale), 1n);
  return ratio(n, 10n ** BigInt(scale));
}

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.n, a.d * b.d);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Ratio, b: Ratio): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * @summary Round half up (away from zero for negatives) to an integer number of `unit`ths.
 * @example
 * roundToUnits(ratio(12345n, 1000n), 100n) //=> 1235 (12.345 to hundredths)
 */
export function roundToUnits(x: Ratio, units: bigint): number {
  const scaled = x.n * units;
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const q = (2n * abs + x.d) / (2n * x.d);
  return Number(neg ? -q : q);
}

export function toNumber(x: Ratio): number {
  return Number(x.n) / Number(x.d);
}
