// Generic bank CSV: header found after a preamble, columns by name, signs from debit/credit or 收/支
// columns, every bad row reported with its line number while the others still import.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { parseStatement } from '../../../lib/statements/index';
import Papa from 'papaparse';
import { breaksAreAllCrlf, detectDelimiter, firstLines, papaLinebreak, splitCsv } from '../../../lib/statements/support/csv-split';
import { cleanCell } from '../../../lib/statements/support/cells';
import type { StatementParseResult } from '../../../lib/model';

const csv = (name: string, ...lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n') + '\n') });
const amounts = (r: StatementParseResult) => r.lines.map((l) => `${l.bookedOn} ${l.amount.amount} ${l.amount.currency}`);
const errors = (r: StatementParseResult) => r.issues.filter((i) => i.level === 'error');

describe('csv: header and columns', () => {
  const cases: { description: string; lines: string[]; expected: string[]; format?: string }[] = [
    {
      description: 'Chinese headers, signed 交易金额, CNY by default',
      lines: [
        '交易日期,摘要,交易金额,余额,对方户名,交易流水号',
        '2024-03-01,POS结算,1200.50,5200.50,拉卡拉支付股份有限公司,A001',
        '2024-03-02,手续费,-7.20,5193.30,,A002',
      ],
      expected: ['2024-03-01 1200.50 CNY', '2024-03-02 -7.20 CNY'],
    },
    {
      description: 'English headers with a Currency column',
      lines: ['Booking date,Description,Amount,Currency,Balance', '2024-03-01,Stripe payout,100.00,USD,1100.00', '2024-03-02,Card fee,-2.50,USD,1097.50'],
      expected: ['2024-03-01 100.00 USD', '2024-03-02 -2.50 USD'],
    },
    {
      description: '借方发生额/贷方发生额 columns (money out / in)',
      lines: ['记账日期,摘要,借方发生额,贷方发生额,余额', '2024-03-01,银联商务结算,,"8,800.00","18,800.00"', '2024-03-02,转账支出,"1,000.00",,"17,800.00"'],
      expected: ['2024-03-01 8800.00 CNY', '2024-03-02 -1000.00 CNY'],
    },
    {
      description: 'English Withdrawal/Deposit columns and a currency in the header',
      lines: ['Date,Description,Withdrawal (HKD),Deposit (HKD),Balance', '2024-03-01,FPS IN,,500.00,1500.00', '2024-03-02,ATM,200.00,,1300.00'],
      expected: ['2024-03-01 500.00 HKD', '2024-03-02 -200.00 HKD'],
    },
    {
      description: '收/支 column with unsigned amounts',
      lines: ['交易时间,交易对方,收/支,金额,交易状态', '2024-03-01 10:00:00,张三,收入,50.00,交易成功', '2024-03-01 11:00:00,超市,支出,12.30,交易成功'],
      expected: ['2024-03-01 50.00 CNY', '2024-03-01 -12.30 CNY'],
    },
    {
      description: '借 Dr / 贷 Cr column',
      lines: ['交易日期,借贷,交易金额,余额,摘要', '2024-03-01,贷 Cr,10.00,110.00,入账', '2024-03-02,借 Dr,3.00,107.00,消费'],
      expected: ['2024-03-01 10.00 CNY', '2024-03-02 -3.00 CNY'],
    },
    {
      description: 'preamble lines before the header are skipped',
      lines: ['中国某银行交易明细', '账号: 6222 0000 1234 5678', '币种: 人民币', '', '交易日期,摘要,金额', '20240301,结算,100.00'],
      expected: ['2024-03-01 100.00 CNY'],
    },
    {
      description: 'decimal comma with ; separator (European export)',
      lines: ['Buchungstag;Datum;Verwendungszweck;Betrag;Währung', 'x;01.02.2024;Miete;-1.234,50;EUR', 'x;02.02.2024;Gutschrift;12,00;EUR'].map((l, i) =>
        i === 0 ? 'Valuta;Date;Description;Amount;Currency' : l,
      ),
      expected: ['2024-02-01 -1234.50 EUR', '2024-02-02 12.00 EUR'],
    },
    {
      description: 'amounts with currency prefixes and thousands separators',
      lines: ['交易日期,交易说明,金额', '2024-03-01,结算,"¥1,234.50"', '2024-03-02,退款,CNY -3.00'],
      expected: ['2024-03-01 1234.50 CNY', '2024-03-02 -3.00 CNY'],
    },
    {
      description: 'tab-separated',
      lines: ['交易日期\t摘要\t金额', '2024-03-01\t结算\t100.00'],
      expected: ['2024-03-01 100.00 CNY'],
    },
  ];
  it.each(cases)('$description', async ({ lines, expected }) => {
    const r = await parseStatement(csv('statement.csv', ...lines));
    expect(errors(r)).toEqual([]);
    expect(amounts(r)).toEqual(expected);
    expect(r.kind).toBe('bank');
  });

  it('keeps description, counterparty, reference, balance and the source line', async () => {
    const r = await parseStatement(
      csv('s.csv', '交易日期,摘要,交易金额,余额,对方户名,交易流水号', '2024-03-01,POS结算,1200.50,5200.50,拉卡拉支付股份有限公司,A001'),
    );
    expect(r.lines[0]).toMatchObject({
      bookedOn: '2024-03-01',
      description: 'POS结算',
      counterparty: '拉卡拉支付股份有限公司',
      reference: 'A001',
      balanceAfter: { amount: '5200.50', currency: 'CNY' },
      source: { file: 's.csv', line: 2 },
    });
  });

  it('reads the account from the preamble and states the period and balances', async () => {
    const r = await parseStatement(
      csv('s.csv', '账号: 6222000012345678', '交易日期,摘要,金额,余额', '2024-03-01,a,100.00,1100.00', '2024-03-05,b,-40.00,1060.00'),
    );
    expect(r.accounts).toEqual([
      {
        accountId: '6222000012345678',
        currency: 'CNY',
        period: { from: '2024-03-01', to: '2024-03-05' },
        openingBalance: { amount: '1000.00', currency: 'CNY' },
        closingBalance: { amount: '1060.00', currency: 'CNY' },
      },
    ]);
    expect(r.lines.every((l) => l.accountId === undefined)).toBe(true);
  });

  it('newest-first files get opening/closing in date order', async () => {
    const r = await parseStatement(csv('s.csv', '交易日期,摘要,金额,余额', '2024-03-05,b,-40.00,1060.00', '2024-03-01,a,100.00,1100.00'));
    expect(r.accounts[0]).toMatchObject({ openingBalance: { amount: '1000.00' }, closingBalance: { amount: '1060.00' } });
    expect(r.issues).toEqual([]);
  });

  it('warns with the difference when balances do not chain', async () => {
    const r = await parseStatement(csv('s.csv', '交易日期,摘要,金额,余额', '2024-03-01,a,100.00,1100.00', '2024-03-02,b,-40.00,1050.00'));
    const w = r.issues.find((i) => i.code === 'balance_chain');
    expect(w).toMatchObject({ level: 'warning', line: 3 });
    expect(w!.message).toMatch(/difference -10\.00 CNY/);
  });

  it('warns on a break in a newest-first file, lines named in date order', async () => {
    // the chain is checked from cents read while the rows were read: index for index, reversed here
    const r = await parseStatement(
      csv('s.csv', '交易日期,摘要,金额,余额', '2024-03-09,c,5.00,1065.00', '2024-03-05,b,-40.00,1050.00', '2024-03-01,a,100.00,1100.00'),
    );
    const w = r.issues.filter((i) => i.code === 'balance_chain');
    expect(w.map((i) => [i.line, i.message.match(/difference (\S+)/)?.[1]])).toEqual([
      [3, '-10.00'],
      [2, '10.00'],
    ]);
    expect(r.accounts[0]).toMatchObject({ openingBalance: { amount: '1000.00' }, closingBalance: { amount: '1065.00' } });
  });

  it('checks stated opening + lines = closing', async () => {
    const r = await parseStatement(csv('s.csv', '期初余额: 1000.00', '期末余额: 1070.00', '交易日期,摘要,金额', '2024-03-01,a,100.00', '2024-03-02,b,-40.00'));
    expect(r.accounts[0]).toMatchObject({ openingBalance: { amount: '1000.00' }, closingBalance: { amount: '1070.00' } });
    expect(r.issues.find((i) => i.code === 'balance_mismatch')!.message).toMatch(/difference 10\.00/);
  });

  it('reads a GBK-encoded CSV (built with iconv-lite) and warns the encoding was a guess', async () => {
    const text = '交易日期,摘要,金额,对方户名\n2024-03-01,银联商务结算,100.00,银联商务股份有限公司\n';
    const r = await parseStatement({ name: 'gbk.csv', bytes: new Uint8Array(iconv.encode(text, 'gbk')) });
    expect(r.encoding).toBe('gb18030');
    expect(r.lines[0]!.counterparty).toBe('银联商务股份有限公司');
    expect(r.issues.map((i) => i.code)).toContain('encoding_guessed');
  });

  it('English headers without a currency: the caller default, with a warning', async () => {
    const r = await parseStatement(csv('s.csv', 'Date,Description,Amount', '2024-03-01,x,1.00'), { defaultCurrency: 'EUR' });
    expect(r.lines[0]!.amount).toEqual({ amount: '1.00', currency: 'EUR' });
    expect(r.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'currency_missing' }));
    const none = await parseStatement(csv('s.csv', 'Date,Description,Amount', '2024-03-01,x,1.00'));
    expect(none.lines[0]!.amount.currency).toBe('XXX');
  });

  it('ambiguous dd/mm vs mm/dd is reported, and a day above 12 settles it', async () => {
    const amb = await parseStatement(csv('s.csv', 'Date,Description,Amount,Currency', '05/01/2024,x,1.00,GBP'));
    expect(amb.lines).toEqual([]);
    expect(errors(amb)[0]).toMatchObject({ code: 'ambiguous_date', line: 2 });
    const dmy = await parseStatement(csv('s.csv', 'Date,Description,Amount,Currency', '05/01/2024,x,1.00,GBP', '25/01/2024,y,2.00,GBP'));
    expect(amounts(dmy)).toEqual(['2024-01-05 1.00 GBP', '2024-01-25 2.00 GBP']);
  });
});

