import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { camt052Format, camt053Format, camt054Format, sniffCamt } from '../../../lib/statements/camt';
import { readXml } from '../../../lib/statements/support/xml';
import { decoded, decodedBytes, expectWellFormed, fixtureCases, mutate, summarise } from './standard-format-helpers';
import { parseStatementSync } from '../../../lib/statements/index';

const NS = (v: string) => `urn:iso:std:iso:20022:tech:xsd:camt.${v}`;
const bal = (code: string, amt: string, ind = 'CRDT', ccy = 'EUR') =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Dt><Dt>2024-01-31</Dt></Dt></Bal>`;
const tx = (amt: string | null, opts: { ind?: string; ustrd?: string; dbtr?: string; ref?: string } = {}) =>
  `<TxDtls><Refs>${opts.ref ? `<AcctSvcrRef>${opts.ref}</AcctSvcrRef>` : ''}</Refs>${amt ? `<Amt Ccy="EUR">${amt}</Amt>` : ''}${opts.ind ? `<CdtDbtInd>${opts.ind}</CdtDbtInd>` : ''}${opts.dbtr ? `<RltdPties><Dbtr><Nm>${opts.dbtr}</Nm></Dbtr></RltdPties>` : ''}${opts.ustrd ? `<RmtInf><Ustrd>${opts.ustrd}</Ustrd></RmtInf>` : ''}</TxDtls>`;
const ntry = (amt: string, ind: string, opts: { ref?: string; book?: string; val?: string; sts?: string; txs?: string[]; info?: string } = {}) =>
  `<Ntry><Amt Ccy="EUR">${amt}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Sts>${opts.sts ?? 'BOOK'}</Sts>${opts.book === '' ? '' : `<BookgDt>${opts.book ?? '<Dt>2024-01-15</Dt>'}</BookgDt>`}<ValDt><Dt>${opts.val ?? '2024-01-16'}</Dt></ValDt>${opts.ref ? `<AcctSvcrRef>${opts.ref}</AcctSvcrRef>` : ''}${opts.txs ? `<NtryDtls>${opts.txs.join('')}</NtryDtls>` : ''}${opts.info ? `<AddtlNtryInf>${opts.info}</AddtlNtryInf>` : ''}</Ntry>`;

/** Tiny builder: a camt.053 document with one statement. */
function camt053(opts: { bals?: string[]; entries?: string[]; version?: string; prefix?: string } = {}): string {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const body = `<Stmt><Id>S1</Id><FrToDt><FrDtTm>2024-01-01T00:00:00</FrDtTm><ToDtTm>2024-01-31T23:59:59+01:00</ToDtTm></FrToDt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${(opts.bals ?? [bal('OPBD', '100.00'), bal('CLBD', '100.00')]).join('')}${(opts.entries ?? []).join('')}</Stmt>`;
  const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Document xmlns${opts.prefix ? `:${opts.prefix}` : ''}="${NS(opts.version ?? '053.001.02')}"><${p}BkToCstmrStmt><${p}GrpHdr><${p}MsgId>M</${p}MsgId></${p}GrpHdr>${opts.prefix ? body.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : body}</${p}BkToCstmrStmt></${p}Document>`;
  return doc.replace(/></g, '>\n<');
}
const parse = (text: string) => camt053Format.parse(decoded(text, 's.xml'));

