import { describe, expect, it } from 'vitest';
import { createFakeGas } from '../../dev/gas';

describe('Ui: menus, sidebars, dialogs, alerts', () => {
  it('records an add-on menu with its items, separators and sub-menus', () => {
    const { globals, book } = createFakeGas();
    const ui = globals.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('打开客服绩效 · Open Kefu KPI', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('更多').addItem('帮助', 'showHelp'))
      .addToUi();
    expect(book.ui.menus).toEqual([{
      name: null,
      items: [
        { caption: '打开客服绩效 · Open Kefu KPI', functionName: 'showSidebar' },
        { separator: true },
        { subMenu: '更多', items: [{ caption: '帮助', functionName: 'showHelp' }] },
      ],
    }]);
  });

  it('shows a sidebar and a dialog with their HTML and titles', () => {
    const { globals, book } = createFakeGas({ html: { sidebar: '<p>侧边栏</p>' } });
    const ui = globals.SpreadsheetApp.getUi();
    ui.showSidebar(globals.HtmlService.createHtmlOutputFromFile('sidebar').setTitle('客服绩效 Kefu KPI'));
    ui.showModalDialog(globals.HtmlService.createHtmlOutput('<b>ok</b>').setWidth(400), '导入');
    expect(book.ui.sidebars).toEqual([{ title: '客服绩效 Kefu KPI', html: '<p>侧边栏</p>', width: null }]);
    expect(book.ui.dialogs).toEqual([{ title: '导入', html: '<b>ok</b>', width: 400 }]);
  });

  it('answers alerts with the first button unless the test queued another', () => {
    const { globals, book } = createFakeGas();
    const ui = globals.SpreadsheetApp.getUi();
    expect(ui.alert('已完成')).toBe(ui.Button.OK);
    book.ui.alertAnswers.push('NO');
    expect(ui.alert('覆盖?', '考核 2026-11 已存在', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('继续?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(book.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['', '已完成', 'OK', 'OK'], ['覆盖?', '考核 2026-11 已存在', 'YES_NO', 'NO'], ['', '继续?', 'YES_NO', 'YES'],
    ]);
  });

  it('refuses to show something that is not an HtmlOutput', () => {
    const ui = createFakeGas().globals.SpreadsheetApp.getUi();
    expect(() => ui.showSidebar('<p>' as never)).toThrow(/method signature for Ui\.showSidebar/);
  });
});

describe('HtmlService', () => {
  it('reads files by name with or without .html, and refuses unknown ones', () => {
    const { globals } = createFakeGas({ html: { sidebar: '<html></html>' } });
    expect(globals.HtmlService.createHtmlOutputFromFile('sidebar.html').getContent()).toBe('<html></html>');
    expect(() => globals.HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
  });

  it('keeps the title and the X-Frame-Options mode', () => {
    const { HtmlService } = createFakeGas().globals;
    const out = HtmlService.createHtmlOutput('x').setTitle('T').setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
    expect(out.getTitle()).toBe('T');
  });
});

describe('LockService', () => {
  it('gives the document lock and takes it back', () => {
    const { globals, book } = createFakeGas();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect([lock.hasLock(), book.lock.held]).toEqual([true, true]);
    lock.releaseLock();
    expect([lock.hasLock(), book.lock.held]).toEqual([false, false]);
  });

  it('fails at once when another execution holds it (test hook)', () => {
    const { globals, book } = createFakeGas();
    book.lock.busy = true;
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(20_000)).toBe(false);
    expect(() => lock.waitLock(20_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    book.lock.busy = false;
    expect(lock.tryLock(20_000)).toBe(true);
  });
});

describe('PropertiesService', () => {
  it('keeps document and user stores apart', () => {
    const { globals, book } = createFakeGas();
    globals.PropertiesService.getDocumentProperties().setProperty('kk.templates', '[]');
    globals.PropertiesService.getUserProperties().setProperty('kk.locale', 'en');
    expect(book.properties.document.all()).toEqual({ 'kk.templates': '[]' });
    expect(book.properties.user.get('kk.locale')).toBe('en');
    expect(globals.PropertiesService.getUserProperties().getProperty('kk.templates')).toBeNull();
  });

  it('sets many at once, optionally dropping the others, and deletes', () => {
    const store = createFakeGas().globals.PropertiesService.getDocumentProperties();
    store.setProperties({ a: '1', b: '2' }).setProperties({ c: '3' }, true);
    expect(store.getProperties()).toEqual({ c: '3' });
    store.setProperties({ d: 4 } as never).deleteProperty('c');
    expect([store.getKeys(), store.getProperty('d')]).toEqual([['d'], '4']);
  });

  it('refuses a value over 9 KB, counted in UTF-8 bytes', () => {
    const store = createFakeGas().globals.PropertiesService.getDocumentProperties();
    store.setProperty('ascii', 'x'.repeat(9216)); // 9 × 1024 bytes: allowed
    // 3,073 CJK characters × 3 bytes = 9,219 bytes > 9,216
    expect(() => store.setProperty('cjk', '考'.repeat(3073))).toThrow('Argument too large: value');
    expect(store.getProperty('cjk')).toBeNull();
  });

  it('refuses to grow a store past 500 KB and keeps it as it was', () => {
    const store = createFakeGas().globals.PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    // k0…k9: 10 × (2 + 9,000) = 90,020; k10…k55: 46 × (3 + 9,000) = 414,138; total 504,158 ≤ 500 × 1024 = 512,000
    for (let i = 0; i < 56; i++) store.setProperty(`k${i}`, chunk);
    // one more: 504,158 + (3 + 9,000) = 513,161 > 512,000
    expect(() => store.setProperty('k56', chunk)).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(store.getKeys()).toHaveLength(56);
  });
});

describe('Session, ScriptApp, Logger, console', () => {
  it('reports the user’s locale and the script’s time zone', () => {
    const { Session } = createFakeGas({ userLocale: 'en', scriptTimeZone: 'Europe/Paris' }).globals;
    expect([Session.getActiveUserLocale(), Session.getScriptTimeZone()]).toEqual(['en', 'Europe/Paris']);
  });

  it('offers the AuthMode enum', () => {
    const { ScriptApp } = createFakeGas().globals;
    expect(String(ScriptApp.AuthMode.NONE)).toBe('NONE');
    expect(ScriptApp.AuthMode.FULL).not.toBe(ScriptApp.AuthMode.NONE);
  });

  it('keeps what is logged, with Logger’s %s substitution', () => {
    const { globals, book } = createFakeGas();
    globals.Logger.log('%s rows of %s', 3, '数据');
    globals.console.warn('slow', { ms: 12 });
    expect(book.logs).toEqual([
      { source: 'Logger', level: 'log', text: '3 rows of 数据' },
      { source: 'console', level: 'warn', text: 'slow {"ms":12}' },
    ]);
    expect(globals.Logger.getLog()).toBe('3 rows of 数据');
  });
});