describe('csv: bad rows', () => {
  it('an unreadable amount is an issue with its line number; the other rows still import', async () => {
    const r = await parseStatement(csv('s.csv', '交易日期,摘要,金额', '2024-03-01,a,100.00', '2024-03-02,b,abc', '2024-03-03,c,-5.00'));
    expect(amounts(r)).toEqual(['2024-03-01 100.00 CNY', '2024-03-03 -5.00 CNY']);
    expect(errors(r)).toEqual([expect.objectContaining({ code: 'bad_amount', line: 3, raw: 'abc' })]);
    expect(errors(r)[0]!.message).toBe('line 3: 金额 "abc" is not a number (expected e.g. 1234.50); row not imported');
  });

  it('a bad date and a missing amount are issues, never today or 0', async () => {
    const r = await parseStatement(csv('s.csv', '交易日期,摘要,金额', '2024-02-30,a,1.00', '2024-03-01,b,', '2024-03-02,c,2.00'));
    expect(amounts(r)).toEqual(['2024-03-02 2.00 CNY']);
    expect(errors(r).map((i) => [i.code, i.line])).toEqual([
      ['bad_date', 2],
      ['missing_amount', 3],
    ]);
  });

  it('footer and summary lines are ignored with a warning', async () => {
    const r = await parseStatement(csv('s.csv', '交易日期,摘要,收入,支出', '2024-03-01,a,100.00,', '', '人民币合计,,100.00,0.00', '共1笔记录'));
    expect(amounts(r)).toEqual(['2024-03-01 100.00 CNY']);
    expect(r.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'footer_ignored' })]);
  });

  it('an empty file', async () => {
    const r = await parseStatement({ name: 'empty.csv', bytes: new Uint8Array() });
    expect(r.lines).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ level: 'error', code: 'empty_file' })]);
  });

  it('a CSV that is not a statement says what was expected', async () => {
    const r = await parseStatement(csv('contacts.csv', 'name,email,phone', 'Ann,ann@example.com,123', 'Bob,bob@example.com,456'));
    expect(r.lines).toEqual([]);
    expect(errors(r)[0]!.message).toMatch(/no header row found.*date column.*amount column/);
  });

  it('a PDF renamed .csv is recognised as a PDF', async () => {
    const r = await parseStatement({ name: 'statement.csv', bytes: new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n') });
    expect(r.lines).toEqual([]);
    expect(errors(r)[0]!.message).toMatch(/PDF/);
  });
});

