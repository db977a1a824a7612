/**
 * Values at, around and far from decimal halves, for the ROUND form of `rounding.ts`: every
 * engine (HyperFormula here, LibreOffice in test/engines) must give what `roundLikeSheets` gives.
 */

/** Decimal halves at 2 places across magnitudes: 1.005, 66.475, 9.995, … (their doubles lie above or below). */
const HALVES = [
  0.005, 0.015, 0.125, 0.285, 1.005, 1.015, 1.025, 1.035, 1.045, 2.675, 5.555, 8.345, 9.995, 10.005, 45.125, 66.475,
  78.575, 83.335, 99.925, 99.995, 100.005, 999.995, 1049.325, 1419.675, 1725.575, 12345.675, 999999.995, 1234567.885,
  123456789.125, 9999999999.995,
];

/** The double `steps` ulps away from x. */
function ulpsAway(x: number, steps: number): number {
  let v = x;
  for (let i = 0; i < Math.abs(steps); i++) v = steps > 0 ? v + Math.abs(v) * Number.EPSILON / 2 || Number.MIN_VALUE : v - Math.abs(v) * Number.EPSILON / 2;
  return v;
}

/** A small deterministic generator (no Math.random: the cases are the same every run). */
function* lcg(seed: number): Generator<number> {
  let s = seed;
  for (;;) {
    s = (s * 1103515245 + 12345) % 2147483648;
    yield s / 2147483648;
  }
}

export function roundingCases(): number[] {
  const out: number[] = [0, 0.5, -0.5, 0.004, -0.004, 0.1 + 0.2, 1.1 * 1.1, 93.33333333333333];
  for (const h of HALVES) {
    const unit = 10 ** (Math.floor(Math.log10(h)) - 14); // one unit of the 15th significant digit
    for (const x of [h, h - unit, h + unit, ...[-4, -3, -2, -1, 1, 2, 3, 4].map((k) => ulpsAway(h, k))]) out.push(x, -x);
  }
  // Halves computed the way the tab computes them: (w₁·a + w₂·b) ÷ (w₁ + w₂), base × coefficient.
  for (const [w1, a, w2, b] of [[7.5, 60, 92.5, 67], [7.5, 61, 92.5, 80], [7.5, 99, 92.5, 100], [12.5, 33, 87.5, 71], [2.5, 1, 97.5, 3]]) {
    out.push((w1! * a! + w2! * b!) / (w1! + w2!));
  }
  for (const [base, coefficient] of [[1234.5, 0.85], [1234.5, 1.15], [800.5, 1.1], [1500.5, 1.15], [999.5, 0.45]]) out.push(base! * coefficient!);
  const random = lcg(20261201);
  for (let i = 0; i < 400; i++) {
    const magnitude = [1, 100, 10000, 1e6][i % 4]!;
    const x = Math.round(random.next().value * magnitude * 1000) / 1000; // three decimals: a half every tenth value
    out.push(i % 2 ? -x : x, x * 0.85, x / 7);
  }
  return out;
}