describe('CAMT', () => {
  it('reads a statement: signs from CdtDbtInd, dates, reference, balances, period', () => {
    const r = parse(
      camt053({
        bals: [bal('OPBD', '10.00', 'DBIT'), bal('CLBD', '77.70')],
        entries: [
          ntry('100.00', 'CRDT', { ref: 'R1', txs: [tx(null, { dbtr: 'ACME', ustrd: 'Payout 42' })] }),
          ntry('12.30', 'DBIT', { book: '<DtTm>2024-01-20T12:35:33.115965</DtTm>' }),
        ],
      }),
    );
    expect(r.format).toBe('camt053');
    expect(r.issues).toEqual([]);
    expect(r.lines.map((l) => [l.bookedOn, l.valueOn, l.amount.amount, l.reference, l.counterparty, l.description])).toEqual([
      ['2024-01-15', '2024-01-16', '100.00', 'R1', 'ACME', 'Payout 42'],
      ['2024-01-20', '2024-01-16', '-12.30', undefined, undefined, ''],
    ]);
    expect(r.accounts).toEqual([
      {
        accountId: 'DE89370400440532013000',
        currency: 'EUR',
        openingBalance: { amount: '-10.00', currency: 'EUR' },
        closingBalance: { amount: '77.70', currency: 'EUR' },
        period: { from: '2024-01-01', to: '2024-01-31' },
      },
    ]);
  });

  it('warns with the difference when opening + lines ≠ closing', () => {
    const r = parse(camt053({ entries: [ntry('5.00', 'CRDT')] }));
    expect(r.issues).toMatchObject([{ level: 'warning', code: 'balance_mismatch' }]);
    expect(r.issues[0]!.message).toContain('-5.00');
  });

  it('uses PRCD as the opening when there is no OPBD', () => {
    const r = parse(camt053({ bals: [bal('PRCD', '1.00'), bal('ITBD', '9.00'), bal('CLBD', '1.00')] }));
    expect(r.accounts[0]!.openingBalance?.amount).toBe('1.00');
  });

  describe('Ntry vs TxDtls (the decision in camt.ts)', () => {
    it('splits an entry into its TxDtls when their amounts add up to it', () => {
      const r = parse(
        camt053({
          bals: [bal('OPBD', '0'), bal('CLBD', '30.00')],
          entries: [ntry('30.00', 'CRDT', { ref: 'BATCH', txs: [tx('10.00', { ref: 'T1', dbtr: 'A' }), tx('20.00', { dbtr: 'B' })] })],
        }),
      );
      expect(r.issues).toEqual([]);
      expect(r.lines.map((l) => [l.amount.amount, l.reference, l.counterparty])).toEqual([
        ['10.00', 'T1', 'A'],
        ['20.00', 'BATCH', 'B'],
      ]);
      expect(new Set(r.lines.map((l) => l.id)).size).toBe(2);
    });
    it('keeps one line per entry when the details do not add up or have no amounts', () => {
      const r = parse(
        camt053({
          bals: [bal('OPBD', '0'), bal('CLBD', '60.00')],
          entries: [
            ntry('30.00', 'CRDT', { txs: [tx('10.00'), tx('15.00')] }),
            ntry('30.00', 'CRDT', { txs: [tx(null, { ustrd: 'a' }), tx(null, { ustrd: 'b' })] }),
          ],
        }),
      );
      expect(r.lines.map((l) => [l.amount.amount, l.description])).toEqual([
        ['30.00', ''],
        ['30.00', 'a / b'],
      ]);
    });
  });

  it('skips entries that are not booked, and entries without a readable amount or sign, with issues', () => {
    const r = parse(
      camt053({
        bals: [],
        entries: [
          ntry('1.00', 'CRDT', { sts: 'PDNG' }),
          ntry('abc', 'CRDT'),
          ntry('1.00', 'XXX'),
          ntry('2.00', 'CRDT', { book: '<Dt>2024-02-30</Dt>', val: 'x' }),
        ],
      }),
    );
    expect(r.lines).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['camt_entry_not_booked', 'amount_invalid', 'sign_missing', 'date_invalid']);
    for (const i of r.issues) expect(i.line).toBeGreaterThan(1);
  });

  it('falls back to the value date (with a warning) when BookgDt is missing', () => {
    const r = parse(camt053({ bals: [], entries: [ntry('2.00', 'CRDT', { book: '' })] }));
    expect(r.lines[0]!.bookedOn).toBe('2024-01-16');
    expect(r.issues.map((i) => i.code)).toEqual(['booking_date_missing']);
  });

  it('reads namespace prefixes, versions, 052 reports and 054 notifications', () => {
    const r = parse(camt053({ prefix: 'ns2', version: '053.001.08', entries: [ntry('1.00', 'CRDT')], bals: [] }));
    expect(r.lines).toHaveLength(1);
    const rpt = camt053({ version: '052.001.02', bals: [], entries: [ntry('1.00', 'CRDT')] })
      .replace(/BkToCstmrStmt/g, 'BkToCstmrAcctRpt')
      .replace(/<(\/?)Stmt>/g, '<$1Rpt>');
    expect(camt052Format.detect(decoded(rpt))).toBeGreaterThan(camt053Format.detect(decoded(rpt)));
    expect(camt052Format.parse(decoded(rpt))).toMatchObject({ format: 'camt052', lines: [{ amount: { amount: '1.00' } }] });
    const ntf = camt053({ version: '054.001.04', bals: [], entries: [ntry('1.00', 'DBIT')] })
      .replace(/BkToCstmrStmt/g, 'BkToCstmrDbtCdtNtfctn')
      .replace(/<(\/?)Stmt>/g, '<$1Ntfctn>');
    expect(camt054Format.parse(decoded(ntf))).toMatchObject({ format: 'camt054', lines: [{ amount: { amount: '-1.00' } }] });
    expect(sniffCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.03"/>')).toBe('camt053');
  });

  it('reports a document without statements as an error', () => {
    const r = parse(`<?xml version="1.0"?><Document xmlns="${NS('053.001.02')}"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>`);
    expect(r.lines).toEqual([]);
    expect(r.issues).toMatchObject([{ level: 'error', code: 'camt_no_statement' }]);
  });
});