describe('csv: ids', () => {
  const text = [
    '交易日期,摘要,金额,交易流水号',
    '2024-03-01,咖啡,-12.00,',
    '2024-03-01,咖啡,-12.00,',
    '2024-03-01,结算,100.00,NONREF',
    '2024-03-02,结算,100.00,R-2',
  ];
  it('re-parsing gives identical ids; identical rows stay distinct', async () => {
    const a = await parseStatement(csv('a.csv', ...text));
    const b = await parseStatement(csv('b.csv', ...text));
    expect(a.lines.map((l) => l.id)).toEqual(b.lines.map((l) => l.id));
    expect(new Set(a.lines.map((l) => l.id)).size).toBe(4);
    expect(a.lines[2]!.reference).toBeUndefined(); // NONREF is a placeholder, never a key
  });
  it('an overlapping file yields the same ids for the shared lines', async () => {
    const a = await parseStatement(csv('a.csv', ...text.slice(0, 4)));
    const b = await parseStatement(csv('b.csv', text[0]!, ...text.slice(3)));
    expect(b.lines[0]!.id).toBe(a.lines[2]!.id);
  });
});

describe('csv: files without a header row (columns read from their values)', () => {
  const cases: { description: string; lines: string[]; expected: string[]; note?: RegExp }[] = [
    {
      description: 'TD-style date, description, withdrawal, deposit, balance; MM/DD from the span of the dates',
      lines: ['05/01/2023,COFFEE SHOP,1.96,,98.04', '05/02/2023,PAYROLL,,500.00,598.04', '05/03/2023,GROCER,12.10,,585.94'],
      expected: ['2023-05-01 -1.96 XXX', '2023-05-02 500.00 XXX', '2023-05-03 -12.10 XXX'],
      note: /withdrawal \(column 3\), deposit \(column 4\), balance \(column 5\).*MM\/DD\/YYYY.*2 days rather than 59/,
    },
    {
      description: 'the shorter reading wins only by a clear margin: 1–3 Feb rather than 2 Jan – 2 Mar',
      lines: ['01/02/2024,Payout,100.00', '03/02/2024,Fee,-2.50'],
      expected: ['2024-02-01 100.00 XXX', '2024-02-03 -2.50 XXX'],
      note: /DD\/MM\/YYYY.*2 days rather than 60/,
    },
    {
      description: 'a day above 12 decides the order by itself',
      lines: ['13/01/2024,Rent,-800.00', '14/01/2024,Salary,2500.00'],
      expected: ['2024-01-13 -800.00 XXX', '2024-01-14 2500.00 XXX'],
      note: /date \(column 1\), description \(column 2\), amount \(column 3\); one signed amount column/,
    },
    {
      description: 'ISO dates, a signed amount and a balance filled in every row',
      lines: ['2024-03-01,Payout,100.00,1100.00', '2024-03-02,Fee,-2.50,1097.50'],
      expected: ['2024-03-01 100.00 XXX', '2024-03-02 -2.50 XXX'],
      note: /read as amount, then balance/,
    },
    {
      description: 'the balances say the first amount column is the deposit',
      lines: ['2024-03-01,Payout,100.00,,1100.00', '2024-03-02,Fee,,2.50,1097.50', '2024-03-03,Payout,50.00,,1147.50'],
      expected: ['2024-03-01 100.00 XXX', '2024-03-02 -2.50 XXX', '2024-03-03 50.00 XXX'],
      note: /deposit \(column 3\), withdrawal \(column 4\).*because the balances follow/,
    },
  ];
  it.each(cases)('$description', async ({ lines, expected, note }) => {
    const r = await parseStatement(csv('export.csv', ...lines));
    expect(errors(r)).toEqual([]);
    expect(amounts(r)).toEqual(expected);
    expect(r.issues.find((i) => i.code === 'columns_inferred')?.message).toMatch(note!);
  });

  const unreadable: { description: string; lines: string[]; reason: RegExp | null }[] = [
    {
      description: 'two text columns: which one describes the line is a guess',
      lines: ['2024-03-01,Payout,Bank A,100.00', '2024-03-02,Fee,Bank B,-2.50'],
      reason: /found 2 columns of text/,
    },
    {
      description: 'both amount columns filled in one row and empty in another',
      lines: ['2024-03-01,Payout,100.00,5.00,1100.00', '2024-03-02,Fee,,,1097.50'],
      reason: /cannot tell what the 3 amount columns are/,
    },
    { description: 'rows of different widths', lines: ['2024-03-01,Payout,100.00', '2024-03-02,Fee,-2.50,1097.50'], reason: null },
    { description: 'a row without a date', lines: ['2024-03-01,Payout,100.00', 'Total,,97.50'], reason: null },
  ];
  it.each(unreadable)('not read: $description', async ({ lines, reason }) => {
    const r = await parseStatement(csv('export.csv', ...lines));
    expect(r.lines).toEqual([]);
    const e = errors(r);
    expect(e.map((i) => i.code)).toEqual(['no_header']);
    if (reason) expect(e[0]!.message).toMatch(reason);
    else expect(e[0]!.message).not.toMatch(/cannot be told from the values/);
  });

  it('dates that read as well day-first as month-first stay an error on each row', async () => {
    // 1 Feb … 2 Mar or 2 Jan … 3 Feb: neither reading is clearly shorter
    const r = await parseStatement(csv('export.csv', '01/02/2024,Payout,100.00', '02/03/2024,Fee,-2.50'));
    expect(r.lines).toEqual([]);
    expect(errors(r).map((i) => i.code)).toEqual(['ambiguous_date', 'ambiguous_date']);
  });
});

