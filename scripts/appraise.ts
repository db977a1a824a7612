/**
 * `npm run appraise -- --data FILE... --template FILE|preset --month YYYY-MM [--manual FILE] [--json]`
 * Runs the add-on's own server code against the in-memory spreadsheet and prints the tab as a
 * viewer sees it (docs/guide.md, 命令行).
 */
import { UserError } from '../src/i18n';
import { CATALOGUE } from '../src/metrics/catalogue';
import { issueMessages } from '../src/appraisal/manual-check';
import { appraise, type AppraiseResult } from '../dev/local/appraise';

const USAGE = `usage: npm run appraise -- --data FILE [FILE...] --template FILE|presale|aftersale|mixed|douyin|jd|pdd --month YYYY-MM [--manual FILE] [--people FILE] [--json]
         [--book FILE.json] [--accept-template-change] [--build-without METRIC...] [--share-missing-weight] [--locale zh|en]`;

export function parseArgs(argv: readonly string[]) {
  const out = {
    data: [] as string[], template: '', month: '', manual: undefined as string | undefined, people: undefined as string | undefined, json: false,
    book: undefined as string | undefined, acceptTemplateChange: false, buildWithout: [] as string[], shareMissingWeight: false,
    /** The spreadsheet's language, as the sidebar passes the document's: the tabs' labels and notes. */
    locale: 'zh' as 'zh' | 'en',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--book') out.book = argv[++i];
    else if (a === '--accept-template-change') out.acceptTemplateChange = true;
    else if (a === '--share-missing-weight') out.shareMissingWeight = true;
    else if (a === '--build-without') while (argv[i + 1] && !argv[i + 1]!.startsWith('--')) out.buildWithout.push(argv[++i]!);
    else if (a === '--data') while (argv[i + 1] && !argv[i + 1]!.startsWith('--')) out.data.push(argv[++i]!);
    else if (a === '--template') out.template = argv[++i] ?? '';
    else if (a === '--month') out.month = argv[++i] ?? '';
    else if (a === '--manual') out.manual = argv[++i];
    else if (a === '--people') out.people = argv[++i];
    else if (a === '--locale') {
      const locale = argv[++i];
      if (locale !== 'zh' && locale !== 'en') throw new Error(`--locale: zh 或 en · zh or en (got ${locale ?? 'nothing'})\n${USAGE}`);
      out.locale = locale;
    }
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!out.data.length || !out.template || !/^\d{4}-(0[1-9]|1[0-2])$/.test(out.month)) throw new Error(USAGE);
  return out;
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/**
 * Control characters from the data (ESC sequences, CR, bidi overrides …) shown as `\x1b`,
 * `\u202e`, so a cell can never move the cursor, recolour or rewrite the terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function fmt(v: unknown, unit?: string): string {
  if (typeof v !== 'number') return String(v ?? '');
  if (unit === 'fraction') return `${(v * 100).toFixed(2)}%`;
  if (unit === 'yuan') return `¥${v.toFixed(2)}`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

export function renderTable(r: AppraiseResult): string {
  const metricIds = Object.keys(r.agents[0]?.values ?? {});
  const manualIds = Object.keys(r.agents[0]?.manual ?? {});
  const unit = (id: string) => CATALOGUE.find((e) => e.id === id)?.unit;
  const name = (id: string) => CATALOGUE.find((e) => e.id === id)?.name.zh ?? id;
  const head = ['客服', ...metricIds.map(name), ...manualIds, '总分', '排名', '等级', '系数', '奖金'];
  const body = r.agents.map((a) => [
    a.vanished ? `${a.agent}（本月无数据）` : a.agent,
    ...metricIds.map((id) => (r.noData.includes(id) ? '无数据 no data' : a.values[id] === '' ? `空白 blank → ${fmt(a.scores[id])}` : `${fmt(a.values[id], unit(id))} → ${fmt(a.scores[id])}`)),
    ...manualIds.map((id) => fmt(a.manual[id])),
    fmt(a.total), fmt(a.rank), a.grade, fmt(a.coefficient), fmt(a.bonus),
  ]);
  for (const row of body) row.forEach((c, i) => { row[i] = escapeControls(c); });
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => padEnd(c, widths[i]!)).join('  ').trimEnd();
  return [
    r.sheet,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `团队平均总分 team average total: ${fmt(r.team.total)}`,
    `跳过的行 skipped rows: ${r.skipped.length}${r.skipped.length ? ` (${r.skipped.slice(0, 5).map((s) => `${s.row}: ${s.reason.zh}`).join('; ')}${r.skipped.length > 5 ? ' …' : ''})` : ''}`,
    ...(r.agents.some((a) => metricIds.some((id) => a.values[id] === '' && !r.noData.includes(id)))
      ? ['空白 blank: 该客服本月此项无基数（如无询单、无订单），按 0 分计 · no basis this month for that agent (no inquiries, no orders …): scores 0']
      : []),
    ...(r.noData.length ? [`无数据 no data: ${r.noData.join(', ')} 本月无数据、不计分，权重按比例分给其余各项 · not scored this month, their weight shared over the other items`] : []),
    ...r.warnings.map((w) => `注意 warning: ${w.zh} · ${w.en}`),
    ...invalidLines(r),
    `服务调用 service calls: ${r.stats.serviceCalls}（读写表格 document ${r.stats.documentCalls} + 构建器 builder ${r.stats.builderCalls}）, ${r.stats.ms} ms`,
  ].map(escapeControls).join('\n');
}

/** Manual scores that do not count (their agent's total shows 待修正): one line per agent. */
function invalidLines(r: AppraiseResult): string[] {
  return issueMessages(r.manualIssues, true).map((m) => `待修正 fix: ${m.zh} · ${m.en}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const result = await appraise({
    data: args.data, template: args.template, month: args.month, manual: args.manual, people: args.people, book: args.book,
    acceptTemplateChange: args.acceptTemplateChange, buildWithout: args.buildWithout, shareMissingWeight: args.shareMissingWeight, locale: args.locale,
  });
  // A loose header match is never applied: the manager confirms it with a template or mapping of their own.
  for (const s of result.suggestions) {
    console.error(`未使用的相近列 unconfirmed column: ${s.sheetName ? `${s.sheetName} · ` : ''}「${s.header}」→ ${s.field}: ${s.reason.zh} · ${s.reason.en}`);
  }
  if (args.json) {
    // stdout is the spec's object exactly; what the data made doubtful goes to stderr.
    const { skipped: _skipped, warnings, noData, manualIssues: _issues, suggestions: _suggestions, ...rest } = result;
    const { byMethod: _byMethod, ...stats } = rest.stats;
    for (const w of warnings) console.error(escapeControls(`注意 warning: ${w.zh} · ${w.en}`));
    for (const line of invalidLines(result)) console.error(escapeControls(line));
    if (noData.length) console.error(`无数据 no data: ${noData.join(', ')} 不计分，权重按比例分给其余各项 · not scored, weight shared over the other items`);
    console.log(JSON.stringify({ ...rest, stats }, null, 2));
  } else {
    console.log(renderTable(result));
  }
}

main().catch((e: Error) => {
  console.error(escapeControls(e instanceof UserError ? `${e.msg.zh}\n${e.msg.en}` : e.message));
  process.exit(1);
});