describe('safe XML reader', () => {
  it('refuses DOCTYPE/ENTITY (billion laughs, external entities) without expanding anything', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Document xmlns="${NS('053.001.02')}"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">&lol2;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>`;
    const r = parse(bomb);
    expect(r.lines).toEqual([]);
    expect(r.issues[0]).toMatchObject({ level: 'error', code: 'xml_dtd_refused' });
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
    expect(readXml(xxe)).toMatchObject({ root: null, issues: [{ code: 'xml_dtd_refused' }] });
  });
  it('decodes only the predefined and numeric entities, and CDATA as is', () => {
    const r = readXml('<a x="&lt;&amp;">&lt;b&gt; &#233;&#x20AC; &foo; <![CDATA[&amp;<c>]]></a>');
    expect(r.root).toMatchObject({ name: 'a', attrs: { x: '<&' }, text: '<b> é€ &foo; &amp;<c>' });
    expect(r.issues.map((i) => i.code)).toEqual(['xml_unknown_entity']);
  });
  it('reports malformed XML with a line number and never throws', () => {
    const r = readXml('<a>\n<b>\n</c>\n</a>');
    expect(r.issues[0]).toMatchObject({ code: 'xml_malformed', line: 3 });
    expect(readXml('<a><b').issues.map((i) => i.code)).toContain('xml_malformed');
  });
  it('stops at absurd nesting instead of exhausting the stack', () => {
    const deep = '<a>'.repeat(100_000);
    const r = readXml(deep);
    expect(r.issues.map((i) => i.code)).toContain('xml_too_deep');
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const files = existsSync(CORPUS)
  ? readdirSync(path.join(CORPUS, 'camt'))
      .filter((f) => !f.endsWith('.zip'))
      .map((f) => path.join(CORPUS, 'camt', f))
  : [];
if (files.length === 0) console.warn(`[camt.test] corpus not found at ${CORPUS}: property tests on real files skipped`);

describe('CAMT properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        expectWellFormed(parse(s));
        expectWellFormed(parse(camt053({ entries: [s] })));
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on element soup', () => {
    const part = fc.constantFrom(
      '<Ntry>',
      '</Ntry>',
      '<Amt Ccy="EUR">1.00</Amt>',
      '<CdtDbtInd>DBIT</CdtDbtInd>',
      '<BookgDt><Dt>2024-01-01</Dt></BookgDt>',
      '<TxDtls>',
      '</TxDtls>',
      '<NtryDtls>',
      '</NtryDtls>',
      '</Stmt>',
      '&amp;',
      '<![CDATA[',
      '<!--',
      '<Bal>',
      '</Bal>',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 50 }), (p) => expectWellFormed(parse(camt053({ entries: [p.join('')] })))),
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

describe('camt fixtures (whole files through parseStatement)', () => {
  const cases = fixtureCases('camt');
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('$file', ({ file, path: p, expected }) => {
    const r = parseStatementSync({ name: file, bytes: new Uint8Array(readFileSync(p)) });
    expectWellFormed(r);
    expect(summarise(r)).toEqual(expected);
  });
});
