// Columns understood from their values (issue 12 item 2): header sets × value formats → the field
// each column is read as, where that came from and how sure; then the readings that must not
// happen (an id never an amount, a rate never a fee, an ambiguous reference never a guess).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPortalTables } from '../../../lib/portals';
import { PLACE_THRESHOLD, confidenceLevel, inferColumns } from '../../../lib/portals/sniff';
import { mapColumns } from '../../../lib/portals/transactions';
import type { CapturedColumn } from '../../../lib/model';
import type { RawTable } from '../../../lib/portals/types';
import { page } from './fixture-util';

const NOW = '2024-03-10T00:00:00Z';

function table(headers: string[], rows: string[][]): Document {
  const tr = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return page(`<table><thead>${tr(headers, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`);
}

function readOne(doc: Document) {
  // plain amounts under English headers say no currency: the merchant's default gives it
  const tables = readPortalTables(doc, 'https://portal.example/trade', NOW, { defaultCurrency: 'CNY' });
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

/** header → "field source level", the way a reviewer reads a mapping */
function mapping(columns: CapturedColumn[]): Record<string, string> {
  return Object.fromEntries(
    columns.map((c) => [
      c.header,
      c.field === null && !c.readAs ? 'unplaced' : `${c.field ?? c.readAs} ${c.source}${c.source === 'values' ? ` ${confidenceLevel(c.confidence!)}` : ''}`,
    ]),
  );
}

// Six transactions: sales, a refund, a void and a failed sale, fees of 0.38–0.6 %.
const TXNS = [
  {
    at: '2024-03-05 10:01:07',
    kind: 'sale',
    status: 'ok',
    amount: '1000.00',
    fee: '6.00',
    card: ['622848', '1234'],
    type: 'credit',
    rrn: '400000000001',
    tid: 'A7001234',
  },
  {
    at: '2024-03-05 10:15:42',
    kind: 'sale',
    status: 'ok',
    amount: '88.50',
    fee: '0.44',
    card: ['621700', '5678'],
    type: 'debit',
    rrn: '400000000008',
    tid: 'A7001234',
  },
  {
    at: '2024-03-05 11:02:00',
    kind: 'refund',
    status: 'ok',
    amount: '200.00',
    fee: '1.20',
    card: ['622848', '1234'],
    type: 'credit',
    rrn: '400000000015',
    tid: '10001235',
  },
  { at: '2024-03-05 12:30:10', kind: 'sale', status: 'ok', amount: '2505.00', fee: '9.52', card: null, type: 'wechat', rrn: '400000000022', tid: '10001235' },
  {
    at: '2024-03-05 13:00:00',
    kind: 'void',
    status: 'ok',
    amount: '66.00',
    fee: '0.40',
    card: ['436742', '0001'],
    type: 'credit',
    rrn: '400000000029',
    tid: 'A7001234',
  },
  {
    at: '2024-03-05 14:45:59',
    kind: 'sale',
    status: 'failed',
    amount: '12.00',
    fee: '0.00',
    card: ['621700', '5678'],
    type: 'debit',
    rrn: '400000000036',
    tid: 'A7001234',
  },
] as const;

type Format = { money: (a: string, negative: boolean) => string; type: Record<string, string>; kind: Record<string, string>; status: Record<string, string> };
const net = (amount: string, fee: string) => (Number(amount.replace('.', '')) - Number(fee.replace('.', ''))).toString().replace(/(\d\d)$/, '.$1');
const FORMATS: Record<string, Format> = {
  'zh, ¥, signed, 借/贷': {
    money: (a, neg) => `${neg ? '-' : ''}¥${a}`,
    type: { credit: '贷', debit: '借', wechat: '微信' },
    kind: { sale: '消费', refund: '退货', void: '消费撤销' },
    status: { ok: '成功', failed: '失败' },
  },
  'zh, 元 suffix, all positive, 借记卡/贷记卡': {
    money: (a) => `${a}元`,
    type: { credit: '贷记卡', debit: '借记卡', wechat: '微信' },
    kind: { sale: '消费', refund: '退货', void: '撤销' },
    status: { ok: '交易成功', failed: '交易失败' },
  },
  'en, plain, all positive, D/C': {
    money: (a) => a,
    type: { credit: 'C', debit: 'D', wechat: 'WeChat' },
    kind: { sale: 'Sale', refund: 'Refund', void: 'Void' },
    status: { ok: 'Succeeded', failed: 'Failed' },
  },
};

// [header of each field] — each set uses words outside the synonym list for some columns
const HEADER_SETS: { name: string; headers: string[]; expected: Record<string, string> }[] = [
  {
    name: 'everyday zh wording',
    headers: ['发生时间', '业务类型', '处理结果', '订单金额', '扣率金额', '入账金额', '账号', '借贷标识', '流水凭证', '机具编号'],
    expected: {
      发生时间: 'occurredAt header',
      业务类型: 'kind header',
      处理结果: 'status values high',
      订单金额: 'amount header',
      扣率金额: 'fee values high',
      入账金额: 'net header',
      账号: 'cardLast4 values high',
      借贷标识: 'cardType header',
      流水凭证: 'rrn values high',
      机具编号: 'terminalId values high',
    },
  },
  {
    name: 'everyday en wording',
    headers: ['When', 'What', 'Outcome', 'Gross', 'Commission', 'Payout amount', 'Account', 'Funding source', 'Txn Ref', 'POS'],
    expected: {
      When: 'occurredAt values high',
      What: 'kind values high',
      Outcome: 'status values high',
      Gross: 'amount header',
      Commission: 'fee header',
      'Payout amount': 'net values high',
      Account: 'cardLast4 values high',
      'Funding source': 'cardType values high',
      'Txn Ref': 'rrn values high',
      POS: 'terminalId values high',
    },
  },
  {
    name: 'no header text at all',
    headers: ['', '', '', '', '', '', '', '', '', ''],
    expected: {
      '#1': 'occurredAt values high',
      '#2': 'kind values high',
      '#3': 'status values high',
      '#4': 'amount values medium',
      '#5': 'fee values high',
      '#6': 'net values high',
      '#7': 'cardLast4 values high',
      '#8': 'cardType values high',
      '#9': 'rrn values high',
      '#10': 'terminalId values high',
    },
  },
];

function rowsOf(format: Format): string[][] {
  return TXNS.map((t) => {
    const neg = t.kind !== 'sale';
    const fee = t.status === 'failed' ? '0.00' : t.fee;
    return [
      t.at,
      format.kind[t.kind]!,
      format.status[t.status]!,
      format.money(t.amount, neg),
      format.money(fee, neg),
      format.money(net(t.amount, fee), neg),
      t.card ? `${t.card[0]}******${t.card[1]}` : '',
      format.type[t.type]!,
      t.rrn,
      t.tid,
    ];
  });
}

describe('inference: header sets × value formats', () => {
  for (const set of HEADER_SETS) {
    for (const [formatName, format] of Object.entries(FORMATS)) {
      it(`${set.name} · ${formatName}`, () => {
        const t = readOne(table(set.headers, rowsOf(format)));
        expect(mapping(t.columns)).toEqual(set.expected);
        // every row read, signs from the type column (DESIGN.md §3) whether the page signs or not
        const txns = t.rows.map((r) => r.transaction!);
        expect(txns.map((x) => [x.kind, x.amount.amount, x.fee?.amount, x.net?.amount, x.cardType, x.rrn])).toEqual([
          ['sale', '1000.00', '6.00', '994.00', 'credit', '400000000001'],
          ['sale', '88.50', '0.44', '88.06', 'debit', '400000000008'],
          ['refund', '-200.00', '-1.20', '-198.80', 'credit', '400000000015'],
          ['sale', '2505.00', '9.52', '2495.48', 'qr_wechat', '400000000022'],
          ['void', '-66.00', '-0.40', '-65.60', 'credit', '400000000029'],
          ['sale', '12.00', '0.00', '12.00', 'debit', '400000000036'],
        ]);
        expect(txns[0]).toMatchObject({ occurredAt: '2024-03-05T10:01:07', status: 'success', cardBin: '622848', cardLast4: '1234', terminalId: 'A7001234' });
        expect(txns[5]!.status).toBe('failed');
      });
    }
  }
});

describe('inference: fields split over two columns', () => {
  it('a date column and a time column make occurredAt', () => {
    const t = readOne(
      table(
        ['记账日', '时分秒', '订单金额', '交易状态'],
        [
          ['2024-03-05', '10:01:07', '¥12.00', '成功'],
          ['2024-03-06', '23:59:59', '¥8.00', '成功'],
          ['2024-03-07', '00:00:01', '¥1.00', '成功'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ 记账日: 'occurredAt values medium', 时分秒: 'occurredAt values medium' });
    expect(t.columns[0]!.reason).toEqual({ key: 'infer.dateAndTime', params: { other: '时分秒' } });
    expect(t.rows.map((r) => r.transaction?.occurredAt)).toEqual(['2024-03-05T10:01:07', '2024-03-06T23:59:59', '2024-03-07T00:00:01']);
  });

  it('a header date column is completed by an unplaced time column', () => {
    const t = readOne(
      table(
        ['交易日期', '时刻', '交易金额', '交易状态'],
        [
          ['2024-03-05', '10:01:07', '¥12.00', '成功'],
          ['2024-03-05', '11:00:00', '¥8.00', '成功'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ 交易日期: 'occurredAt header', 时刻: 'occurredAt values medium' });
    expect(t.rows[1]!.transaction!.occurredAt).toBe('2024-03-05T11:00:00');
  });

  it('卡号前六位 + 卡号后四位 make the card', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '卡号前六位', '卡号后四位', '交易状态'],
        [
          ['2024-03-05 10:00:00', '¥12.00', '622848', '1234', '成功'],
          ['2024-03-05 11:00:00', '¥8.00', '436742', '0001', '成功'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ 卡号前六位: 'cardBin values medium', 卡号后四位: 'cardLast4 header' });
    expect(t.rows[1]!.transaction).toMatchObject({ cardBin: '436742', cardLast4: '0001' });
  });

  it('an amount with a separate currency column takes that currency', () => {
    const t = readOne(
      table(
        ['交易时间', 'Amount', 'Unit', '交易状态'],
        [
          ['2024-03-05 10:00:00', '12.00', 'USD', '成功'],
          ['2024-03-05 11:00:00', '8.00', 'USD', '成功'],
          ['2024-03-05 12:00:00', '8.00', '美元', '成功'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ Unit: 'currency values medium' });
    expect(t.rows.map((r) => r.transaction?.amount)).toEqual([
      { amount: '12.00', currency: 'USD' },
      { amount: '8.00', currency: 'USD' },
      { amount: '8.00', currency: 'USD' },
    ]);
  });

  it('a 收/支 column gives amounts shown positive their sign', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '方向', '参考号'],
        [
          ['2024-03-05 10:00:00', '¥12.00', '收入', '400000000001'],
          ['2024-03-05 11:00:00', '¥8.00', '支出', '400000000008'],
          ['2024-03-05 12:00:00', '¥5.00', '收入', '400000000015'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ 方向: 'direction values medium' });
    expect(t.rows.map((r) => [r.transaction?.kind, r.transaction?.amount.amount])).toEqual([
      ['sale', '12.00'],
      ['refund', '-8.00'],
      ['sale', '5.00'],
    ]);
  });
});

describe('inference: bad words in sign and currency columns', () => {
  it('a 收/支 or 币种 word it does not know is a warning on its row; the amount keeps the sign shown', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '收支', '币种', '参考号'],
        [
          ['2024-03-05 10:00:00', '¥12.00', '转账', 'CNY', '400000000001'],
          ['2024-03-05 11:00:00', '8.00', '支出', '金币', '400000000008'],
        ],
      ),
    );
    expect(t.rows[0]!.transaction!.amount.amount).toBe('12.00');
    expect(t.rows[0]!.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'direction_unknown', line: 1, raw: '转账' }));
    expect(t.rows[1]!.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'currency_unknown', line: 2, raw: '金币' }));
    expect(t.rows[1]!.transaction!.amount.amount).toBe('-8.00');
  });
});

