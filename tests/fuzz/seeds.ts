// Real-shaped inputs the statement fuzzer mutates: every statement fixture of the project, the demo
// files, the backup fixtures, and — when it is there — the shared corpus (../shared/corpus, read at
// run time, never copied into the project). Workbooks are written here with SheetJS, so the XLSX
// reader has seeds of its own. Each seed is filed under the format the registry detects for it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { decodeBytes, rankFormats } from '../../lib/statements';

export interface Seed {
  name: string;
  bytes: Uint8Array;
  /** the format the registry picks for it ('' when none does) */
  format: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = join(ROOT, '../shared/corpus');
/** Bigger files are cut here: a fuzz case stays small and fast; the head of a file keeps its shape. */
const MAX_SEED_BYTES = 48 * 1024;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name.startsWith('_') ? [] : filesUnder(path);
    return d.name.endsWith('.expected.json') || /\.(md|tsv|ts|yml|pydata|beancount)$/.test(d.name) ? [] : [path];
  });
}

/** A workbook of a bank statement with `rows` below its header, as a Chinese bank exports it. */
export function statementWorkbook(rows: string[][], bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['交易日期', '摘要', '收入金额', '支出金额', '余额', '对方户名'], ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }));
}

const WORKBOOK_ROWS = [
  ['2024-01-02', '货款', '1000.00', '', '5000.00', '拉卡拉支付股份有限公司'],
  ['2024-01-03', '手续费', '', '6.00', '4994.00', ''],
  ['2024/01/04', 'POS结算', '88.50', '', '5082.50', '银联商务'],
];

let cache: Seed[] | undefined;

/** Every seed, loaded once per process (files are read at run time). */
export function loadSeeds(): Seed[] {
  if (cache) return cache;
  const paths = [
    ...filesUnder(join(ROOT, 'tests/fixtures/statements')),
    ...filesUnder(join(ROOT, 'tests/fixtures/demo')).filter((p) => !p.endsWith('.ts')),
    ...filesUnder(join(ROOT, 'tests/fixtures/backups')),
    ...filesUnder(CORPUS_DIR),
  ];
  const raw: { name: string; bytes: Uint8Array }[] = paths
    .filter((p) => statSync(p).size > 0)
    .map((p) => {
      const bytes = new Uint8Array(readFileSync(p));
      const binary = /\.(xlsx?|zip)$/i.test(p);
      // a binary container cut in the middle is no longer a workbook: keep those whole
      return { name: relative(ROOT, p), bytes: binary || bytes.length <= MAX_SEED_BYTES ? bytes : bytes.subarray(0, MAX_SEED_BYTES) };
    })
    .filter((s) => s.bytes.length <= 512 * 1024);
  raw.push({ name: 'generated/statement.xlsx', bytes: statementWorkbook(WORKBOOK_ROWS) });
  raw.push({ name: 'generated/statement.xls', bytes: statementWorkbook(WORKBOOK_ROWS, 'biff8') });
  cache = raw.map((s) => ({ ...s, format: detectedFormat(s.name, s.bytes) }));
  return cache;
}

function detectedFormat(name: string, bytes: Uint8Array): string {
  try {
    return rankFormats(decodeBytes(name, bytes))[0]?.format.id ?? '';
  } catch {
    return '';
  }
}

/** The seeds of one format first (when it has any), then all the others: a parser is also fed its neighbours. */
export function seedsFor(format: string): { own: Seed[]; all: Seed[] } {
  const all = loadSeeds();
  return { own: all.filter((s) => s.format === format), all };
}
