// The table readers' fuzz properties (issue 14 item 9): generated pages (table-pages.ts) in every
// family's markup go to that family's reader (detect + read) and to readPortalTables (every reader,
// column mapping, transactions). Whatever the page holds, reading never throws, rows stay aligned
// with their headers, money stays a plain decimal string, a row it cannot read carries issues, and
// each page is read fast.
import fc from 'fast-check';
import type { Issue } from '../../lib/model';
import { TABLE_READERS, readPortalTables } from '../../lib/portals';
import { FAMILIES, type Family, type PageCase, pageCases, renderPage } from './table-pages';
import { timed } from './limits';

export const TABLE_TARGETS: readonly Family[] = FAMILIES;

const NOW = '2024-03-10T00:00:00.000Z';
/**
 * Readers that place cells by key or column index give each row exactly one cell per header.
 * Readers that lay out <tr>s (colspan/rowspan, dom.ts layoutRows) give a row as wide as it is:
 * transactions.ts reads a missing cell as ''.
 */
const KEYED = new Set<Family>(['layui', 'vxe-table', 'easyui', 'aria-grid', 'ag-grid']);
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A DOMParser: the test environment's (happy-dom in vitest), or one given by the runner. */
export type ParseHtml = (html: string) => Document;

export function checkPage(target: Family, html: string, parse: ParseHtml): void {
  const doc = parse(`<!doctype html><html><body>${html}</body></html>`);
  const reader = TABLE_READERS.find((r) => r.id === target);
  if (!reader) throw new Error(`no table reader ${target}`);
  timed(`${target} detect+read`, () => {
    for (const root of reader.detect(doc)) {
      const raw = reader.read(root);
      if (!raw) continue;
      raw.rows.forEach((row, i) => {
        if (!row.cells.every((c) => typeof c === 'string')) throw new Error(`${target} row ${i + 1}: a cell that is not text`);
        if (KEYED.has(target) && row.cells.length !== raw.headers.length)
          throw new Error(`${target} row ${i + 1}: ${row.cells.length} cells under ${raw.headers.length} headers`);
        if (row.rowNumber !== i + 1) throw new Error(`${target} row ${i + 1} numbered ${row.rowNumber}`);
      });
    }
  });
  const tables = timed('readPortalTables', () => readPortalTables(doc, 'https://portal.example/trade', NOW, { defaultCurrency: 'CNY' }));
  for (const t of tables) {
    for (const c of t.columns) if (typeof c.header !== 'string') throw new Error(`column header ${c.header}`);
    t.rows.forEach((r, i) => {
      r.issues.forEach((issue) => checkIssue(issue, `${t.adapter} row ${i + 1}`));
      const x = r.transaction;
      if (!x) {
        if (r.issues.length === 0) throw new Error(`${t.adapter} row ${i + 1}: no transaction and no issue saying why`);
        return;
      }
      for (const [name, m] of [
        ['amount', x.amount],
        ['fee', x.fee],
        ['net', x.net],
      ] as const) {
        if (m && !DECIMAL.test(m.amount)) throw new Error(`${t.adapter} row ${i + 1} ${name}: ${JSON.stringify(m.amount)} is not a plain decimal`);
      }
      if (typeof x.id !== 'string' || x.id === '') throw new Error(`${t.adapter} row ${i + 1}: no id`);
    });
  }
}

function checkIssue(i: Issue, where: string): void {
  if ((i.level !== 'error' && i.level !== 'warning') || !i.code || typeof i.message !== 'string')
    throw new Error(`${where}: malformed issue ${JSON.stringify(i)}`);
}

/** One generated page checked; a failure names the page. */
export function checkPageCase(target: Family, p: PageCase, parse: ParseHtml): void {
  const html = renderPage(p);
  try {
    checkPage(target, html, parse);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  page (${html.length} chars): ${html.slice(0, 600)}`, { cause: e });
  }
}

export function tableProperty(target: Family, parse: ParseHtml): fc.IPropertyWithHooks<[PageCase]> {
  return fc.property(pageCases(target), (p) => checkPageCase(target, p, parse));
}

/**
 * The same property, yielding to the event loop after each page and calling `settle` (the runner
 * closes its used happy-dom windows there: a window frees what it parsed only once closed, which
 * is asynchronous).
 */
export function tableAsyncProperty(target: Family, parse: ParseHtml, settle: () => Promise<void>): fc.IAsyncPropertyWithHooks<[PageCase]> {
  return fc.asyncProperty(pageCases(target), async (p) => {
    checkPageCase(target, p, parse);
    await settle();
  });
}
