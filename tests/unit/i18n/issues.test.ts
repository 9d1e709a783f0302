// Every issue SettleGuard reports comes from the issue catalogues, in zh-CN and English (issue 15
// item 6). The issues are collected by running the code that makes them: every statement reader
// over every fixture file (and over the shared corpus, /work/shared/corpus, when it is there), the
// portal reader over the portal fixture pages and a page of unreadable rows, and the
// reconciliation over realistic months and broken input. Each must carry its catalogue key, and
// render in both languages with every placeholder filled and, in Chinese, no English sentence.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../../../lib/model';
import { STATEMENT_FORMATS, parseStatementSync } from '../../../lib/statements';
import { decodeBytes } from '../../../lib/statements/decode';
import { parseCashierWithMapping } from '../../../lib/statements/cashier';
import { readPortalTables } from '../../../lib/portals';
import { reconcile } from '../../../lib/reconcile';
import { ISSUES_EN, ISSUES_PORTAL_EN } from '../../../lib/i18n/catalogue-issues-en';
import { ISSUES_PORTAL_ZH_CN, ISSUES_ZH_CN } from '../../../lib/i18n/catalogue-issues-zh-cn';
import { codeOfKey, issueText } from '../../../lib/i18n/issues';
import { portalIssueText } from '../../../lib/i18n/issues-portal';
import { realisticMonth } from '../../fixtures/scenarios/realistic';
import { cashierRecord, cnContract, input, line, txn } from '../../fixtures/scenarios/builders';
import { CRAFTED_FILES, UNREADABLE_ROWS_PAGE } from './issue-inputs';
import { englishSentences } from './issue-checks';

const FIXTURES = join(__dirname, '../../fixtures');
const CORPUS = join(__dirname, '../../../../shared/corpus');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.(ts|md|tsv)$|\.expected\.json$/.test(name) ? [] : [p];
  });
}

const emitted: { from: string; issue: Issue }[] = [];
const add = (from: string, issues: readonly Issue[]) => {
  for (const issue of issues) emitted.push({ from, issue });
};

// statement files: the detected reader, then every reader on its own (their refusals are issues too)
const statementFiles = [
  ...['statements', 'backups', 'demo']
    .flatMap((d) => filesUnder(join(FIXTURES, d)))
    .map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)), from: p })),
  ...filesUnder(CORPUS).map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)), from: p })),
  ...CRAFTED_FILES.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text), from: `crafted ${f.name}` })),
];
for (const f of statementFiles) {
  add(f.from, parseStatementSync(f).issues);
  const decoded = decodeBytes(f.name, f.bytes);
  for (const format of STATEMENT_FORMATS) {
    try {
      add(`${format.id} on ${f.from}`, format.parse(decoded, {}).issues);
    } catch {
      // a reader given a file of another format may throw: parseStatementSync guards that, and its issue is collected above
    }
  }
}
add('cashier mapping', parseCashierWithMapping(statementFiles.find((f) => f.name === 'shouyin-liushui.csv')!, { 时间: 'occurredAt' }).issues);
add(
  'cashier mapping',
  parseCashierWithMapping(statementFiles.find((f) => f.name === 'shouyin-liushui.csv')!, { 没有这一列: 'occurredAt', 金额: 'amount', 方式: 'tender' }).issues,
);

// portal pages
for (const page of filesUnder(join(FIXTURES, 'portals/generic')).filter((p) => p.endsWith('.html'))) {
  const expected = JSON.parse(readFileSync(page.replace(/\.html$/, '.expected.json'), 'utf8'));
  const doc = new DOMParser().parseFromString(readFileSync(page, 'utf8'), 'text/html');
  for (const t of readPortalTables(doc, expected.url, expected.now, expected.options)) for (const r of t.rows) add(page, r.issues);
}
for (const options of [{}, { defaultCurrency: 'CNY' }]) {
  const doc = new DOMParser().parseFromString(UNREADABLE_ROWS_PAGE, 'text/html');
  for (const t of readPortalTables(doc, 'https://portal.example/txns', '2026-03-16T00:00:00Z', options))
    for (const r of t.rows) add('unreadable rows page', r.issues);
}

// reconciliation
for (const seed of [1, 2, 3])
  add(
    `realistic month ${seed}`,
    reconcile(realisticMonth({ seed, mess: ['partial_capture', 'statement_ended', 'fee_rounding', 'refund_more', 'split_credit'] }).input).issues,
  );
add(
  'broken reconcile input',
  reconcile(
    input({
      transactions: [
        txn({ id: 'ok', amount: '100.00', fee: '0.60', occurredAt: '2026-03-03T10:00:00' }),
        { ...txn({ id: 'bad-time', amount: '100.00' }), occurredAt: 'garbled' },
        { ...txn({ id: 'bad-amount', amount: '100.00' }), amount: { amount: '12,00 元', currency: 'CNY' } },
        { ...txn({ id: 'bad-extra', amount: '100.00' }), extraFees: [{ label: 'x', amount: { amount: 'x', currency: 'CNY' } }] },
        { ...txn({ id: 'bad-settle', amount: '100.00', occurredAt: '2026-03-03T11:00:00' }), settleDate: '2026-02-30' },
        txn({ id: 'fee-usd', amount: '100.00', fee: '0.60', occurredAt: '2026-03-03T12:00:00' }),
        txn({ id: 'net-off', amount: '100.00', fee: '0.60', net: '90.00', occurredAt: '2026-03-03T13:00:00' }),
        txn({ id: 'usd', amount: '100.00', currency: 'USD', occurredAt: '2026-03-03T14:00:00', settleCycle: 'T1' }),
        txn({ id: 'old', amount: '100.00', fee: '0.60', occurredAt: '2019-01-03T10:00:00', merchantId: '898310054110001' }),
      ].map((t) => (t.id === 'fee-usd' ? { ...t, fee: { amount: '0.60', currency: 'USD' } } : t)),
      statementLines: [
        line({ amount: '99.40', bookedOn: '2026-03-04' }),
        { ...line({ amount: '1.00' }), bookedOn: 'x' },
        { ...line({ amount: '1.00', bookedOn: '2026-03-05' }), valueOn: 'y' },
      ],
      cashier: [{ ...cashierRecord({ amount: '1.00' }), occurredAt: 'z' }],
      contracts: [cnContract({ effectiveFrom: '2026-01-01', merchantId: '898310054110001' })],
      calendar: 'cn-mainland',
    } as never),
  ).issues,
);
add(
  'no contract',
  reconcile(
    input({
      transactions: [txn({ id: 'a', amount: '100.00', fee: '0.60', occurredAt: '2040-03-03T10:00:00' })],
      contracts: [],
      calendar: 'cn-mainland',
    } as never),
  ).issues,
);

