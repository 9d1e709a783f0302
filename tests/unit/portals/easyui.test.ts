import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { loadFixture } from './fixture-util';

describe('easyui', () => {
  const doc = loadFixture('easyui', 'agent-trades.html');
  const [t] = readPortalTables(doc, 'http://agent.example.cn/trade/query.do', '2024-08-13T01:00:00.000Z');

  it('merges the frozen columns (view1) with the scrolling ones (view2) by datagrid-row-index', () => {
    expect(t!.adapter).toBe('easyui');
    expect(t!.rows).toHaveLength(3);
    expect(t!.rows[0]!.transaction).toMatchObject({ occurredAt: '2024-08-12T09:35:12', terminalId: 'A8803321', amount: { amount: '2580.00' } });
  });

  it('the primary row element is the view2 part', () => {
    for (const r of t!.rows) expect(r.element.closest('.datagrid-view2')).not.toBeNull();
  });

  it('reads 秒到手续费 as an extra fee and a void in absolute values', () => {
    expect(t!.rows[0]!.transaction!.extraFees).toEqual([{ label: '秒到手续费(元)', amount: { amount: '3.00', currency: 'CNY' } }]);
    expect(t!.rows[2]!.transaction).toMatchObject({ kind: 'void', amount: { amount: '-980.00' }, fee: { amount: '-5.88' }, net: { amount: '-974.12' }, originalRef: '101010882202' });
  });
});
