/**
 * The bundle's entry: everything the generated top-level functions (`dist/10_functions.js`)
 * call through the `KefuKpi` global.
 */
export { runCustomFunction } from './custom-functions';
export { onInstall, onOpen, showSidebar } from './menu';
export { api } from './handlers';
