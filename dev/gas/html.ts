/** `HtmlService` over an in-memory file map (`{ sidebar: '<!doctype html>…' }`), and `HtmlOutput`. */
import { integerArg, signatureError, stringArg } from './args';
import { memberName, XFrameOptionsMode } from './enums';
import { API, defineApi, type Implements } from './expose';

const OUTPUT_METHODS = ['setTitle', 'getTitle', 'setWidth', 'getContent', 'setXFrameOptionsMode'] as const satisfies readonly (keyof GoogleAppsScript.HTML.HtmlOutput)[];
const SERVICE_METHODS = ['createHtmlOutputFromFile', 'createHtmlOutput'] as const satisfies readonly (keyof GoogleAppsScript.HTML.HtmlService)[];

const OUTPUT_API = defineApi('HtmlOutput', 'html', OUTPUT_METHODS);
const SERVICE_API = defineApi('HtmlService', 'html', SERVICE_METHODS, { XFrameOptionsMode });

export class FakeHtmlOutput implements Implements<(typeof OUTPUT_METHODS)[number]>,
  Pick<GoogleAppsScript.HTML.HtmlOutput, 'getTitle' | 'getContent'> {
  title = '';
  width: number | null = null;
  xFrameOptionsMode = 'DEFAULT';

  get [API]() {
    return OUTPUT_API;
  }

  constructor(readonly content: string) {}

  setTitle(title: unknown): FakeHtmlOutput {
    this.title = stringArg(title, 'HtmlService.HtmlOutput.setTitle', [title]);
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(width: unknown): FakeHtmlOutput {
    this.width = integerArg(width, 'HtmlService.HtmlOutput.setWidth', [width]);
    return this;
  }

  getContent(): string {
    return this.content;
  }

  setXFrameOptionsMode(mode: unknown): FakeHtmlOutput {
    this.xFrameOptionsMode = memberName(XFrameOptionsMode, mode, 'X-Frame-Options mode');
    return this;
  }
}

export class FakeHtmlService implements Implements<(typeof SERVICE_METHODS)[number]> {
  get [API]() {
    return SERVICE_API;
  }

  constructor(private readonly files: Readonly<Record<string, string>>) {}

  /** `'sidebar'` or `'sidebar.html'`, as Apps Script accepts both. */
  createHtmlOutputFromFile(filename: unknown): FakeHtmlOutput {
    const name = stringArg(filename, 'HtmlService.createHtmlOutputFromFile', [filename]).replace(/\.html$/, '');
    const content = Object.prototype.hasOwnProperty.call(this.files, name) ? this.files[name] : undefined;
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(content);
  }

  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw signatureError('HtmlService.createHtmlOutput', [html]);
    return new FakeHtmlOutput(html ?? '');
  }
}
