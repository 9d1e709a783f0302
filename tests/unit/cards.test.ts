import { describe, expect, it } from 'vitest';
import { hasFullCardNumber, maskCardNumbers, normaliseCardType, readCard } from '../../lib/cards';

describe('maskCardNumbers', () => {
  const cases: { description: string; input: string; expected: string }[] = [
    { description: '16-digit PAN', input: '6222021234567890', expected: '622202******7890' },
    { description: '19-digit PAN', input: '6222021234567890123', expected: '622202*********0123' },
    { description: '13-digit PAN', input: '4111111111111', expected: '411111***1111' },
    { description: 'Luhn-invalid PAN is still masked', input: '6222021234567891', expected: '622202******7891' },
    { description: 'grouped with spaces', input: '6222 0212 3456 7890', expected: '622202******7890' },
    { description: 'grouped with dashes', input: '4111-1111-1111-1111', expected: '411111******1111' },
    { description: 'Amex 4-6-5', input: '3782 822463 10005', expected: '378282*****0005' },
    { description: 'UnionPay 6-13', input: '622202 1234567890123', expected: '622202*********0123' },
    { description: 'inside text', input: '卡号:6222021234567890 已扣款', expected: '卡号:622202******7890 已扣款' },
    { description: 'two PANs', input: '4111111111111111/5500000000000004', expected: '411111******1111/550000******0004' },
    { description: 'already masked stays', input: '6222023********0000', expected: '6222023********0000' },
    { description: '12-digit RRN untouched', input: '123456789012', expected: '123456789012' },
    { description: 'phone number untouched', input: '13800138000', expected: '13800138000' },
    { description: '20+ digit order number untouched', input: '4200001234202403051234567890', expected: '4200001234202403051234567890' },
    { description: 'date range untouched', input: '20240301-20240331', expected: '20240301-20240331' },
    { description: 'date-time untouched', input: '2024-03-05 14:30:00', expected: '2024-03-05 14:30:00' },
    { description: 'amount untouched', input: '¥1,234,567.89', expected: '¥1,234,567.89' },
    { description: 'empty', input: '', expected: '' },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(maskCardNumbers(input)).toBe(expected);
  });

  it('never leaves 13 or more consecutive digits of a PAN', () => {
    const out = maskCardNumbers('pay 6222 0212 3456 7890 and 6222021234567890123 now');
    expect(out).not.toMatch(/\d{7}/);
    expect(hasFullCardNumber(out)).toBe(false);
    expect(hasFullCardNumber('6222021234567890')).toBe(true);
  });
});

describe('readCard', () => {
  const cases: { description: string; input: string; expected: { bin?: string; last4?: string } }[] = [
    { description: 'CN masked 7+8+4', input: '6222023********0000', expected: { bin: '622202', last4: '0000' } },
    { description: 'CN masked 6+6+4', input: '622202******0000', expected: { bin: '622202', last4: '0000' } },
    { description: 'spaced mask', input: '6222 02** **** 1234', expected: { bin: '622202', last4: '1234' } },
    { description: 'four-digit prefix gives no BIN', input: '6222****0000', expected: { last4: '0000' } },
    { description: 'stars and last 4', input: '**** 1234', expected: { last4: '1234' } },
    { description: 'Stripe bullets', input: 'Visa •••• 4242', expected: { last4: '4242' } },
    { description: 'x mask', input: 'XXXXXXXXXXXX5678', expected: { last4: '5678' } },
    { description: '尾号', input: '尾号1234', expected: { last4: '1234' } },
    { description: '尾号 with colon', input: '尾号：9876', expected: { last4: '9876' } },
    { description: 'ending in', input: 'Mastercard ending in 4444', expected: { last4: '4444' } },
    { description: 'PAN suffix only', input: '4242', expected: { last4: '4242' } },
    { description: 'full PAN → only BIN and last 4', input: '6222021234567890', expected: { bin: '622202', last4: '7890' } },
    { description: 'no card', input: '微信支付', expected: {} },
    { description: 'empty', input: '  ', expected: {} },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(readCard(input)).toEqual(expected);
  });
});

describe('normaliseCardType', () => {
  const cases: { input: string; expected: ReturnType<typeof normaliseCardType> }[] = [
    { input: '借记卡', expected: 'debit' },
    { input: '储蓄卡', expected: 'debit' },
    { input: '贷记卡', expected: 'credit' },
    { input: '信用卡', expected: 'credit' },
    { input: '准贷记卡', expected: 'semi_credit' },
    { input: '预付卡', expected: 'prepaid' },
    { input: '外卡', expected: 'foreign' },
    { input: '境外卡', expected: 'foreign' },
    { input: '境外借记卡', expected: 'foreign' },
    { input: 'debit', expected: 'debit' },
    { input: 'Credit', expected: 'credit' },
    { input: 'prepaid', expected: 'prepaid' },
    { input: '微信', expected: 'qr_wechat' },
    { input: '微信支付', expected: 'qr_wechat' },
    { input: '支付宝', expected: 'qr_alipay' },
    { input: '云闪付', expected: 'qr_unionpay' },
    { input: '银联二维码', expected: 'qr_unionpay' },
    { input: '借', expected: 'debit' },
    { input: '贷', expected: 'credit' },
    { input: 'Visa', expected: 'unknown' },
    { input: '', expected: 'unknown' },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(normaliseCardType(input)).toBe(expected);
  });
});
