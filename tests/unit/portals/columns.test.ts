import { describe, expect, it } from 'vitest';
import {
  classifyHeader,
  fieldOfRole,
  mergeHeaderRows,
  normaliseCurrencyCell,
  normaliseDirection,
  normaliseEntryMode,
  normaliseSettleCycle,
  normaliseStatus,
  normaliseTxnKind,
  roleOfField,
  type ColumnRole,
} from '../../../lib/portals/columns';
import { mapColumns, isTransactionTable } from '../../../lib/portals/transactions';

describe('classifyHeader', () => {
  const cases: { input: string; expected: ColumnRole | null }[] = [
    { input: '交易时间', expected: 'occurredAt' },
    { input: '交易日期时间', expected: 'occurredAt' },
    { input: '交易日期', expected: 'occurredAt' },
    { input: 'Date', expected: 'occurredAt' },
    { input: 'Created (UTC)', expected: 'occurredAt' },
    { input: '交易类型', expected: 'kind' },
    { input: '交易类别', expected: 'kind' },
    { input: 'Type', expected: 'kind' },
    { input: '卡号', expected: 'card' },
    { input: 'PAN Suffix', expected: 'card' },
    { input: '卡类型', expected: 'cardType' },
    { input: '卡类别', expected: 'cardType' },
    { input: '卡性质', expected: 'cardType' },
    { input: 'Card type', expected: 'cardType' },
    { input: 'Funding', expected: 'cardType' },
    { input: '交易金额', expected: 'amount' },
    { input: '交易金额(元)', expected: 'amount' },
    { input: '订单金额（元）', expected: 'amount' },
    { input: 'Amount', expected: 'amount' },
    { input: 'Gross', expected: 'amount' },
    { input: '手续费', expected: 'fee' },
    { input: '商户手续费', expected: 'fee' },
    { input: 'Fee', expected: 'fee' },
    { input: 'Fees', expected: 'fee' },
    { input: '结算金额', expected: 'net' },
    { input: '清算金额', expected: 'net' },
    { input: '到账金额', expected: 'net' },
    { input: 'Net', expected: 'net' },
    { input: '终端号', expected: 'terminalId' },
    { input: '终端编号', expected: 'terminalId' },
    { input: 'Terminal', expected: 'terminalId' },
    { input: '参考号', expected: 'rrn' },
    { input: '检索参考号', expected: 'rrn' },
    { input: '系统参考号', expected: 'rrn' },
    { input: 'RRN', expected: 'rrn' },
    { input: '凭证号', expected: 'voucherNo' },
    { input: '流水号', expected: 'voucherNo' },
    { input: '系统跟踪号', expected: 'voucherNo' },
    { input: 'Voucher', expected: 'voucherNo' },
    { input: 'Trace', expected: 'voucherNo' },
    { input: '批次号', expected: 'batchNo' },
    { input: 'Batch', expected: 'batchNo' },
    { input: '授权码', expected: 'authCode' },
    { input: 'Auth code', expected: 'authCode' },
    { input: '订单号', expected: 'orderNo' },
    { input: '商户订单号', expected: 'orderNo' },
    { input: 'Order', expected: 'orderNo' },
    { input: '交易状态', expected: 'status' },
    { input: 'Status', expected: 'status' },
    { input: '商户号', expected: 'merchantId' },
    { input: '商户编号', expected: 'merchantId' },
    { input: 'MID', expected: 'merchantId' },
    { input: '商户名称', expected: 'merchantName' },
    { input: '清算日期', expected: 'settleDate' },
    { input: '结算日期', expected: 'settleDate' },
    { input: 'Settle date', expected: 'settleDate' },
    { input: '结算周期', expected: 'settleCycle' },
    { input: '结算类型', expected: 'settleCycle' },
    { input: '秒到手续费', expected: 'extraFee' },
    { input: 'D0手续费', expected: 'extraFee' },
    { input: '秒到手续费(元)', expected: 'extraFee' },
    { input: '原参考号', expected: 'originalRef' },
    { input: '原交易参考号', expected: 'originalRef' },
    { input: '操作', expected: 'action' },
    { input: '详情', expected: 'action' },
    { input: 'Actions', expected: 'action' },
    { input: '序号', expected: 'index' },
    { input: '发卡行', expected: 'ignore' },
    { input: '手续费率', expected: 'ignore' },
    // containment: a known name wrapped in more words
    { input: '商户订单号/交易号', expected: 'orderNo' },
    { input: '原交易参考号码', expected: 'originalRef' },
    // two-character names never match by containment
    { input: '退款金额', expected: null },
    { input: 'Other Tender Type', expected: 'ignore' },
    { input: 'Tip Type', expected: null },
    { input: '', expected: null },
    { input: '交易时间 ↓', expected: 'occurredAt' },
    { input: '*交易金额：', expected: 'amount' },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(classifyHeader(input).role).toBe(expected);
  });

  it('reads units from the header', () => {
    expect(classifyHeader('交易金额(分)').unit).toBe('fen');
    expect(classifyHeader('交易金额（元）')).toMatchObject({ unit: 'yuan', currency: 'CNY' });
    expect(classifyHeader('Amount (USD)').currency).toBe('USD');
    expect(classifyHeader('Amount').currency).toBeUndefined();
  });

  it('reports the PortalTransaction key of each role', () => {
    expect(fieldOfRole('card')).toBe('cardLast4');
    expect(fieldOfRole('extraFee')).toBe('extraFees');
    expect(fieldOfRole('action')).toBeNull();
    expect(fieldOfRole('currency')).toBeNull();
    expect(fieldOfRole('amount')).toBe('amount');
    expect(fieldOfRole(null)).toBeNull();
  });
});

