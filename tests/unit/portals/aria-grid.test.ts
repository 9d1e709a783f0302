import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { ariaGrid } from '../../../lib/portals/aria-grid';
import { loadFixture, page } from './fixture-util';

describe('aria-grid', () => {
  it('reads a div grid and takes the year of "MM-DD HH:mm" from the page range', () => {
    const [t] = readPortalTables(loadFixture('aria-grid', 'mui-datagrid.html'), 'https://mch.example.cn/orders', '2024-09-08T00:00:00.000Z');
    expect(t!.adapter).toBe('aria-grid');
    expect(t!.rows.map((r) => r.transaction?.occurredAt)).toEqual(['2024-09-02T10:00:00', '2024-09-02T10:31:00', '2024-09-03T18:22:00']);
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
