/**
 * Print rules for a page that is a sheet of its own (the one-pager): A4 (Letter fits too) with
 * 12 mm margins, and the app's header and skip link left off the paper.
 */
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 12mm; }
  html, body { background: #fff !important; }
  a[href="#main"], header:has(~ #main) { display: none !important; }
}
`;

export function PrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
