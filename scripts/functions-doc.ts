/**
 * `docs/functions.md`: the sheet functions' contract for users, generated from the catalogue (names,
 * definitions, arguments, units, direction) with the rules every function follows. `npm run docs`
 * writes it; a test fails when the file and the catalogue drift apart.
 */
import { CATALOGUE } from '../src/metrics/catalogue';
import type { ArgSpec, CatalogueEntry, Unit } from '../src/metrics/types';

/** The rules shared by every function (the public contract: users' sheets depend on them). */
export const RULES: { zh: string; en: string }[] = [
  {
    zh: '**一个单元格或一整列。** 每个数值参数可以是单个值，也可以是区域；同一次调用的各区域形状相同，单个值会对每一行重复使用。结果与区域同形：`=INQUIRY_CONVERSION(C2:C501, B2:B501)` 一次填满 500 个单元格。',
    en: '**One cell or a whole column.** Each numeric argument is a single value or a range; the ranges of one call have the same shape and a single value is repeated against them. The result has that shape: `=INQUIRY_CONVERSION(C2:C501, B2:B501)` fills 500 cells from one call.',
  },
  {
    zh: '**文本数字也是数字。** `1,234`、全角 `１２３`、`¥1,234.50`、`1234元`、`RMB 12`、`12.5%`（= 0.125）都能读。时长可以是 `1分30秒`、`90秒`、`1.5小时`、`2h`、`00:01:30` 或时长单元格；纯数字按函数自己的单位（响应时间为秒、在线时长为小时、退款完结时长为天）。日期可以是日期单元格或 `2026-11-28`、`2026/11/28`、`2026年11月28日`。`-`、`—`、`暂无数据`、`N/A` 和空白都算空。',
    en: '**Text numbers are numbers.** `1,234`, full-width `１２３`, `¥1,234.50`, `1234元`, `RMB 12`, `12.5%` (= 0.125) are read. Durations may be `1分30秒`, `90秒`, `1.5小时`, `2h`, `00:01:30` or a duration cell; a plain number is in the function\'s own unit (seconds for response time, hours for online time, days for refund resolution). Dates may be date cells or `2026-11-28`, `2026/11/28`, `2026年11月28日`. `-`, `—`, `暂无数据`, `N/A` and blanks count as blank.',
  },
  {
    zh: '**空白。** 空白单元格按 0 计（同表格运算）；分母为 0 或空白时结果为空白 `""`：没有计算基数。',
    en: '**Blanks.** A blank cell counts as 0, as in sheet arithmetic; when the denominator is 0 or blank the result is blank (`""`): there is no basis for a rate.',
  },
  {
    zh: '**坏单元格不连累整列。** 读不出数字的单元格在对应结果格显示 `#VALUE!`；负的计数、部分大于整体（如成交人数多于询单人数）、超出数值范围的结果（如 1e308 ÷ 1e-308）显示 `#NUM!`，绝不会出现 Infinity 或 NaN；其他行照常计算。',
    en: '**A bad cell does not kill the column.** A cell that cannot be read as a number gives `#VALUE!` in its output cell; a negative count, a part larger than its whole (more paying than inquiring buyers), or a result beyond any number (1e308 ÷ 1e-308) gives `#NUM!`, never Infinity or NaN; every other cell is still computed.',
  },
  {
    zh: '**调用错误会明确报错。** 参数个数不对、区域形状不同、`as_of` 读不出时，单元格显示 `#ERROR!`，鼠标悬停可见说明（指出是哪个参数、什么形状），语言跟随表格。',
    en: '**Bad calls fail loudly.** A wrong argument count, ranges of different shapes or an unreadable `as_of` show `#ERROR!` with a message naming the argument and the shapes, in the document\'s language.',
  },
  {
    zh: '**比率是小数。** 比率返回 0.25 而不是 25；请把单元格设为百分比格式。',
    en: '**Rates are fractions.** A rate is 0.25, never 25; format the cell as percent.',
  },
  {
    zh: '**时间窗口。** `*_28D`、`*_180D` 函数可以传已是窗口合计的每人数值（2 个参数，逐行相除），或逐条带日期的明细加上截止日 `as_of`（3 个及以上参数）。窗口为截止日及之前共 N 个自然日（两端都含），按表格时区（默认 Asia/Shanghai）计日。再传 `…, 每行客服, 客服列表` 可按客服分别统计，每个客服一个结果。',
    en: '**Dated windows.** `*_28D` and `*_180D` take per-agent window totals (2 arguments, elementwise), or dated rows plus an explicit `as_of` date (3 or more arguments). The window is the N calendar days ending on `as_of`, both ends included, in the spreadsheet\'s time zone (Asia/Shanghai by default). With `…, row_keys, keys` the function answers one value per key (usually the agent column).',
  },
  {
    zh: '**客服名按人读的方式匹配。** 去掉首尾空格、全角转半角（`Ａｍｙ` = `Amy`，`店铺：小美` = `店铺:小美`）、不分大小写后相等即为同一人；数字 `123` 等于文本 `123`，但 `00123` 是另一个编号。`keys` 中的空白项返回 `""`。',
    en: '**Keys match as a person reads them.** Equal after trimming, folding full-width forms (`Ａｍｙ` = `Amy`, `店铺：小美` = `店铺:小美`) and ignoring case; the number `123` equals the text `123`, but `00123` is another id. A blank entry in `keys` answers `""`.',
  },
  {
    zh: '**不是数字的值。** 数值参数里的逻辑值（`TRUE`、复选框）是映射错误：该格 `#VALUE!`。`KPI_GRADE` 遇到空白总分返回 `""`。',
    en: '**What is not a number.** A boolean (`TRUE`, a checkbox) in a numeric argument is a mapping mistake: `#VALUE!` in that cell. A blank total given to `KPI_GRADE` answers `""`.',
  },
  {
    zh: '**按月汇总用 Σ/Σ。** 由每日明细得出月度比率时，是各日分子之和 ÷ 各日分母之和，而不是每日比率的平均：第 1 天 2 个询单成交 1 个，第 2 天 98 个询单成交 1 个，全月是 2/100 = 2%，不是 25.5%。',
    en: '**Monthly figures are Σ/Σ.** A month built from daily rows is Σ numerator ÷ Σ denominator, never the average of the daily rates: 1 of 2 on day 1 and 1 of 98 on day 2 is 2/100 = 2 %, not 25.5 %.',
  },
];

