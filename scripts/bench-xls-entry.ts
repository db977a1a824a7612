/** The `.xls` readers alone, as one bundle entry for `npm run bench` (scripts/bench-files.ts). */
export { parseXls } from '../src/files/xls';
export { parseHtmlTables } from '../src/files/html-table';
