// Edge cases of the Ant Design reader on small inline tables. Real antd 6 and antd 5 tables (pager,
// fixed column, virtual list) are read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { antDesign } from '../../../lib/portals/ant-design';
import { page } from './fixture-util';

const NOW = '2024-05-01T01:00:00.000Z';

describe('ant-design', () => {
  it('reads a split header/body table (scroll.y): the measure row, the 暂无数据 placeholder and the summary are not rows', () => {
    const tr = (key: string, time: string) =>
      `<tr class="ant-table-row ant-table-row-level-0" data-row-key="${key}"><td class="ant-table-cell ant-table-cell-fix-left">${time}</td><td class="ant-table-cell">消费</td><td class="ant-table-cell">¥10.00</td></tr>`;
    const doc = page(`<div class="ant-table-wrapper"><div class="ant-table ant-table-fixed-header"><div class="ant-table-container">
      <div class="ant-table-header"><table><thead class="ant-table-thead"><tr><th class="ant-table-cell">交易时间</th><th class="ant-table-cell">交易类型</th><th class="ant-table-cell">交易金额</th></tr></thead></table></div>
      <div class="ant-table-body"><table><tbody class="ant-table-tbody">
        <tr aria-hidden="true" class="ant-table-measure-row"><td style="padding:0"><div style="height:0">&nbsp;</div></td><td></td><td></td></tr>
        ${tr('T1', '2024-04-02 09:30:15')}${tr('T2', '2024-04-02 10:11:20')}
      </tbody><tfoot class="ant-table-summary"><tr><td class="ant-table-cell">合计</td><td></td><td>¥20.00</td></tr></tfoot></table></div>
    </div></div></div>`);
    const [t] = readPortalTables(doc, 'https://m.example/#/trade', NOW);
    expect(t!.adapter).toBe('ant-design');
    expect(t!.rows.map((r) => r.element.getAttribute('data-row-key'))).toEqual(['T1', 'T2']);
    expect(t!.rows[1]!.transaction).toMatchObject({ occurredAt: '2024-04-02T10:11:20', amount: { amount: '10.00', currency: 'CNY' } });
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
    const doc = page(
      v3((key, time) => `<tr class="ant-table-row ant-table-row-level-0" data-row-key="${key}"><td>${time}</td><td>消费</td><td>¥10.00</td></tr>`),
    );
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
