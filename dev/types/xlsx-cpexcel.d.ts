// SheetJS ships its code-page tables (GBK for the 生意参谋 fixture) without types.
declare module 'xlsx/dist/cpexcel.js' {
  const cptable: Parameters<typeof import('xlsx').set_cptable>[0];
  export default cptable;
}
