/**
 * Every piece of text the sidebar shows, in zh-CN and English (a test checks that each key has
 * both). `{name}` marks a value filled in by `fill`.
 */
import { pick, type Locale, type Msg } from '../i18n';
import type { ScoringMethod } from '../metrics/scoring';

export const STRINGS = {
  appTitle: { zh: '客服绩效', en: 'Kefu KPI' },
  switchLocale: { zh: 'English', en: '中文' },
  switchLocaleLabel: { zh: '切换为英文界面', en: 'Switch the sidebar to Chinese' },
  loading: { zh: '正在读取表格…', en: 'Reading the spreadsheet…' },
  working: { zh: '处理中…', en: 'Working…' },
  retry: { zh: '重试', en: 'Try again' },

  // Data
  dataTitle: { zh: '1. 数据', en: '1. Data' },
  dataSheet: { zh: '数据工作表', en: 'Data tab' },
  noSheets: { zh: '（没有可用的工作表）', en: '(no tabs available)' },
  month: { zh: '考核月份', en: 'Month' },
  monthInvalid: { zh: '月份格式应为 YYYY-MM，如 2026-11。', en: 'Write the month as YYYY-MM, e.g. 2026-11.' },
  analyse: { zh: '识别数据列', en: 'Recognise columns' },
  importFile: { zh: '或导入导出文件（.csv / .xlsx / .xls）', en: 'Or import an export file (.csv / .xlsx / .xls)' },
  importSending: { zh: '正在写入表格：{sent} / {total} 行…', en: 'Writing to the sheet: {sent} of {total} rows…' },
  importReading: { zh: '正在读取「{name}」…', en: 'Reading "{name}"…' },
  importEmpty: { zh: '「{name}」中没有数据。', en: '"{name}" holds no data.' },
  importDone: { zh: '已导入 {rows} 行 × {columns} 列到工作表「{sheet}」。', en: 'Imported {rows} rows × {columns} columns into the tab "{sheet}".' },
  importSheetUsed: { zh: '文件有多个工作表，已导入第一个有数据的「{name}」。', en: 'The file has several sheets; imported the first with data, "{name}".' },
  suggestionConfirm: { zh: '确认为「{field}」', en: 'Use as "{field}"' },
  extraSheetsTitle: { zh: '同月的其他数据表（一起计算）', en: 'Other data tabs of this month (read together)' },
  peopleTitle: { zh: '人员对照（多个账号合并为一人）', en: 'Person binding (several accounts, one person)' },
  peoplePropose: { zh: '对照人员', en: 'Match accounts to people' },
  peopleHelp: {
    zh: '按去掉店铺前缀后同名自动对照；请检查每个账号对应的人员，再确认。生成时同一人员的账号相加计算。',
    en: 'Accounts with the same name after the shop prefix are matched; check each account\'s person, then confirm. A build sums a person\'s accounts.',
  },
  peopleAccount: { zh: '账号', en: 'Account' },
  peoplePerson: { zh: '人员', en: 'Person' },
  peoplePlatform: { zh: '平台', en: 'Platform' },
  peopleConfirm: { zh: '确认人员对照', en: 'Confirm the binding' },
  peopleSaved: { zh: '已保存到「{sheet}」（{rows} 个账号）；生成时按此合并。', en: 'Saved to "{sheet}" ({rows} accounts); builds merge accounts by it.' },
  peopleInUse: { zh: '生成时按「人员对照」合并账号。', en: 'Builds merge accounts by the person binding tab.' },
  suggestionsTitle: { zh: '未使用的相近列（在「1. 数据」中确认后才使用）', en: 'Columns not used until confirmed (in "1. Data")' },
  lastTemplate: { zh: '上次生成使用的模板', en: 'The template of the last build' },
  mappingTitle: { zh: '列识别结果（可修改）', en: 'Columns found (you can correct them)' },
  mappingIgnore: { zh: '— 不使用 —', en: '— not used —' },
  samples: { zh: '样例：', en: 'Samples: ' },
  noSamples: { zh: '（空）', en: '(empty)' },
  headerBlank: { zh: '（第 {n} 列，无标题）', en: '(column {n}, no header)' },
  analysisSummary: {
    zh: '{agents} 位客服，使用 {used} 行，跳过 {skipped} 行（表头 {headerRows} 行）。',
    en: '{agents} agents, {used} rows used, {skipped} skipped ({headerRows} header rows).',
  },
  agentsTitle: { zh: '客服', en: 'Agents' },
  skippedTitle: { zh: '跳过的行', en: 'Skipped rows' },
  skippedRow: { zh: '第 {row} 行：', en: 'Row {row}: ' },
  warningsTitle: { zh: '提示', en: 'Notes' },
  availableTitle: { zh: '可计算的指标', en: 'Metrics these columns allow' },
  noneAvailable: { zh: '（没有，请检查列识别）', en: '(none: check the columns)' },

  // Template
  templateTitle: { zh: '2. 考核模板', en: '2. Template' },
  templateSource: { zh: '从预设或已保存的模板开始', en: 'Start from a preset or a saved template' },
  presetsGroup: { zh: '预设', en: 'Presets' },
  savedGroup: { zh: '已保存', en: 'Saved' },
  load: { zh: '载入', en: 'Load' },
  deleteSaved: { zh: '删除所选的已保存模板', en: 'Delete the selected saved template' },
  deleted: { zh: '已删除模板「{name}」。', en: 'Deleted the template "{name}".' },
  templateName: { zh: '模板名称', en: 'Template name' },
  itemsTitle: { zh: '考核项', en: 'Items' },
  itemLegend: { zh: '第 {n} 项', en: 'Item {n}' },
  metricItem: { zh: '指标', en: 'Metric' },
  manualItem: { zh: '手工评分项', en: 'Manual item' },
  metric: { zh: '指标', en: 'Metric' },
  metricNotInData: { zh: '当前数据中缺少计算该指标的列，得分将为 0。', en: 'The data lacks the columns for this metric; it will score 0.' },
  weight: { zh: '权重', en: 'Weight' },
  method: { zh: '计分方法', en: 'Scoring method' },
  floor: { zh: '下限（0 分）', en: 'Floor (0 points)' },
  target: { zh: '目标（100 分）', en: 'Target (100 points)' },
  cap: { zh: '封顶分（默认 100）', en: 'Cap (default 100)' },
  points: { zh: '每单位扣分', en: 'Points off per unit' },
  tiersTitle: { zh: '阶梯（最好的一档在前）', en: 'Tiers (best first)' },
  tierThreshold: { zh: '第 {n} 档门槛', en: 'Tier {n} threshold' },
  tierScore: { zh: '第 {n} 档得分', en: 'Tier {n} score' },
  addTier: { zh: '添加一档', en: 'Add a tier' },
  removeTier: { zh: '删除第 {n} 档', en: 'Remove tier {n}' },
  manualName: { zh: '名称', en: 'Name' },
  manualMax: { zh: '满分', en: 'Maximum' },
  remove: { zh: '删除', en: 'Remove' },
  removeItem: { zh: '删除第 {n} 项', en: 'Remove item {n}' },
  addMetricItem: { zh: '添加指标项', en: 'Add a metric' },
  addManualItem: { zh: '添加手工项', en: 'Add a manual item' },
  newManualName: { zh: '工作态度', en: 'Attitude' },
  weightTotal: { zh: '权重合计：{total} / 100', en: 'Weights: {total} / 100' },
  gradesTitle: { zh: '等级', en: 'Grades' },
  gradeName: { zh: '等级', en: 'Grade' },
  gradeMin: { zh: '最低分', en: 'Minimum' },
  gradeCoefficient: { zh: '系数', en: 'Coefficient' },
  gradeLabel: { zh: '第 {n} 个等级的{field}', en: 'Band {n} {field}' },
  addGrade: { zh: '添加等级', en: 'Add a grade band' },
  removeGrade: { zh: '删除第 {n} 个等级', en: 'Remove band {n}' },
  bonusBase: { zh: '奖金基数（元，可不填）', en: 'Bonus base (yuan, optional)' },
  checkTemplate: { zh: '检查模板', en: 'Check template' },
  templateOk: { zh: '模板检查通过。', en: 'The template is valid.' },
  templateOkButNoData: {
    zh: '模板本身没有问题，但本月数据无法为以下考核项计分：请映射数据列、移除这些项，或生成时选择「按无数据生成」。',
    en: 'The template itself is valid, but this month\'s data cannot score the items below: map their columns, remove them, or choose "build as no data" when building.',
  },
  tabTemplateOption: { zh: '「{sheet}」生成时所用的模板', en: 'The template "{sheet}" was built with' },
  tabTemplateLoaded: { zh: '已载入「{sheet}」生成时所用的模板。', en: 'Loaded the template "{sheet}" was built with.' },
  confirmTemplateChange: { zh: '确认改用当前模板并重新生成', en: 'Apply this template and rebuild' },
  keepTabTemplate: { zh: '改回该表原来的模板', en: 'Go back to the tab\'s own template' },
  goToMapping: { zh: '去映射数据列', en: 'Map the data columns' },
  removeNoDataItems: { zh: '从模板中移除这些项', en: 'Remove these items from the template' },
  buildAsNoData: { zh: '按无数据生成（权重分给其余各项）', en: 'Build them as no data (weight shared over the rest)' },
  removedNoDataItems: {
    zh: '已从模板中移除 {n} 项（共 {weight} 的权重），请把权重重新分配到合计 100 后再生成。',
    en: 'Removed {n} item(s) (weight {weight} in all) from the template; share out the weights to total 100, then build.',
  },
  builtNoData: { zh: '按无数据生成、不计分的项：{items}（权重已按比例分给其余各项）', en: 'Built as no data, not scored: {items} (their weight shared over the rest)' },
  saveTemplate: { zh: '保存模板', en: 'Save template' },
  saved: { zh: '已保存模板「{name}」。', en: 'Saved the template "{name}".' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  importJson: { zh: '导入 JSON 模板', en: 'Import a JSON template' },
  importJsonBad: { zh: '「{name}」不是有效的 JSON：{detail}', en: '"{name}" is not valid JSON: {detail}' },
  importJsonDone: { zh: '已导入模板「{name}」，请检查下方提示。', en: 'Imported the template "{name}"; check the notes below.' },

  // Build
  buildTitle: { zh: '3. 生成考核表', en: '3. Build' },
  build: { zh: '生成 {month} 考核表', en: 'Build the {month} appraisal' },
  rebuild: { zh: '重新生成 {month} 考核表（保留手工分与备注）', en: 'Rebuild {month} (keeps manual scores and remarks)' },
  blockedWeights: { zh: '权重合计须为 100 才能生成（当前 {total}）。', en: 'The weights must add up to 100 to build (now {total}).' },
  blockedIssues: { zh: '请先修正模板中标出的问题。', en: 'Fix the problems marked in the template first.' },
  blockedSheet: { zh: '请先选择或导入数据工作表。', en: 'Choose or import a data tab first.' },
  blockedMonth: { zh: '请填写考核月份。', en: 'Enter the month.' },
  stepAnalyse: { zh: '识别数据', en: 'Read the data' },
  stepValidate: { zh: '检查模板', en: 'Check the template' },
  stepBuild: { zh: '写入考核表', en: 'Write the appraisal tab' },
  stepPending: { zh: '等待', en: 'waiting' },
  stepRunning: { zh: '进行中…', en: 'running…' },
  stepDone: { zh: '完成', en: 'done' },
  stepFailed: { zh: '失败', en: 'failed' },
  builtTitle: { zh: '已生成「{sheet}」', en: 'Built "{sheet}"' },
  rebuiltTitle: { zh: '已更新「{sheet}」', en: 'Updated "{sheet}"' },
  builtAgents: { zh: '客服：{n} 位', en: 'Agents: {n}' },
  builtSkipped: { zh: '跳过的行：{n}', en: 'Rows skipped: {n}' },
  manualIssuesTitle: { zh: '人工评分待检查（文字或超出 0–满分的分数不计分，总分显示「待修正」）', en: 'Manual scores to check (text or a score outside 0–max does not count: the total shows "Fix scores")' },
  builtVanished: { zh: '本月数据中已没有、但保留在表中的客服：{n} 位', en: 'Agents no longer in the data, kept in the tab: {n}' },
  openSheet: { zh: '打开「{sheet}」', en: 'Open "{sheet}"' },
  refreshReports: { zh: '刷新绩效单和趋势', en: 'Refresh the report card and trend' },
  reportsDone: { zh: '已刷新「{card}」和「{trend}」。', en: 'Refreshed "{card}" and "{trend}".' },
  prepareOwner: { zh: '为店主准备（按排名排序、隐藏参数行、冻结表头、保护）', en: 'Prepare for the owner (sort by rank, hide parameters, freeze header, protect)' },
  preparedOwner: {
    zh: '「{sheet}」已保护：只有手工分与备注可编辑。店主打开后第一屏就是排名表。现在可以用「共享」按钮给店主查看权限。',
    en: '"{sheet}" is protected: only manual scores and remarks stay editable. The owner\'s first screen is the ranked table. Share it with the owner (view access) now.',
  },
  preparedSorted: { zh: '已按排名排序：第 1 名在最上面，没有排名的（待修正）排在最后；每人自己的各列随之移动。', en: 'Sorted by rank: first place on top, agents without a rank (scores to fix) last; every column of a row moved with it.' },
  preparedInOrder: { zh: '已是排名顺序，没有移动任何行。', en: 'Already in rank order: no row moved.' },
  preparedHidden: { zh: '已隐藏第 {first}–{last} 行（参数、权重与换算）：右键点行号 › 取消隐藏行 可再查看；重新生成也会显示。', en: 'Rows {first}–{last} (parameters, weights, scale) are hidden: right-click the row numbers › Unhide rows to see them; building again shows them too.' },
  preparedFrozen: { zh: '已冻结第 1–{n} 行：标题、团队平均/中位数和表头在滚动时保持可见。', en: 'Rows 1–{n} are frozen: the title, the team average/median and the header stay in view while scrolling.' },
  preparedReports: { zh: '排序移动了行，已随之刷新「{card}」和「{trend}」。', en: 'The sort moved rows, so "{card}" and "{trend}" were refreshed.' },
  ownerViewReset: { zh: '该表曾为店主准备过：参数行已重新显示，新数据也未按排名重排。给店主查看前，请再按「为店主准备」。', en: 'This tab had been prepared for the owner: its parameter rows are shown again and the new figures are not re-sorted. Prepare it for the owner again before sharing.' },

  // Server wrapper
  errNoServer: {
    zh: '无法连接到表格（google.script.run 不可用），请从「扩展程序」菜单重新打开侧边栏。',
    en: 'Cannot reach the spreadsheet (google.script.run is missing); reopen the sidebar from the Extensions menu.',
  },
  errServerFailed: { zh: '与表格通信失败：{detail}。请稍后重试。', en: 'The call to the spreadsheet failed: {detail}. Try again in a moment.' },
  errBadReply: { zh: '表格返回了无法识别的结果（{fn}）。', en: 'The spreadsheet sent back an unexpected result ({fn}).' },
  errUnexpected: { zh: '出现意外错误：{detail}', en: 'Something unexpected went wrong: {detail}' },
} as const satisfies Record<string, Msg>;

export type StringKey = keyof typeof STRINGS;

/** The scoring methods' names, as appraisal.md's table gives them. */
export const METHOD_NAMES: Record<ScoringMethod, Msg> = {
  linear: { zh: '线性插值', en: 'Linear' },
  ratio: { zh: '达成率', en: 'Ratio to target' },
  tiers: { zh: '阶梯', en: 'Tiers' },
  deduction: { zh: '扣分制', en: 'Deduction' },
  pass_fail: { zh: '达标制', en: 'Pass / fail' },
};

/** One string in the user's language. */
export function t(key: StringKey, locale: Locale): string {
  return pick(STRINGS[key], locale);
}

/** Fills `{name}` placeholders in both languages of a message. Unknown placeholders stay as written. */
export function fill(msg: Msg, values: Record<string, string | number>): Msg {
  const put = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return { zh: put(msg.zh), en: put(msg.en) };
}
