// Issue 15 item 8: findings, portal transactions and bank lines exported as CSV and XLSX. Money is
// the stored decimal string to the last digit (never a float: 0.1 + 0.2 or 12345678901234.57 would
// show it), dates ISO, cards BIN…last 4, a BOM for Excel, formula-looking text neutralised, and the
// XLSX read back (SheetJS) gives the same text cells.
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import type { StoredFinding } from '../../../lib/model';
import { exportData, findingsSheet, neutraliseFormula, statementLinesSheet, toCsv, toXlsx, transactionsSheet } from '../../../lib/services/export';
import { line, tx } from './builders';

// amounts a float would change: past 2^53 cents, more decimals than two, a trailing zero
const BIG = '12345678901234567.89';
const sale = tx({
  occurredAt: '2026-03-05T10:15:30',
  amount: { amount: BIG, currency: 'CNY' },
  fee: { amount: '0.10', currency: 'CNY' },
  net: { amount: '-0.3000', currency: 'CNY' },
  cardBin: '622588',
  cardLast4: '1234',
  terminalId: '58120001',
  rrn: '606400001234',
});
const refund = tx({ occurredAt: '2026-03-04T09:00:00', kind: 'refund', amount: { amount: '-20.00', currency: 'CNY' }, cardLast4: '9999' });
// a description with a full card number (an old record from before masking) and one that is a formula
const pan = '6222021234567890128';
const bankLine = line({
  bookedOn: '2026-03-06',
  amount: { amount: '99.40', currency: 'CNY' },
  description: `退款 卡号${pan}`,
  counterparty: '=HYPERLINK("x")',
});
const finding: StoredFinding = {
  id: 'f:dup',
  kind: 'duplicate_charge',
  severity: 'overcharge',
  atStake: { amount: '0.30', currency: 'CNY' },
  transactionIds: [sale.id],
  statementLineIds: [bankLine.id],
  explanation: { key: 'no.such.key', params: {} },
  status: 'dismissed',
  firstSeenAt: '2026-03-06T00:00:00Z',
};
const evidence = { transactions: new Map([[sale.id, sale]]), statementLines: new Map([[bankLine.id, bankLine]]) };

const column = (sheet: { header: string[]; rows: string[][] }, name: string) => {
  const i = sheet.header.indexOf(name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((r) => r[i]);
};

describe('sheets', () => {
  it('transactions: money strings exact, ISO times, BIN…last 4, sorted by time, headers in the locale', () => {
    const en = transactionsSheet('en', [sale, refund]);
    expect(column(en, 'Amount')).toEqual(['-20.00', BIG]);
    expect(column(en, 'Fee')).toEqual(['0.60', '0.10']);
    expect(column(en, 'Net')).toEqual(['99.40', '-0.3000']);
    expect(column(en, 'Time')).toEqual(['2026-03-04T09:00:00', '2026-03-05T10:15:30']);
    expect(column(en, 'Card (BIN…last 4)')).toEqual(['9999', '622588…1234']);
    expect(column(en, 'Currency')).toEqual(['CNY', 'CNY']);
    const zh = transactionsSheet('zh-CN', [sale]);
    expect(column(zh, '金额')).toEqual([BIG]);
    expect(column(zh, '终端号')).toEqual(['58120001']);
  });

  it('bank lines: a full card number in old text is masked on the way out', () => {
    const sheet = statementLinesSheet('en', [bankLine]);
    const [description] = column(sheet, 'Description');
    expect(description).not.toContain(pan);
    expect(description).toMatch(/^退款 卡号622202\*+0128$/);
    expect(column(sheet, 'Amount')).toEqual(['99.40']);
  });

  it('findings: date, RRN, terminal, amount from the rows behind; decision and kind in the locale', () => {
    const en = findingsSheet('en', [finding], evidence);
    expect(column(en, 'Date')).toEqual(['2026-03-05']);
    expect(column(en, 'Reference (RRN)')).toEqual(['606400001234']);
    expect(column(en, 'Terminal')).toEqual(['58120001']);
    expect(column(en, 'Transaction amount')).toEqual([BIG]);
    expect(column(en, 'At stake')).toEqual(['0.30']);
    expect(column(en, 'Finding')).toEqual(['Duplicate charge']);
    expect(column(en, 'Finding code')).toEqual(['duplicate_charge']);
    expect(column(en, 'Your decision')).toEqual(['Dismissed']);
    expect(column(en, 'Bank lines (date amount)')).toEqual(['2026-03-06 99.40']);
    const zh = findingsSheet('zh-CN', [finding], evidence);
    expect(column(zh, '您的处理')).toEqual(['已忽略']);
    expect(column(zh, '异常类型')).toEqual(['重复扣款']);
    expect(zh.header).toContain('涉及金额');
  });
});

describe('CSV', () => {
  it('starts with a UTF-8 BOM, CRLF lines, and parses back to the same cells', () => {
    const sheet = transactionsSheet('zh-CN', [sale, refund]);
    const bytes = toCsv(sheet);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the BOM
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual(sheet.header);
    expect(parsed.slice(1)).toEqual(sheet.rows);
  });

  it('text that a spreadsheet would run as a formula gets a leading quote; signed amounts stay numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('+86 138')).toBe("'+86 138");
    expect(neutraliseFormula('-20.00')).toBe('-20.00');
    expect(neutraliseFormula('+5')).toBe('+5');
    expect(neutraliseFormula('POS结算款')).toBe('POS结算款');
    const text = new TextDecoder().decode(toCsv(statementLinesSheet('en', [bankLine])));
    expect(text).toContain('"\'=HYPERLINK(""x"")"');
  });
});

