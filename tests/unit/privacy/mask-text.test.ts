// maskCardNumbersInText (lib/cards.ts): in free text a long number is a card only when it could be
// one — Luhn, a length its first digits allow, not 0-prefixed, not inside an IBAN.
import { describe, expect, it } from 'vitest';
import { hasCardNumberInText, maskCardNumbersInText } from '../../../lib/cards';

const cases: { description: string; input: string; expected: string }[] = [
  { description: 'UnionPay 16 in a POS description', input: 'POS消费 卡号6222021234567894', expected: 'POS消费 卡号622202******7894' },
  { description: 'Visa printed in groups', input: 'card 4111 1111 1111 1111 ok', expected: 'card 411111******1111 ok' },
  { description: 'Amex 15 (34/37)', input: '378282246310005', expected: '378282*****0005' },
  { description: '19 digits', input: '6212345678901234569', expected: '621234*********4569' },
  { description: 'a real statement: Dutch counter-account printed as a card', input: '7777 4444 2222 0000', expected: '777744******0000' },
  { description: 'two cards', input: '4111111111111111/5500000000000004', expected: '411111******1111/550000******0004' },
  { description: 'Luhn-invalid 16 digits: a reference', input: '订单 6222021234567890', expected: '订单 6222021234567890' },
  { description: '15-digit 商户号, Luhn-valid but not Amex', input: '商户号822290070111234 结算', expected: '商户号822290070111234 结算' },
  { description: '15-digit Rabobank payment reference', input: 'BETALINGSKENM. 173787046000009', expected: 'BETALINGSKENM. 173787046000009' },
  { description: '14-digit invoice, not Diners', input: 'Invoice 52100891798071', expected: 'Invoice 52100891798071' },
  { description: '0-prefixed account number', input: '12160475 0050001631430920 ORDERID', expected: '12160475 0050001631430920 ORDERID' },
  { description: 'all zeros (Luhn-valid)', input: '0000000000000000', expected: '0000000000000000' },
  { description: 'IBAN, electronic form', input: 'CH2801234000123456789', expected: 'CH2801234000123456789' },
  { description: 'IBAN, printed form, then a word', input: 'CH28 0123 4000 1234 5678 9 SALARY', expected: 'CH28 0123 4000 1234 5678 9 SALARY' },
  { description: 'letters glued to a card that is no IBAN', input: 'REF XY4111111111111111', expected: 'REF XY411111******1111' },
  { description: '12-digit RRN', input: '参考号 406510000001', expected: '参考号 406510000001' },
  { description: 'already masked', input: '622202******7894', expected: '622202******7894' },
];

describe('maskCardNumbersInText', () => {
  it.each(cases)('$description', ({ input, expected }) => {
    expect(maskCardNumbersInText(input)).toBe(expected);
    expect(hasCardNumberInText(input)).toBe(input !== expected);
    expect(maskCardNumbersInText(expected)).toBe(expected);
  });
});
