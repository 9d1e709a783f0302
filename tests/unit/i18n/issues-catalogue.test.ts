// The issue catalogues themselves (issue 15 item 6): every key the code names exists in both
// languages with the same placeholders, the Chinese is Chinese, and issueText puts the line
// first once, in the merchant's language, falling back to the stored message for older issues.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../../../lib/model';
import { placeholdersOf } from '../../../lib/i18n/messages';
import { ISSUES_EN, ISSUES_PORTAL_EN } from '../../../lib/i18n/catalogue-issues-en';
import { ISSUES_PORTAL_ZH_CN, ISSUES_ZH_CN } from '../../../lib/i18n/catalogue-issues-zh-cn';
import { codeOfKey, issueText, makeIssue, problemPart, problemText } from '../../../lib/i18n/issues';
import { englishSentences } from './issue-checks';
import { parseContentMessage } from '../../../lib/messaging';
import { portalIssueText } from '../../../lib/i18n/issues-portal';
import { txn } from '../../fixtures/scenarios/builders';

const ROOT = join(__dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.tsx?$/.test(name) && !/^catalogue-/.test(name) ? [rel] : [];
  });

/** Issue keys named in the code: whole literals, and template literals up to their first `${` (a prefix). */
function referencedKeys(): { file: string; key: string; prefix: boolean }[] {
  const out: { file: string; key: string; prefix: boolean }[] = [];
  for (const file of [...sources('lib'), ...sources('components'), ...sources('entrypoints')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/['"`]((?:issue|issuePart)\.[A-Za-z0-9_.]*|import\.limit\.[A-Za-z0-9_.]*|import\.storageFull)(\$\{|['"`])/g))
      out.push({ file, key: m[1]!, prefix: m[2] === '${' });
  }
  return out;
}

const EN: Readonly<Record<string, string>> = ISSUES_EN;
const ZH: Readonly<Record<string, string>> = ISSUES_ZH_CN;

describe('issue catalogues', () => {
  it('zh-CN and en have the same keys, with the same placeholders', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
    for (const key of Object.keys(EN)) {
      expect(EN[key]!.trim(), key).not.toBe('');
      expect(ZH[key]!.trim(), key).not.toBe('');
      expect(placeholdersOf(ZH[key]!), key).toEqual(placeholdersOf(EN[key]!));
    }
    expect(Object.keys(ISSUES_PORTAL_ZH_CN).sort()).toEqual(Object.keys(ISSUES_PORTAL_EN).sort());
  });

  it('every issue key the code names is in both catalogues (a template key: at least one key starts so)', () => {
    const refs = referencedKeys();
    expect(refs.length).toBeGreaterThan(200);
    const missing = refs.filter(({ key, prefix }) => (prefix ? !Object.keys(EN).some((k) => k.startsWith(key)) : !(key in EN) || !(key in ZH)));
    expect(missing.map((r) => `${r.file}: ${r.key}${r.prefix ? '…' : ''}`)).toEqual([]);
  });

  it('an issue key names its code first: issue.<code> or issue.<code>.<which>', () => {
    for (const key of Object.keys(EN).filter((k) => k.startsWith('issue.'))) expect(codeOfKey(key), key).toMatch(/^[a-z0-9_]+$/);
  });

  it('no Chinese entry holds an English sentence (placeholders, codes and quoted names aside)', () => {
    const found = Object.entries(ZH).flatMap(([key, text]) =>
      englishSentences(text.replace(/\{[#/]?[A-Za-z0-9_]+(:[a-z]+)?\}/gi, ' '), []).map((s) => `${key}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('the content script part holds the portal reader’s keys and no file reader’s', () => {
    expect(Object.keys(ISSUES_PORTAL_EN).every((k) => k in EN)).toBe(true);
    const portalSource = readFileSync(join(ROOT, 'lib/portals/transactions.ts'), 'utf8');
    expect(portalSource).toContain("from '../i18n/issues-portal'");
    expect(portalSource).not.toContain("from '../i18n/issues'");
    // the portal modules never reach the whole catalogue
    for (const f of ['lib/i18n/issues-portal.ts', 'lib/i18n/issue-core.ts'])
      expect(readFileSync(join(ROOT, f), 'utf8'), f).not.toMatch(/ISSUES_EN\b|ISSUES_ZH_CN\b/);
  });
});

describe('issueText', () => {
  const issue = makeIssue('error', 'issue.bad_amount', { column: '金额', value: 'abc' }, { line: 3, raw: 'abc' });

  it('is built with its key and string params, and its English message from the catalogue', () => {
    expect(issue).toEqual({
      level: 'error',
      code: 'bad_amount',
      line: 3,
      raw: 'abc',
      message: 'line 3: 金额 "abc" is not a number (expected e.g. 1234.50); row not imported',
      i18n: { key: 'issue.bad_amount', params: { column: '金额', value: 'abc' } },
    });
  });

  it('puts the line first once, in the merchant’s language', () => {
    expect(issueText('zh-CN', issue)).toBe('第 3 行：金额“abc”不是数字（应为 1234.50 这样的金额）；该行未导入');
    expect(issueText('en', issue)).toBe('Line 3: 金额 "abc" is not a number (expected e.g. 1234.50); row not imported');
  });

  it('renders catalogue parts named by <name>Key params in the same language', () => {
    const unreadable = makeIssue('error', 'issue.unreadable_file', { reasonKey: 'issuePart.unreadable.pdf', expectedKey: 'issuePart.expected.square' });
    expect(unreadable.message).toBe('the file is a PDF document; expected a Square transactions CSV');
    expect(issueText('zh-CN', unreadable)).toBe('这是 PDF 文档；应为一份 Square 交易 CSV');
  });

  it('shows the stored message of an issue without a key (written before issue 15) or with a key it does not know', () => {
    const old = { level: 'error', code: 'bad_date', line: 4, message: 'line 4: date "x" is not a date' } as unknown as Issue;
    expect(issueText('zh-CN', old)).toBe('line 4: date "x" is not a date');
    expect(issueText('zh-CN', { ...issue, i18n: { key: 'issue.from_a_newer_version', params: {} } })).toBe(issue.message);
  });

  it('never lets a value of the file act as a placeholder', () => {
    const sneaky = makeIssue('error', 'issue.bad_date', { value: '{value} {#x}' }, { line: 1 });
    expect(issueText('zh-CN', sneaky)).toBe('第 1 行：日期“{value} {#x}”不是日期（应为 2024-03-05 这样的日期）；该行未导入');
  });

  it('shows a contract field problem in the editor’s language', () => {
    const p = { field: 'contracts[0].currency', ...problemPart('issuePart.problem.currency', { value: 'yuan' }) };
    expect(p.message).toBe('is "yuan" (expected an ISO 4217 code such as CNY)');
    expect(problemText('zh-CN', p)).toBe('contracts[0].currency 为“yuan”（应为 CNY 这样的 ISO 4217 币种代码）');
    expect(problemText('en', p)).toBe('contracts[0].currency is "yuan" (expected an ISO 4217 code such as CNY)');
    expect(problemText('zh-CN', { field: 'x', message: 'is old' })).toBe('x is old');
  });
});

describe('a refused capture', () => {
  it('says why in the overlay’s language: the background sends the catalogue key with its English message', () => {
    const row = txn({ id: 'a', amount: '100.00' });
    const unmasked = { ...row, evidence: { ...row.evidence, cells: { 卡号: '6222021234567890', 交易金额: '100.00' } } };
    const refused = parseContentMessage({ type: 'content/capture', url: 'https://portal.example/', rows: [unmasked] });
    if (refused.ok) throw new Error('a full card number was taken');
    expect(refused.error.message).toBe('capture: row 1 holds a full card number in the column "卡号" (expected it masked, e.g. 622202******0000)');
    expect(portalIssueText('zh-CN', refused.error)).toBe('第 1 行的“卡号”列是完整卡号（应为遮盖后的卡号，如 622202******0000）');
    expect(portalIssueText('en', refused.error)).toBe('row 1 holds a full card number in the column "卡号" (expected it masked, e.g. 622202******0000)');
  });
});