describe('XLSX', () => {
  it('reads back with the same text in every cell, money as text cells (never numbers), one sheet per table', () => {
    const sheets = [findingsSheet('en', [finding], evidence), transactionsSheet('en', [sale, refund]), statementLinesSheet('en', [bankLine])];
    const book = XLSX.read(toXlsx(sheets, 'en'), { type: 'array' });
    expect(book.SheetNames).toEqual(['Findings', 'Portal transactions', 'Bank lines']);
    sheets.forEach((sheet, i) => {
      const ws = book.Sheets[book.SheetNames[i]!]!;
      const back = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: true, defval: '' });
      expect(back).toEqual([sheet.header, ...sheet.rows]);
    });
    const txSheet = book.Sheets['Portal transactions']!;
    const amountCol = sheets[1]!.header.indexOf('Amount');
    const cell = txSheet[XLSX.utils.encode_cell({ r: 2, c: amountCol })] as XLSX.CellObject;
    expect(cell).toMatchObject({ t: 's', v: BIG });
  });
});

describe('exportData from the database', () => {
  let db: SettleGuardDb;
  beforeEach(async () => {
    db = openDb(`export-${Math.random()}`);
    await db.transactions.bulkPut([sale, refund]);
    await db.statementLines.put(bankLine);
    await db.findings.put(finding);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('CSV holds one table; XLSX all three; named by table and day', async () => {
    const csv = await exportData(db, 'csv', ['statementLines'], 'en', '2026-03-20');
    expect(csv.name).toBe('settleguard-bank-lines-2026-03-20.csv');
    expect(csv.mime).toMatch(/^text\/csv/);
    expect(new TextDecoder().decode(csv.bytes)).toContain('\r\n2026-03-06,,99.40,CNY,');
    const xlsx = await exportData(db, 'xlsx', ['findings', 'transactions', 'statementLines'], 'zh-CN', '2026-03-20');
    expect(xlsx.name).toBe('settleguard-data-2026-03-20.xlsx');
    const book = XLSX.read(xlsx.bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['异常发现', '收单交易', '银行流水']);
    expect(XLSX.utils.sheet_to_json<string[]>(book.Sheets['收单交易']!, { header: 1 }).length).toBe(3);
  });
});
