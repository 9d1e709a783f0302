// A fixed dispute scenario (DOMAIN.md §3.4 examples 1, 4 and 5), built inline.
import type { Finding, PortalTransaction, StatementLine } from '../../../lib/model';
import type { DisputeInput } from '../../../lib/disputes/render';

export function tx(over: Omit<Partial<PortalTransaction>, 'amount'> & { id: string; occurredAt: string; amount: string }): PortalTransaction {
  const { amount, ...rest } = over;
  return {
    portal: 'generic',
    kind: 'sale',
    status: 'success',
    cardType: 'unknown',
    evidence: { url: 'https://merchant.example.com/txns?page=1', capturedAt: '2024-03-10T09:00:00.000Z', cells: {}, sha256: '' },
    ...rest,
    amount: { amount, currency: 'CNY' },
  };
}

export const debitCapTx = tx({
  id: 'tx:debit',
  occurredAt: '2024-03-05T10:15:00',
  amount: '8000.00',
  fee: { amount: '40.00', currency: 'CNY' },
  cardType: 'debit',
  cardLast4: '6789',
  rrn: '123456789012',
  voucherNo: '000123',
  batchNo: '000045',
  terminalId: '12345678',
  merchantId: '822100058120001',
  settleDate: '2024-03-06',
  evidence: {
    url: 'https://merchant.example.com/txns?page=1',
    capturedAt: '2024-03-10T09:00:00.000Z',
    cells: { 交易时间: '2024-03-05 10:15:00', 交易金额: '8,000.00', 手续费: '40.00', 参考号: '123456789012', 卡号: '622202******6789' },
    sha256: 'ab'.repeat(32),
  },
});
export const dupFirst = tx({
  id: 'tx:dup1',
  occurredAt: '2024-03-05T12:01:10',
  amount: '88.00',
  fee: { amount: '0.53', currency: 'CNY' },
  cardType: 'credit',
  cardLast4: '0085',
  rrn: '406512010001',
  voucherNo: '000124',
  batchNo: '000045',
  terminalId: '12345678',
  merchantId: '822100058120001',
});
export const dupRepeat = tx({
  id: 'tx:dup2',
  occurredAt: '2024-03-05T12:02:05',
  amount: '88.00',
  fee: { amount: '0.53', currency: 'CNY' },
  cardType: 'credit',
  cardLast4: '0085',
  rrn: '406512020002',
  voucherNo: '000125',
  batchNo: '000045',
  terminalId: '12345678',
  merchantId: '822100058120001',
});
export const groupTxs = [
  tx({
    id: 'tx:g1',
    occurredAt: '2024-03-04T09:30:00',
    amount: '5000.00',
    fee: { amount: '30.00', currency: 'CNY' },
    settleDate: '2024-03-04',
    terminalId: '12345678',
    merchantId: '822100058120001',
    rrn: '406409300001',
  }),
  tx({
    id: 'tx:g2',
    occurredAt: '2024-03-04T15:00:00',
    amount: '7245.00',
    fee: { amount: '43.47', currency: 'CNY' },
    settleDate: '2024-03-04',
    terminalId: '12345678',
    merchantId: '822100058120001',
    rrn: '406415000002',
  }),
];
export const bankLine: StatementLine = {
  id: 'line:1',
  bookedOn: '2024-03-05',
  valueOn: '2024-03-05',
  amount: { amount: '12123.53', currency: 'CNY' },
  description: '拉卡拉支付 结算款',
  counterparty: '拉卡拉支付股份有限公司',
  reference: 'B20240305001',
  source: { file: 'icbc-2024-03.csv', line: 7 },
};

export const debitCapFinding: Finding = {
  id: 'f:debit',
  kind: 'debit_cap_ignored',
  severity: 'overcharge',
  atStake: { amount: '20.00', currency: 'CNY' },
  transactionIds: ['tx:debit'],
  statementLineIds: [],
  expected: { amount: '20.00', currency: 'CNY' },
  actual: { amount: '40.00', currency: 'CNY' },
  explanation: {
    key: 'finding.debit_cap_ignored',
    params: { amount: '8000.00', currency: 'CNY', percent: '0.5', cap: '20.00', expected: '20.00', charged: '40.00', difference: '20.00' },
  },
};
export const duplicateFinding: Finding = {
  id: 'f:dup',
  kind: 'duplicate_charge',
  severity: 'overcharge',
  atStake: { amount: '88.00', currency: 'CNY' },
  transactionIds: ['tx:dup1', 'tx:dup2'],
  statementLineIds: [],
  cashierIds: ['c:1'],
  explanation: {
    key: 'finding.duplicate_charge',
    params: {
      amount: '88.00',
      currency: 'CNY',
      first: '2024-03-05T12:01:10',
      second: '2024-03-05T12:02:05',
      seconds: '55',
      terminalId: '12345678',
      cardLast4: '0085',
    },
  },
};
export const shortfallFinding: Finding = {
  id: 'f:short',
  kind: 'settlement_shortfall',
  severity: 'overcharge',
  atStake: { amount: '48.00', currency: 'CNY' },
  transactionIds: ['tx:g1', 'tx:g2'],
  statementLineIds: ['line:1'],
  expected: { amount: '12171.53', currency: 'CNY' },
  actual: { amount: '12123.53', currency: 'CNY' },
  explanation: {
    key: 'finding.settlement_shortfall',
    params: {
      settleDate: '2024-03-04',
      expectedValueDate: '2024-03-05',
      expected: '12171.53',
      received: '12123.53',
      difference: '48.00',
      currency: 'CNY',
      count: '2',
    },
  },
};

export const merchant = { name: '张记面馆', merchantId: '822100058120001', contact: '张三', phone: '13800000000' };

export function scenario(over: Partial<DisputeInput> = {}): DisputeInput {
  return {
    findings: [debitCapFinding, duplicateFinding, shortfallFinding],
    transactions: [debitCapTx, dupFirst, dupRepeat, ...groupTxs],
    statementLines: [bankLine],
    merchant,
    contractLabel: '收单服务协议（2024版）',
    asOf: '2024-03-10',
    ...over,
  };
}
