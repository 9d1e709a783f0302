// Issue 14 item 2 in Chromium with the built extension: the review's attack. Site A
// (http://127.0.0.1:<port>) shows a sale whose fee is above the contract; a page of site B
// (http://localhost:<port>, a separate site in the local build) holds an off-screen table with the
// same 参考号 and a lower fee. A's row keeps its fee and its finding, A's page keeps its highlight,
// and B's reading is kept as a row of its own. The pages are written at test time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { OptionsPage, readStore } from '../support/pages';
import type { PortalTransaction, StoredFinding } from '../../lib/model';

const RRN = '606911745808';
let session: ExtensionSession;
let server: StaticServer;
let dir: string;

const table = (fee: string, style = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>交易查询</title></head><body>
  <table id="t" style="${style}"><thead><tr><th>交易时间</th><th>交易类型</th><th>卡类型</th><th>交易金额</th><th>手续费</th><th>参考号</th><th>交易状态</th></tr></thead>
  <tbody>
    <tr><td>2026-03-05 10:00:00</td><td>消费</td><td>贷记卡</td><td>1000.00</td><td>${fee}</td><td>${RRN}</td><td>成功</td></tr>
    <tr><td>2026-03-05 11:00:00</td><td>消费</td><td>贷记卡</td><td>500.00</td><td>3.00</td><td>606911745809</td><td>成功</td></tr>
  </tbody></table></body></html>`;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-site-scope-'));
  writeFileSync(join(dir, 'a.html'), table('17.00'));
  writeFileSync(join(dir, 'b.html'), `<p>nothing to see</p>${table('15.00', 'position:absolute;left:-10000px;top:0')}`);
  const contract = {
    id: 'contract-test',
    label: 'standard 0.6 %',
    currency: 'CNY',
    effectiveFrom: '2026-01-01',
    settleCycle: 'T1',
    calendar: 'CN',
    rules: [{ cardType: 'any', percent: '0.6' }],
    periodicFees: [],
  };
  writeFileSync(join(dir, 'contract.json'), JSON.stringify({ settleguard: 1, contracts: [contract] }));
  session = await launchWithExtension();
  server = await startStaticServer(dir);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

test('an off-screen table on another site with our reference number changes nothing of our row or findings', async () => {
  const options = await OptionsPage.open(session.context, session.extensionId);
  await options.importFiles([join(dir, 'contract.json')]);
  await options.page.close();

  const port = new URL(server.url).port;
  const siteA = `http://127.0.0.1:${port}`;
  const siteB = `http://localhost:${port}`;
  const rows = () => readStore<PortalTransaction>(session.worker, 'transactions');
  const feeFinding = async (id: string) =>
    (await readStore<StoredFinding>(session.worker, 'findings')).find((f) => f.kind === 'fee_above_contract' && f.transactionIds.includes(id));

  const a = await session.context.newPage();
  await a.goto(`${siteA}/a.html`);
  const flagged = a.locator('#t tbody tr', { hasText: RRN });
  await expect(flagged).toHaveAttribute('data-sg-finding', /fee_above_contract/, { timeout: 20_000 });
  const ours = (await rows()).find((t) => t.rrn === RRN)!;
  expect(ours.fee?.amount).toBe('17.00');
  const finding = await feeFinding(ours.id);
  expect(finding).toBeDefined();

  const b = await session.context.newPage();
  await b.goto(`${siteB}/b.html`);
  await expect.poll(async () => (await rows()).length, { timeout: 20_000 }).toBe(4);
  await expect(b.locator('#t tbody tr[data-sg-row]')).toHaveCount(2);

  const after = await rows();
  expect(after.find((t) => t.id === ours.id)).toEqual(ours);
  const theirs = after.filter((t) => t.rrn === RRN && t.id !== ours.id);
  expect(theirs.map((t) => [new URL(t.evidence.url).origin, t.fee?.amount])).toEqual([[siteB, '15.00']]);
  expect(await feeFinding(ours.id)).toMatchObject({ id: finding!.id, status: 'open', actual: finding!.actual });
  // B's page is never shown A's finding
  expect((await b.locator('#t tbody tr', { hasText: RRN }).getAttribute('data-sg-finding')) ?? '').not.toContain(finding!.id);

  // A's page, read again, still shows its own finding
  await a.reload();
  await expect(a.locator('#t tbody tr', { hasText: RRN })).toHaveAttribute('data-sg-finding', /fee_above_contract/, { timeout: 20_000 });
  await a.close();
  await b.close();
});
