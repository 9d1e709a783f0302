// One card-column rule (issue 14 item 4), in Chromium with the built extension: a 400-row portal
// table with a "Merchant Account" and a "商户账号" column of 15–19-digit numbers is captured whole
// (it used to be refused by the background and resent every 2 s forever). The page is written at
// test time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { readStore } from '../support/pages';
import type { PortalTransaction } from '../../lib/model';

const ROWS = 400;
let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-merchant-account-'));
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const time = `2026-03-05 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    return (
      `<tr><td>${time}</td><td>消费</td><td>622202******${String(1000 + i).slice(-4)}</td><td>${100 + i}.00</td><td>0.60</td>` +
      `<td>898310048161234</td><td>6222021234567890${String(i % 1000).padStart(3, '0')}</td><td>2603051${String(i).padStart(5, '0')}</td></tr>`
    );
  }).join('');
  writeFileSync(
    join(dir, 'txns.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>交易查询</title></head><body>
    <table id="t"><thead><tr><th>交易时间</th><th>交易类型</th><th>卡号</th><th>交易金额</th><th>手续费</th><th>Merchant Account</th><th>商户账号</th><th>参考号</th></tr></thead>
    <tbody>${rows}</tbody></table></body></html>`,
  );
  session = await launchWithExtension();
  server = await startStaticServer(dir);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

test(`a ${ROWS}-row table with Merchant Account and 商户账号 columns of 15–19 digits is captured, not refused`, async () => {
  const page = await session.context.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().includes('SettleGuard')) warnings.push(m.text());
  });
  await page.goto(`${server.url}/txns.html`);
  const stored = async () => (await readStore<PortalTransaction>(session.worker, 'transactions')).filter((t) => t.evidence.url.endsWith('/txns.html'));
  await expect.poll(async () => (await stored()).length, { timeout: 20_000 }).toBe(ROWS);
  const rows = await stored();
  expect(new Set(rows.map((t) => t.merchantId))).toEqual(new Set(['898310048161234']));
  // the card column is masked; nothing in a card column holds a full number
  expect(rows.every((t) => /^622202\*{6}\d{4}$/.test(t.evidence.cells['卡号'] ?? ''))).toBe(true);
  await expect(page.locator('#t tbody tr[data-sg-row]')).toHaveCount(ROWS);
  await expect(page.locator('#t + sg-tools')).toBeAttached();
  expect(warnings.filter((w) => /not taken|refused/.test(w))).toEqual([]);
  await page.close();
});