describe('inference: identifiers', () => {
  it('6-digit sequential numbers are voucher numbers, 15-digit repeated numbers the merchant id', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '交易状态', 'A', 'B'],
        [
          ['2024-03-05 10:00:00', '¥12.00', '成功', '000101', '822100058120001'],
          ['2024-03-05 11:00:00', '¥8.00', '成功', '000102', '822100058120001'],
          ['2024-03-05 12:00:00', '¥8.00', '成功', '000103', '822100058120001'],
          ['2024-03-05 13:00:00', '¥8.00', '成功', '000105', '822100058120001'],
          ['2024-03-05 14:00:00', '¥8.00', '成功', '000106', '822100058120001'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ A: 'voucherNo values medium', B: 'merchantId values high' });
    expect(t.rows[0]!.transaction).toMatchObject({ voucherNo: '000101', merchantId: '822100058120001' });
  });

  it('a 6-digit column beside a header 凭证号 is the auth code', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '凭证号', 'X'],
        [
          ['2024-03-05 10:00:00', '¥12.00', '000101', '839201'],
          ['2024-03-05 11:00:00', '¥8.00', '000102', '120394'],
          ['2024-03-05 12:00:00', '¥8.00', '000103', '554021'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ 凭证号: 'voucherNo header', X: 'authCode values low' });
  });
});

