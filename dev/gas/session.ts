/** `Session` (the user's language, the script's time zone) and `ScriptApp` (its `AuthMode` enum only). */
import { AuthMode } from './enums';
import { API, defineApi, type Implements } from './expose';

const SESSION_METHODS = ['getActiveUserLocale', 'getScriptTimeZone'] as const satisfies readonly (keyof GoogleAppsScript.Base.Session)[];

const SESSION_API = defineApi('Session', 'session', SESSION_METHODS);
const SCRIPT_APP_API = defineApi('ScriptApp', 'script', [], { AuthMode });

export class FakeSession implements Implements<(typeof SESSION_METHODS)[number]>,
  Pick<GoogleAppsScript.Base.Session, 'getActiveUserLocale' | 'getScriptTimeZone'> {
  get [API]() {
    return SESSION_API;
  }

  constructor(private readonly userLocale: string, private readonly scriptTimeZone: string) {}

  getActiveUserLocale(): string {
    return this.userLocale;
  }

  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
}

export class FakeScriptApp {
  get [API]() {
    return SCRIPT_APP_API;
  }
}
