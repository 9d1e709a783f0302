import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  entryDateNear,
  mt940Format,
  mt942Format,
  parseField61,
  parseField86,
  parseSwiftAmount,
  parseSwiftDate,
  splitLines,
  tagLength,
} from '../../../lib/statements/mt940';
import { decoded, decodedBytes, expectWellFormed, fixtureCases, mutate, summarise } from './standard-format-helpers';
import { parseStatementSync } from '../../../lib/statements/index';

/** Tiny builder: one MT940 statement from :61:/:86: pairs. */
function mt940(opts: { account?: string; opening?: string; closing?: string; txns?: [string, string?][]; envelope?: boolean; preamble?: string } = {}): string {
  const body = [
    ':20:STMT1',
    `:25:${opts.account ?? 'NL91ABNA0417164300'}`,
    ':28C:00001/001',
    `:60F:${opts.opening ?? 'C240101EUR1000,00'}`,
    ...(opts.txns ?? []).flatMap(([l61, l86]) => [`:61:${l61}`, ...(l86 !== undefined ? [`:86:${l86}`] : [])]),
    `:62F:${opts.closing ?? 'C240102EUR1000,00'}`,
  ];
  if (opts.envelope) return `{1:F01ABNANL2AXXXX0000000000}{2:O940ABNANL2AXXXXN}{3:{108:X}}{4:\n${body.join('\n')}\n-}{5:}`;
  return `${opts.preamble ?? ''}${body.join('\r\n')}\r\n-\r\n`;
}
const parse = (text: string) => mt940Format.parse(decoded(text, 'x.sta'));

describe('MT940 fields', () => {
  it.each([
    { description: 'plain', input: '160229', expected: '2016-02-29' },
    { description: 'Feb 30 is not clamped', input: '160230', expected: null },
    { description: 'month 13', input: '241301', expected: null },
    { description: '90s', input: '991231', expected: '1999-12-31' },
  ])('date $description', ({ input, expected }) => expect(parseSwiftDate(input)).toBe(expected));

  it.each([
    { description: 'no decimals', input: '500,', expected: '500' },
    { description: 'zero padded', input: '000000009265,12', expected: '9265.12' },
    { description: 'zero', input: '0,', expected: '0' },
    { description: 'old Rabobank point', input: '000000001000.12', expected: '1000.12' },
    { description: 'garbage', input: '12a', expected: null },
  ])('amount $description', ({ input, expected }) => expect(parseSwiftAmount(input)?.toString() ?? null).toBe(expected));

  it('rolls the entry date into the year nearest the value date', () => {
    expect(entryDateNear('2009-12-31', '0102')).toBe('2010-01-02');
    expect(entryDateNear('2010-01-01', '1231')).toBe('2009-12-31');
    expect(entryDateNear('2009-01-01', '0101')).toBe('2009-01-01');
  });

  it.each([
    {
      description: 'entry date, type, bank ref',
      input: ['1405070507C500,NTRFNONREF//B4E07XM00J000023'],
      expected: { valueDate: '140507', entryDate: '0507', mark: 'C', amount: '500,', typeCode: 'NTRF', customerRef: 'NONREF', bankRef: 'B4E07XM00J000023' },
    },
    {
      description: '4 spaces for the entry date',
      input: ['120329    DD20000,NMSCNONREF'],
      expected: { valueDate: '120329', mark: 'D', amount: '20000,', typeCode: 'NMSC', customerRef: 'NONREF' },
    },
    {
      description: 'Danske CR = credit + funds code R',
      input: ['0910010930CR0,23FINTInterest'],
      expected: { mark: 'C', amount: '0,23', typeCode: 'FINT', customerRef: 'Interest' },
    },
    { description: 'reversal RD', input: ['240105RD12,00NTRFNONREF'], expected: { mark: 'RD', amount: '12,00' } },
    {
      description: 'missing type code (Penta)',
      input: ['2009020902D20,00NONREF'],
      expected: { entryDate: '0902', mark: 'D', amount: '20,00', customerRef: 'NONREF' },
    },
    {
      description: 'supplementary line',
      input: ['1702010201CN45,00NTRFNONREF//MB170201323000', '911-TRANSAKCJA IPH'],
      expected: { mark: 'C', bankRef: 'MB170201323000', supplementary: '911-TRANSAKCJA IPH' },
    },
    { description: 'line broken inside (Sparkasse)', input: ['1811261126CR', '30,00N062NONREF'], expected: { mark: 'C', amount: '30,00', typeCode: 'N062' } },
  ])(':61: $description', ({ input, expected }) => expect(parseField61(input)).toMatchObject(expected));

  it('reads :86: structures: GVC subfields, Dutch /NAME/ /REMI/, free text', () => {
    expect(parseField86(['166?00SEPA-GUTSCHRIFT?109310?20EREF+NOTPROVIDED?21SVWZ+Rechnung 4711', '?32MÜLLER GMBH?33 KÖLN'])).toEqual({
      description: 'SEPA-GUTSCHRIFT EREF+NOTPROVIDEDSVWZ+Rechnung 4711',
      counterparty: 'MÜLLER GMBH KÖLN',
    });
    expect(parseField86(['/TRTP/SEPA OVERBOEKING/IBAN/NL02ABNA0123456789/BIC/ABNANL2A/NAME/Jan J', 'ansen/REMI/Factuur 12/EREF/NOTPROVIDED'])).toEqual({
      description: 'Factuur 12',
      counterparty: 'Jan Jansen',
    });
    expect(parseField86(['HIER EEN OMSCHRIJVING', 'WANT DAT IS ZO'])).toEqual({ description: 'HIER EEN OMSCHRIJVING WANT DAT IS ZO' });
  });
});

