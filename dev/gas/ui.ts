/** `Ui` and `Menu`: what the add-on shows (menus, sidebars, dialogs, alerts), recorded for tests to read. */
import { signatureError, stringArg } from './args';
import { Button, ButtonSet, isMember, type EnumMember } from './enums';
import { API, defineApi, type Implements } from './expose';
import { FakeHtmlOutput } from './html';

const UI_METHODS = ['createAddonMenu', 'createMenu', 'showSidebar', 'showModalDialog', 'alert'] as const satisfies readonly (keyof GoogleAppsScript.Base.Ui)[];
const MENU_METHODS = ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] as const satisfies readonly (keyof GoogleAppsScript.Base.Menu)[];

const UI_API = defineApi('Ui', 'spreadsheet', UI_METHODS, { Button, ButtonSet });
const MENU_API = defineApi('Menu', 'spreadsheet', MENU_METHODS);

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { subMenu: string; items: MenuEntry[] };

export interface MenuView {
  /** The caption; for the add-on menu (`createAddonMenu`), null: Sheets names it after the add-on. */
  name: string | null;
  items: MenuEntry[];
}

export interface ShownHtml {
  title: string;
  html: string;
  width: number | null;
}

export interface AlertView {
  title: string;
  prompt: string;
  buttons: string;
  /** The button the (simulated) user pressed. */
  answer: string;
}

export interface UiState {
  menus: MenuView[];
  sidebars: ShownHtml[];
  dialogs: ShownHtml[];
  alerts: AlertView[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  /** Buttons the simulated user will press for the next alerts, first first; else each alert's first button. */
  alertAnswers: string[];
}

export function emptyUiState(): UiState {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], alertAnswers: [] };
}

const BUTTONS_OF: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };

export class FakeMenu implements Implements<(typeof MENU_METHODS)[number]>, Pick<GoogleAppsScript.Base.Menu, 'addToUi'> {
  private readonly entries: MenuEntry[] = [];

  get [API]() {
    return MENU_API;
  }

  constructor(private readonly state: UiState, readonly name: string | null) {}

  addItem(caption: unknown, functionName: unknown): FakeMenu {
    const args = [caption, functionName];
    this.entries.push({ caption: stringArg(caption, 'Menu.addItem', args), functionName: stringArg(functionName, 'Menu.addItem', args) });
    return this;
  }

  addSeparator(): FakeMenu {
    this.entries.push({ separator: true });
    return this;
  }

  addSubMenu(menu: unknown): FakeMenu {
    if (!(menu instanceof FakeMenu) || menu.name === null) throw signatureError('Menu.addSubMenu', [menu]);
    this.entries.push({ subMenu: menu.name, items: menu.view().items });
    return this;
  }

  addToUi(): void {
    this.state.menus.push(this.view());
  }

  private view(): MenuView {
    return { name: this.name, items: structuredClone(this.entries) };
  }
}

function shown(output: unknown, method: string, title?: unknown): ShownHtml {
  if (!(output instanceof FakeHtmlOutput)) throw signatureError(`Ui.${method}`, [output, title]);
  return { title: title === undefined ? output.title : String(title), html: output.content, width: output.width };
}

export class FakeUi implements Implements<(typeof UI_METHODS)[number]>, Pick<GoogleAppsScript.Base.Ui, 'showSidebar' | 'showModalDialog'> {
  get [API]() {
    return UI_API;
  }

  constructor(private readonly state: UiState) {}

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.state, null);
  }

  createMenu(caption: unknown): FakeMenu {
    return new FakeMenu(this.state, stringArg(caption, 'Ui.createMenu', [caption]));
  }

  showSidebar(output: unknown): void {
    this.state.sidebars.push(shown(output, 'showSidebar'));
  }

  showModalDialog(output: unknown, title: unknown): void {
    this.state.dialogs.push(shown(output, 'showModalDialog', stringArg(title, 'Ui.showModalDialog', [output, title])));
  }

  /** `alert(prompt)`, `alert(prompt, buttons)` or `alert(title, prompt, buttons)`; returns the pressed button. */
  alert(...args: unknown[]): EnumMember {
    const buttons = args.length >= 2 ? args[args.length - 1] : ButtonSet.OK;
    const texts = args.length === 3 ? args.slice(0, 2) : args.slice(0, 1);
    if (args.length < 1 || args.length > 3 || !isMember(ButtonSet, buttons) || texts.some((t) => typeof t !== 'string')) {
      throw signatureError('Ui.alert', args);
    }
    const choices = BUTTONS_OF[String(buttons)]!;
    const wanted = this.state.alertAnswers.shift();
    if (wanted !== undefined && !choices.includes(wanted) && wanted !== 'CLOSE') {
      throw new Error(`FakeGas: the queued alert answer ${wanted} is not one of ${choices.join(', ')}`);
    }
    const answer = wanted ?? choices[0]!;
    const [title, prompt] = texts.length === 2 ? (texts as [string, string]) : ['', texts[0] as string];
    this.state.alerts.push({ title, prompt, buttons: String(buttons), answer });
    return Button[answer as keyof typeof Button];
  }
}
