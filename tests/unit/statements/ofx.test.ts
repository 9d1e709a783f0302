import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { decodeOfxEntities, ofxFormat, parseOfxAmount, parseOfxDate, qfxFormat } from '../../../lib/statements/ofx';
import { decoded, decodedBytes, expectWellFormed, fixtureCases, mutate, summarise } from './standard-format-helpers';
import { parseStatementSync } from '../../../lib/statements/index';

const SGML_HEADER =
  'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n';
const XML_HEADER =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n';

/** Tiny builder: one SGML (unclosed leaves) or XML (closed leaves) bank statement. */
function trn(fields: Record<string, string>, closed: boolean): string {
  return `<STMTTRN>\n${Object.entries(fields)
    .map(([k, v]) => (closed ? `<${k}>${v}</${k}>` : `<${k}>${v}`))
    .join('\n')}\n</STMTTRN>\n`;
}
function ofxDoc(
  opts: { header?: 'sgml' | 'xml'; closed?: boolean; curdef?: string; acct?: string; trns?: Record<string, string>[]; extra?: string; cc?: boolean } = {},
): string {
  const closed = opts.closed ?? opts.header === 'xml';
  const leaf = (k: string, v: string) => (closed ? `<${k}>${v}</${k}>` : `<${k}>${v}`);
  const rs = opts.cc ? 'CCSTMTRS' : 'STMTRS';
  const from = opts.cc ? 'CCACCTFROM' : 'BANKACCTFROM';
  const msgs = opts.cc ? 'CREDITCARDMSGSRSV1' : 'BANKMSGSRSV1';
  const trnrs = opts.cc ? 'CCSTMTTRNRS' : 'STMTTRNRS';
  return `${opts.header === 'xml' ? XML_HEADER : SGML_HEADER}<OFX>\n<${msgs}><${trnrs}>${leaf('TRNUID', '1')}\n<STATUS>${leaf('CODE', '0')}${leaf('SEVERITY', 'INFO')}</STATUS>\n<${rs}>\n${leaf('CURDEF', opts.curdef ?? 'USD')}\n<${from}>${leaf('ACCTID', opts.acct ?? '12345')}</${from}>\n<BANKTRANLIST>\n${leaf('DTSTART', '20240101')}\n${leaf('DTEND', '20240131')}\n${(opts.trns ?? []).map((t) => trn(t, closed)).join('')}</BANKTRANLIST>\n<LEDGERBAL>${leaf('BALAMT', '100.00')}${leaf('DTASOF', '20240131')}</LEDGERBAL>\n</${rs}>\n</${trnrs}></${msgs}>\n${opts.extra ?? ''}</OFX>\n`;
}
const T1 = { TRNTYPE: 'DEBIT', DTPOSTED: '20240105120000.000[-5:EST]', TRNAMT: '-12.30', FITID: 'F1', NAME: 'COFFEE', MEMO: 'POS 1234' };
const parse = (text: string, name = 'a.ofx') => ofxFormat.parse(decoded(text, name));

