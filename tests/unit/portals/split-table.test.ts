// Edge cases of the split-table reader (Arco, Naive UI, View UI Plus tables whose header and body
// are two <table>s) on small inline tables. Real pages of each library, with their pagers and
// virtual lists, are read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-03-10T09:00:00.000Z';
const HEADERS = ['Created', 'Type', 'Amount', 'Reference'];
const ROWS = [
  ['2024-03-05 10:00:00', 'Sale', '$12.50', '412345678901'],
  ['2024-03-05 11:00:00', 'Refund', '-$8.00', '412345678902'],
];
const thead = (cls = '') => `<thead class="${cls}"><tr>${HEADERS.map((h) => `<th><div>${h}</div></th>`).join('')}</tr></thead>`;
const trs = (cls: string, rows = ROWS, hidden: number[] = []) =>
  rows
    .map(
      (r) =>
        `<tr class="${cls}">${r.map((c, i) => `<td><div class="${hidden.includes(i) ? 'ivu-table-cell ivu-table-hidden' : 'cell'}">${c}</div></td>`).join('')}</tr>`,
    )
    .join('');
const expectRows = (t: ReturnType<typeof readPortalTables>[number]) =>
  expect(t.rows.map((r) => [r.transaction?.occurredAt, r.transaction?.amount.amount, r.transaction?.rrn])).toEqual([
    ['2024-03-05T10:00:00', '12.50', '412345678901'],
    ['2024-03-05T11:00:00', '-8.00', '412345678902'],
  ]);

describe('split-table', () => {
  it('Arco: a header table and a virtual-list body table are one table', () => {
    const doc = page(`<div class="arco-table"><div class="arco-table-container"><div class="arco-table-content">
      <div class="arco-table-header"><table class="arco-table-element">${thead()}</table></div>
      <div class="arco-virtual-list arco-table-body"><table class="arco-table-element"><tbody>${trs('arco-table-tr')}</tbody></table></div>
    </div></div></div>`);
    const tables = readPortalTables(doc, 'https://m.example', NOW);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.adapter).toBe('split-table');
    expectRows(tables[0]!);
  });

  it('Naive UI: header and body tables of n-data-table', () => {
    const doc = page(`<div class="n-data-table"><div class="n-data-table-base-table">
      <div class="n-data-table-base-table-header"><table class="n-data-table-table">${thead('n-data-table-thead')}</table></div>
      <div class="n-data-table-base-table-body"><div class="v-vl"><table class="n-data-table-table"><tbody class="n-data-table-tbody">${trs('n-data-table-tr')}</tbody></table></div></div>
    </div></div>`);
    const tables = readPortalTables(doc, 'https://m.example', NOW);
    expect(tables).toHaveLength(1);
    expectRows(tables[0]!);
  });

  it("View UI Plus: never the fixed-column copy; the main body's .ivu-table-hidden fixed cells still read", () => {
    const part = (hidden: number[]) => `<div class="ivu-table-header"><table>${thead()}</table></div>
      <div class="ivu-table-body"><table><tbody class="ivu-table-tbody">${trs('ivu-table-row', ROWS, hidden)}</tbody></table></div>`;
    const doc = page(`<div class="ivu-table-wrapper"><div class="ivu-table">${part([0])}
      <div class="ivu-table-fixed">${part([1, 2, 3])}</div></div></div>`);
    const tables = readPortalTables(doc, 'https://m.example', NOW);
    expect(tables).toHaveLength(1);
    expect(doc.querySelectorAll('tr.ivu-table-row')).toHaveLength(4);
    for (const r of tables[0]!.rows) expect(r.element.closest('.ivu-table-fixed')).toBeNull();
    expectRows(tables[0]!);
  });

  it('a nested table in an expanded row is not read as rows of its parent', () => {
    const nested = `<tr class="arco-table-tr"><td colspan="4"><div class="arco-table"><table>${thead()}<tbody>${trs('arco-table-tr', ROWS.slice(0, 1))}</tbody></table></div></td></tr>`;
    const doc = page(`<div class="arco-table"><table>${thead()}<tbody>${trs('arco-table-tr', ROWS.slice(1))}${nested}</tbody></table></div>`);
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows.map((r) => r.transaction?.rrn).filter(Boolean)).toEqual(['412345678902']);
  });
});
