// The fee contracts a merchant starts from (issue 15 item 1): each validates as a contract,
// gives the fees DOMAIN.md §2.2 states, and becomes the merchant's own contract when picked.
import { describe, expect, it } from 'vitest';
import { PRESETS, contractFromPreset, presetLabel, presetsFor } from '../../../lib/presets';
import { validateContract } from '../../../lib/statements/settleguard';
import { expectedFee } from '../../../lib/reconcile/fee-schedule';
import type { CardType, PortalTransaction } from '../../../lib/model';

const sale = (amount: string, cardType: CardType): PortalTransaction => ({
  id: `tx:${cardType}:${amount}`,
  portal: 'generic',
  occurredAt: '2026-03-05T10:00:00',
  kind: 'sale',
  status: 'success',
  amount: { amount, currency: 'CNY' },
  cardType,
  evidence: { url: 'https://p.example/', capturedAt: '2026-03-05T10:00:00Z', cells: {}, sha256: '' },
});
const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const fee = (id: string, amount: string, cardType: CardType) => expectedFee(sale(amount, cardType), preset(id).contract)?.total.toFixed(2);

describe('contract presets', () => {
  it.each(PRESETS.map((p) => [p.id, p]))('%s validates as a contract and has a label in both languages', (_id, p) => {
    expect(validateContract(p.contract, 0).problems).toEqual([]);
    expect(presetLabel(p, 'zh-CN')).not.toBe(presetLabel(p, 'en'));
    expect(presetLabel(p, 'en')).not.toMatch(/^preset\./);
  });

  const cases: { description: string; preset: string; amount: string; cardType: CardType; expected: string }[] = [
    { description: '标准类 credit 0.6 %, uncapped', preset: 'cn-standard', amount: '10000.00', cardType: 'credit', expected: '60.00' },
    { description: '标准类 debit 0.5 % under the cap', preset: 'cn-standard', amount: '1000.00', cardType: 'debit', expected: '5.00' },
    { description: '标准类 debit capped at 20 元', preset: 'cn-standard', amount: '8000.00', cardType: 'debit', expected: '20.00' },
    { description: '标准类 WeChat QR 0.38 %', preset: 'cn-standard', amount: '1000.00', cardType: 'qr_wechat', expected: '3.80' },
    { description: '标准类 Alipay QR 0.38 %', preset: 'cn-standard', amount: '500.00', cardType: 'qr_alipay', expected: '1.90' },
    {
      description: 'cards only: a QR payment falls to the 0.6 % catch-all',
      preset: 'cn-card-standard',
      amount: '1000.00',
      cardType: 'qr_wechat',
      expected: '6.00',
    },
    { description: '秒到: credit 0.6 % + 2 元', preset: 'cn-standard-d0', amount: '10000.00', cardType: 'credit', expected: '62.00' },
    { description: '秒到: debit capped, + 2 元', preset: 'cn-standard-d0', amount: '8000.00', cardType: 'debit', expected: '22.00' },
    { description: '秒到: QR has no 秒到 fee', preset: 'cn-standard-d0', amount: '1000.00', cardType: 'qr_unionpay', expected: '3.80' },
  ];
  it.each(cases)('$description', ({ preset: id, amount, cardType, expected }) => expect(fee(id, amount, cardType)).toBe(expected));

  it("the merchant's currency comes first", () => {
    expect(presetsFor('CNY').map((p) => p.currency)).toEqual(['CNY', 'CNY', 'CNY', 'USD', 'USD']);
    expect(presetsFor('USD')[0]?.id).toBe('stripe-us-standard');
  });

  it("picking a preset makes the merchant's own contract, leaving the preset as it was", () => {
    const p = preset('cn-standard');
    const own = contractFromPreset(p, 'zh-CN', { id: 'contract:mine', merchantId: '822100058120001' });
    expect(own).toMatchObject({ id: 'contract:mine', merchantId: '822100058120001', label: presetLabel(p, 'zh-CN'), currency: 'CNY', settleCycle: 'T1' });
    own.rules[0]!.percent = '0.55';
    expect(p.contract.rules[0]!.percent).toBe('0.5');
    expect(contractFromPreset(p, 'en', { id: 'c2' })).not.toHaveProperty('merchantId');
  });
});
