// The demo fixtures are the ground truth of the e2e tests and the demo: these checks re-derive
// that truth from the committed files themselves (page JSON, bank CSV, contract JSON), not from
// the generator's own bookkeeping, so a generator bug cannot hide behind expected.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { Dec, round, toPlain } from '../../lib/money';
import type { Contract } from '../../lib/model';
import { generateDemoFixtures, OUTPUT_PATHS, REPO_ROOT, SHORTFALL, SHORTFALL_DAY } from '../fixtures/demo/generate';

interface PageRow {
  time: string;
  type: string;
  card: string;
  cardType: string;
  amount: string;
  fee: string;
  net: string;
  terminal: string;
  rrn: string;
  voucher: string;
  batch: string;
  status: string;
}
interface ExpectedProblem {
  kind: string;
  rrns: string[];
  pages: number[];
  atStake: string;
  expected?: string;
  actual?: string;
  settleDate?: string;
  bankDate?: string;
}
interface Expected {
  merchantId: string;
  merchantName: string;
  totalRows: number;
  pages: number;
  pageSize: number;
  rows: { rrn: string; page: number; amount: string; fee: string; net: string; seeded: string | null }[];
  problems: ExpectedProblem[];
  bankLines: number;
  bankCreditsTotal: string;
}

const read = (path: string) => readFileSync(resolve(REPO_ROOT, path));
const html = read(OUTPUT_PATHS.portal).toString('utf8');
const expected = JSON.parse(read(OUTPUT_PATHS.expected).toString('utf8')) as Expected;
const contract = (JSON.parse(read(OUTPUT_PATHS.contract).toString('utf8')) as { settleguard: number; contracts: Contract[] }).contracts[0]!;

function pageData(): { pageSize: number; rows: PageRow[] } {
  const m = html.match(/<script type="application\/json" id="txn-data">([\s\S]*?)<\/script>/);
  if (!m) throw new Error('no #txn-data in the demo page');
  return JSON.parse(m[1]!) as { pageSize: number; rows: PageRow[] };
}
const rows = pageData().rows;

/** Portal display amount ("1,234.50", "-0.77") → Dec */
const amt = (s: string) => new Dec(s.replace(/,/g, ''));
const plain = (d: Dec) => toPlain(d, 2);

/** The contract fee for a row, from contract.json (DOMAIN.md §2.4), signed like the row. */
function contractFeeOf(row: PageRow): Dec {
  const cardType = row.cardType === '借记卡' ? 'debit' : row.cardType === '贷记卡' ? 'credit' : 'unknown';
  const rule = contract.rules.find((r) => r.cardType === cardType) ?? contract.rules.find((r) => r.cardType === 'any');
  if (!rule) throw new Error(`no rule for ${row.cardType}`);
  const amount = amt(row.amount);
  let fee = amount.abs().times(rule.percent).div(100);
  if (rule.cap !== undefined && fee.greaterThan(rule.cap)) fee = new Dec(rule.cap);
  fee = round(fee, 2);
  return amount.isNegative() ? fee.neg() : fee;
}

