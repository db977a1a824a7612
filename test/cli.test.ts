/**
 * `npm run appraise` as a newcomer runs it: a child process on the bundled sample, the spec's
 * JSON shape, the table, and a clear failure for bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/appraise.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const SAMPLE = ['--data', 'samples/qianniu-2026-11.csv', '--template', 'mixed', '--month', '2026-11'];

describe('npm run appraise', () => {
  test('--json prints the spec object: sheet, agents with values/scores/manual/total/rank/grade/coefficient/bonus, team, stats', () => {
    const out = run(...SAMPLE, '--manual', 'samples/manual-2026-11.csv', '--json');
    expect(out.status, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(Object.keys(result)).toEqual(['sheet', 'agents', 'team', 'stats']);
    expect(result.sheet).toBe('考核 2026-11');
    // seven sub-accounts in the sample, shop prefix `小店旗舰店:` cut off
    expect(result.agents.map((a: { agent: string }) => a.agent).sort()).toEqual(['大白', '小美', '晓雯', '橙子', '糖糖', '阿May', '阿杰'].sort());
    for (const a of result.agents) {
      expect(Object.keys(a)).toEqual(['agent', 'values', 'scores', 'manual', 'total', 'rank', 'grade', 'coefficient', 'bonus']);
      expect(Object.keys(a.values)).toHaveLength(8); // the mixed preset's eight metric items
    }
    // samples/manual-2026-11.csv: 小美 95, 大白 70 for 工作态度
    const byName = Object.fromEntries(result.agents.map((a: { agent: string }) => [a.agent, a]));
    expect(byName['小美'].manual['工作态度']).toBe(95);
    expect(byName['大白'].manual['工作态度']).toBe(70);
    // ranks are 1…7 over distinct totals, highest total first
    const ranked = [...result.agents].sort((a, b) => a.rank - b.rank);
    expect(ranked.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].total).toBeGreaterThanOrEqual(ranked[i].total);
    // team total: the mean of the agents' totals, rounded to 2 places
    const mean = result.agents.reduce((s: number, a: { total: number }) => s + a.total, 0) / result.agents.length;
    expect(result.team.total).toBeCloseTo(mean, 2);
    // a first build (test/server/build.test.ts): 23 document calls, getSpreadsheetTimeZone among them as the
    // imported 日期 column holds real dates, whose calendar day depends on the spreadsheet's time zone
    // (build-appraisal.ts, timeZoneFor); 10 builder calls assemble the chart and the validation rule
    expect([result.stats.documentCalls, result.stats.builderCalls, result.stats.serviceCalls]).toEqual([23, 10, 33]);
    expect(typeof result.stats.ms).toBe('number');
  });

  test('without --json prints a table with every agent and the service calls', () => {
    const out = run(...SAMPLE);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('考核 2026-11');
    for (const name of ['小美', '阿杰', '阿May']) expect(out.stdout).toContain(name);
    expect(out.stdout).toContain('服务调用 service calls: 33（读写表格 document 23 + 构建器 builder 10）');
  });

  test('doubtful cells are reported on stderr, leaving stdout the spec object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-cli-'));
    const data = join(dir, 'bad.csv');
    writeFileSync(data, '客服,询单人数,询单->最终付款人数\r\n小美,100,abc\r\n阿杰,100,40\r\n');
    // Only two columns: the presale items without data are built as 无数据 explicitly (the build refuses otherwise).
    const out = run('--data', data, '--template', 'presale', '--month', '2026-11', '--share-missing-weight', '--json');
    rmSync(dir, { recursive: true, force: true });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('「询单->最终付款人数」列有 1 个单元格无法读取为数字（第 2 行）');
    expect(Object.keys(JSON.parse(out.stdout))).toEqual(['sheet', 'agents', 'team', 'stats']);
  });

  test('--locale en builds the tab as an English document gets it (the sidebar passes the document\'s locale)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-cli-'));
    const book = join(dir, 'book.json');
    const out = run(...SAMPLE, '--locale', 'en', '--book', book);
    const saved = JSON.parse(readFileSync(book, 'utf8')) as { sheets: { name: string; cells: unknown[][] }[] };
    rmSync(dir, { recursive: true, force: true });
    expect(out.status, out.stderr).toBe(0);
    const tab = saved.sheets.find((s) => s.name === '考核 2026-11')!;
    // labels.ts: LABELS.title.en, then the month
    expect(String(tab.cells[0]![0])).toMatch(/^'?Customer service appraisal 2026-11/);
    const bad = run(...SAMPLE, '--locale', 'fr');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--locale');
  });

  test('a bad month or a missing file fails with a message, not a stack trace', () => {
    const month = run('--data', 'samples/qianniu-2026-11.csv', '--template', 'mixed', '--month', '2026-13');
    expect(month.status).toBe(1);
    expect(month.stderr).toContain('usage: npm run appraise');
    const file = run('--data', 'nope.csv', '--template', 'mixed', '--month', '2026-11');
    expect(file.status).toBe(1);
    expect(file.stderr).toContain('nope.csv');
    expect(file.stderr).not.toMatch(/\n\s+at /);
  });

  test('`npm run -s appraise -- … --json` prints exactly one JSON object on stdout (the build line goes to stderr)', () => {
    // built into a folder of its own, so the other tests' dist/ is never rewritten under them
    const dist = mkdtempSync(join(tmpdir(), 'kk-dist-'));
    const out = spawnSync('npm', ['run', '-s', 'appraise', '--', ...SAMPLE, '--json'], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, KEFU_KPI_DIST: dist },
    });
    rmSync(dist, { recursive: true, force: true });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.trimStart().startsWith('{')).toBe(true);
    expect(Object.keys(JSON.parse(out.stdout))).toEqual(['sheet', 'agents', 'team', 'stats']);
    expect(out.stderr).toContain('dist/:');
  });
});

describe('the command line writes the data as the sidebar import does', () => {
  function runOn(csv: string, ...extra: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'kk-cli-'));
    const data = join(dir, 'data.csv');
    writeFileSync(data, csv);
    // Two or three columns: the presale items without data are built as 无数据 explicitly.
    const out = run('--data', data, '--template', 'presale', '--month', '2026-11', '--share-missing-weight', ...extra);
    rmSync(dir, { recursive: true, force: true });
    return out;
  }
  const HEAD = '客服,询单人数,询单->最终付款人数\r\n';

  test('ids stay text as written: 00123 and 0123 are two agents, not one agent 123', () => {
    const out = runOn(`${HEAD}00123,10,5\r\n0123,10,2\r\n`, '--json');
    expect(out.status, out.stderr).toBe(0);
    const agents = JSON.parse(out.stdout).agents.map((a: { agent: string }) => a.agent).sort();
    expect(agents).toEqual(['00123', '0123']);
  });

  test('a =HYPERLINK(…) name stays the name, not a live formula', () => {
    const out = runOn(`${HEAD}"=HYPERLINK(""http://x"",""点我"")",10,5\r\n小美,10,2\r\n`, '--json');
    expect(out.status, out.stderr).toBe(0);
    const agents = JSON.parse(out.stdout).agents.map((a: { agent: string }) => a.agent);
    expect(agents).toContain('=HYPERLINK("http://x","点我")');
  });

  test('control characters in names are escaped in the printed table', () => {
    const out = runOn(`${HEAD}"a\x1b[2Jb",10,5\r\n"c\u202ed",10,2\r\n`);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('\x1b');
    expect(out.stdout).not.toContain('\u202e');
    expect(out.stdout).toContain('a\\x1b[2Jb');
    expect(out.stdout).toContain('c\\u202ed');
  });

  test('duplicate headers are reported on stderr; stdout stays the JSON object', () => {
    const out = runOn('客服,询单人数,询单->最终付款人数,询单人数\r\n小美,10,5,100\r\n', '--json');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('表头「询单人数」出现在 2 列（第 B、D 列）');
    expect(Object.keys(JSON.parse(out.stdout))).toEqual(['sheet', 'agents', 'team', 'stats']);
  });

  test('an unterminated quote fails with its line number, in both languages, exit 1', () => {
    const out = runOn(`${HEAD}小美,10,5\r\n"阿杰,10,2\r\n大白,10,1\r\n`);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('第 3 行');
    expect(out.stderr).toContain('Line 3 ');
    expect(out.stdout).toBe('');
  });
});
