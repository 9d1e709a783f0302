// Letters never carry placeholders for the merchant's own details: what is missing is reported,
// its line left out, and the page asks for it (issue 15 item 2).
import { describe, expect, it } from 'vitest';
import { isPhoneNumber, missingMerchantDetails } from '../../../lib/disputes/merchant';
import { renderDispute } from '../../../lib/disputes/render';
import { renderEscalation } from '../../../lib/disputes/escalation';
import { scenario } from './scenario';

describe('missingMerchantDetails', () => {
  const cases: { description: string; merchant: Parameters<typeof missingMerchantDetails>[0]; ids?: string[]; expected: string[] }[] = [
    { description: 'nothing given', merchant: {}, expected: ['name', 'merchantId', 'contact', 'phone'] },
    { description: 'everything given', merchant: { name: '好又多超市', merchantId: '822100058120001', contact: '王芳', phone: '021-5555 0100' }, expected: [] },
    {
      description: 'blank and control characters count as missing',
      merchant: { name: '  ', contact: '\u202e\n', phone: '\u3000' },
      expected: ['name', 'merchantId', 'contact', 'phone'],
    },
    { description: 'a 商户号 read from the rows is enough', merchant: { name: 'A', contact: 'B', phone: '95516' }, ids: ['822100058120001'], expected: [] },
    { description: 'blank row ids do not count', merchant: { name: 'A', contact: 'B', phone: '95516' }, ids: [' '], expected: ['merchantId'] },
  ];
  it.each(cases)('$description', ({ merchant, ids, expected }) => {
    expect(missingMerchantDetails(merchant, ids)).toEqual(expected);
  });
});

describe('isPhoneNumber', () => {
  it.each(['021-5555 0100', '+86 138 0013 8000', '(415) 555-0100', '95516', '0755-88888888转123', '+1 415 555 0100 ext. 12'])('%s is a phone number', (p) =>
    expect(isPhoneNumber(p)).toBe(true),
  );
  it.each(['未知', 'abc', '123', '', '138-abc-0000', '—'])('%s is not', (p) => expect(isPhoneNumber(p)).toBe(false));
});

describe('letters with missing details', () => {
  const input = { ...scenario(), merchant: { name: '好又多超市' } };

  it('the draft lists no 联系人/联系电话 line and reports both missing', () => {
    const zh = renderDispute(input, 'zh-CN');
    expect(zh.missing).toEqual(['contact', 'phone']);
    expect(zh.text).toContain('商户名称：好又多超市');
    expect(zh.text).not.toMatch(/联系人|联系电话|未知/);
    const en = renderDispute(input, 'en');
    expect(en.missing).toEqual(['contact', 'phone']);
    expect(en.text).not.toMatch(/Contact:|Phone:|unknown/);
  });

  it('escalations leave the contact line out too', () => {
    for (const step of ['written_complaint', 'regulator'] as const) {
      const zh = renderEscalation(step, { ...input, acquirer: '拉卡拉' }, 'zh-CN');
      expect(zh.missing).toEqual(['contact', 'phone']);
      expect(zh.text).not.toMatch(/联系人|联系电话|未知/);
      const en = renderEscalation(step, { ...input, acquirer: 'Lakala' }, 'en');
      expect(en.text).not.toMatch(/Contact:|phone:|unknown/);
    }
  });

  it('with every detail given nothing is missing and each one is in the letter', () => {
    const full = renderDispute({ ...input, merchant: { name: '好又多超市', merchantId: '822100058120001', contact: '王芳', phone: '021-5555 0100' } }, 'zh-CN');
    expect(full.missing).toEqual([]);
    expect(full.text).toContain('联系人：王芳\n联系电话：021-5555 0100');
  });
});
