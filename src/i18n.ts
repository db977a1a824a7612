/** Bilingual messages: zh-CN is the default, English for users whose locale is not Chinese. */
export type Locale = 'zh' | 'en';

export interface Msg {
  zh: string;
  en: string;
}

/** The message in the user's language. */
export function pick(msg: Msg, locale: Locale): string {
  return locale === 'en' ? msg.en : msg.zh;
}

/** A Sheets / browser locale string (`zh_CN`, `zh-TW`, `en_US`, `fr`) to ours: Chinese → zh, anything else → en. */
export function localeFrom(tag: string | null | undefined): Locale {
  if (!tag) return 'zh';
  return /^zh/i.test(tag) ? 'zh' : 'en';
}

/** An Error whose message is in one language but which keeps both, so callers can re-pick. */
export class UserError extends Error {
  readonly msg: Msg;
  /** Further messages of the same kind (e.g. every problem of a template), listed under `msg`. */
  readonly details?: Msg[];
  constructor(msg: Msg, locale: Locale = 'zh', details?: Msg[]) {
    super(pick(msg, locale));
    this.name = 'UserError';
    this.msg = msg;
    if (details?.length) this.details = details;
  }
}
