import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { detectDateOrder, qifDate, qifFormat, splitQifDate } from '../../../lib/statements/qif';
import { decoded, decodedBytes, expectWellFormed, fixtureCases, mutate, summarise } from './standard-format-helpers';
import { parseStatementSync } from '../../../lib/statements/index';

/** Tiny builder: one !Type section from records given as field lists. */
const qif = (type: string, records: string[][], head = '') => `${head}!Type:${type}\n${records.map((r) => `${r.join('\n')}\n^\n`).join('')}`;
const parse = (text: string, defaultCurrency?: string) => qifFormat.parse(decoded(text, 'x.qif'), defaultCurrency ? { defaultCurrency } : {});

describe('QIF dates', () => {
  it.each([
    { description: 'M/D/YY', input: '8/12/13', order: 'mdy' as const, expected: '2013-08-12' },
    { description: 'D/M/YY', input: '12/8/13', order: 'dmy' as const, expected: '2013-08-12' },
    { description: 'YY/MM/DD', input: '13/08/12', order: 'ymd' as const, expected: '2013-08-12' },
    { description: 'apostrophe + 4-digit year', input: "2/10'2020", order: 'mdy' as const, expected: '2020-02-10' },
    { description: 'space-padded day, 2-digit year', input: "1/ 2'98", order: 'mdy' as const, expected: '1998-01-02' },
    { description: 'apostrophe 2000s', input: "1/ 1'01", order: 'mdy' as const, expected: '2001-01-01' },
    { description: 'ISO', input: '2022-09-23', order: 'ymd' as const, expected: '2022-09-23' },
    { description: 'year first with apostrophes', input: "2024'01'02", order: 'ydm' as const, expected: '2024-02-01' },
    { description: 'invalid', input: '2/30/2024', order: 'mdy' as const, expected: null },
  ])('$description', ({ input, order, expected }) => expect(qifDate(splitQifDate(input)!, order)).toBe(expected));

  it('detects the order from the whole file, and says when it cannot', () => {
    const d = (...xs: string[]) => xs.map((x) => splitQifDate(x)!);
    expect(detectDateOrder(d('8/12/13', '8/15/13'))).toMatchObject({ order: 'mdy', alternatives: [], mixed: false });
    expect(detectDateOrder(d('12/8/13', '15/8/13'))).toMatchObject({ order: 'dmy', mixed: false });
    expect(detectDateOrder(d('1/2/2024', '3/4/2024')).alternatives).toContain('dmy');
    expect(detectDateOrder(d('2022-12-11', '2023-01-02', '2024-04-05'))).toMatchObject({ order: 'ymd', alternatives: ['ydm'] });
    expect(detectDateOrder(d('2022-12-11', '2024-04-25'))).toMatchObject({ order: 'ymd', alternatives: [] });
    expect(detectDateOrder(d('2024-01-25', '01/25/2024'))).toMatchObject({ order: null, mixed: true });
  });
});

