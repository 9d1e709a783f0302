import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, toCsv } from '../../../lib/disputes/csv';
import { buildEvidencePack, cellsSha256, evidencePackName, type EvidenceInput } from '../../../lib/disputes/evidence';
import { renderDispute } from '../../../lib/disputes/render';
import { sha256Hex } from '../../../lib/disputes/sha256';
import type { Contract } from '../../../lib/model';
import { bankLine, debitCapTx, dupFirst, scenario } from './scenario';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const contract: Contract = {
  id: 'c1',
  label: '收单服务协议（2024版）',
  merchantId: '822100058120001',
  currency: 'CNY',
  effectiveFrom: '2024-01-01',
  settleCycle: 'T1',
  calendar: 'CN',
  rules: [
    { cardType: 'debit', percent: '0.5', cap: '20' },
    { cardType: 'any', percent: '0.6' },
  ],
  periodicFees: [],
};
const packInput = (over: Partial<EvidenceInput> = {}): EvidenceInput => ({
  ...scenario(),
  contracts: [contract],
  generatedAt: '2024-03-10T09:30:00.000Z',
  ...over,
});
const file = (files: { path: string; text: string }[], path: string) => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path}`);
  return f.text;
};

describe('sha256Hex', () => {
  it.each([
    { input: '', expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { input: 'abc', expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    { input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', expected: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1' },
  ])('FIPS 180-2 vector $input', ({ input, expected }) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('agrees with node:crypto on UTF-8 text of every length around the block size', () => {
    for (let n = 0; n < 200; n++) {
      const text = '结算卫士a'.repeat(n).slice(0, n);
      expect(sha256Hex(text), String(n)).toBe(nodeSha(text));
    }
    const big = '流水'.repeat(50_000);
    expect(sha256Hex(big)).toBe(nodeSha(big));
  });
});

describe('CSV cells', () => {
  it.each([
    { input: '张三', expected: '张三' },
    { input: '-12.30', expected: '-12.30' },
    { input: '8000.00', expected: '8000.00' },
    { input: '=1+1', expected: "'=1+1" },
    { input: '+86 138', expected: "'+86 138" },
    { input: '-1+2', expected: "'-1+2" },
    { input: '@SUM(A1:A9)', expected: "'@SUM(A1:A9)" },
    { input: '\tx', expected: "'\tx" },
    { input: '=HYPERLINK("http://evil","x")', expected: `"'=HYPERLINK(""http://evil"",""x"")"` },
    { input: 'a,b', expected: '"a,b"' },
    { input: 'say "hi"', expected: '"say ""hi"""' },
    { input: 'two\nlines', expected: '"two\nlines"' },
    { input: '', expected: '' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('documents start with a BOM and use CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', undefined],
      ]),
    ).toBe('\ufeffa,b\r\n1,\r\n');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('buildEvidencePack', () => {
  const files = buildEvidencePack(packInput(), 'zh-CN');

  it('has the files, in a fixed order, and is pure', () => {
    expect(files.map((f) => f.path)).toEqual([
      'README.txt',
      'letter.txt',
      'items.csv',
      'bank-lines.csv',
      'evidence.json',
      'contract.json',
      'report.html',
      'SHA256SUMS.txt',
    ]);
    expect(buildEvidencePack(packInput(), 'zh-CN')).toEqual(files);
    expect(evidencePackName(packInput())).toBe('settleguard-evidence-822100058120001-2024-03-10');
  });

  it('letter.txt is exactly the dispute draft', () => {
    expect(file(files, 'letter.txt')).toBe(`${renderDispute(scenario(), 'zh-CN').text}\n`);
  });

  it('README explains the pack', () => {
    const readme = file(files, 'README.txt');
    expect(readme).toContain('生成时间: 2024-03-10T09:30:00.000Z');
    expect(readme).toContain('商户号：822100058120001');
    expect(readme).toContain('sha256sum -c SHA256SUMS.txt');
  });

  it('SHA256SUMS lists the SHA-256 of every other file', () => {
    const sums = file(files, 'SHA256SUMS.txt').trim().split('\n');
    expect(sums).toHaveLength(files.length - 1);
    for (const line of sums) {
      const [hash, path] = line.split('  ');
      expect(hash).toBe(nodeSha(file(files, path!)));
    }
  });

  it('items.csv: the letter rows plus the settlement group, amounts as plain decimals', () => {
    const parsed = Papa.parse<string[]>(file(files, 'items.csv').replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header!.slice(0, 13)).toEqual([
      '序号',
      '异常编号',
      '异常类型代码',
      '异常类型',
      '级别',
      '交易编号',
      '交易时间',
      '清算日期',
      '金额',
      '币种',
      '实收手续费',
      '按约定应收',
      '差额',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['1', '2.1', '2.2', '3', '3.1', '3.2']);
    expect(rows[0]!.slice(0, 16)).toEqual([
      '1',
      'f:debit',
      'debit_cap_ignored',
      '借记卡未封顶',
      '多扣款',
      'tx:debit',
      '2024-03-05 10:15:00',
      '2024-03-06',
      '8000.00',
      'CNY',
      '40.00',
      '20.00',
      '20.00',
      '123456789012',
      '000123',
      '000045',
    ]);
    expect(rows[3]!.slice(0, 13)).toEqual([
      '3',
      'f:short',
      'settlement_shortfall',
      '结算短款',
      '多扣款',
      '',
      '',
      '2024-03-04',
      '12171.53',
      'CNY',
      '',
      '',
      '48.00',
    ]);
    expect(rows[4]![3]).toBe('结算短款（结算批次内交易）');
    // differences add up to the letter's total
    const total = rows.reduce((s, r) => s + Math.round(Number(r[12] || '0') * 100), 0);
    expect(total).toBe(15600);
  });

  it('bank-lines.csv lists the bank lines with the items they support', () => {
    const parsed = Papa.parse<string[]>(file(files, 'bank-lines.csv').replace(/^\ufeff/, ''), { skipEmptyLines: true });
    expect(parsed.data[1]).toEqual([
      'line:1',
      '2024-03-05',
      '2024-03-05',
      '12123.53',
      'CNY',
      '拉卡拉支付 结算款',
      '拉卡拉支付股份有限公司',
      'B20240305001',
      '',
      'icbc-2024-03.csv',
      '7',
      '3',
    ]);
  });

  it('evidence.json: URL, capture time, cells and the SHA-256 at capture and now', () => {
    const good = { ...dupFirst, evidence: { ...dupFirst.evidence, cells: { 参考号: '406512010001', 金额: '88.00' }, sha256: '' } };
    good.evidence.sha256 = nodeSha(JSON.stringify(good.evidence.cells));
    const pack = buildEvidencePack(packInput({ transactions: [debitCapTx, good] }), 'en');
    const json = JSON.parse(file(pack, 'evidence.json')) as { settleguardEvidence: number; rows: Record<string, unknown>[] };
    expect(json.settleguardEvidence).toBe(1);
    const byId = Object.fromEntries(json.rows.map((r) => [r.transactionId, r]));
    expect(byId['tx:dup1']).toMatchObject({
      url: 'https://merchant.example.com/txns?page=1',
      capturedAt: '2024-03-10T09:00:00.000Z',
      cells: { 参考号: '406512010001', 金额: '88.00' },
      sha256: good.evidence.sha256,
      computedSha256: good.evidence.sha256,
      matches: true,
      findings: ['f:dup'],
    });
    // the fixture's debit row carries a made-up hash: flagged, not hidden
    expect(byId['tx:debit']).toMatchObject({ sha256: 'ab'.repeat(32), matches: false, computedSha256: cellsSha256(debitCapTx.evidence.cells) });
    expect(cellsSha256(debitCapTx.evidence.cells)).toBe(nodeSha(JSON.stringify(debitCapTx.evidence.cells)));
  });

  it('contract.json is SettleGuard JSON, so it can be imported again', () => {
    expect(JSON.parse(file(files, 'contract.json'))).toEqual({ settleguard: 1, contracts: [contract], contractLabel: '收单服务协议（2024版）' });
  });

  it('report.html is a complete printable document with the letter content', () => {
    const html = file(files, 'report.html');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe('关于商户号822100058120001交易多扣款/费率异常的退费申请');
    const firstTable = [...doc.querySelectorAll('table')][0]!;
    expect([...firstTable.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent)).toEqual(['1', '2.1', '2.2', '3']);
    expect(doc.body.textContent).toContain('622202******6789');
  });
});

describe('buildEvidencePack: hostile page text', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
  const hostileTx = {
    ...debitCapTx,
    rrn: '=cmd|"/c calc"!A1',
    terminalId: '@SUM(1+1)',
    evidence: { url: 'javascript:alert(3)', capturedAt: '2024-03-10T09:00:00.000Z', cells: { [evil]: evil, 备注: '+1-1' }, sha256: '' },
  };
  const input = packInput({
    merchant: { name: evil, merchantId: '822100058120001' },
    transactions: [hostileTx],
    findings: [scenario().findings[0]!, scenario().findings[2]!],
    statementLines: [{ ...bankLine, description: `-2+3 ${evil}`, reference: '=1+2' }],
    contractLabel: evil,
  });
  const files = buildEvidencePack(input, 'en');

  it('report.html escapes all of it: no element, attribute or link comes from the page', () => {
    const html = file(files, 'report.html');
    expect(html).not.toMatch(/<(script|img|a|iframe|object|embed|form)\b/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, a, iframe, object, embed, form')).toHaveLength(0);
    expect(doc.querySelectorAll('[src], [href], [onerror], [style]')).toHaveLength(0);
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.body.textContent).toContain('javascript:alert(3)');
  });

  it('CSV cells cannot become formulas', () => {
    const items = Papa.parse<string[]>(file(files, 'items.csv').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const row = items[1]!;
    expect(row[13]).toBe(`'=cmd|"/c calc"!A1`);
    expect(row[16]).toBe("'@SUM(1+1)");
    const bank = Papa.parse<string[]>(file(files, 'bank-lines.csv').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(bank[1]![5]).toBe(`'-2+3 ${evil}`);
    expect(bank[1]![7]).toBe("'=1+2");
    for (const table of [items, bank]) {
      for (const cells of table.slice(1)) for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    }
  });

  it('evidence.json keeps the cells exactly as captured (JSON-escaped, not altered)', () => {
    const json = JSON.parse(file(files, 'evidence.json')) as { rows: { cells: Record<string, string>; url: string }[] };
    expect(json.rows[0]!.cells).toEqual({ [evil]: evil, 备注: '+1-1' });
    expect(json.rows[0]!.url).toBe('javascript:alert(3)');
  });
});