const PLACEHOLDER_LEFT = /\{[#/]?[A-Za-z][A-Za-z0-9_]*(?::[A-Za-z]+)?\}/;
const keyOf = (i: Issue) => (i as Partial<Issue>).i18n?.key;
/** the param values as the file or page gave them (not the catalogue parts they name) */
const rawValues = (i: Issue) =>
  Object.entries(i.i18n.params)
    .filter(([k]) => !k.endsWith('Key'))
    .map(([, v]) => v);

describe('issues from the catalogues', () => {
  it('collects a wide set of issues to check', () => {
    const keys = new Set(emitted.map((e) => keyOf(e.issue)));
    // the shared corpus adds its files when present; the fixtures and crafted inputs alone reach this many
    expect(keys.size, [...keys].sort().join('\n')).toBeGreaterThanOrEqual(120);
    if (!existsSync(CORPUS)) console.info(`issues.test: ${CORPUS} is absent; only the project's fixtures were read`);
    const issueKeys = Object.keys(ISSUES_EN).filter((k) => k.startsWith('issue.') || k.startsWith('import.'));
    const missed = issueKeys.filter((k) => !keys.has(k));
    console.info(`issues.test: ${emitted.length} issues, ${keys.size} of the ${issueKeys.length} issue keys reached; not reached here: ${missed.join(', ')}`);
  });

  it('every issue emitted carries a catalogue key whose code is its own, in both catalogues', () => {
    const bad = emitted.filter(({ issue }) => {
      const key = keyOf(issue);
      if (key === undefined || !Object.hasOwn(ISSUES_EN, key) || !Object.hasOwn(ISSUES_ZH_CN, key)) return true;
      return key.startsWith('issue.') && codeOfKey(key) !== issue.code;
    });
    expect(bad.map(({ from, issue }) => `${from}: ${issue.code} ${keyOf(issue)} — ${issue.message}`)).toEqual([]);
  });

  it('renders in both languages with every placeholder filled and no "unknown" for a param that was given', () => {
    const problems: string[] = [];
    for (const { from, issue } of emitted) {
      for (const [locale, unknown] of [
        ['en', 'unknown'],
        ['zh-CN', '未知'],
      ] as const) {
        const text = issueText(locale, issue);
        if (PLACEHOLDER_LEFT.test(text)) problems.push(`${from} ${locale}: ${text}`);
        // "unknown" in the text: from a value of the file, or the template's own word ("unknown tag"), never a missing param
        const template = (locale === 'en' ? ISSUES_EN : ISSUES_ZH_CN)[issue.i18n.key as keyof typeof ISSUES_EN] ?? '';
        const own =
          template.includes(unknown) ||
          Object.entries(issue.i18n.params).some(
            ([k, v]) => k.endsWith('Key') && ((locale === 'en' ? ISSUES_EN : ISSUES_ZH_CN)[v as keyof typeof ISSUES_EN] ?? '').includes(unknown),
          );
        if (text.includes(unknown) && !own && !rawValues(issue).some((v) => v.includes(unknown))) problems.push(`${from} ${locale} says ${unknown}: ${text}`);
      }
      // the English rendering is the message (the line word aside: "line N:" in files, "Row N:" on pages)
      const en = issueText('en', issue);
      if (issue.line !== undefined ? en.slice(en.indexOf(':') + 2) !== issue.message.slice(issue.message.indexOf(':') + 2) : en !== issue.message)
        problems.push(`${from}: message "${issue.message}" is not the catalogue's "${en}"`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('the Chinese text has no English sentence (codes, tags, file names and the file’s own values aside)', () => {
    const problems = new Set<string>();
    for (const { from, issue } of emitted) {
      const text = issueText('zh-CN', issue);
      for (const s of englishSentences(text, rawValues(issue))) problems.add(`${from} [${keyOf(issue)}]: "${s}" in ${text}`);
    }
    expect([...problems]).toEqual([]);
  });

  it('a portal reader issue reads the same from the content script’s part of the catalogues', () => {
    const portal = emitted.filter(({ issue }) => Object.hasOwn(ISSUES_PORTAL_EN, keyOf(issue) ?? ''));
    expect(portal.length).toBeGreaterThan(10);
    for (const { issue } of portal) {
      expect(Object.hasOwn(ISSUES_PORTAL_ZH_CN, issue.i18n.key)).toBe(true);
      expect(portalIssueText('zh-CN', issue)).toBe(issueText('zh-CN', issue));
    }
  });
});
