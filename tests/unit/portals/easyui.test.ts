// Edge cases of the EasyUI reader on small inline datagrids. A real EasyUI for Vue (vx-easyui)
// DataGrid with its pager and a frozen column is read end to end in tests/e2e/portal-libraries.spec.ts.
import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-08-13T01:00:00.000Z';
const view = (n: number, header: string, rows: string[]) => `<div class="datagrid-view${n}">
  <div class="datagrid-header"><table class="datagrid-htable"><tbody><tr class="datagrid-header-row">${header}</tr></tbody></table></div>
  <div class="datagrid-body"><table class="datagrid-btable"><tbody>${rows.join('')}</tbody></table></div></div>`;
const grid = (views: string) => page(`<div class="panel-body datagrid datagrid-wrap"><div class="datagrid-view">${views}</div></div>`);

describe('easyui', () => {
  // jQuery EasyUI: cells keyed by field, rows by datagrid-row-index; a row-number column in view1
  const jquery = grid(
    view(1, '<td><div class="datagrid-header-rownumber"></div></td><td field="time"><div class="datagrid-cell">交易时间</div></td>', [
      '<tr class="datagrid-row" datagrid-row-index="1"><td class="datagrid-td-rownumber">2</td><td field="time"><div class="datagrid-cell">2024-08-12 10:01:00</div></td></tr>',
      '<tr class="datagrid-row" datagrid-row-index="0"><td class="datagrid-td-rownumber">1</td><td field="time"><div class="datagrid-cell">2024-08-12 09:35:12</div></td></tr>',
    ]) +
      view(
        2,
        '<td field="fee"><div class="datagrid-cell">手续费(元)</div></td><td field="amt"><div class="datagrid-cell">交易金额(元)</div></td><td field="tid"><div class="datagrid-cell">终端号</div></td>',
        [
          // the body's cell order differs from the header's: cells are placed by field
          '<tr class="datagrid-row" datagrid-row-index="0"><td field="amt"><div class="datagrid-cell">2,580.00</div></td><td field="fee"><div class="datagrid-cell">15.48</div></td><td field="tid"><div class="datagrid-cell">A8803321</div></td></tr>',
          '<tr class="datagrid-row" datagrid-row-index="1"><td field="amt"><div class="datagrid-cell">100.00</div></td><td field="fee"><div class="datagrid-cell">0.60</div></td><td field="tid"><div class="datagrid-cell">A8803321</div></td></tr>',
        ],
      ),
  );

  it('jQuery EasyUI: merges the frozen view1 with view2 by datagrid-row-index and field; the view2 row is primary', () => {
    const [t] = readPortalTables(jquery, 'http://agent.example.cn/trade/query.do', NOW);
    expect(t!.adapter).toBe('easyui');
    expect(t!.rows.map((r) => r.transaction)).toMatchObject([
      { occurredAt: '2024-08-12T09:35:12', amount: { amount: '2580.00' }, fee: { amount: '15.48' }, terminalId: 'A8803321' },
      { occurredAt: '2024-08-12T10:01:00', amount: { amount: '100.00' }, fee: { amount: '0.60' } },
    ]);
    for (const r of t!.rows) expect(r.element.closest('.datagrid-view2')).not.toBeNull();
  });

  // EasyUI for Vue (vx-easyui): no field attributes, no row index — columns and rows by position
  const cell = (text: string) => `<td class="datagrid-td"><div class="datagrid-cell">${text}</div></td>`;
  const head = (text: string) =>
    `<td class="datagrid-field-td"><div class="datagrid-cell"><span>${text}</span><span class="datagrid-sort-icon"></span></div></td>`;
  const vue = grid(
    view(1, head('交易时间'), [
      `<tr class="datagrid-row">${cell('2024-08-12 09:35:12')}</tr>`,
      `<tr class="datagrid-row">${cell('2024-08-12 10:01:00')}</tr>`,
    ]) +
      view(2, head('交易类型') + head('交易金额(元)'), [
        `<tr class="datagrid-row">${cell('消费')}${cell('2,580.00')}</tr>`,
        `<tr class="datagrid-row">${cell('消费撤销')}${cell('980.00')}</tr>`,
      ]),
  );

  it('EasyUI for Vue: merges the two views by row position and places cells by column position', () => {
    const [t] = readPortalTables(vue, 'http://agent.example.cn/#/trade', NOW);
    expect(t!.adapter).toBe('easyui');
    expect(t!.columns.map((c) => c.header)).toEqual(['交易时间', '交易类型', '交易金额(元)']);
    expect(t!.rows.map((r) => r.transaction)).toMatchObject([
      { occurredAt: '2024-08-12T09:35:12', kind: 'sale', amount: { amount: '2580.00' } },
      { occurredAt: '2024-08-12T10:01:00', kind: 'void', amount: { amount: '-980.00' } },
    ]);
    for (const r of t!.rows) expect(r.element.closest('.datagrid-view2')).not.toBeNull();
  });
});