/** The Dutch SEPA :86: rule as first written (a Map of every subfield), to hold the reader to it. */
function sepaFieldsByMap(text: string): { remi: string; name: string } {
  const keys = new Set([
    'TRTP',
    'IBAN',
    'BIC',
    'NAME',
    'REMI',
    'EREF',
    'MARF',
    'CSID',
    'ORDP',
    'BENM',
    'ADDR',
    'ISDT',
    'RTRN',
    'PREF',
    'KREF',
    'OCMT',
    'CHGS',
    'ULTC',
    'ULTD',
    'PURP',
    'FX',
    'CDTRREF',
    'CDTRREFTP',
    'CD',
    'SCOR',
    'ISSR',
    'ID',
    'NRTX',
  ]);
  const fields = new Map<string, string>();
  let key: string | null = null;
  for (const p of text.trim().replace(/\/+$/, '').split('/')) {
    if (keys.has(p)) {
      key = p;
      if (!fields.has(p)) fields.set(p, '');
    } else if (key !== null) {
      fields.set(key, fields.get(key) ? `${fields.get(key)!}/${p}` : p);
    }
  }
  return { remi: (fields.get('REMI') ?? '').trim(), name: (fields.get('NAME') ?? '').trim() };
}

describe('MT940 line splitting (property)', () => {
  it('splits as split(/\\r\\n|\\n|\\r/) and finds control characters other than TAB, LF, CR', () => {
    const unit = fc.constantFrom('a', ':', '\r', '\n', '\t', '\u0000', '\u000b', '\u001f', '\u007f', '\u2028', ' ', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (t) => {
        const { lines, hasControl } = splitLines(t);
        expect(lines).toEqual(t.split(/\r\n|\n|\r/));
        expect(hasControl).toBe(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('MT940 tag lines (property)', () => {
  it('finds the tag where /^:(\\d{2}[A-Z]?):(.*)$/ does', () => {
    const unit = fc.constantFrom(':', '2', '0', '6', '1', 'C', 'F', 'a', ' ', '/', '\u2028', '\u2029', '\n', '\r', '€');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit, maxLength: 10 }),
          fc.string({ maxLength: 10 }).map((t) => `:61:${t}`),
          fc.string({ maxLength: 10 }),
        ),
        (line) => {
          const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
          const end = tagLength(line);
          expect(end > 0).toBe(m !== null);
          if (m) expect([line.slice(1, end), line.slice(end + 1)]).toEqual([m[1], m[2]]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('MT940 :86: SEPA subfields (property)', () => {
  it('reads NAME and REMI as the Map-of-subfields rule does, repeated keys and empty parts included', () => {
    const piece = fc.constantFrom('/', '//', 'TRTP', 'NAME', 'REMI', 'EREF', 'USTD', 'STRD', 'Jan', ' Jansen ', 'x', '', ' ', '12');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = `/${['TRTP', 'NAME', 'REMI'][pieces.length % 3]!}/${pieces.join('')}`;
        const want = sepaFieldsByMap(text);
        const got = parseField86([text]);
        if (want.name) expect(got.counterparty).toBe(want.name);
        else expect(got.counterparty).toBeUndefined();
        const remi = want.remi.replace(/^(USTD|STRD)\/\/?/, '').trim();
        if (remi) expect(got.description).toBe(remi);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('MT940 statements', () => {
  it('reads a statement with balances, signs and references', () => {
    const r = parse(
      mt940({
        closing: 'C240102EUR1087,70',
        txns: [
          ['2401020102C100,00NTRFNONREF//BANKREF1', '/NAME/ACME/REMI/Payout 42/'],
          ['240102D12,30NMSCNONREF', 'CARD FEE'],
        ],
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.format).toBe('mt940');
    expect(r.lines.map((l) => [l.bookedOn, l.amount.amount, l.amount.currency, l.reference, l.counterparty, l.description, l.accountId])).toEqual([
      ['2024-01-02', '100.00', 'EUR', 'BANKREF1', 'ACME', 'Payout 42', 'NL91ABNA0417164300'],
      ['2024-01-02', '-12.30', 'EUR', undefined, undefined, 'CARD FEE', 'NL91ABNA0417164300'],
    ]);
    expect(r.accounts).toEqual([
      {
        accountId: 'NL91ABNA0417164300',
        currency: 'EUR',
        openingBalance: { amount: '1000.00', currency: 'EUR' },
        closingBalance: { amount: '1087.70', currency: 'EUR' },
        period: { from: '2024-01-01', to: '2024-01-02' },
      },
    ]);
    const text = mt940({ txns: [['240102C1,00NTRFNONREF', 'x']] });
    expect(text.split(/\r?\n/)[parse(text).lines[0]!.source.line - 1]).toMatch(/^:61:/);
  });

  it('warns with the difference when opening + lines ≠ closing', () => {
    const r = parse(mt940({ closing: 'C240102EUR1000,00', txns: [['240102C5,00NTRFNONREF', 'x']] }));
    expect(r.issues).toMatchObject([{ level: 'warning', code: 'balance_mismatch' }]);
    expect(r.issues[0]!.message).toContain('-5.00');
  });

  it('reads envelopes, preambles and several statements', () => {
    const one = mt940({ envelope: true, txns: [['240102C1,00NTRFNONREF', 'a']], closing: 'C240102EUR1001,00' });
    const abn = mt940({ preamble: 'ABNANL2A\r\n940\r\nABNANL2A\r\n', txns: [['240102D1,00NTRFNONREF', 'b']], closing: 'C240102EUR999,00' });
    const r = parse(`${one}\n${one}\n${abn}${abn}`);
    expect(r.accounts).toHaveLength(4);
    expect(r.lines.map((l) => l.amount.amount)).toEqual(['1.00', '1.00', '-1.00', '-1.00']);
    expect(new Set(r.lines.map((l) => l.id)).size).toBe(4);
    expect(r.issues).toEqual([]);
  });

  it('never uses NONREF as a reference and keeps identical lines apart', () => {
    const r = parse(
      mt940({
        closing: 'C240102EUR1002,00',
        txns: [
          ['240102C1,00NTRFNONREF//NONREF', 'x'],
          ['240102C1,00NTRFNONREF//NONREF', 'x'],
        ],
      }),
    );
    expect(r.lines.map((l) => l.reference)).toEqual([undefined, undefined]);
    expect(r.lines[0]!.id).not.toBe(r.lines[1]!.id);
    expect(
      parse(
        mt940({
          closing: 'C240102EUR1002,00',
          txns: [
            ['240102C1,00NTRFNONREF//NONREF', 'x'],
            ['240102C1,00NTRFNONREF//NONREF', 'x'],
          ],
        }),
      ).lines.map((l) => l.id),
    ).toEqual(r.lines.map((l) => l.id));
  });

  it('skips 30 February with an issue instead of clamping it', () => {
    const r = parse(mt940({ txns: [['1602300301D6,00NTRFNONREF', 'x']], opening: 'C160229EUR1200,00', closing: 'C160301EUR1194,00' }));
    expect(r.lines).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['date_invalid', 'balance_mismatch']);
    expect(r.issues[0]!.line).toBe(5);
  });

  it('treats RD as money in and RC as money out', () => {
    const r = parse(
      mt940({
        closing: 'C240102EUR1000,00',
        txns: [
          ['240102RD5,00NTRFNONREF', 'a'],
          ['240102RC5,00NTRFNONREF', 'b'],
        ],
      }),
    );
    expect(r.lines.map((l) => l.amount.amount)).toEqual(['5.00', '-5.00']);
  });

  it('strips a currency appended to :25: and reads a debit opening balance', () => {
    const r = parse(mt940({ account: '3462.483.153 EUR', opening: 'D240101EUR12,00', closing: 'D240102EUR12,00' }));
    expect(r.accounts[0]).toMatchObject({ accountId: '3462.483.153', openingBalance: { amount: '-12.00' } });
  });

  it('keeps a multi-line :86: and a "-" line inside it', () => {
    const text = ':20:X\n:25:1\n:60F:C240101EUR0,\n:61:240102C1,NTRFNONREF\n:86:/EREF/123//MARF/MND\n-\nEV01//REMI/USTD//HELLO/\n:62F:C240102EUR1,\n-\n';
    const r = parse(text);
    expect(r.lines).toHaveLength(1);
    expect(r.issues).toEqual([]);
  });

  it('reads MT942 without balances', () => {
    const text =
      ':20:X\n:25:PL29114010810000267002001002\n:28C:1/1\n:34F:PLN0\n:13D:1701191815+0100\n:61:1701190119CN0,01NTRFNONREF//MB170119012058\n911-TRANSAKCJA IPH\n:86:911 TRANSAKCJA\n:90C:1PLN0,01\n-';
    const f = decoded(text, 'x.sta');
    expect(mt942Format.detect(f)).toBeGreaterThan(mt940Format.detect(f));
    const r = mt942Format.parse(f);
    expect(r.format).toBe('mt942');
    expect(r.lines).toMatchObject([{ amount: { amount: '0.01', currency: 'PLN' }, reference: 'MB170119012058' }]);
    expect(r.issues).toEqual([]);
  });

  it('reports an unreadable :61: with its line number', () => {
    const r = parse(mt940({ txns: [['garbage', 'x']] }));
    expect(r.lines).toEqual([]);
    expect(r.issues[0]).toMatchObject({ code: 'mt940_61_invalid', line: 5 });
  });

  it('uses the default currency when no balance states one', () => {
    const r = mt940Format.parse(decoded(':61:1811261126C30,00N062NONREF\n:86:x\n', 'x.sta'), { defaultCurrency: 'EUR' });
    expect(r.lines[0]!.amount.currency).toBe('EUR');
    expect(r.issues.map((i) => i.code)).toContain('currency_missing');
  });

  it('says what it expected for a file without tags', () => {
    const r = parse('hello\nworld\n');
    expect(r.lines).toEqual([]);
    expect(r.issues).toMatchObject([{ level: 'error', code: 'mt940_no_statement' }]);
    expect(mt940Format.detect(decoded('a,b\n1,2', 'x.csv'))).toBe(0);
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const files = existsSync(CORPUS) ? readdirSync(path.join(CORPUS, 'mt940')).map((f) => path.join(CORPUS, 'mt940', f)) : [];
if (files.length === 0) console.warn(`[mt940.test] corpus not found at ${CORPUS}: property tests on real files skipped`);

describe('MT940 properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expectWellFormed(parse(s));
        expectWellFormed(parse(`:20:X\n:25:1\n:60F:C240101EUR0,\n:61:${s}\n:62F:C240101EUR0,\n-`));
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on tag soup', () => {
    const part = fc.constantFrom(
      ':20:A\n',
      ':25:1\n',
      ':60F:C240101EUR1,\n',
      ':61:240102C1,NTRF//R\n',
      ':61:2402300230D1,\n',
      ':86:?20x?32y\n',
      ':62F:D240102EUR0,\n',
      '-\n',
      '-}{5:}\n',
      '{1:F01}{4:\n',
      'x\n',
      ':\n',
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

describe('mt940 fixtures (whole files through parseStatement)', () => {
  const cases = fixtureCases('mt940');
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('$file', ({ file, path: p, expected }) => {
    const r = parseStatementSync({ name: file, bytes: new Uint8Array(readFileSync(p)) });
    expectWellFormed(r);
    expect(summarise(r)).toEqual(expected);
  });
});
