import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { loadFixture } from './fixture-util';

describe('vxe-table', () => {
  const doc = loadFixture('vxe-table', 'payment-orders.html');
  const [t] = readPortalTables(doc, 'https://admin.example.cn/#/pay', '2024-07-03T09:00:00.000Z');

  it('reads the main body rows, not the fixed-left copies', () => {
    expect(t!.adapter).toBe('vxe-table');
    expect(doc.querySelectorAll('tr.vxe-body--row')).toHaveLength(8);
    expect(t!.rows.map((r) => r.element.getAttribute('rowid'))).toEqual(['row_11', 'row_12', 'row_13', 'row_14']);
    for (const r of t!.rows) expect(r.element.closest('.vxe-table--fixed-wrapper')).toBeNull();
  });

  it('reads wallet channels and accounting negatives', () => {
    const [wechat, , alipayRefund, wechatRefund] = t!.rows.map((r) => r.transaction!);
    expect(wechat).toMatchObject({ cardType: 'qr_wechat', amount: { amount: '12.00' } });
    expect(alipayRefund).toMatchObject({ kind: 'refund', cardType: 'qr_alipay', amount: { amount: '-36.50' } });
    expect(wechatRefund).toMatchObject({ kind: 'refund', status: 'pending', amount: { amount: '-12.00' }, fee: { amount: '-0.07' }, net: { amount: '-11.93' } });
  });
});