describe('OFX dates and amounts', () => {
  const dates: { description: string; input: string; expected: string | null }[] = [
    { description: 'date only', input: '20240105', expected: '2024-01-05' },
    { description: 'with ms and zone', input: '20240105120000.000[-5:EST]', expected: '2024-01-05' },
    { description: 'zone without name', input: '20260520105121[-5]', expected: '2026-05-20' },
    { description: 'offset and zone contradict', input: '20190918100000[-03:EST]', expected: '2019-09-18' },
    { description: 'colon before ms', input: '20180804093914:014', expected: '2018-08-04' },
    { description: 'zero offset', input: '20240105000000[0:GMT]', expected: '2024-01-05' },
    { description: 'not taken to the previous day by a negative offset', input: '20240105000000[-8:PST]', expected: '2024-01-05' },
    { description: 'empty', input: '', expected: null },
    { description: 'Feb 31', input: '20120231', expected: null },
    { description: 'month 20', input: '201120000000', expected: null },
    { description: 'masked', input: '****', expected: null },
    { description: 'hour 25', input: '20240105250000', expected: null },
  ];
  it.each(dates)('date: $description', ({ input, expected }) => expect(parseOfxDate(input)).toBe(expected));

  const amounts: { description: string; input: string; expected: string | null }[] = [
    { description: 'negative', input: '-12.30', expected: '-12.3' },
    { description: 'leading plus', input: '+5.00', expected: '5' },
    { description: 'decimal comma', input: '-200,00', expected: '-200' },
    { description: '4 decimals', input: '115.8331', expected: '115.8331' },
    { description: 'dollar sign', input: '$20', expected: null },
    { description: 'empty', input: '', expected: null },
    { description: 'two separators', input: '1,234.50', expected: null },
  ];
  it.each(amounts)('amount: $description', ({ input, expected }) => expect(parseOfxAmount(input)?.toString() ?? null).toBe(expected));

  it('decodes entities, twice when double-escaped, and leaves a raw & alone', () => {
    expect(decodeOfxEntities('TPAY &amp;lt;DEFTPYMT&amp;gt;')).toBe('TPAY <DEFTPYMT>');
    expect(decodeOfxEntities('HYDRO &amp; POWER')).toBe('HYDRO & POWER');
    expect(decodeOfxEntities('Amazon & Cloud "3/3"')).toBe('Amazon & Cloud "3/3"');
    expect(decodeOfxEntities('caf&#233; &#x20AC;')).toBe('café €');
  });
});

