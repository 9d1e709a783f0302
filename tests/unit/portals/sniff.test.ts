import { describe, expect, it } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const NOW = '2024-03-10T00:00:00Z';

function rows(cells: string[][]): string {
  return `<table>${cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
}

describe('value sniffing for tables without known headers', () => {
  // the refund row is printed in absolute values: its fee is given back (net = amount − fee)
  it('recognises dates, amounts, fee, net, masked PANs, RRNs, terminal ids and status words', () => {
    const doc = page(
      rows([
        ['2024-03-05 10:00:00', '消费', '622202******0000', '¥1,000.00', '¥6.00', '¥994.00', '240305100000', '12345678', '成功'],
        ['2024-03-05 11:00:00', '退货', '622202******0000', '¥200.00', '¥1.20', '¥198.80', '240305110000', '12345678', '成功'],
      ]),
    );
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.columns.map((c) => c.field)).toEqual(['occurredAt', 'kind', 'cardLast4', 'amount', 'fee', 'net', 'rrn', 'terminalId', 'status']);
    expect(t!.columns[0]!.header).toBe('#1');
    expect(t!.rows[1]!.transaction).toMatchObject({
      kind: 'refund',
      amount: { amount: '-200.00', currency: 'CNY' },
      fee: { amount: '-1.20' },
      net: { amount: '-198.80' },
      cardBin: '622202',
      cardLast4: '0000',
      rrn: '240305110000',
      terminalId: '12345678',
      status: 'success',
    });
    expect(t!.rows[0]!.transaction!.evidence.cells['#4']).toBe('¥1,000.00');
  });

  it('reads YYYYMMDD HHmmss dates and trailing-minus negatives', () => {
    const doc = page(
      rows([
        ['20240305 143000', '¥12.00', '成功'],
        ['20240305 150000', '¥12.00-', '成功'],
      ]),
    );
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows.map((r) => [r.transaction?.occurredAt, r.transaction?.amount.amount, r.transaction?.kind])).toEqual([
      ['2024-03-05T14:30:00', '12.00', 'sale'],
      ['2024-03-05T15:00:00', '-12.00', 'refund'],
    ]);
  });

  it('reads MM-DD HH:mm with the page year', () => {
    const doc = page(
      `<p>查询日期：2024-03-01 至 2024-03-31</p>${rows([
        ['03-05 10:00', '¥5.00', '成功'],
        ['03-06 11:00', '¥6.00', '成功'],
      ])}`,
    );
    const [t] = readPortalTables(doc, 'https://m.example', NOW);
    expect(t!.rows.map((r) => r.transaction?.occurredAt)).toEqual(['2024-03-05T10:00:00', '2024-03-06T11:00:00']);
  });

  it('does not take an id column of digits for an amount, nor a layout table for transactions', () => {
    expect(
      readPortalTables(
        page(
          rows([
            ['2024-03-05', '1000'],
            ['2024-03-06', '2000'],
          ]),
        ),
        'https://m.example',
        NOW,
      ),
    ).toEqual([]);
    expect(
      readPortalTables(
        page(
          rows([
            ['首页', '帮助'],
            ['关于', '联系'],
          ]),
        ),
        'https://m.example',
        NOW,
      ),
    ).toEqual([]);
    // one row is not enough to be sure
    expect(readPortalTables(page(rows([['2024-03-05 10:00:00', '¥5.00', '成功']])), 'https://m.example', NOW)).toEqual([]);
  });
});