describe('inference: must not', () => {
  const base = (extra: string[][]) =>
    ['2024-03-05 10:00:00', '2024-03-05 11:00:00', '2024-03-05 12:00:00', '2024-03-05 13:00:00'].map((at, i) => [
      at,
      ['¥1,000.00', '¥250.00', '¥40.00', '¥3.00'][i]!,
      '成功',
      ...extra.map((col) => col[i]!),
    ]);

  it('never takes an id column of digits for an amount', () => {
    const t = readOne(table(['交易时间', '交易金额', '交易状态', 'No'], base([['10001', '10002', '10003', '10004']])));
    expect(mapping(t.columns).No).toBe('unplaced');
  });

  it('never takes a percentage or rate column for the fee', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '交易状态', 'Rate', 'Rate2'],
        base([
          ['0.60%', '0.60%', '0.38%', '0.60%'],
          ['0.60', '0.60', '0.60', '0.60'],
        ]),
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ Rate: 'unplaced', Rate2: 'unplaced' });
    expect(t.rows[0]!.transaction!.fee).toBeUndefined();
  });

  it('never takes a charge above 5 % of the amount, or not in proportion to it, for the fee', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '交易状态', 'F1', 'F2'],
        base([
          ['60.00', '15.00', '2.40', '0.18'],
          ['3.00', '0.10', '1.50', '0.01'],
        ]),
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ F1: 'unplaced', F2: 'unplaced' });
  });

  it('of two 12-digit columns takes the unique one as the RRN, never the repeating one', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '交易状态', 'P', 'Q'],
        base([
          ['400000000001', '400000000001', '400000000002', '400000000002'],
          ['400000000011', '400000000012', '400000000013', '400000000014'],
        ]),
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ P: 'unplaced', Q: 'rrn values medium' });
  });

  it('places neither of two columns that fit the RRN equally', () => {
    const t = readOne(
      table(
        ['交易时间', '交易金额', '交易状态', 'P', 'Q'],
        base([
          ['400000000001', '400000000002', '400000000003', '400000000004'],
          ['400000000011', '400000000012', '400000000013', '400000000014'],
        ]),
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ P: 'unplaced', Q: 'unplaced' });
  });

  it('leaves a second column equal to the amount unplaced', () => {
    const t = readOne(table(['交易时间', '交易金额', '交易状态', '实付'], base([['¥1,000.00', '¥250.00', '¥40.00', '¥3.00']])));
    expect(mapping(t.columns)['实付']).toBe('unplaced');
  });

  it('keeps what a known header says over what the values suggest', () => {
    const t = readOne(table(['交易时间', '交易金额', '交易状态', '订单号'], base([['400000000001', '400000000002', '400000000003', '400000000004']])));
    expect(mapping(t.columns)['订单号']).toBe('orderNo header');
  });

  it('re-reads a header column its values make impossible (a 金额 column of dates)', () => {
    const t = readOne(
      table(
        ['金额', 'Value', '交易状态'],
        [
          ['2024-03-05 10:00:00', '¥12.00', '成功'],
          ['2024-03-05 11:00:00', '¥8.00', '成功'],
          ['2024-03-05 12:00:00', '¥8.00', '失败'],
        ],
      ),
    );
    expect(mapping(t.columns)).toMatchObject({ 金额: 'occurredAt values high', Value: 'amount values medium' });
  });

  it('places nothing from a single row', () => {
    expect(readPortalTables(table(['When', 'Value', 'Outcome'], [['2024-03-05 10:00:00', '¥12.00', '成功']]), 'https://p.example', NOW)).toEqual([]);
  });

  it('keeps hostile header and cell text as text', () => {
    const t = readOne(table(['交易时间', '交易金额', '交易状态', '&lt;img src=x onerror=alert(1)&gt;'], base([['<b>x</b>', '<i>y</i>', 'z', 'w']])));
    expect(t.columns[3]!.header).toBe('<img src=x onerror=alert(1)>');
    expect(t.rows[0]!.transaction!.evidence.cells['<img src=x onerror=alert(1)>']).toBe('x');
  });
});

