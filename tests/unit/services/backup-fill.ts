// Fills every store of the extension's database the way a merchant's month does: the demo
// contract and bank statement imported through the import session, a cashier export, the demo
// portal's 60 rows captured page by page through the background's handler (with the page's
// facts, so coverage is kept), a taught column map, a dismissed finding, a dispute sent and
// acknowledged, the merchant's settings. Used by the backup tests; wxt/browser must be mocked.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getDb, type SettleGuardDb } from '../../../lib/db';
import { readPortalTables } from '../../../lib/portals/index';
import { readPageFacts } from '../../../lib/portals/stated-totals';
import { handleContentMessage } from '../../../lib/services/background';
import { applyEvent, recordDraft } from '../../../lib/services/disputes';
import { setFindingStatus } from '../../../lib/services/findings';
import { ImportSession } from '../../../lib/services/import-session';
import { runReconciliation } from '../../../lib/services/reconcile';
import { todayIso } from '../../../lib/services/notify';
import { saveSettings } from '../../../lib/services/settings';
import { saveColumnMap } from '../../../lib/services/sites';

const ROOT = resolve(__dirname, '../../..');
const fixture = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(resolve(ROOT, path))) });
export const EXT = 'ext-id';
export const SITE = 'http://127.0.0.1:8080';
export const NOW = '2026-03-20T08:00:00.000Z';
/** the day every reconciliation of these tests runs on (the background uses the real today) */
export const AS_OF = todayIso();

/** The demo portal with every row in its table, as the portal's own script renders them page by page. */
function demoPortalPages(): { doc: Document; pageSize: number }[] {
  const html = readFileSync(resolve(ROOT, 'tests/fixtures/portals/demo/index.html'), 'utf8').replace(/<link[^>]*>/g, '');
  const data = JSON.parse(html.match(/<script type="application\/json" id="txn-data">([\s\S]*?)<\/script>/)![1]!) as {
    pageSize: number;
    rows: Record<string, string>[];
  };
  const columns = ['time', 'type', 'card', 'cardType', 'amount', 'fee', 'net', 'terminal', 'rrn', 'voucher', 'batch', 'status'];
  const pages: { doc: Document; pageSize: number }[] = [];
  for (let start = 0; start < data.rows.length; start += data.pageSize) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const tbody = doc.getElementById('txn-tbody')!;
    for (const row of data.rows.slice(start, start + data.pageSize)) {
      const tr = doc.createElement('tr');
      for (const c of [...columns.map((k) => row[k] ?? ''), '详情']) {
        const td = doc.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      tbody.append(tr);
    }
    pages.push({ doc, pageSize: data.pageSize });
  }
  return pages;
}

export async function fillEveryStore(db: SettleGuardDb = getDb()): Promise<void> {
  const session = new ImportSession(() => db);
  const files = [
    fixture('tests/fixtures/demo/contract.json'),
    fixture('tests/fixtures/demo/bank-statement.csv'),
    fixture('tests/fixtures/statements/cashier/shouyin-liushui.csv'),
  ];
  const tokens: string[] = [];
  for (const f of files) tokens.push((await session.preview(f, {})).token);
  await session.commit(tokens, NOW, AS_OF);

  const sender = { id: EXT, url: `${SITE}/index.html`, origin: SITE };
  for (const { doc } of demoPortalPages()) {
    const tables = readPortalTables(doc, `${SITE}/index.html`, NOW);
    const rows = tables.flatMap((t) => t.rows.map((r) => r.transaction).filter((x) => x !== null));
    const res = await handleContentMessage({ type: 'content/capture', url: `${SITE}/index.html`, rows, facts: readPageFacts(doc, tables) }, sender, EXT);
    if (!res.ok) throw new Error(`capture refused: ${res.error.message}`);
  }
  await saveColumnMap(db, SITE, { 备注: null, 交易时间: 'occurredAt' }, NOW);
  await saveSettings(db, {
    merchant: { name: '上海静安区示例便利店', merchantId: '898310058120001', contact: '王经理', phone: '13800000000' },
    language: 'zh-CN',
    tolerances: { fee: '0.02' },
    extraHolidays: ['2026-03-09'],
  });
  // as the options page's updateSettings does: the stored findings follow the settings
  await runReconciliation(db, AS_OF, NOW);

  const findings = (await db.findings.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  const open = findings.filter((f) => f.status === 'open' && f.severity !== 'info');
  if (open.length < 2) throw new Error(`the demo data should give at least two open findings, got ${open.length}`);
  await setFindingStatus(db, open[0]!.id, 'dismissed', 'merchant', '2026-03-18T09:30:00.000Z');
  await setFindingStatus(db, open[1]!.id, 'disputed', 'merchant', '2026-03-18T09:31:00.000Z');
  const draft = await recordDraft(
    db,
    { findingIds: [open[1]!.id], locale: 'zh-CN', subject: '关于手续费多扣的申诉', text: '您好，……' },
    '2026-03-18T09:32:00.000Z',
  );
  for (const event of [
    { type: 'send', on: '2026-03-18', ticketNo: 'T-20260318-01', channel: 'portal' },
    { type: 'acknowledge', on: '2026-03-19' },
  ] as const) {
    const res = await applyEvent(db, draft.id, event, '2026-03-19T10:00:00.000Z');
    if (!res.ok) throw new Error(res.error.message);
  }
}

/** Every store, each sorted by id: what "identical stores" compares. */
export async function dumpEveryStore(db: SettleGuardDb = getDb()): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = (await table.toArray()) as { id: string }[];
    out[table.name] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}
