// The demo fixture's own truth (tests/fixtures/demo/expected.json, written by its generator).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const DEMO_PORTAL_DIR = `${FIXTURES}portals/demo`;
export const DEMO_FILES = {
  contract: `${FIXTURES}demo/contract.json`,
  bank: `${FIXTURES}demo/bank-statement.csv`,
  bankGbk: `${FIXTURES}demo/bank-statement-gbk.csv`,
};

export interface DemoProblem {
  kind: string;
  severity: string;
  rrns: string[];
  pages: number[];
  atStake: string;
  expected?: string;
  actual?: string;
}

export interface DemoRow {
  rrn: string;
  page: number;
  amount: string;
  fee: string;
}

export interface DemoExpected {
  merchantId: string;
  merchantName: string;
  /** the 查询日期 range the portal shows */
  queryRange: { from: string; to: string };
  totalRows: number;
  pages: number;
  pageSize: number;
  rows: DemoRow[];
  problems: DemoProblem[];
  bankLines: number;
}

export const DEMO: DemoExpected = JSON.parse(readFileSync(`${FIXTURES}demo/expected.json`, 'utf8')) as DemoExpected;