describe('OFX statements', () => {
  it('reads an SGML statement with unclosed leaves', () => {
    const r = parse(ofxDoc({ trns: [T1] }));
    expect(r.format).toBe('ofx');
    expect(r.issues).toEqual([]);
    expect(r.lines).toHaveLength(1);
    const l = r.lines[0]!;
    expect(l).toMatchObject({
      bookedOn: '2024-01-05',
      amount: { amount: '-12.30', currency: 'USD' },
      reference: 'F1',
      accountId: '12345',
      counterparty: 'COFFEE',
      description: 'COFFEE / POS 1234',
    });
    expect(r.accounts).toEqual([
      { accountId: '12345', currency: 'USD', period: { from: '2024-01-01', to: '2024-01-31' }, closingBalance: { amount: '100.00', currency: 'USD' } },
    ]);
  });

  it('reads every header/body combination the same way', () => {
    const variants = [
      ofxDoc({ header: 'sgml', closed: false, trns: [T1] }),
      ofxDoc({ header: 'sgml', closed: true, trns: [T1] }),
      ofxDoc({ header: 'xml', closed: true, trns: [T1] }),
      ofxDoc({ header: 'xml', closed: false, trns: [T1] }),
      ofxDoc({ header: 'xml', closed: true, trns: [T1] }).replace(/\n/g, ''),
      '\n\n\n\n' + ofxDoc({ trns: [T1] }).replace(/\n/g, '\r\n'),
    ];
    const results = variants.map((v) => parse(v));
    for (const r of results) {
      expect(r.lines.map((l) => [l.bookedOn, l.amount.amount, l.reference, l.description])).toEqual([['2024-01-05', '-12.30', 'F1', 'COFFEE / POS 1234']]);
      expect(r.lines[0]!.id).toBe(results[0]!.lines[0]!.id);
    }
  });

  it('gives line numbers of the STMTTRN in the file', () => {
    const text = ofxDoc({ trns: [T1, { ...T1, FITID: 'F2' }] });
    const r = parse(text);
    const lines = text.split('\n');
    for (const l of r.lines) expect(lines[l.source.line - 1]).toContain('<STMTTRN>');
    expect(r.lines[1]!.source.line).toBeGreaterThan(r.lines[0]!.source.line);
  });

  it('keeps CDATA, self-closing tags, raw & and double escapes', () => {
    const r = parse(
      ofxDoc({
        trns: [
          { ...T1, NAME: '<![CDATA[A & B <x>]]>', MEMO: 'Amazon & Cloud "3/3"' },
          { ...T1, FITID: 'F2', NAME: 'TPAY &amp;lt;DEFTPYMT&amp;gt;', MEMO: '' },
        ],
        extra: '<MKTGINFO/>\n',
      }),
    );
    expect(r.lines.map((l) => l.description)).toEqual(['A & B <x> / Amazon & Cloud "3/3"', 'TPAY <DEFTPYMT>']);
  });

  it('skips a transaction with an empty or invalid DTPOSTED with an issue, never inventing a date', () => {
    const text = ofxDoc({
      trns: [
        { ...T1, DTPOSTED: '' },
        { ...T1, FITID: 'F2', DTPOSTED: '20120231' },
        { ...T1, FITID: 'F3' },
      ],
    });
    const r = parse(text);
    expect(r.lines.map((l) => l.reference)).toEqual(['F3']);
    expect(r.issues.map((i) => i.code)).toEqual(['date_invalid', 'date_invalid']);
    for (const i of r.issues) expect(text.split('\n')[i.line! - 1]).toContain('<STMTTRN>');
    expect(r.issues[1]!.message).toContain('20120231');
  });

  it('skips a $20 amount with an issue', () => {
    const r = parse(ofxDoc({ trns: [{ ...T1, TRNAMT: '$20' }] }));
    expect(r.lines).toEqual([]);
    expect(r.issues).toMatchObject([{ level: 'warning', code: 'amount_invalid', field: 'TRNAMT', raw: '$20' }]);
  });

  it('reads decimal comma and 4-decimal amounts', () => {
    const r = parse(
      ofxDoc({
        trns: [
          { ...T1, TRNAMT: '-200,00' },
          { ...T1, FITID: 'F2', TRNAMT: '115.8331' },
        ],
      }),
    );
    expect(r.lines.map((l) => l.amount.amount)).toEqual(['-200.00', '115.8331']);
  });

  it('reads several statements (bank + card) with their own accounts and currencies', () => {
    const bank = ofxDoc({ curdef: 'BRL', acct: 'B1', trns: [T1] });
    const card = ofxDoc({ cc: true, curdef: 'USD', acct: 'C1', trns: [{ ...T1, FITID: 'C-1', TRNAMT: '-3.00' }] });
    const cardBody = card.slice(card.indexOf('<CREDITCARDMSGSRSV1>'), card.lastIndexOf('</OFX>'));
    const r = parse(bank.replace('</OFX>', `${cardBody}</OFX>`));
    expect(r.accounts.map((a) => [a.accountId, a.currency])).toEqual([
      ['B1', 'BRL'],
      ['C1', 'USD'],
    ]);
    expect(r.lines.map((l) => [l.accountId, l.amount.currency, l.amount.amount])).toEqual([
      ['B1', 'BRL', '-12.30'],
      ['C1', 'USD', '-3.00'],
    ]);
  });

  it('reads bank STMTTRN inside an investment statement and reports skipped trades', () => {
    const text = `${SGML_HEADER}<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD<INVACCTFROM><BROKERID>x.com<ACCTID>X1</INVACCTFROM><INVTRANLIST><DTSTART>20120101<DTEND>20120201<INVBANKTRAN><STMTTRN><TRNTYPE>DEP<DTPOSTED>20120110<TRNAMT>115.8331<FITID>X2<NAME>Dividend</STMTTRN><SUBACCTFUND>CASH</INVBANKTRAN><SELLMF><INVSELL><INVTRAN><FITID>Z</INVTRAN></INVSELL></SELLMF></INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>`;
    const r = parse(text);
    expect(r.lines).toMatchObject([{ amount: { amount: '115.8331', currency: 'USD' }, accountId: 'X1', reference: 'X2' }]);
    expect(r.issues.map((i) => i.code)).toEqual(['ofx_investment_skipped']);
  });

  it('turns error STATUS 2000 into an error issue', () => {
    const text = `${SGML_HEADER}<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS></SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>0<STATUS><CODE>2000<SEVERITY>ERROR<MESSAGE>General Server Error</STATUS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    const r = parse(text);
    expect(r.lines).toEqual([]);
    expect(r.issues[0]).toMatchObject({ level: 'error', code: 'ofx_status' });
    expect(r.issues[0]!.message).toContain('General Server Error');
  });

  it('reports an empty <OFX></OFX> with a warning and no lines', () => {
    const r = parse(`${SGML_HEADER}<OFX></OFX>`);
    expect(r.lines).toEqual([]);
    expect(r.accounts).toEqual([]);
    expect(r.issues).toMatchObject([{ level: 'warning', code: 'ofx_no_statements' }]);
  });

  it('uses the default currency (with a warning) when CURDEF is empty, else XXX', () => {
    const text = ofxDoc({ curdef: '', trns: [T1] });
    expect(ofxFormat.parse(decoded(text), { defaultCurrency: 'CNY' }).lines[0]!.amount.currency).toBe('CNY');
    const r = parse(text);
    expect(r.lines[0]!.amount.currency).toBe('XXX');
    expect(r.issues.map((i) => i.code)).toEqual(['currency_missing']);
  });

  it('never uses a placeholder FITID as the reference', () => {
    const r = parse(
      ofxDoc({
        trns: [
          { ...T1, FITID: 'NONREF' },
          { ...T1, FITID: '' },
        ],
      }),
    );
    expect(r.lines.map((l) => l.reference)).toEqual([undefined, undefined]);
    expect(new Set(r.lines.map((l) => l.id)).size).toBe(2); // occurrence index keeps identical lines apart
  });

  it('re-decodes cp1252 bytes when the header says 1252 and the bytes are not UTF-8', () => {
    const text = ofxDoc({ trns: [{ ...T1, NAME: 'CAF\u00c9 \u20ac' }] });
    const bytes = new Uint8Array([...text].map((c) => (c === '\u00c9' ? 0xc9 : c === '\u20ac' ? 0x80 : c.charCodeAt(0))));
    const garbled = { name: 'x.ofx', bytes, text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', encodingGuessed: true };
    expect(ofxFormat.parse(garbled).lines[0]!.counterparty).toBe('CAFÉ €');
  });

  it('detects OFX vs QFX from content', () => {
    const ofx = decoded(ofxDoc({ trns: [T1] }), 'x.txt');
    expect(ofxFormat.detect(ofx)).toBeGreaterThan(qfxFormat.detect(ofx));
    const qfx = decoded(ofxDoc({ trns: [T1], extra: '' }).replace('<STATUS>', '<INTU.BID>00015\n<STATUS>'), 'x.txt');
    expect(qfxFormat.detect(qfx)).toBeGreaterThan(ofxFormat.detect(qfx));
    expect(qfxFormat.parse(qfx).format).toBe('qfx');
    expect(ofxFormat.detect(decoded('Date,Amount\n2024-01-01,1\n', 'x.csv'))).toBe(0);
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const corpusFiles = existsSync(CORPUS) ? ['ofx', 'qfx'].flatMap((d) => readdirSync(path.join(CORPUS, d)).map((f) => path.join(CORPUS, d, f))) : [];
if (!existsSync(CORPUS)) console.warn(`[ofx.test] corpus not found at ${CORPUS}: property tests on real files skipped`);

describe('OFX properties', () => {
  it('never throws on arbitrary text and keeps every line well-formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expectWellFormed(parse(`${SGML_HEADER}<OFX>${s}</OFX>`));
        expectWellFormed(parse(s));
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on tag soup', () => {
    const tag = fc.constantFrom(
      '<STMTRS>',
      '</STMTRS>',
      '<STMTTRN>',
      '</STMTTRN>',
      '<DTPOSTED>',
      '<TRNAMT>',
      '<CURDEF>',
      '</OFX>',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '<!--',
      '20240101',
      '-1.00',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 60 }), (parts) => expectWellFormed(parse(`<OFX>${parts.join('')}`))),
      { numRuns: 300 },
    );
  });
  it.skipIf(corpusFiles.length === 0)('never throws on mutated corpus files', () => {
    const texts = corpusFiles.map((f) => decodedBytes(new Uint8Array(readFileSync(f)), path.basename(f)).text);
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.nat(10_000), { maxLength: 30 }), (k, seed) => {
        expectWellFormed(parse(mutate(texts[k]!, seed)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('ofx fixtures (whole files through parseStatement)', () => {
  const cases = fixtureCases('ofx');
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('$file', ({ file, path: p, expected }) => {
    const r = parseStatementSync({ name: file, bytes: new Uint8Array(readFileSync(p)) });
    expectWellFormed(r);
    expect(summarise(r)).toEqual(expected);
  });
});
