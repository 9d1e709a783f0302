// Edge cases of the ARIA-grid reader on small inline grids. Real MUI X DataGrid and Tabulator pages
// are read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { ariaGrid } from '../../../lib/portals/aria-grid';
import { page } from './fixture-util';

describe('aria-grid', () => {
  it('reads a div grid (rows in a rowgroup, a checkbox column) and takes the year of "MM-DD HH:mm" from the page range', () => {
    const row = (i: number, time: string, amount: string) => `<div role="row" aria-rowindex="${i + 2}" class="MuiDataGrid-row">
      <div role="gridcell" aria-colindex="1"><input type="checkbox"></div><div role="gridcell" aria-colindex="2">${time}</div>
      <div role="gridcell" aria-colindex="3">消费</div><div role="gridcell" aria-colindex="4">¥${amount}</div></div>`;
    const doc = page(`<div>查询日期：2024-09-01 ~ 2024-09-07</div><div role="grid" aria-colcount="4" aria-rowcount="3">
      <div role="rowgroup"><div role="row" aria-rowindex="1"><div role="columnheader" aria-colindex="1"></div><div role="columnheader" aria-colindex="2">交易时间</div>
        <div role="columnheader" aria-colindex="3">交易类型</div><div role="columnheader" aria-colindex="4">交易金额</div></div></div>
      <div role="rowgroup">${row(0, '09-02 10:00', '12.00')}${row(1, '09-03 18:22', '8.50')}</div>
      <div class="MuiTablePagination-root"><p>1–2 of 2</p></div></div>`);
    const [t] = readPortalTables(doc, 'https://mch.example.cn/orders', '2024-09-08T00:00:00.000Z');
    expect(t!.adapter).toBe('aria-grid');
    expect(t!.rows.map((r) => r.transaction?.occurredAt)).toEqual(['2024-09-02T10:00:00', '2024-09-03T18:22:00']);
    expect(t!.rows.every((r) => r.element.getAttribute('role') === 'row')).toBe(true);
  });

  it('places cells by aria-colindex when columns are virtualised', () => {
    const doc = page(`<div role="grid">
      <div role="row"><div role="columnheader" aria-colindex="1">交易时间</div><div role="columnheader" aria-colindex="2">交易类型</div><div role="columnheader" aria-colindex="4">交易金额</div></div>
      <div role="row"><div role="gridcell" aria-colindex="1">2024-03-05 10:00:00</div><div role="gridcell" aria-colindex="4">¥7.00</div><div role="gridcell" aria-colindex="2">消费</div></div>
    </div>`);
    const [t] = readPortalTables(doc, 'https://m.example', '2024-03-06T00:00:00Z');
    expect(t!.rows[0]!.transaction).toMatchObject({ kind: 'sale', amount: { amount: '7.00' } });
  });

  it('leaves native tables with a grid role to generic-table', () => {
    expect(ariaGrid.detect(page('<table role="grid"><tr><th>交易时间</th></tr></table>'))).toEqual([]);
  });
});
