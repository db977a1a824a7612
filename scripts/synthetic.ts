/**
 * Synthetic exports for `npm run bench` and the server tests' volume and call-count checks: any
 * number of agents in the sample's 千牛 column layout (one header row), deterministic so runs
 * compare. Its figures are only plausible: tests use them for shapes and counts, never as goldens.
 */
import { FIELD_ROW } from '../samples/generate-qianniu';

/** The sample's field row with its two leading columns named (one header row, no group row). */
const HEADER = ['日期', '客服昵称', ...FIELD_ROW.slice(2)];

/** One agent-day of figures; `k` varies them so agents differ and ranks are not all tied. */
function figures(k: number, days: number): number[] {
  const received = days * (80 + (k % 41));
  const inquiring = Math.round(received * 0.8);
  const paid = Math.round(inquiring * (0.3 + (k % 29) / 100));
  const replies = received * 6;
  const paidOrders = paid + (k % 7);
  const sales = paid * (100 + (k % 80));
  return [
    received, received, received, inquiring, paid, sales, paid + (k % 5),
    received * (5 + (k % 20)), replies * (10 + (k % 30)), replies, 10 + (k % 30),
    paid + 3, paidOrders, sales, paid, days * 6000, Math.round(paidOrders * (0.03 + (k % 9) / 100)),
    k % 3 === 0 ? 1 : 0, k % 11 === 0 ? 1 : 0, k % 13 === 0 ? 1 : 0, days * 8,
  ];
}

/**
 * A data tab's values: the header row, then either one month row per agent (`per-agent`) or
 * one row per agent per day of November 2026 (`per-day`, 30 rows per agent).
 */
export function syntheticExport(agents: number, shape: 'per-agent' | 'per-day' = 'per-agent'): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let a = 0; a < agents; a++) {
    const name = `客服${String(a + 1).padStart(4, '0')}`;
    if (shape === 'per-agent') {
      rows.push(['2026-11-30', name, ...figures(a, 30)]);
      continue;
    }
    for (let day = 1; day <= 30; day++) {
      rows.push([`2026-11-${String(day).padStart(2, '0')}`, name, ...figures(a + day, 1)]);
    }
  }
  return rows;
}
