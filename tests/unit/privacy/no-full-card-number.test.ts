// No full card number stored anywhere (issue 14 item 5; README "Privacy"): every file of the
// shared corpus and of the statement fixtures, the demo month (contract, bank statement, cashier
// export, both demo portal pages captured through the background, a dispute), a bank export and a
// portal page written with card numbers where merchants meet them (a POS line's description, the
// payer's account, a bad row's raw text, a 备注 cell) go in through the real import and capture
// services; then every string of every record of every store is scanned (card-scan.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { getDb } = await import('../../../lib/db');
const { readPortalTables } = await import('../../../lib/portals/index');
const { handleContentMessage } = await import('../../../lib/services/background');
const { ImportSession } = await import('../../../lib/services/import-session');
const { clearAllData } = await import('../../../lib/services/options');
const { buildEvidencePack, renderDispute } = await import('../../../lib/disputes/index');
const { AS_OF, EXT, NOW, SITE, fillEveryStore } = await import('../services/backup-fill');
const { findCardNumbers } = await import('./card-scan');
const { bankLine, scenario } = await import('../disputes/scenario');

const ROOT = resolve(__dirname, '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus');

/** Every data file under `dir` (the corpus's notes and its peers' expected outputs aside). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_peer_expected' ? [] : filesUnder(path);
    return /\.(md|tsv)$|\.expected\.json$/.test(name) ? [] : [path];
  });
}

// Luhn-valid numbers, written as banks and portals write them
const PAN_UNIONPAY = '6222021234567894';
const PAN_VISA = '4111 1111 1111 1111';
const PAN_AMEX = '378282246310005';
const PANS = [PAN_UNIONPAY, PAN_VISA, PAN_AMEX];

const BANK_CSV = [
  '交易日期,摘要,对方户名,对方账号,收入金额,支出金额,余额,交易流水号',
  `2026-03-02,POS消费 卡号${PAN_UNIONPAY},张三,${PAN_VISA},,88.00,1000.00,2026030200000001`,
  `2026-03-03,退款 card ${PAN_AMEX},李四,6222021234567894,12.00,,1012.00,2026030300000002`,
  `2026-03-04,转账 ${PAN_UNIONPAY},王五,,不是金额,,1012.00,2026030400000003`,
].join('\n');

const PORTAL_HTML = `<table><thead><tr><th>交易时间</th><th>交易金额</th><th>手续费</th><th>卡号</th><th>参考号</th><th>备注</th></tr></thead><tbody>
<tr><td>2026-03-02 10:00:00</td><td>100.00</td><td>0.60</td><td>${PAN_UNIONPAY}</td><td>406510000001</td><td>顾客卡 ${PAN_VISA}</td></tr>
<tr><td>2026-03-02 11:00:00</td><td>50.00</td><td>0.30</td><td>${PAN_AMEX}</td><td>406511000002</td><td>-</td></tr>
</tbody></table>`;

const asFile = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const fileAt = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });

async function everyStore(): Promise<Record<string, unknown[]>> {
  const db = getDb();
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('no full card number is stored', () => {
  const imported: string[] = [];

  beforeAll(async () => {
    await clearAllData();
    await fillEveryStore();
    const session = new ImportSession(getDb);
    const files = [...filesUnder(CORPUS), ...filesUnder(resolve(ROOT, 'tests/fixtures/statements'))].map(fileAt);
    files.push(asFile('pos-with-cards.csv', BANK_CSV));
    const tokens: string[] = [];
    for (const f of files) {
      const preview = await session.preview(f, {});
      if (preview.readable && preview.rowCount > 0) {
        tokens.push(preview.token);
        imported.push(f.name);
      }
    }
    await session.commit(tokens, NOW, AS_OF);

    const doc = new DOMParser().parseFromString(PORTAL_HTML, 'text/html');
    const rows = readPortalTables(doc, `${SITE}/txns.html`, NOW).flatMap((t) => t.rows.map((r) => r.transaction).filter((x) => x !== null));
    const res = await handleContentMessage(
      { type: 'content/capture', url: `${SITE}/txns.html`, rows },
      { id: EXT, url: `${SITE}/txns.html`, origin: SITE },
      EXT,
    );
    if (!res.ok) throw new Error(`capture refused: ${res.error.message}`);
  }, 240_000);

  it('imports the corpus, the fixtures and the files written with card numbers', async () => {
    expect(imported.length).toBeGreaterThan(150);
    expect(imported).toContain('pos-with-cards.csv');
    const stores = await everyStore();
    const lines = stores['statementLines'] as { description: string; counterparty?: string; source: { file: string } }[];
    const ours = lines.filter((l) => l.source.file === 'pos-with-cards.csv');
    // masked, not dropped: first 6 and last 4 stay (README "Privacy")
    expect(ours.map((l) => l.description)).toEqual(expect.arrayContaining(['POS消费 卡号622202******7894', '退款 card 378282*****0005']));
    expect(ours.map((l) => l.counterparty).join(' ')).not.toMatch(/\d{7}/);
    const captured = (stores['transactions'] as { evidence: { url: string; cells: Record<string, string> } }[]).filter((t) =>
      t.evidence.url.endsWith('/txns.html'),
    );
    expect(captured.map((t) => t.evidence.cells['卡号'])).toEqual(expect.arrayContaining(['622202******7894', '378282*****0005']));
    // real statements hold card numbers too (a Dutch counter-account, a printed card), now masked
    expect(lines.some((l) => l.description.includes('777744******0000'))).toBe(true);
  });

  it('a scan of every string of every record of every store finds none', async () => {
    const stores = await everyStore();
    expect(Object.values(stores).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(1000);
    const hits = Object.entries(stores).flatMap(([store, rows]) => findCardNumbers(rows, store));
    expect(hits).toEqual([]);
    for (const pan of PANS) expect(JSON.stringify(stores)).not.toContain(pan);
  });
});

describe('the scan itself', () => {
  it("finds a card number in any field, nested or in an array, but not in keys or in a key column's cell", () => {
    expect(findCardNumbers({ description: `x ${PAN_UNIONPAY}` })).toEqual([{ path: 'description', text: `x ${PAN_UNIONPAY}` }]);
    expect(findCardNumbers([{ issues: [{ raw: PAN_VISA }] }], 'imports')).toHaveLength(1);
    expect(findCardNumbers({ accountId: PAN_AMEX })).toHaveLength(1);
    expect(findCardNumbers({ reference: PAN_UNIONPAY, id: PAN_UNIONPAY, transactionIds: [PAN_UNIONPAY] })).toEqual([]);
    expect(findCardNumbers({ orderNo: PAN_UNIONPAY, evidence: { cells: { 订单号: PAN_UNIONPAY, 备注: PAN_UNIONPAY } } })).toHaveLength(0);
    expect(findCardNumbers({ orderNo: '1', evidence: { cells: { 备注: PAN_UNIONPAY } } })).toHaveLength(1);
    // a 15-digit 商户号 and an IBAN are not cards
    expect(findCardNumbers({ description: '商户号822290070111234 CH2801234000123456789' })).toEqual([]);
  });
});

describe('dispute letters and evidence packs', () => {
  // a bank line stored before imports masked card numbers
  const legacy = { ...bankLine, description: `POS ${PAN_UNIONPAY} 结算款`, counterparty: `张三 ${PAN_VISA}`, accountId: PAN_AMEX };
  const input = { ...scenario({ statementLines: [legacy] }), generatedAt: NOW };

  it.each(['zh-CN', 'en'] as const)('never show a stored full card number (%s)', (locale) => {
    const texts = [renderDispute(input, locale).text, ...buildEvidencePack(input, locale).map((f) => f.text ?? '')];
    const all = texts.join('\n');
    expect(all).toContain('622202******7894');
    expect(findCardNumbers(texts)).toEqual([]);
  });
});
