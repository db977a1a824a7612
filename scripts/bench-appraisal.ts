/**
 * The bench's appraisal section: service calls (document, builder, total: dev/gas/counter.ts) and
 * milliseconds to build and rebuild the `mixed` preset's tab for 10 … 5,000 agents, beside the calls
 * recorded before issue #7's call budget was met. `npm run bench -- --appraisal` measures this section
 * alone and puts it into BENCHMARKS.md in place of the last one.
 */
import { aggregate, planTab, PRESETS, recognise } from '../src/appraisal';
import { startRuntime, type Runtime } from '../dev/local/appraise';
import { syntheticExport } from './synthetic';
import { best } from './timing';

export const APPRAISAL_HEADING = '## Building the appraisal (`mixed` preset)';

/** The sizes measured; `KK_BENCH_AGENTS=10,100,1000` measures fewer (5,000 takes minutes in the in-memory spreadsheet). */
const AGENTS: readonly number[] = process.env.KK_BENCH_AGENTS
  ? process.env.KK_BENCH_AGENTS.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)
  : [10, 100, 1000, 5000];

interface Calls {
  document: number;
  builder: number;
  total: number;
}

/**
 * Recorded on main at 0c18b03, before the tab was made readable in Sheets (wrapped header rows, column
 * widths): a first build's 32 calls were 22 document calls and 10 builder calls (the chart's newChart,
 * asBarChart, addRange, setPosition, build; the validation's newDataValidation, requireNumberBetween,
 * setAllowInvalid, setHelpText, build), for 10 agents as for 5,000; a rebuild's 22 were all document calls.
 */
function before(_agents: number): { build: Calls; rebuild: Calls } {
  return { build: { document: 22, builder: 10, total: 32 }, rebuild: { document: 22, builder: 0, total: 22 } };
}

const callsOf = (rt: Runtime): Calls => ({ document: rt.fake.calls.document, builder: rt.fake.calls.builder, total: rt.fake.calls.spreadsheet });
const show = (c: Calls) => `${c.document} + ${c.builder} = ${c.total}`;

/** aggregate + plan alone (pure code, no spreadsheet): what the server adds on top of its reads and writes. */
function pureMs(rows: (string | number)[][]): number {
  const template = PRESETS.mixed.template;
  return best(3, () => {
    const data = aggregate(rows, recognise(rows), { month: '2026-11', timeZone: 'Asia/Shanghai' });
    planTab({ month: '2026-11', template, agents: data.agents, existing: null, previous: null, now: '2026-12-01T00:00:00Z' });
  });
}

function measure(distDir: string): string[][] {
  const template = PRESETS.mixed.template;
  const out: string[][] = [];
  for (const agents of AGENTS) {
    const rows = syntheticExport(agents, 'per-agent');
    const rt = startRuntime({ distDir });
    rt.fake.book.addSheet('数据', rows);
    const run = () => {
      rt.fake.calls.reset();
      const t0 = performance.now();
      const reply = rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: '2026-11', template });
      const ms = performance.now() - t0;
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return { calls: callsOf(rt), ms };
    };
    const first = run();
    const again = run();
    const was = before(agents);
    out.push([
      agents.toLocaleString('en-US'), show(was.build), show(first.calls), first.ms.toFixed(0),
      show(was.rebuild), show(again.calls), again.ms.toFixed(0), pureMs(rows).toFixed(1),
    ]);
  }
  return out;
}

export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The section, from its heading to the blank line before the next one. */
export function appraisalSection(distDir: string, measured: string): string {
  const calls = table(
    ['agents', 'build calls before', 'build calls now', 'build ms', 'rebuild calls before', 'rebuild calls now', 'rebuild ms', 'aggregate + plan alone (ms)'],
    measure(distDir),
  );
  return `${APPRAISAL_HEADING}

Measured ${measured}; build and rebuild ms are single runs
(each build changes the book), so a busy moment of the machine shows in them.
Calls are spreadsheet-service calls, shown as document + builder = total (\`dev/gas/counter.ts\`):
document calls read from or write to the spreadsheet; builder calls only assemble the chart and the
validation rule in the script, which reach the document through \`insertChart\` and \`setDataValidation\`
(document calls). Issue #7's budget of 25 is on document calls. "Before" is main at 0c18b03: since,
every write also wraps the header rows (one \`setWraps\` per written block) and a first build sizes the
columns from the total to the last contribution (one \`setColumnWidths\`), so the owner's 1366 px laptop
shows them all; a rebuild keeps the widths the manager chose. Every read of a whole tab is now one
\`getSheetValues(1, 1, -1, -1)\` instead of \`getDataRange().getValues()\` (one call fewer per read: a
first build reads the data, a rebuild the data and its tab twice). The calls do not depend on the number
of agents (asserted for 10 and 1,000 in test/server/build.test.ts).

${calls}
`;
}
