/**
 * The functions the sidebar calls. Each validates its request, does its work and answers with
 * a `Reply`: a value, or a bilingual message saying what is wrong and what to do. Errors never
 * escape as raw exceptions, so the sidebar can always show something useful.
 */
import { FIELDS, PRESETS, validateTemplate } from '../appraisal';
import { localeFrom, UserError, type Msg } from '../i18n';
import { APPRAISAL_METRICS } from '../metrics/catalogue';
import type { Reply, ServerApi, StateReply } from './api';
import { analyseData, buildAppraisal, defaultMonth, prepareTabForOwner } from './build-appraisal';
import { discardImport, importRows, optionalColumnKinds, optionalPart } from './import-rows';
import { withDocumentLock } from './lock';
import { deleteTemplate, listTemplates, loadTemplate, saveLocale, savedLocale, saveTemplate } from './store';
import { RefusalError } from './tab-guard';
import { monthTemplate } from './tab-template';
import {
  optionalFlag, optionalMapping, optionalMetricList, requireFileName, requireLocale, requireMonth, requireObject, requireRows, requireSheetName, requireTemplate, requireTemplateName,
} from './validate';

const FIELD_IDS = new Set(FIELDS.map((f) => f.id));

function reply<T>(fn: () => T): Reply<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof UserError) {
      const refused: Reply<T> = e.details ? { ok: false, error: e.msg, details: e.details } : { ok: false, error: e.msg };
      return e instanceof RefusalError ? { ...refused, refusal: e.refusal } : refused;
    }
    const text = e instanceof Error ? e.message : String(e);
    const error: Msg = { zh: `出现意外错误，未完成操作：${text}`, en: `Something unexpected went wrong; the action was not completed: ${text}` };
    return { ok: false, error };
  }
}

const APPRAISAL_TAB = /^考核 \d{4}-\d{2}$/;

/** Saving and deleting templates read the template index and write it back: under the document lock, like a build. */
const TEMPLATES_BUSY: Msg = {
  zh: '另一位同事正在保存模板或生成考核表，请稍等片刻再试（您的模板尚未保存）。',
  en: 'Someone else is saving a template or building an appraisal in this document; try again in a moment (your template is not saved yet).',
};

/** When the active sheet is a 考核 tab we built, its month and the template it was built with. */
function tabTemplateOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, active: string): StateReply['tabTemplate'] {
  const month = /^考核 (\d{4}-(?:0[1-9]|1[0-2]))$/.exec(active)?.[1];
  if (!month) return null;
  const tab = monthTemplate(ss, month);
  return tab.exists ? { month, template: tab.template } : null;
}

export const api: ServerApi = {
  kk_getState: () =>
    reply((): StateReply => {
      const ss = SpreadsheetApp.getActive();
      const sheets = ss.getSheets().map((s) => s.getName());
      const active = ss.getActiveSheet().getName();
      const locale = savedLocale() ?? localeFrom(Session.getActiveUserLocale());
      return {
        locale,
        sheets,
        activeSheet: active,
        suggestedDataSheet: sheets.find((s) => s === active && !APPRAISAL_TAB.test(s)) ?? sheets.find((s) => !APPRAISAL_TAB.test(s)) ?? null,
        defaultMonth: defaultMonth(new Date(), ss.getSpreadsheetTimeZone() || 'Asia/Shanghai'),
        metrics: APPRAISAL_METRICS.map((m) => ({ id: m.id, zh: m.name.zh, en: m.name.en, unit: m.unit, direction: m.direction ?? 'higher' })),
        presets: Object.values(PRESETS).map((p) => ({ id: p.id, name: p.name, template: p.template })),
        savedTemplates: listTemplates(),
        fields: FIELDS.map((f) => ({ id: f.id, zh: f.zh, en: f.en })),
        tabTemplate: tabTemplateOf(ss, active),
      };
    }),

  kk_analyseData: (req) =>
    reply(() => {
      const r = requireObject(req, 'request');
      return analyseData(requireSheetName(r.sheetName), requireMonth(r.month), optionalMapping(r.mapping, FIELD_IDS));
    }),

  kk_importRows: (req) =>
    reply(() => {
      const r = requireObject(req, 'request');
      return importRows(requireFileName(r.fileName), requireRows(r.rows), optionalColumnKinds(r.columns), optionalPart(r.part));
    }),

  kk_discardImport: (req) => reply(() => discardImport(requireSheetName(requireObject(req, 'request').sheetName))),

  kk_validateTemplate: (req) =>
    reply(() => {
      const r = requireObject(req, 'request');
      const checked = validateTemplate(r.template);
      return { errors: checked.ok ? [] : checked.errors };
    }),

  kk_buildAppraisal: (req) =>
    reply(() => {
      const r = requireObject(req, 'request');
      return buildAppraisal(requireSheetName(r.sheetName), requireMonth(r.month), r.template, optionalMapping(r.mapping, FIELD_IDS), {
        confirmTemplateChange: optionalFlag(r.confirmTemplateChange, 'confirmTemplateChange'),
        buildWithout: optionalMetricList(r.buildWithout, 'buildWithout'),
      });
    }),

  kk_prepareForOwner: (req) => reply(() => prepareTabForOwner(requireMonth(requireObject(req, 'request').month))),

  kk_saveTemplate: (req) =>
    reply(() => {
      const r = requireObject(req, 'request');
      const template = requireTemplate(r.template);
      const name = requireTemplateName(template.name);
      return withDocumentLock(() => ({ name, savedTemplates: saveTemplate(name, template) }), TEMPLATES_BUSY);
    }),

  kk_loadTemplate: (req) => reply(() => ({ template: loadTemplate(requireTemplateName(requireObject(req, 'request').name)) })),

  kk_deleteTemplate: (req) =>
    reply(() => {
      const name = requireTemplateName(requireObject(req, 'request').name);
      return withDocumentLock(() => ({ savedTemplates: deleteTemplate(name) }), TEMPLATES_BUSY);
    }),

  kk_monthTemplate: (req) => reply(() => monthTemplate(SpreadsheetApp.getActive(), requireMonth(requireObject(req, 'request').month))),

  kk_selectSheet: (req) =>
    reply(() => {
      const name = requireSheetName(requireObject(req, 'request').name, 'name');
      const sheet = SpreadsheetApp.getActive().getSheetByName(name);
      if (!sheet) throw new UserError({ zh: `找不到工作表「${name}」。`, en: `There is no sheet named "${name}".` });
      sheet.activate();
      return { name };
    }),

  kk_setLocale: (req) =>
    reply(() => {
      const locale = requireLocale(requireObject(req, 'request').locale);
      saveLocale(locale);
      return { locale };
    }),
};
