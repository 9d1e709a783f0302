// memoMerchant reads a memo against MIDs prepared once (memoMerchantReader); it must name the same
// MID as one substring test per MID (reference/memo-merchant.ts), whatever the memo and the MIDs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoMerchant, memoMerchantReader } from '../../../lib/reconcile/memo-merchant';
import { memoMerchantByScan } from './reference/memo-merchant';

describe('memoMerchant = one substring test per MID', () => {
  it('named cases: full MID with and without padding, labelled tails, ambiguity, nothing named', () => {
    const mids = ['898310054110001', '898310054110002', '0898100000000003', '12345', 'M0001X'];
    for (const text of [
      '结算 商户号898310054110001',
      '商户0001 结算',
      '商户0003',
      'MID ...0002',
      'merchant no. 00003',
      '898310054110001 898310054110002',
      '商户0001 商户0002',
      '转账 个人汇款',
      '商户号898100000000003',
      '商户2345',
      '',
    ]) {
      expect(memoMerchant(text, mids)).toBe(memoMerchantByScan(text, mids));
    }
    expect(memoMerchant('结算 商户号898310054110001', mids)).toBe('898310054110001');
    expect(memoMerchant('商户0001 商户0002', mids)).toBeUndefined();
  });
  it('generated memos and MIDs sharing heads and tails (property)', () => {
    const digit = fc.constantFrom('0', '1', '8', '9');
    const mid = fc.array(digit, { minLength: 3, maxLength: 16 }).map((d) => d.join(''));
    const piece = fc.oneof(mid, fc.constantFrom('商户', '商户号', 'MID', 'merchant id: ', ' ', '结算', '...', 'x'));
    fc.assert(
      fc.property(
        fc.array(mid, { maxLength: 6 }),
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        (mids, text) => {
          expect(memoMerchantReader(mids)(text)).toBe(memoMerchantByScan(text, mids));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
