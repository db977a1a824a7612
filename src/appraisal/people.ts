/**
 * Person binding (人员对照): which accounts belong to one person. 小美 is `旗舰店:小美` on 千牛,
 * `xiaomei` on 飞鸽 and `小美-京东` on 咚咚; bound, her three accounts are summed into one row
 * (Σ numerator ÷ Σ denominator across every file and platform).
 *
 * The binding lives in a `人员对照` tab (account, person, platform) the manager can edit, or in
 * the command line's `--people people.csv`. The sidebar proposes it from the data: accounts with
 * the same name once the shop prefix and a platform tag are cut, compared as keys (rule 8).
 */
import type { Msg } from '../i18n';
import { keyText, readKey } from '../metrics/coerce';
import { subAccountName } from './aggregate';
import { cellText } from './cells';

export const PEOPLE_TAB = '人员对照';
export const PEOPLE_HEADER = ['账号', '人员', '平台'] as const;

export interface Binding {
  account: string;
  person: string;
  /** The back-end the account is on (淘宝, 抖店, 京东, 拼多多 …), or '' when not known. */
  platform: string;
}

/**
 * Two keys are one when they match as a person reads them (functions.md rule 8): trimmed,
 * full-width folded, case ignored (`readKey`); the NFKC folding on top also folds compatibility forms.
 */
export function accountKey(raw: unknown): string {
  return readKey(raw).normalize('NFKC').toLowerCase();
}

/** Platform tags written beside a name (`小美-京东`, `小美(jd)`, `抖店_小美`). */
const PLATFORM_TAG = '(?:京东|jd|抖音|抖店|飞鸽|douyin|拼多多|pdd|淘宝|天猫|千牛|taobao|tmall)';
const TAG_AFTER = new RegExp(`^(.+?)[\\s\\-_·.]*[(（\\[【]?${PLATFORM_TAG}[)）\\]】]?$`, 'iu');
const TAG_BEFORE = new RegExp(`^[(（\\[【]?${PLATFORM_TAG}[)）\\]】]?[\\s\\-_·.]+(.+)$`, 'iu');

/** The name a person goes by across accounts: the shop prefix and a platform tag cut, as a key. */
export function personKey(account: string): string {
  let name = subAccountName(readKey(account).normalize('NFKC'));
  name = TAG_AFTER.exec(name)?.[1] ?? TAG_BEFORE.exec(name)?.[1] ?? name;
  return accountKey(name);
}

/** The display name of a proposed person: the account with its prefix and tag cut. */
function personName(account: string): string {
  const name = subAccountName(keyText(account));
  const folded = name.normalize('NFKC');
  return (TAG_AFTER.exec(folded)?.[1] ?? TAG_BEFORE.exec(folded)?.[1] ?? name).trim();
}

/** The back-end an export comes from, guessed from its file or tab name ('' when it says nothing). */
export function platformOf(name: string): string {
  const n = name.normalize('NFKC').toLowerCase();
  if (/飞鸽|抖店|抖音|feige|douyin/.test(n)) return '抖店';
  if (/咚咚|京东|京麦|dongdong|jingdong|\bjd\b/.test(n)) return '京东';
  if (/拼多多|pdd|pinduoduo/.test(n)) return '拼多多';
  if (/千牛|赤兔|生意参谋|淘宝|天猫|qianniu|chitu|sycm|taobao|tmall/.test(n)) return '淘宝';
  return '';
}

export interface SourceAccounts {
  /** The tab or file the accounts come from (its name suggests the platform). */
  source: string;
  accounts: readonly string[];
}

/**
 * The binding the sidebar proposes: every account of every source, each with the person whose
 * key it shares (the shortest name of the group, so `旗舰店:小美` and `小美-京东` both go to
 * 小美). Rows the manager already confirmed keep their person. Accounts no rule relates
 * (`xiaomei`) stay their own person until the manager says otherwise.
 */
export function proposeBindings(sources: readonly SourceAccounts[], confirmed: readonly Binding[] = []): Binding[] {
  const known = new Map(confirmed.map((b) => [accountKey(b.account), b]));
  const groups = new Map<string, string>();
  for (const source of sources) {
    for (const account of source.accounts) {
      const key = personKey(account);
      const name = personName(account);
      const best = groups.get(key);
      if (!best || [...name].length < [...best].length) groups.set(key, name);
    }
  }
  const out: Binding[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const account of source.accounts) {
      const key = accountKey(account);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const kept = known.get(key);
      out.push(kept ? { ...kept, account: keyText(account) } : { account: keyText(account), person: groups.get(personKey(account))!, platform: platformOf(source.source) });
    }
  }
  return out;
}

export interface BindingTable {
  bindings: Binding[];
  warnings: Msg[];
}

/**
 * Reads a binding grid (the 人员对照 tab or people.csv): account, person[, platform], a header
 * row recognised by its words and skipped. Blank rows are passed over; an account bound to two
 * different people is reported and the first binding kept (a silent pick would move figures).
 */
export function readBindings(grid: readonly unknown[][]): BindingTable {
  const rows = Array.isArray(grid) ? grid.filter((row) => Array.isArray(row)) : [];
  const header = rows[0]?.map((c) => cellText(c).toLowerCase()) ?? [];
  const hasHeader = header.some((h) => /^(账号|帐号|人员|姓名|平台|account|person|platform|name)$/.test(h));
  const bindings: Binding[] = [];
  const warnings: Msg[] = [];
  const byKey = new Map<string, Binding>();
  for (const row of hasHeader ? rows.slice(1) : rows) {
    // Shown as written; compared by key (accountKey).
    const account = keyText(row[0]);
    const person = keyText(row[1]);
    if (!account && !person) continue;
    if (!account || !person) {
      warnings.push({
        zh: `人员对照中「${account || person}」缺少${account ? '人员' : '账号'}，这一行未使用`,
        en: `the binding row "${account || person}" has no ${account ? 'person' : 'account'}; it is not used`,
      });
      continue;
    }
    const binding = { account, person, platform: keyText(row[2]) };
    const before = byKey.get(accountKey(account));
    if (before && accountKey(before.person) !== accountKey(person)) {
      warnings.push({
        zh: `账号「${account}」在人员对照中对应两个人（${before.person}、${person}），按第一行「${before.person}」计算`,
        en: `account "${account}" is bound to two people (${before.person}, ${person}); the first, ${before.person}, is used`,
      });
      continue;
    }
    if (!before) byKey.set(accountKey(account), binding);
    bindings.push(binding);
  }
  return { bindings, warnings };
}

/** The grid of a 人员对照 tab: the header, then one row per binding. */
export function bindingRows(bindings: readonly Binding[]): string[][] {
  return [[...PEOPLE_HEADER], ...bindings.map((b) => [b.account, b.person, b.platform])];
}

/**
 * The account → person map `aggregate` takes, for the accounts the data holds: an account is
 * bound by its own key, or else by its name after the shop prefix (`旗舰店:小美` → a binding of
 * `小美`), both compared as keys (rule 8). Keys of the map are the accounts as `aggregate` reads them.
 */
export function aliasesFor(bindings: readonly Binding[], accounts: Iterable<string>): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const b of bindings) if (!byKey.has(accountKey(b.account))) byKey.set(accountKey(b.account), b.person);
  const aliases: Record<string, string> = {};
  for (const account of accounts) {
    const raw = readKey(account);
    const person = byKey.get(accountKey(raw)) ?? byKey.get(accountKey(subAccountName(raw)));
    if (raw && person !== undefined) aliases[raw] = person;
  }
  return aliases;
}
