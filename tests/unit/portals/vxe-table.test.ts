// Edge cases of the vxe-table reader on small inline grids. Real vxe-table 4 pages (virtual rows,
// and a paged table) are read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-07-03T09:00:00.000Z';
const th = (col: string, title: string) => `<th colid="${col}"><div class="vxe-cell"><span class="vxe-cell--title">${title}</span></div></th>`;
const td = (col: string, text: string) => `<td colid="${col}">${text ? `<div class="vxe-cell"><span class="vxe-cell--label">${text}</span></div>` : ''}</td>`;
const HEAD = `<thead><tr class="vxe-header--row">${th('col_1', '交易时间')}${th('col_2', '交易类型')}${th('col_3', '交易金额')}${th('col_4', '参考号')}</tr></thead>`;
const DATA = [
  ['row_11', '2024-07-01 10:00:00', '消费', '¥12.00', '412345678911'],
  ['row_12', '2024-07-01 10:05:00', '退款', '¥36.50', '412345678912'],
];

/**
 * vxe-table 4.1x+ (`full` false): the main body leaves the fixed time column empty and the
 * fixed-left copy holds only it. vxe-table 3 (`full` true): the main body and the copy hold every cell.
 */
function grid(full: boolean): Document {
  const row = ([id, t, k, a, r]: string[], fixedOnly: boolean) =>
    `<tr class="vxe-body--row" rowid="${id}">${td('col_1', fixedOnly || full ? t! : '')}` +
    `${td('col_2', fixedOnly && !full ? '' : k!)}${td('col_3', fixedOnly && !full ? '' : a!)}${td('col_4', fixedOnly && !full ? '' : r!)}</tr>`;
  const mainRows = DATA.map((d) => row(d, false)).join('');
  const fixedRows = DATA.map((d) => row(d, true)).join('');
  return page(`<div class="vxe-table"><div class="vxe-table--render-wrapper"><div class="vxe-table--layout-wrapper"><div class="vxe-table--viewport-wrapper">
    <div class="vxe-table--main-wrapper">
      <div class="vxe-table--header-wrapper"><table class="vxe-table--header">${HEAD}</table></div>
      <div class="vxe-table--body-wrapper"><div class="vxe-table--body-inner-wrapper"><table class="vxe-table--body"><tbody>${mainRows}</tbody></table></div></div>
    </div>
    <div class="vxe-table--fixed-wrapper"><div class="vxe-table--fixed-left-wrapper">
      <div class="vxe-table--header-wrapper"><table class="vxe-table--header">${HEAD}</table></div>
      <div class="vxe-table--body-wrapper"><table class="vxe-table--body"><tbody>${fixedRows}</tbody></table></div>
    </div></div></div></div></div></div>`);
}

describe('vxe-table', () => {
  it('reads each row once from the main body, never the fixed-left copy as a row', () => {
    const doc = grid(false);
    const [t] = readPortalTables(doc, 'https://admin.example.cn/#/pay', NOW);
    expect(t!.adapter).toBe('vxe-table');
    expect(doc.querySelectorAll('tr.vxe-body--row')).toHaveLength(4);
    expect(t!.rows.map((r) => r.element.getAttribute('rowid'))).toEqual(['row_11', 'row_12']);
    for (const r of t!.rows) expect(r.element.closest('.vxe-table--fixed-wrapper')).toBeNull();
  });

  it('takes a fixed column the main body leaves empty (vxe-table 4.1x+) from the fixed copy of the same rowid', () => {
    const [t] = readPortalTables(grid(false), 'https://admin.example.cn/#/pay', NOW);
    expect(t!.rows.map((r) => r.transaction?.occurredAt)).toEqual(['2024-07-01T10:00:00', '2024-07-01T10:05:00']);
    expect(t!.rows[1]!.transaction).toMatchObject({ kind: 'refund', amount: { amount: '-36.50' }, rrn: '412345678912' });
  });

  it('reads the main body alone when it holds every cell (vxe-table 3 and early 4), never the full copies as more rows', () => {
    const [t] = readPortalTables(grid(true), 'https://admin.example.cn/#/pay', NOW);
    expect(t!.rows.map((r) => r.element.getAttribute('rowid'))).toEqual(['row_11', 'row_12']);
    for (const r of t!.rows) expect(r.element.closest('.vxe-table--fixed-wrapper')).toBeNull();
    expect(t!.rows.map((r) => r.transaction?.occurredAt)).toEqual(['2024-07-01T10:00:00', '2024-07-01T10:05:00']);
  });
});
