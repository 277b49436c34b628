/**
 * @summary mulberry32, a small seeded PRNG: the same numbers for the same seed on every machine,
 * so the sample ledger and the benchmark's ledgers are reproducible.
 * @example
 * const rnd = seededRandom(1); rnd() //=> 0.6270739405881613 (always)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
