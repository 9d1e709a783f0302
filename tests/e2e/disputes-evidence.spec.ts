// The evidence pack: from the options page's Disputes tab, "Export evidence pack" downloads a ZIP
// whose files say what the dispute is about and carry the captured rows' evidence.
import { test, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO } from '../support/demo-data';
import { demoProblem, draftFromRow, openDisputesTab, startDemo, type DemoWorld, type StoredDispute } from '../fixtures/forms/harness';

let world: DemoWorld;

test.beforeEach(async () => {
  world = await startDemo();
});
test.afterEach(async () => {
  await world?.close();
});

/** Clicks the card's export control and returns the ZIP's files by path inside its folder. */
async function exportPack(
  page: Page,
  card: ReturnType<Page['getByTestId']>,
): Promise<{ name: string; files: Record<string, string>; raw: Record<string, Uint8Array> }> {
  const downloading = page.waitForEvent('download');
  await card.getByTestId('sg-export-evidence').click();
  const download = await downloading;
  const name = download.suggestedFilename();
  const zip = unzipSync(new Uint8Array(await readFile(await download.path())));
  const raw: Record<string, Uint8Array> = {};
  const files: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(zip)) {
    if (path.endsWith('/')) continue;
    const inner = path.split('/').slice(1).join('/'); // everything sits in one folder named like the ZIP
    expect(path.split('/')[0], 'the ZIP holds one folder named like the file').toBe(name.replace(/\.zip$/, ''));
    raw[inner] = bytes;
    files[inner] = strFromU8(bytes);
  }
  return { name, files, raw };
}

function csvRows(text: string): string[][] {
  // small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test('the evidence pack of a fee dispute holds the letter, the item, the captured row with its hash, the contract and a script-free report', async () => {
  const { portal, session, server } = world;
  const fee = demoProblem('fee_above_contract');
  const rrn = fee.rrns[0]!;
  const dispute: StoredDispute = await draftFromRow(portal, session.worker, rrn);
  const page = await openDisputesTab(world);
  const card = page.getByTestId('sg-dispute');
  await expect(card).toHaveCount(1);
  const before = Date.now();
  const { name, files, raw } = await exportPack(page, card);

  expect(name).toMatch(new RegExp(`^settleguard-evidence-${DEMO.merchantId}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  expect(Object.keys(files).sort()).toEqual([
    'README.txt',
    'SHA256SUMS.txt',
    'bank-lines.csv',
    'contract.json',
    'evidence.json',
    'items.csv',
    'letter.txt',
    'report.html',
  ]);

  // letter.txt: the draft the merchant saw, naming the RRN and the difference
  const letter = files['letter.txt']!;
  expect(letter).toContain(rrn);
  expect(letter).toContain(fee.atStake);
  expect(letter).toContain(DEMO.merchantId);
  expect(letter.trimEnd()).toBe(dispute.text.trimEnd());

  // items.csv: one row for the finding, with charged / per contract / difference as plain decimals
  const [header, ...items] = csvRows(files['items.csv']!);
  const col = (label: RegExp) => header!.findIndex((h) => label.test(h));
  const row = items.find((r) => r[col(/参考号|RRN/)] === rrn);
  expect(row, `items.csv lists ${rrn}`).toBeDefined();
  expect(row![col(/^(金额|Amount)$/)]).toBe(fee.amount);
  expect(row![col(/实收手续费|Fee charged/)]).toBe(fee.actual);
  expect(row![col(/按约定应收|Fee per contract/)]).toBe(fee.expected);
  expect(row![col(/^(差额|Difference)$/)]).toBe(fee.atStake);
  expect(row![col(/异常类型代码|Issue code/)]).toBe('fee_above_contract');

  // evidence.json: the captured row — URL, capture time, cells, a 64-hex SHA-256 that checks out
  const evidence = JSON.parse(files['evidence.json']!) as {
    rows: { url: string; capturedAt: string; cells: Record<string, string>; sha256: string | null; computedSha256: string; matches: boolean | null }[];
  };
  expect(evidence.rows).toHaveLength(1);
  const ev = evidence.rows[0]!;
  expect(ev.url).toBe(`${server.url}/index.html`);
  const captured = Date.parse(ev.capturedAt);
  expect(Number.isNaN(captured)).toBe(false);
  expect(captured).toBeLessThanOrEqual(before);
  expect(before - captured).toBeLessThan(10 * 60_000);
  expect(Object.values(ev.cells)).toContain(rrn);
  expect(ev.cells['参考号']).toBe(rrn);
  expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(ev.sha256).toBe(createHash('sha256').update(JSON.stringify(ev.cells)).digest('hex'));
  expect(ev.matches).toBe(true);

  // report.html: printable, names the RRN, and runs nothing
  const report = files['report.html']!;
  expect(report).toMatch(/^<!doctype html>/i);
  expect(report).toContain(rrn);
  expect(report).not.toMatch(/<script/i);
  expect(report).not.toMatch(/\son[a-z]+\s*=/i);

  // contract.json: SettleGuard JSON with the imported contract
  const contract = JSON.parse(files['contract.json']!) as { settleguard: number; contracts: { id: string; merchantId?: string }[] };
  expect(contract.settleguard).toBe(1);
  expect(contract.contracts.map((c) => c.id)).toEqual(['demo-huitong-standard-2026']);

  // SHA256SUMS.txt: every other file, in `sha256sum -c` format, and right
  const sums = files['SHA256SUMS.txt']!.trim()
    .split('\n')
    .map((l) => l.match(/^([0-9a-f]{64}) {2}(.+)$/));
  expect(sums.every(Boolean)).toBe(true);
  expect(sums.map((m) => m![2]).sort()).toEqual(
    Object.keys(files)
      .filter((f) => f !== 'SHA256SUMS.txt')
      .sort(),
  );
  for (const m of sums) expect(createHash('sha256').update(raw[m![2]!]!).digest('hex'), m![2]).toBe(m![1]);
});

test('the evidence pack of a settlement shortfall lists every transaction of the group and the bank line', async () => {
  const { portal, session } = world;
  const shortfall = demoProblem('settlement_shortfall');
  await portal.goToPage(2);
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 2).length);
  // a settlement letter itemizes the payout, not each sale: it names the bank line
  await draftFromRow(portal, session.worker, shortfall.rrns[0]!, shortfall.bankSerial!);
  const page = await openDisputesTab(world);
  const { files } = await exportPack(page, page.getByTestId('sg-dispute'));
  const bank = csvRows(files['bank-lines.csv']!);
  expect(
    bank.slice(1).some((r) => r.includes(shortfall.bankSerial!)),
    'bank-lines.csv has the short payout',
  ).toBe(true);
  const items = files['items.csv']!;
  for (const rrn of shortfall.rrns) expect(items).toContain(rrn);
  const evidence = JSON.parse(files['evidence.json']!) as { rows: { cells: Record<string, string>; sha256: string }[] };
  expect(evidence.rows.map((r) => r.cells['参考号']).sort()).toEqual([...shortfall.rrns].sort());
  for (const r of evidence.rows) expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(files['letter.txt']).toContain(shortfall.atStake);
});
