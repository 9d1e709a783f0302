import { describe, expect, it } from 'vitest';
import { judgePayer } from '../../../lib/reconcile/payers';

describe('judgePayer (D18 settlement payer)', () => {
  it.each([
    '银联商务股份有限公司',
    '拉卡拉支付股份有限公司',
    '汇付天下有限公司',
    '联动优势电子商务有限公司',
    '中国工商银行股份有限公司上海分行',
    '上海农商银行',
    '财付通支付科技有限公司',
    '随行付支付有限公司',
    '上海盛付通电子支付服务有限公司',
    '工行 上海分行',
  ])('%s is a licensed payer', (name) => {
    expect(judgePayer(name)).toBe('licensed');
  });

  it.each(['深圳市某某信息科技有限公司', '王晓明', '广州聚合收款服务部'])('%s is not a licensed payer', (name) => {
    expect(judgePayer(name)).toBe('unlicensed');
  });

  it("passes the merchant's own acquirer as named in the contract or on the portal", () => {
    expect(judgePayer('汇通收单有限公司')).toBe('unlicensed');
    expect(judgePayer('汇通收单有限公司', ['汇通收单'])).toBe('licensed');
    expect(judgePayer('汇通收单有限公司', ['汇'])).toBe('unlicensed'); // one character proves nothing
  });

  it('does not judge missing or non-Chinese names', () => {
    expect(judgePayer(undefined)).toBe('not_judged');
    expect(judgePayer('   ')).toBe('not_judged');
    expect(judgePayer('STRIPE')).toBe('not_judged');
    expect(judgePayer('SQUARE INC')).toBe('not_judged');
  });

  it('ignores spacing and full-width brackets in the name', () => {
    expect(judgePayer('网银在线（北京）科技有限公司')).toBe('licensed');
    expect(judgePayer('银 联 商 务')).toBe('licensed');
  });
});
