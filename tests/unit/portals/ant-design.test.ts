import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { antDesign } from '../../../lib/portals/ant-design';
import { loadFixture, page } from './fixture-util';

const NOW = '2024-05-01T01:00:00.000Z';

describe('ant-design', () => {
  it('reads the split header/body table of the fixture, one row per tr.ant-table-row', () => {
    const doc = loadFixture('ant-design', 'protable-fixed.html');
    const [t] = readPortalTables(doc, 'https://m.example/#/trade', NOW);
    expect(t!.adapter).toBe('ant-design');
    expect(t!.rows.map((r) => r.element.getAttribute('data-row-key'))).toEqual([
      'T20240402093015001', 'T20240402101120002', 'T20240403151500003', 'T20240405080000004',
    ]);
    // the measure row, the summary (合计) and the pagination are not rows
    expect(t!.rows.every((r) => r.element.classList.contains('ant-table-row'))).toBe(true);
  });

  const v3 = (row: (key: string, text: string) => string): string => `
    <div class="ant-table-wrapper"><div class="ant-table ant-table-scroll-position-left">
      <div class="ant-table-content">
        <div class="ant-table-scroll"><div class="ant-table-body"><table>
          <thead class="ant-table-thead"><tr><th><span class="ant-table-header-column">交易时间</span></th><th>交易类型</th><th>交易金额</th></tr></thead>
          <tbody class="ant-table-tbody">${row('1', '2024-03-05 10:00:00')}${row('2', '2024-03-05 11:00:00')}</tbody>
        </table></div></div>
        <div class="ant-table-fixed-left"><div class="ant-table-body-outer"><div class="ant-table-body-inner"><table class="ant-table-fixed">
          <thead class="ant-table-thead"><tr><th>交易时间</th></tr></thead>
          <tbody class="ant-table-tbody">${row('1', '2024-03-05 10:00:00')}${row('2', '2024-03-05 11:00:00')}</tbody>
        </table></div></div></div>
      </div>
    </div></div>`;

  it('never captures the rows of antd v3 fixed-column clone tables', () => {
    const doc = page(v3((key, time) => `<tr class="ant-table-row ant-table-row-level-0" data-row-key="${key}"><td>${time}</td><td>消费</td><td>¥10.00</td></tr>`));
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows).toHaveLength(2);
    for (const r of t!.rows) expect(r.element.closest('.ant-table-fixed-left')).toBeNull();
  });

  it('does not read a table nested in an expanded row as rows of the outer one', () => {
    const inner = `<div class="ant-table-wrapper"><div class="ant-table"><div class="ant-table-container"><div class="ant-table-content"><table>
      <thead class="ant-table-thead"><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody class="ant-table-tbody"><tr class="ant-table-row" data-row-key="i1"><td>2024-03-05 10:00:01</td><td>消费</td><td>¥1.00</td></tr></tbody></table></div></div></div></div>`;
    const doc = page(`<div class="ant-table-wrapper"><div class="ant-table"><div class="ant-table-container"><div class="ant-table-content"><table>
      <thead class="ant-table-thead"><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th></tr></thead>
      <tbody class="ant-table-tbody">
        <tr class="ant-table-row ant-table-row-level-0" data-row-key="o1"><td>2024-03-05 10:00:00</td><td>消费</td><td>¥99.00</td></tr>
        <tr class="ant-table-expanded-row ant-table-expanded-row-level-1"><td colspan="3">${inner}</td></tr>
        <tr class="ant-table-placeholder"><td colspan="3">暂无数据</td></tr>
      </tbody></table></div></div></div></div>`);
    const tables = readPortalTables(doc, 'https://m.example', NOW);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.element.getAttribute('data-row-key'))).toEqual(['o1']);
  });

  it('reads the virtual list (div rows) of antd v5', () => {
    const doc = page(`<div class="ant-table-wrapper"><div class="ant-table"><div class="ant-table-container">
      <div class="ant-table-header"><table><thead class="ant-table-thead"><tr><th class="ant-table-cell">交易时间</th><th class="ant-table-cell">交易类型</th><th class="ant-table-cell">交易金额</th></tr></thead></table></div>
      <div class="ant-table-tbody-virtual"><div class="rc-virtual-list-holder-inner">
        <div class="ant-table-row ant-table-row-level-0"><div class="ant-table-cell">2024-03-05 10:00:00</div><div class="ant-table-cell">消费</div><div class="ant-table-cell">¥5.00</div></div>
      </div></div></div></div></div>`);
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows[0]!.transaction).toMatchObject({ occurredAt: '2024-03-05T10:00:00', amount: { amount: '5.00', currency: 'CNY' } });
    expect(t!.rows[0]!.element.classList.contains('ant-table-row')).toBe(true);
  });

  it('finds only outermost roots', () => {
    const doc = page('<div class="ant-table-wrapper"><div class="ant-table"></div></div>');
    expect(antDesign.detect(doc)).toHaveLength(1);
    expect(antDesign.read(antDesign.detect(doc)[0]!)).toBeNull();
  });
});