const UNIT: Record<Unit, string> = {
  fraction: '比率（小数）fraction', yuan: '元 yuan', units: '件 units', hours: '小时 hours', seconds: '秒 seconds',
  days: '天 days', count: '笔 count', rating: '评分 1–5 rating', score: '分 score', grade: '等级 grade',
};

const cell = (s: string) => s.replace(/\|/g, '\\|');

function signature(args: readonly ArgSpec[]): string {
  const required = args.filter((a) => !a.optional).map((a) => a.name);
  const optional = args.filter((a) => a.optional).map((a) => a.name);
  return optional.length ? `${required.join(', ')}[, ${optional.join(', ')}]` : required.join(', ');
}

function section(e: CatalogueEntry): string {
  const forms = [`${e.id}(${signature(e.args)})`, ...(e.datedForm ? [`${e.id}(${signature(e.datedForm)})`] : [])];
  const direction = e.direction === 'higher' ? '越高越好 higher is better' : e.direction === 'lower' ? '越低越好 lower is better' : '—';
  const args = (list: readonly ArgSpec[]) => list.map((a) => `| \`${a.name}\`${a.optional ? '（可选 optional）' : ''} | ${cell(a.doc.zh)} | ${cell(a.doc.en)} |`);
  return [
    `### ${e.id} · ${e.name.zh}`,
    '',
    ...forms.map((f) => `\`=${f}\``).join('  \n').split('\n'),
    '',
    `${e.name.zh}（${e.name.en}）：${e.definition.zh}  `,
    `${e.definition.en}`,
    '',
    `单位 unit：${UNIT[e.unit]}${e.windowDays ? `，窗口 window：${e.windowDays} 天 days` : ''}；方向 direction：${direction}`,
    '',
    '| 参数 argument | 说明 | description |',
    '|---|---|---|',
    ...args(e.args),
    ...(e.datedForm ? ['', '带日期的写法 dated form:', '', '| 参数 argument | 说明 | description |', '|---|---|---|', ...args(e.datedForm)] : []),
  ].join('\n');
}

export function functionsDoc(): string {
  return [
    '<!-- generated by `npm run docs` from src/metrics/catalogue.ts and scripts/functions-doc.ts: edit those, not this file -->',
    '# 表格函数 · Sheet functions',
    '',
    '安装插件后，下面的函数可以像 `SUM` 一样直接写进公式；名称、参数顺序和规则是固定的公开约定，',
    '已写好的表格不会因升级而失效。在本地试用：`npm start` 打开的示例表格中，「数据」页右侧已有几条示例公式，',
    '任何单元格都可以输入这些函数。',
    '',
    'Once the add-on is installed these functions work in formulas like `SUM`. Their names, argument order and',
    'rules are a fixed public contract. Try them locally: in the playground (`npm start`) the 数据 tab opens with',
    'example formulas to the right of the data, and any cell takes them.',
    '',
    '## 规则 · Rules every function follows',
    '',
    ...RULES.flatMap((r, i) => [`${i + 1}. ${r.zh}  `, `   ${r.en}`, '']),
    '## 函数 · Functions',
    '',
    '| 函数 Function | 名称 Name | 单位 Unit |',
    '|---|---|---|',
    ...CATALOGUE.map((e) => `| [\`${e.id}\`](#${e.id.toLowerCase()}--${e.name.zh.toLowerCase().replace(/[()（）]/g, '')}) | ${cell(e.name.zh)} ${cell(e.name.en)} | ${UNIT[e.unit]} |`),
    '',
    ...CATALOGUE.flatMap((e) => [section(e), '']),
  ].join('\n');
}
