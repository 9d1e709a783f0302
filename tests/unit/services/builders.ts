// Tiny builders for service tests.
import type { PortalTransaction, StatementLine } from '../../../lib/model';

let n = 0;
export function tx(over: Partial<PortalTransaction> = {}): PortalTransaction {
  n++;
  return {
    id: `tx:${n}`,
    portal: 'generic',
    occurredAt: '2026-03-05T10:00:00',
    kind: 'sale',
    status: 'success',
    amount: { amount: '100.00', currency: 'CNY' },
    fee: { amount: '0.60', currency: 'CNY' },
    net: { amount: '99.40', currency: 'CNY' },
    cardType: 'credit',
    cardLast4: '1234',
    terminalId: '58120001',
    rrn: `60640000${String(1000 + n)}`,
    evidence: { url: 'http://127.0.0.1:8080/index.html', capturedAt: '2026-03-16T08:00:00Z', cells: { 交易金额: '100.00', n: String(n) }, sha256: '' },
    ...over,
  };
}

export function line(over: Partial<StatementLine> = {}): StatementLine {
  n++;
  return {
    id: `line:${n}`,
    bookedOn: '2026-03-06',
    amount: { amount: '99.40', currency: 'CNY' },
    description: 'POS结算款',
    source: { file: 'bank.csv', line: n },
    ...over,
  };
}