describe('normaliseTxnKind', () => {
  const cases: { input: string; kind: string | null; sign?: number }[] = [
    { input: '消费', kind: 'sale', sign: 1 },
    { input: '分期消费', kind: 'sale', sign: 1 },
    { input: '消费撤销', kind: 'void', sign: -1 },
    { input: '撤销', kind: 'void', sign: -1 },
    { input: '退货', kind: 'refund', sign: -1 },
    { input: '退款', kind: 'refund', sign: -1 },
    { input: '冲正', kind: 'reversal', sign: -1 },
    { input: '消费冲正', kind: 'reversal', sign: -1 },
    { input: '消费撤销冲正', kind: 'reversal', sign: 1 },
    { input: '预授权', kind: 'preauth', sign: 1 },
    { input: '预授权完成', kind: 'preauth_completion', sign: 1 },
    { input: '预授权完成撤销', kind: 'preauth_completion_void', sign: -1 },
    { input: '服务费', kind: 'fee', sign: -1 },
    { input: '押金', kind: 'fee', sign: -1 },
    { input: '流量费', kind: 'fee', sign: -1 },
    { input: '年费', kind: 'fee', sign: -1 },
    { input: '会员费', kind: 'fee', sign: -1 },
    { input: '拒付', kind: 'chargeback', sign: -1 },
    { input: '退单', kind: 'chargeback', sign: -1 },
    { input: 'Chargeback', kind: 'chargeback', sign: -1 },
    { input: 'Payout', kind: 'payout', sign: -1 },
    { input: 'sale', kind: 'sale', sign: 1 },
    { input: 'Charge', kind: 'sale', sign: 1 },
    { input: 'Payment', kind: 'sale', sign: 1 },
    { input: 'Refund', kind: 'refund', sign: -1 },
    { input: 'Payment refund', kind: 'refund', sign: -1 },
    { input: 'Stripe fee', kind: 'fee', sign: -1 },
    { input: 'Adjustment', kind: 'adjustment', sign: 0 },
    { input: '微信支付', kind: 'sale', sign: 1 },
    { input: '???', kind: null },
    { input: '', kind: null },
  ];
  it.each(cases)('$input → $kind', ({ input, kind, sign }) => {
    const r = normaliseTxnKind(input);
    if (kind === null) expect(r).toBeNull();
    else expect(r).toEqual({ kind, sign });
  });
});

describe('normaliseStatus', () => {
  const cases: { input: string; expected: string }[] = [
    { input: '成功', expected: 'success' },
    { input: '交易成功', expected: 'success' },
    { input: 'success', expected: 'success' },
    { input: 'Succeeded', expected: 'success' },
    { input: 'Paid', expected: 'success' },
    { input: 'SUCCESS', expected: 'success' },
    { input: '失败', expected: 'failed' },
    { input: '交易失败', expected: 'failed' },
    { input: '不成功', expected: 'failed' },
    { input: 'Failed', expected: 'failed' },
    { input: '处理中', expected: 'pending' },
    { input: 'pending', expected: 'pending' },
    { input: 'USERPAYING', expected: 'pending' },
    { input: '已撤销', expected: 'voided' },
    { input: 'REVOKED', expected: 'voided' },
    { input: '已冲正', expected: 'reversed' },
    { input: '冲正成功', expected: 'reversed' },
    { input: '乱码', expected: 'unknown' },
    { input: '', expected: 'unknown' },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(normaliseStatus(input)).toBe(expected);
  });
});

