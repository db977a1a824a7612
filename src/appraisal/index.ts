/**
 * The appraisal's public face: template validation and presets, header recognition, per-agent
 * aggregation (Σ/Σ), the plan of the `考核 YYYY-MM` tab, reading a built tab back, and the pure
 * expected results. Pure code: no Apps Script globals, no Node APIs, no DOM.
 */
export {
  TEMPLATE_VERSION, validateTemplate, isManual, itemLabel, shortName, suggestMetrics,
  type Template, type TemplateItem, type MetricItem, type ManualItem, type Validation,
} from './template';
export { PRESETS, presetTemplate, type Preset, type PresetId } from './presets';
export { FIELDS, fieldById, fieldOfHeader, headerKey, headerUnit, type Field, type FieldKind, type HeaderUnit } from './fields';
export { recognise, type Recognition, type ColumnGuess, type MappingOverrides } from './headers';
export { METRIC_SOURCES, type MetricSource } from './metric-sources';
export {
  aggregate, monthDays, subAccountName, type AggregateOptions, type Aggregation, type AgentValues, type ColumnMapping, type SkippedRow,
} from './aggregate';
export { planTab, tabNameOf, metricValue, unitFormat, FORMATS, type PlanInput, type PlanAgent } from './plan';
export { scoreFormula, type ParamCells } from './formulas';
export { readExisting, readPreviousTotals } from './existing';
export { readAnatomy, findKeyRow, KEYS, HIDDEN_FORMAT, type TabAnatomy, type KeyedColumn } from './anatomy';
export { placeFresh, placeInto, type Placement, type WriteBlock } from './placement';
export {
  manualIssues, tabManualIssues, issueMessages, scoresOutOfRangeAfter, isValidManual, invalidManualFormula, type ManualIssue, type AffectedScore,
} from './manual-check';
export { alignInputs, conflictingSpellings } from './agent-keys';
export { inputsFromRows, emptyInputs, type ExistingInputs, type ManualValue } from './manual-inputs';
export { expectedResults, itemScore, roundLikeSheets, type ExpectedAgent, type ExpectedResults } from './results';
export { neutralise, unneutralise } from './neutralise';
export { TAB_TAG_KEY, type TabPlan, type TabLayout, type PlanValue, type ChartPlan } from './plan-types';
export { diffTemplates, templateHash, templateMeaning, type TemplateDiff, type TemplateChange } from './template-diff';
export { coverageOf, uncoveredItems, uncoveredLine, withoutItems, neededColumns, type UncoveredItem } from './coverage';
