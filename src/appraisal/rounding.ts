/**
 * ROUND as Sheets and Excel document it, the same in every engine: the value is read to 15
 * significant digits and that decimal is rounded half away from zero. `66.475` → `66.48` and
 * `ROUND(1.005, 2)` → `1.01`, although both doubles lie a hair below the half.
 *
 * A plain `ROUND(x, 2)` cannot be trusted for that: HyperFormula rounds the binary value (its
 * issue #1746: `1.005 * 100` is 100.49999999999999, so 1.00), and LibreOffice, Sheets and Excel
 * each correct binary noise in their own way within the 15th digit. The written form
 *
 *     ROUND(ROUND(x*100, 14-INT(LOG10(MAX(ABS(x*100),1)))), 0) / 100
 *
 * first snaps y = x·100 to 15 significant digits (every engine agrees there: the snap scales y to
 * an integer of 15 digits, where binary noise is far below the rounding step), so a decimal half
 * becomes exactly k + 0.5, which is a double; then rounds that to a whole number, which every
 * engine does away from zero, and scales back. Below 1, y keeps 14 decimals (a half of y needs at
 * least 0.5). Good for |x| below 1e13: beyond, 15 digits do not reach the cents.
 * `roundLikeSheets` performs the same steps in plain code.
 */

/** The formula text (no leading `=`) rounding the expression `x` to `digits` decimals. */
export function roundFormula(x: string, digits: number): string {
  const scale = 10 ** digits;
  const y = scale === 1 ? `(${x})` : `(${x})*${scale}`;
  const snapped = `ROUND(${y},14-INT(LOG10(MAX(ABS(${y}),1))))`;
  return scale === 1 ? `ROUND(${snapped},0)` : `ROUND(${snapped},0)/${scale}`;
}

/** ROUND(x, digits) as `roundFormula` computes it, in plain code: 15 significant digits, then half away from zero. */
export function roundLikeSheets(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** digits;
  const y = Math.abs(x * scale);
  const p = 10 ** (14 - Math.floor(Math.log10(Math.max(y, 1))));
  const snapped = Math.round(y * p) / p;
  const whole = Math.round(snapped);
  return whole === 0 ? 0 : (x < 0 ? -whole : whole) / scale;
}