describe('QIF files', () => {
  it('reads a bank register: amounts with separators, payee, memo, number, splits', () => {
    const text = qif('Bank', [
      ['D8/12/13', 'T-1,000.00', 'PDelta PC', 'MInvoice 7', 'N1025'],
      ['D8/15/13', 'U-75.46', 'T-75.46', 'PWalts Drugs', 'SFood', 'EGroceries', '$-50.00', 'SHousehold', '$-25.46'],
    ]);
    const r = parse(text, 'USD');
    expect(r.format).toBe('qif');
    expect(r.lines.map((l) => [l.bookedOn, l.amount.amount, l.amount.currency, l.counterparty, l.description])).toEqual([
      ['2013-08-12', '-1000.00', 'USD', 'Delta PC', 'Delta PC / Invoice 7 / No. 1025'],
      ['2013-08-15', '-75.46', 'USD', 'Walts Drugs', 'Walts Drugs / split: Food -50.00 (Groceries); Household -25.46'],
    ]);
    expect(r.issues.map((i) => i.code)).toEqual(['currency_missing']);
    expect(text.split('\n')[r.lines[1]!.source.line - 1]).toBe('D8/15/13');
  });

  it('uses the !Account name as the account, and XXX with a warning when no default currency is given', () => {
    const r = parse('!Account\nNChecking Main\nTBank\n^\n' + qif('Bank', [['D12/19/18', 'PCOUNTY WASTE', 'T-25.00']]));
    expect(r.lines).toMatchObject([{ accountId: 'Checking Main', amount: { amount: '-25.00', currency: 'XXX' }, bookedOn: '2018-12-19' }]);
    expect(r.accounts).toEqual([{ accountId: 'Checking Main', currency: 'XXX', period: { from: '2018-12-19', to: '2018-12-19' } }]);
  });

  it('reads CCard and Cash, skips investment, category and account-list sections with issues', () => {
    const text =
      '!Option:AutoSwitch\n!Account\nNA\nTBank\n^\n!Clear:AutoSwitch\n' +
      qif('Cat', [['NFood']]) +
      qif('CCard', [['D1/5/2024', 'T-3.00']]) +
      qif('Invst', [['D1/5/2024', 'NBuy', 'T100']]) +
      qif('Cash', [['D1/6/2024', 'T-1.00']]);
    const r = parse(text, 'EUR');
    expect(r.lines.map((l) => l.amount.amount)).toEqual(['-3.00', '-1.00']);
    expect(r.issues.filter((i) => i.code === 'qif_section_skipped').map((i) => i.message)).toEqual([
      expect.stringContaining('!Account list'),
      expect.stringContaining('!Type:Cat'),
      expect.stringContaining('!Type:Invst'),
    ]);
  });

  it('skips records with a bad date or amount, each with its line number', () => {
    const text = qif('Bank', [['D1/5/2024', 'T$$'], ['D1/40/2024', 'T1.00'], ['T2.00'], ['D1/6/2024', 'T3.00']]);
    const r = parse(text, 'EUR');
    expect(r.lines.map((l) => l.amount.amount)).toEqual(['3.00']);
    const skipped = r.issues.filter((i) => i.code === 'amount_invalid' || i.code === 'date_invalid');
    expect(skipped.map((i) => i.line)).toEqual([2, 5, 8]);
  });

  it('refuses to guess when one file mixes date formats', () => {
    const r = parse(
      qif('Bank', [
        ['D2024-01-25', 'T10.00'],
        ['D01/25/2024', 'T20.00'],
      ]),
      'EUR',
    );
    expect(r.lines).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['qif_date_format_inconsistent', 'date_invalid', 'date_invalid']);
  });

  it('warns when every date reads two ways', () => {
    const r = parse(
      qif('Bank', [
        ['D1/2/2024', 'T1.00'],
        ['D3/4/2024', 'T1.00'],
      ]),
      'EUR',
    );
    expect(r.lines.map((l) => l.bookedOn)).toEqual(['2024-01-02', '2024-03-04']);
    expect(r.issues.map((i) => i.code)).toContain('qif_date_order_ambiguous');
    // the preview is told, so it can offer day-first
    expect(r.dateOrder).toMatchObject({ order: 'mdy', decidedBy: 'format', example: '1/2/2024' });
  });

  it("reads the dates as the merchant answered the preview's question (day first), and no longer warns", () => {
    const text = qif('Bank', [
      ['D1/2/2024', 'T1.00'],
      ['D3/4/2024', 'T1.00'],
    ]);
    const r = qifFormat.parse(decoded(text, 'x.qif'), { defaultCurrency: 'EUR', dateOrder: 'dmy' });
    expect(r.lines.map((l) => l.bookedOn)).toEqual(['2024-02-01', '2024-04-03']);
    expect(r.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'merchant' });
    expect(r.issues.map((i) => i.code)).not.toContain('qif_date_order_ambiguous');
    // a date with a day above 12 decides by itself: the answer cannot make 12/31 a 31st month
    const decided = qifFormat.parse(decoded(qif('Bank', [['D12/31/2024', 'T1.00']]), 'x.qif'), { defaultCurrency: 'EUR', dateOrder: 'dmy' });
    expect(decided.lines.map((l) => l.bookedOn)).toEqual(['2024-12-31']);
    expect(decided.dateOrder).toBeUndefined();
  });

  it('tolerates comments, a stray ^ after the type line and CRLF', () => {
    const r = parse('### export\r\n!Type:Bank\r\n^\r\nD2022-09-23\r\nT-184.80\r\n^\r\n', 'EUR');
    expect(r.lines).toMatchObject([{ bookedOn: '2022-09-23', amount: { amount: '-184.80' } }]);
  });

  it('reports an empty file and a non-QIF file as errors', () => {
    expect(parse('').issues).toMatchObject([{ level: 'error', code: 'empty_file' }]);
    expect(parse('This is not a QIF file. I promise.').issues).toMatchObject([{ level: 'error', code: 'qif_not_qif' }]);
    expect(qifFormat.detect(decoded('This is not a QIF file.'))).toBe(0);
    expect(qifFormat.detect(decoded('# c\n!Type:Bank\n'))).toBeGreaterThan(0.5);
  });

  it('gives identical lines identical-but-distinct ids, stable across runs', () => {
    const text = qif('Bank', [
      ['D1/5/2024', 'T-3.00', 'PCafe'],
      ['D1/5/2024', 'T-3.00', 'PCafe'],
    ]);
    const a = parse(text, 'EUR').lines.map((l) => l.id);
    expect(new Set(a).size).toBe(2);
    expect(parse(text, 'EUR').lines.map((l) => l.id)).toEqual(a);
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const files = existsSync(CORPUS) ? readdirSync(path.join(CORPUS, 'qif')).map((f) => path.join(CORPUS, 'qif', f)) : [];
if (files.length === 0) console.warn(`[qif.test] corpus not found at ${CORPUS}: property tests on real files skipped`);

describe('QIF properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expectWellFormed(parse(s));
        expectWellFormed(parse(`!Type:Bank\n${s}\n^\n`));
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on field soup', () => {
    const part = fc.constantFrom(
      '!Type:Bank\n',
      '!Type:Invst\n',
      '!Account\n',
      '!Option:AutoSwitch\n',
      '^\n',
      'D1/2/2024\n',
      "D2/30'24\n",
      'D2024-01-05\n',
      'T-1,000.00\n',
      'Tabc\n',
      'PX\n',
      'SCat\n',
      '$5\n',
      '# c\n',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), (p) => expectWellFormed(parse(p.join('')))),
      { numRuns: 300 },
    );
  });
  it.skipIf(files.length === 0)('never throws on mutated corpus files', () => {
    const texts = files.map((f) => decodedBytes(new Uint8Array(readFileSync(f)), path.basename(f)).text);
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.nat(10_000), { maxLength: 30 }), (k, seed) => expectWellFormed(parse(mutate(texts[k]!, seed)))),
      { numRuns: 200 },
    );
  });
});

describe('qif fixtures (whole files through parseStatement)', () => {
  const cases = fixtureCases('qif');
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('$file', ({ file, path: p, expected }) => {
    const r = parseStatementSync({ name: file, bytes: new Uint8Array(readFileSync(p)) });
    expectWellFormed(r);
    expect(summarise(r)).toEqual(expected);
  });
});