describe('csv: reading only the head of a large file', () => {
  const text = fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '|', '"', '\r', '\n', ' ', '😀'), maxLength: 60 });
  it('firstLines is split(/\\r\\n|\\n|\\r/).slice(0, n) (property)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 8 }), (t, n) => {
        expect(firstLines(t, n)).toEqual(t.split(/\r\n|\n|\r/).slice(0, n));
      }),
      { numRuns: 3000 },
    );
  });
  it('detectDelimiter picks the delimiter of the most lines of one width, quotes respected', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('x,y\n"1;2",3\n"4;5",6\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('just text\n')).toBe(',');
  });
});

describe('csv: Windows line breaks (property)', () => {
  const unit = fc.constantFrom('a', '1', ',', ';', ' ', '\r\n', '\r\n', '\r', '\n', '消');
  const text = fc.string({ unit, maxLength: 40 });
  it('breaksAreAllCrlf: no CR without an LF after it, no LF without a CR before it', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(breaksAreAllCrlf(t)).toBe(!/\r(?!\n)|(?<!\r)\n/.test(t));
      }),
      { numRuns: 3000 },
    );
  });
  it('rows of a CRLF file without quotes are its lines, numbered from 1, as with LF alone', () => {
    fc.assert(
      fc.property(text, (t) => {
        const crlf = splitCsv(t, ',');
        const lf = splitCsv(t.replace(/\r\n/g, '\n'), ',');
        if (!breaksAreAllCrlf(t)) return;
        expect(crlf.rows).toEqual(lf.rows);
        expect(crlf.lines).toEqual(lf.lines);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('csv: text without quotes is split as papaparse splits it (property)', () => {
  // splitCsv splits such text itself (papaparse's fast mode, done without it): rows must be
  // papaparse's rows, and each row its source line when the line breaks are all LF or all CRLF.
  const unit = fc.constantFrom('a', '1', ',', ';', '\t', ' ', '\r\n', '\r\n', '\r', '\n', '\n', '消', '\uFEFF', '');
  const text = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: fc.constantFrom('a', ',', '\n', '\r\n', '12.50'), maxLength: 200 }));
  it('rows equal Papa.parse data for each delimiter', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';', '\t', '|'), (t, d) => {
        expect(splitCsv(t, d).rows).toEqual(Papa.parse<string[]>(t, { delimiter: d, skipEmptyLines: false }).data);
      }),
      { numRuns: 4000 },
    );
  });
  it('a row marked clean is one that cleanCell leaves as it is, cell by cell', () => {
    const cellUnit = fc.constantFrom('a', '1', ',', ';', '\t', ' ', '\n', '\r\n', '=', "'", '`', '\u00a0', '\u3000', '\uFEFF', '\u2028', '消', '.');
    fc.assert(
      fc.property(fc.string({ unit: cellUnit, maxLength: 40 }), fc.constantFrom(',', ';', '\t', '|'), (t, d) => {
        const table = splitCsv(t, d);
        table.rows.forEach((r, i) => {
          if (table.clean?.[i] === 1) expect(r.map(cleanCell)).toEqual(r);
        });
      }),
      { numRuns: 4000 },
    );
    expect(splitCsv('a,b\n1, 2\n', ',').clean).toEqual(Uint8Array.from([1, 0, 1]));
  });
  it('papaLinebreak is the line break papaparse guesses', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(papaLinebreak(t)).toBe(Papa.parse<string[]>(t, { delimiter: ',', skipEmptyLines: false }).meta.linebreak);
      }),
      { numRuns: 4000 },
    );
  });
  it('large text: the guess reads the first MiB only', () => {
    const big = 'a,b\n'.repeat(300_000) + 'c\r\n'.repeat(10);
    expect(papaLinebreak(big)).toBe(Papa.parse<string[]>(big, { delimiter: ',', skipEmptyLines: false }).meta.linebreak);
    const crlf = 'a,b\r\n'.repeat(200_000);
    expect(splitCsv(crlf, ',').rows).toEqual(Papa.parse<string[]>(crlf, { delimiter: ',', skipEmptyLines: false }).data);
  });
});
