// Whatever text a portal page or bank file puts in the fields, the drafts stay well-formed.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from '../../../lib/disputes/evidence';
import { renderEscalation } from '../../../lib/disputes/escalation';
import { renderDispute } from '../../../lib/disputes/render';
import type { DisputeInput } from '../../../lib/disputes/input';
import { LOCALES } from '../../../lib/i18n/messages';
import { bankLine, debitCapTx, dupFirst, dupRepeat, groupTxs, scenario } from './scenario';

const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constantFrom('', '=1+1', '{total}', '<script>', '|', '\n\r', '\u202E', '-5', 'NaN'));

const hostileInput = fc
  .record({
    name: text,
    merchantId: text,
    contact: text,
    rrn: text,
    terminalId: text,
    voucherNo: text,
    last4: text,
    description: text,
    reference: text,
    param: text,
    label: text,
  })
  .map((v): DisputeInput => {
    const base = scenario();
    return {
      ...base,
      merchant: { name: v.name, merchantId: v.merchantId, contact: v.contact },
      contractLabel: `合同${v.label}`, // never blank, so the letter keeps its optional contract line
      transactions: [
        {
          ...debitCapTx,
          rrn: v.rrn,
          terminalId: v.terminalId,
          voucherNo: v.voucherNo,
          cardLast4: v.last4,
          evidence: { ...debitCapTx.evidence, cells: { [v.label]: v.param }, url: v.description },
        },
        dupFirst,
        dupRepeat,
        ...groupTxs,
      ],
      statementLines: [{ ...bankLine, description: v.description, reference: v.reference }],
      findings: base.findings.map((f) => ({
        ...f,
        explanation: { key: f.explanation.key, params: { ...f.explanation.params, amount: v.param, terminalId: v.terminalId } },
      })),
    };
  });

describe('property: hostile field values', () => {
  it('never throw; keep the letter shape; no control or bidi characters', () => {
    const baseline = Object.fromEntries(LOCALES.map((l) => [l, renderDispute(scenario(), l)]));
    fc.assert(
      fc.property(hostileInput, (input) => {
        for (const locale of LOCALES) {
          const { subject, text: letter, missing } = renderDispute(input, locale);
          // a merchant detail left blank is one line fewer (never 未知), and is reported missing
          const base = baseline[locale]!;
          expect(letter.split('\n')).toHaveLength(base.text.split('\n').length - (missing.length - base.missing.length));
          expect(letter).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
          expect(subject).not.toMatch(/[\u0000-\u001f]/);
          for (const step of ['written_complaint', 'regulator'] as const) renderEscalation(step, input, locale);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('evidence CSVs always parse to rows as wide as their header', () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const files = buildEvidencePack({ ...input, generatedAt: '2024-03-10T09:30:00.000Z' }, 'zh-CN');
        for (const path of ['items.csv', 'bank-lines.csv']) {
          const csv = files.find((f) => f.path === path)!.text.replace(/^\ufeff/, '');
          const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
          expect(parsed.errors).toEqual([]);
          const width = parsed.data[0]!.length;
          for (const row of parsed.data) expect(row).toHaveLength(width);
        }
        const html = files.find((f) => f.path === 'report.html')!.text;
        expect(new DOMParser().parseFromString(html, 'text/html').querySelectorAll('script, img, a, iframe')).toHaveLength(0);
      }),
      { numRuns: 60 },
    );
  });
});