describe('inference: property', () => {
  const cell = fc.oneof(
    fc.constantFrom('', '-', '成功', '失败', '消费', '退货', 'D', 'C', '借', '贷', 'CNY', '收入', '支出', '622848******1234', '1234', '622848'),
    fc.constantFrom('2024-03-05 10:00:00', '2024-03-05', '10:00:00', '20240305', '400000000001', '822100058120001', 'A7001234', '000101'),
    fc.tuple(fc.integer({ min: 0, max: 999999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('¥', '$', '-¥', '')).map(([a, s]) => `${s}${a}.00`),
    fc.string({ maxLength: 12 }),
  );
  const SINGLE = new Set([
    'amount',
    'fee',
    'net',
    'kind',
    'status',
    'card',
    'cardBin',
    'cardType',
    'rrn',
    'voucherNo',
    'authCode',
    'batchNo',
    'terminalId',
    'merchantId',
    'currency',
    'direction',
  ]);

  it('never throws, places only above the threshold, and never gives one single-valued field two columns', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((w) =>
            fc.tuple(
              fc.array(fc.constantFrom('', '金额', '手续费', '交易时间', 'X', 'Y', '参考号'), { minLength: w, maxLength: w }),
              fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 0, maxLength: 12 }),
            ),
          ),
        ([headers, rows]) => {
          const raw: RawTable = { root: document.body, headers, rows: rows.map((cells, i) => ({ element: document.body, cells, rowNumber: i + 1 })) };
          const cols = inferColumns(raw, mapColumns(headers));
          const seen = new Map<string, number>();
          for (const c of cols) {
            if (c.source === 'values') expect(c.confidence!).toBeGreaterThanOrEqual(PLACE_THRESHOLD);
            if (c.role && SINGLE.has(c.role)) seen.set(c.role, (seen.get(c.role) ?? 0) + 1);
          }
          for (const [role, n] of seen) expect(n, role).toBe(1);
          expect(cols.filter((c) => c.role === 'occurredAt').length).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 400 },
    );
  });
});