function nextCnWorkday(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (!isWorkday(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

interface BankRow {
  date: string;
  summary: string;
  income: string;
  expense: string;
  balance: string;
  counterparty: string;
  serial: string;
}
function bankRows(text: string): { preamble: string[]; header: string; rows: BankRow[] } {
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe('');
  const headerAt = lines.findIndex((l) => l.startsWith('交易日期,'));
  const parsed = lines.slice(headerAt + 1).map((l) => {
    const [date = '', summary = '', income = '', expense = '', balance = '', counterparty = '', serial = '', ...extra] = l.split(',');
    expect(extra).toEqual([]);
    return { date, summary, income, expense, balance, counterparty, serial };
  });
  return { preamble: lines.slice(0, headerAt), header: lines[headerAt]!, rows: parsed };
}
const bankText = read(OUTPUT_PATHS.bankCsv).toString('utf8');
const bank = bankRows(bankText);

const problem = (kind: string) => {
  const p = expected.problems.find((x) => x.kind === kind);
  if (!p) throw new Error(`expected.json has no ${kind}`);
  return p;
};
const byRrn = (rrn: string) => {
  const r = rows.find((x) => x.rrn === rrn);
  if (!r) throw new Error(`no row ${rrn} on the page`);
  return r;
};

describe('demo fixtures: generator', () => {
  it('regenerates byte-identical files', () => {
    const first = generateDemoFixtures();
    const second = generateDemoFixtures();
    expect(Object.keys(first).sort()).toEqual(Object.values(OUTPUT_PATHS).sort());
    for (const [path, bytes] of Object.entries(first)) {
      expect(Buffer.from(bytes).equals(Buffer.from(second[path]!)), `${path} differs between two runs`).toBe(true);
      expect(Buffer.from(bytes).equals(read(path)), `${path} is stale: run npx tsx tests/fixtures/demo/generate.ts`).toBe(true);
    }
  });
});

describe('demo fixtures: portal page', () => {
  it('has ~60 well-formed rows over 2026-03-02..15 on two terminals, newest first', () => {
    expect(rows.length).toBe(60);
    expect(expected.totalRows).toBe(60);
    expect(expected.pages).toBe(2);
    expect(new Set(rows.map((r) => r.terminal))).toEqual(new Set(['58120001', '58120002']));
    expect(new Set(rows.map((r) => r.rrn)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.time).toMatch(/^2026-03-(0[2-9]|1[0-5]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
      expect(['消费', '消费撤销', '退货']).toContain(r.type);
      expect(r.card).toMatch(/^\d{6}\*{6}\d{4}$/);
      expect(['借记卡', '贷记卡']).toContain(r.cardType);
      for (const money of [r.amount, r.fee, r.net]) expect(money).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
      expect(r.terminal).toMatch(/^\d{8}$/);
      expect(r.rrn).toMatch(/^\d{12}$/);
      expect(r.voucher).toMatch(/^\d{6}$/);
      expect(r.batch).toMatch(/^\d{6}$/);
      expect(r.status).toBe('成功');
    }
    const times = rows.map((r) => r.time);
    expect([...times].sort().reverse()).toEqual(times);
    const days = new Set(rows.map((r) => r.time.slice(0, 10)));
    expect(days.size).toBe(14); // every day, weekends included
    expect(html).toContain('<th>交易时间</th>');
    expect(html).toContain('898310058120001');
    expect(html).toContain('上海静安区示例便利店');
  });

  it('keeps expected.json rows in page order', () => {
    expect(expected.rows.map((r) => r.rrn)).toEqual(rows.map((r) => r.rrn));
    expected.rows.forEach((r, i) => {
      expect(r.page).toBe(Math.floor(i / expected.pageSize) + 1);
      expect(r.amount).toBe(plain(amt(rows[i]!.amount)));
      expect(r.fee).toBe(plain(amt(rows[i]!.fee)));
      expect(r.net).toBe(plain(amt(rows[i]!.net)));
    });
  });

  it('every row nets to amount − fee; voids and refunds are negative with the fee returned', () => {
    for (const r of rows) {
      expect(plain(amt(r.amount).minus(amt(r.fee))), r.rrn).toBe(plain(amt(r.net)));
      const negative = r.type !== '消费';
      expect(amt(r.amount).isNegative(), r.rrn).toBe(negative);
      expect(amt(r.fee).isNegative(), r.rrn).toBe(negative);
    }
    expect(rows.filter((r) => r.type === '消费撤销')).toHaveLength(1);
    expect(rows.filter((r) => r.type === '退货')).toHaveLength(1);
  });

  it("every row's fee equals the contract fee, except the two seeded fee rows", () => {
    const cap = problem('debit_cap_ignored');
    const rate = problem('fee_above_contract');
    const seeded = new Set([...cap.rrns, ...rate.rrns]);
    for (const r of rows.filter((x) => !seeded.has(x.rrn))) {
      expect(plain(amt(r.fee)), `${r.rrn} ${r.cardType} ${r.amount}`).toBe(plain(contractFeeOf(r)));
    }
    const capRow = byRrn(cap.rrns[0]!);
    expect([capRow.cardType, capRow.amount, capRow.fee]).toEqual(['借记卡', '8,000.00', '40.00']);
    expect(plain(contractFeeOf(capRow))).toBe('20.00');
    expect(cap.atStake).toBe('20.00');
    const rateRow = byRrn(rate.rrns[0]!);
    expect([rateRow.cardType, rateRow.amount, rateRow.fee]).toEqual(['贷记卡', '2,500.00', '17.00']);
    expect(plain(contractFeeOf(rateRow))).toBe('15.00');
    expect(rate.atStake).toBe('2.00');
    // a correctly capped debit row is there as the negative control
    expect(rows.some((r) => r.cardType === '借记卡' && amt(r.amount).greaterThan(4000) && r.fee === '20.00')).toBe(true);
  });

  it('has exactly one duplicate-looking pair: the seeded one, 40 s apart', () => {
    const sales = rows.filter((r) => r.type === '消费');
    const seconds = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`) / 1000;
    const pairs: string[][] = [];
    for (let i = 0; i < sales.length; i++) {
      for (let j = i + 1; j < sales.length; j++) {
        const a = sales[i]!,
          b = sales[j]!;
        if (a.terminal === b.terminal && a.card.slice(-4) === b.card.slice(-4) && a.amount === b.amount && Math.abs(seconds(a.time) - seconds(b.time)) <= 3600)
          pairs.push([b.rrn, a.rrn]);
      }
    }
    const dup = problem('duplicate_charge');
    expect(pairs).toEqual([dup.rrns]);
    const [first, second] = dup.rrns.map(byRrn) as [PageRow, PageRow];
    expect(seconds(second.time) - seconds(first.time)).toBe(40);
    expect(first.voucher).not.toBe(second.voucher);
    expect(first.amount).toBe('388.00');
  });

  it('puts problems on both pages', () => {
    const pageOf = (rrn: string) => Math.floor(rows.findIndex((r) => r.rrn === rrn) / 30) + 1;
    for (const p of expected.problems) expect(p.pages).toEqual([...new Set(p.rrns.map(pageOf))]);
    const pages = new Set(expected.problems.flatMap((p) => p.pages));
    expect(pages).toEqual(new Set([1, 2]));
    // a settlement group never straddles pages, so capturing one page gives whole groups
    const pageOfDay = new Map<string, Set<number>>();
    rows.forEach((r, i) => pageOfDay.set(r.time.slice(0, 10), (pageOfDay.get(r.time.slice(0, 10)) ?? new Set()).add(Math.floor(i / 30) + 1)));
    for (const pagesOfDay of pageOfDay.values()) expect(pagesOfDay.size).toBe(1);
  });
});

describe('demo fixtures: bank statement', () => {
  it('has a preamble and the 对公账户明细 header', () => {
    expect(bank.preamble.some((l) => l.startsWith('账号：'))).toBe(true);
    expect(bank.preamble.some((l) => l.startsWith('户名：'))).toBe(true);
    expect(bank.preamble.some((l) => l.startsWith('起止日期：'))).toBe(true);
    expect(bank.preamble.length).toBeLessThanOrEqual(4);
    expect(bank.header).toBe('交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号');
    expect(bank.rows.length).toBe(expected.bankLines);
    const total = bank.rows.reduce((acc, r) => acc.plus(r.income || '0'), new Dec(0));
    expect(plain(total)).toBe(expected.bankCreditsTotal);
    for (const r of bank.rows) {
      expect(r.date >= '2026-03-02' && r.date <= '2026-03-16', r.date).toBe(true);
      expect(isWorkday(r.date), r.date).toBe(true);
      expect(Boolean(r.income) !== Boolean(r.expense)).toBe(true);
      for (const money of [r.income, r.expense, r.balance].filter(Boolean)) expect(money).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('keeps a consistent running balance', () => {
    let balance: Dec | null = null;
    for (const r of bank.rows) {
      const current = new Dec(r.balance);
      const delta = new Dec(r.income || '0').minus(r.expense || '0');
      if (balance) expect(plain(balance.plus(delta)), r.serial).toBe(plain(current));
      balance = current;
    }
  });

  it('credits Σ结算金额 per day on the next CN working day, 36.50 short on the seeded day only', () => {
    const groups = new Map<string, Dec>();
    for (const r of rows) groups.set(r.time.slice(0, 10), (groups.get(r.time.slice(0, 10)) ?? new Dec(0)).plus(amt(r.net)));
    const credits = bank.rows.filter((r) => r.summary === 'POS结算款');
    expect(credits.every((c) => c.counterparty === '汇通收单有限公司')).toBe(true);
    expect(credits.length).toBe(groups.size);
    const unused = new Set(credits);
    const short: string[] = [];
    for (const [day, net] of [...groups].sort()) {
      const valueDate = nextCnWorkday(day);
      const exact = [...unused].find((c) => c.date === valueDate && c.income === plain(net));
      if (exact) {
        unused.delete(exact);
        continue;
      }
      short.push(day);
      const lower = [...unused].find((c) => c.date === valueDate && c.income === plain(net.minus(SHORTFALL)));
      expect(lower, `no credit for ${day} on ${valueDate}`).toBeDefined();
      unused.delete(lower!);
    }
    expect(short).toEqual([SHORTFALL_DAY]);
    expect(unused.size).toBe(0);
    const p = problem('settlement_shortfall');
    expect(p.atStake).toBe('36.50');
    expect(p.bankDate).toBe(nextCnWorkday(SHORTFALL_DAY));
    expect(new Set(p.rrns)).toEqual(new Set(rows.filter((r) => r.time.startsWith(SHORTFALL_DAY)).map((r) => r.rrn)));
    // a weekday group whose credit is alone on its value date, so the shortfall is unambiguous
    expect([0, 6]).not.toContain(new Date(`${SHORTFALL_DAY}T00:00:00Z`).getUTCDay());
    expect(credits.filter((c) => c.date === p.bankDate)).toHaveLength(1);
  });

  it('has a GBK twin that decodes to the same text', () => {
    const gbk = read(OUTPUT_PATHS.bankCsvGbk);
    expect(gbk.equals(read(OUTPUT_PATHS.bankCsv))).toBe(false);
    expect(iconv.decode(gbk, 'gbk')).toBe(bankText);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(bankText);
  });
});

describe('demo fixtures: contract', () => {
  it('is SettleGuard JSON with the demo contract', () => {
    expect(contract).toMatchObject({
      label: '汇通收单 标准费率 2026',
      merchantId: '898310058120001',
      currency: 'CNY',
      effectiveFrom: '2026-01-01',
      settleCycle: 'T1',
      calendar: 'CN',
      periodicFees: [{ label: '流量费', amount: '48.00', every: 'year' }],
    });
    expect(contract.rules).toEqual([
      { cardType: 'debit', percent: '0.5', cap: '20.00' },
      { cardType: 'credit', percent: '0.6' },
      { cardType: 'any', percent: '0.6' },
    ]);
  });
});
