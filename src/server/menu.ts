/**
 * Editor add-on entry points. `onOpen` runs in AuthMode.NONE before the add-on is enabled in a
 * document, so it only builds the menu: no properties, no spreadsheet reads.
 */
export const SIDEBAR_TITLE = '客服绩效 Kefu KPI';

export function onInstall(e: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('打开客服绩效 · Open Kefu KPI', 'showSidebar')
    .addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
