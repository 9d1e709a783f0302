// Edge cases of the layui reader on small inline grids. A real layui 2 table.render page with its
// pager is read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-06-12T09:00:00.000Z';

describe('layui', () => {
  // table.render over a hidden source table, with a left-fixed copy of the time column; amounts in 分
  const th = (field: string, title: string) => `<th data-field="${field}"><div class="layui-table-cell"><span>${title}</span></div></th>`;
  const td = (field: string, text: string) => `<td data-field="${field}"><div class="layui-table-cell">${text}</div></td>`;
  const body = (cells: (i: number) => string) =>
    `<table class="layui-table"><tbody>${[0, 1].map((i) => `<tr data-index="${i}">${cells(i)}</tr>`).join('')}</tbody></table>`;
  const doc =
    page(`<table class="layui-hide" id="trades"><thead><tr><th>交易时间</th><th>交易金额(分)</th></tr></thead><tbody><tr><td>2024-06-01 10:00:00</td><td>1</td></tr></tbody></table>
    <div class="layui-table-view"><div class="layui-table-box">
      <div class="layui-table-header"><table class="layui-table"><thead><tr>${th('t', '交易时间')}${th('k', '交易类型')}${th('c', '卡号')}${th('a', '交易金额(分)')}${th('f', '手续费(分)')}</tr></thead></table></div>
      <div class="layui-table-body layui-table-main">${body((i) => `${td('t', `2024-06-0${i + 1} 10:00:00`)}${td('k', '消费')}${td('c', '6212261234567894349')}${td('a', `${150000 + i}`)}${td('f', '900')}`)}</div>
      <div class="layui-table-fixed layui-table-fixed-l"><div class="layui-table-header"><table class="layui-table"><thead><tr>${th('t', '交易时间')}</tr></thead></table></div>
        <div class="layui-table-body">${body((i) => td('t', `2024-06-0${i + 1} 10:00:00`))}</div></div>
    </div></div>`);
  const tables = readPortalTables(doc, 'https://agent.example.cn/trade', NOW);

  it('reads the rendered grid once, never the hidden source table or the fixed-column copy', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.adapter).toBe('layui');
    for (const r of tables[0]!.rows) {
      expect(r.element.closest('.layui-table-main')).not.toBeNull();
      expect(r.element.closest('.layui-table-fixed')).toBeNull();
    }
    expect(tables[0]!.rows.map((r) => r.element.getAttribute('data-index'))).toEqual(['0', '1']);
  });

  it('reads amounts in 分 as yuan and masks the full card number', () => {
    const [first] = tables[0]!.rows;
    expect(first!.transaction).toMatchObject({ amount: { amount: '1500.00', currency: 'CNY' }, fee: { amount: '9.00' }, cardBin: '621226', cardLast4: '4349' });
    expect(first!.transaction!.evidence.cells['卡号']).toBe('621226*********4349');
  });

  it('places cells by data-field even when the body order differs from the header', () => {
    const d = page(`<div class="layui-table-view"><div class="layui-table-box">
      <div class="layui-table-header"><table class="layui-table"><thead><tr><th data-field="t"><div class="layui-table-cell">交易时间</div></th><th data-field="a"><div class="layui-table-cell">交易金额</div></th><th data-field="k"><div class="layui-table-cell">交易类型</div></th></tr></thead></table></div>
      <div class="layui-table-body layui-table-main"><table class="layui-table"><tbody><tr data-index="0"><td data-field="k"><div class="layui-table-cell">消费</div></td><td data-field="a"><div class="layui-table-cell">¥3.00</div></td><td data-field="t"><div class="layui-table-cell">2024-03-05 10:00:00</div></td></tr></tbody></table></div>
    </div></div>`);
    const [t] = readPortalTables(d, 'https://m.example', NOW);
    expect(t!.rows[0]!.transaction).toMatchObject({ occurredAt: '2024-03-05T10:00:00', kind: 'sale', amount: { amount: '3.00' } });
  });
});