describe('normaliseSettleCycle / normaliseEntryMode', () => {
  it.each([
    ['T1', 'T1'],
    ['T+1', 'T1'],
    ['D0', 'D0'],
    ['D+0', 'D0'],
    ['秒到', 'D0'],
    ['D1', 'D1'],
    ['T0', 'T0'],
    ['月结', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSettleCycle(input)).toBe(expected);
  });
  it.each([
    ['插卡', 'chip'],
    ['磁条', 'swipe'],
    ['闪付', 'contactless'],
    ['手输', 'keyed'],
    ['扫码', 'qr'],
    ['Online', 'online'],
    ['?', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseEntryMode(input)).toBe(expected);
  });
});

describe('mapColumns / isTransactionTable', () => {
  it('keeps one column per role, preferring exact names', () => {
    const cols = mapColumns(['商户订单号/交易号', '交易时间', '订单号', '交易金额', '金额']);
    expect(cols.map((c) => c.role)).toEqual([null, 'occurredAt', 'orderNo', 'amount', null]);
  });
  it('allows a date column and a time column', () => {
    const cols = mapColumns(['交易日期', '交易时间', '交易金额']);
    expect(cols.map((c) => c.role)).toEqual(['occurredAt', 'occurredAt', 'amount']);
    expect(isTransactionTable(cols)).toBe(true);
  });
  it('makes repeated headers unique', () => {
    expect(mapColumns(['金额', '金额']).map((c) => c.header)).toEqual(['金额', '金额 (2)']);
  });
  it('needs a time, an amount and one more known column', () => {
    expect(isTransactionTable(mapColumns(['交易时间', '交易金额', '交易类型']))).toBe(true);
    expect(isTransactionTable(mapColumns(['交易时间', '交易金额']))).toBe(false);
    expect(isTransactionTable(mapColumns(['交易时间', '交易类型', '参考号']))).toBe(false);
    expect(isTransactionTable(mapColumns(['公告标题', '发布日期', '操作']))).toBe(false);
  });
});

describe('mergeHeaderRows', () => {
  it('names a column by its leaf unless its group is a known column', () => {
    expect(
      mergeHeaderRows([
        ['交易时间', '交易信息', '交易信息', '手续费', '手续费'],
        ['交易时间', '交易类型', '交易金额', '金额', '费率'],
      ]),
    ).toEqual(['交易时间', '交易类型', '交易金额', '手续费 金额', '手续费 费率']);
  });
});

describe('normaliseDirection (收/支 columns)', () => {
  const cases: { input: string; expected: 1 | -1 | null }[] = [
    { input: '收', expected: 1 },
    { input: '收入', expected: 1 },
    { input: '入账', expected: 1 },
    { input: 'In', expected: 1 },
    { input: '支', expected: -1 },
    { input: '支出', expected: -1 },
    { input: ' 出账 ', expected: -1 },
    { input: 'OUT', expected: -1 },
    // card types and kinds are not directions
    { input: '借', expected: null },
    { input: '贷', expected: null },
    { input: 'Debit', expected: null },
    { input: '退货', expected: null },
    { input: '', expected: null },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => expect(normaliseDirection(input)).toBe(expected));
});

describe('normaliseCurrencyCell (币种 columns)', () => {
  const cases: { input: string; expected: string | undefined }[] = [
    { input: 'CNY', expected: 'CNY' },
    { input: 'rmb', expected: 'CNY' },
    { input: '人民币', expected: 'CNY' },
    { input: '￥', expected: 'CNY' },
    { input: 'usd', expected: 'USD' },
    { input: '美元', expected: 'USD' },
    { input: 'HK$', expected: 'HKD' },
    { input: '港币', expected: 'HKD' },
    { input: 'XYZ', expected: undefined },
    { input: '元', expected: undefined },
    { input: '成功', expected: undefined },
  ];
  it.each(cases)('$input → $expected', ({ input, expected }) => expect(normaliseCurrencyCell(input)).toBe(expected));
});

describe('roles of split and sign columns', () => {
  it('a card BIN column is reported as cardBin; 币种 and 收/支 columns as no field, and both are teachable', () => {
    expect(fieldOfRole('cardBin')).toBe('cardBin');
    expect(fieldOfRole('direction')).toBeNull();
    expect(fieldOfRole('currency')).toBeNull();
    expect(roleOfField('direction')).toBe('direction');
    expect(roleOfField('cardBin')).toBe('cardBin');
  });
});
