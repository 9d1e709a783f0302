// Storing an import (lib/services/imports.ts beginImport) and reconciling on the rows it holds
// (import-session.ts, import-reconcile.ts): the same outcome as storing, then reading everything
// back for runReconciliation — only without the read-back and with the matching done meanwhile.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import type { PortalTransaction } from '../../../lib/model';
import { storeCapturedRows } from '../../../lib/services/capture';
import { ImportSession } from '../../../lib/services/import-session';
import { beginImport, commitImport, previewImport } from '../../../lib/services/imports';
import { runReconciliation } from '../../../lib/services/reconcile';
import { line } from './builders';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/demo', name))) });
const csv = (name: string, refs: string[]) => ({
  name,
  bytes: new TextEncoder().encode(
    ['交易日期,摘要,收入金额,支出金额,余额,流水号', ...refs.map((ref, i) => `2026-03-0${3 + i},POS结算款,${100 + i}.00,,${100 + i}.00,${ref}`)].join('\n'),
  ),
});
const NOW = '2026-03-20T08:00:00.000Z';
const DEMO = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/demo/expected.json'), 'utf8')) as {
  merchantId: string;
  bankLines: number;
  rows: Record<string, string>[];
  problems: { kind: string }[];
};
const AS_OF = '2026-03-20';

/** The demo portal's rows as the content script would capture them. */
function demoTransactions(): PortalTransaction[] {
  return DEMO.rows.map((r) => ({
    id: `demo:${r.rrn}`,
    portal: 'generic',
    occurredAt: r.occurredAt!,
    kind: r.kind as PortalTransaction['kind'],
    status: 'success',
    amount: { amount: r.amount!, currency: 'CNY' },
    fee: { amount: r.fee!, currency: 'CNY' },
    net: { amount: r.net!, currency: 'CNY' },
    cardType: r.cardType as PortalTransaction['cardType'],
    cardLast4: r.cardLast4,
    merchantId: DEMO.merchantId,
    terminalId: r.terminalId,
    rrn: r.rrn,
    voucherNo: r.voucherNo,
    batchNo: r.batchNo,
    settleDate: r.settleDate,
    evidence: { url: 'http://127.0.0.1/index.html', capturedAt: NOW, cells: { rrn: r.rrn! }, sha256: '' },
  }));
}

let db: SettleGuardDb;
let session: ImportSession;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
  session = new ImportSession(() => db);
});
afterEach(async () => {
  await db.delete();
});

const commit = async (...files: { name: string; bytes: Uint8Array }[]) => {
  const tokens: string[] = [];
  for (const f of files) tokens.push((await session.preview(f, {})).token);
  return session.commit(tokens, NOW, AS_OF);
};

describe('reconciling right after an import', () => {
  it("stores the same findings a fresh runReconciliation would, keeping the merchant's decisions", async () => {
    await storeCapturedRows(db, demoTransactions());
    await runReconciliation(db, AS_OF, '2026-03-19T00:00:00.000Z');
    const before = await db.findings.toArray();
    expect(before.length).toBeGreaterThan(0);
    await db.findings.update(before[0]!.id, { status: 'dismissed', statusBy: 'merchant', statusAt: NOW });

    const outcomes = await commit(fixture('contract.json'), fixture('bank-statement.csv'));
    expect(outcomes).toMatchObject([
      { stored: true, contracts: 1 },
      { stored: true, added: DEMO.bankLines },
    ]);
    const afterImport = await db.findings.toArray();
    expect(afterImport.map((f) => f.kind).sort()).toEqual(DEMO.problems.map((p) => p.kind).sort());
    expect(afterImport.find((f) => f.id === before[0]!.id)?.status).toBe('dismissed');

    await runReconciliation(db, AS_OF, '2026-03-21T00:00:00.000Z');
    expect(await db.findings.toArray()).toEqual(afterImport);
  });

  it('hands back everything stored once the file is, in key order, as reading it back would', async () => {
    await storeCapturedRows(db, demoTransactions());
    await commitImport(db, await previewImport(csv('a.csv', ['A1', 'A2'])), NOW);
    const pending = await beginImport(db, await previewImport(fixture('bank-statement.csv')), NOW, { rows: true });
    await pending.done;
    expect(pending.rows).toEqual({
      statementLines: await db.statementLines.toArray(),
      transactions: await db.transactions.toArray(),
      cashier: await db.cashier.toArray(),
      contracts: await db.contracts.toArray(),
    });
    expect(pending.rows?.statementLines).toHaveLength(DEMO.bankLines + 2);
  });
});

describe('an overlapping file adds only what is new and touches nothing stored', () => {
  // three ways to tell known ids: read the stored keys (few stored rows), let adds of known ids
  // fail (many stored rows for a small file), or from the rows read for reconciliation
  it.each([
    ['few rows stored: stored keys read back', 0, false],
    ['many rows stored: known adds fail and are counted', 100, false],
    ['rows read for reconciliation', 0, true],
  ])('%s', async (_d, others, rows) => {
    await commitImport(db, await previewImport(csv('a.csv', ['A1', 'A2'])), NOW);
    const first = await db.statementLines.toArray();
    if (others) await db.statementLines.bulkAdd(Array.from({ length: others }, () => line()));
    const pending = await beginImport(db, await previewImport(csv('b.csv', ['A1', 'A2', 'A3'])), NOW, { rows });
    expect(await pending.done).toMatchObject({ stored: true, rows: 3, added: 1, known: 2 });
    expect(await db.statementLines.count()).toBe(3 + others);
    for (const l of first) expect(await db.statementLines.get(l.id)).toEqual(l); // still from a.csv
    expect((await db.imports.toArray()).find((r) => r.name === 'b.csv')?.counts).toEqual({ rows: 3, added: 1, known: 2, contracts: 0 });
  });

  it("re-importing a 1,000-line file through the options page's session adds nothing", async () => {
    const big = csv('big.csv', []);
    big.bytes = new TextEncoder().encode(
      [
        '交易日期,摘要,收入金额,支出金额,余额,流水号',
        ...Array.from({ length: 1000 }, (_, i) => `2026-03-${String(1 + (i % 28)).padStart(2, '0')},POS结算款,${i + 1}.00,,0.00,R${i}`),
      ].join('\n'),
    );
    expect(await commit(big)).toMatchObject([{ added: 1000, known: 0 }]);
    const ids = await db.statementLines.toCollection().primaryKeys();
    expect(await commit(big)).toMatchObject([{ added: 0, known: 1000 }]);
    expect(await db.statementLines.toCollection().primaryKeys()).toEqual(ids);
  });
});

describe('a file that cannot be stored', () => {
  const unstorable = async () => {
    const preview = await previewImport(csv('bad.csv', ['B1', 'B2', 'B3']));
    // a row IndexedDB refuses (cannot be cloned) in the middle of the file
    (preview.result.lines[1] as unknown as Record<string, unknown>).note = () => 'not data';
    return preview;
  };

  it.each([false, true])('aborts as a whole and leaves the stored data as it was (rows read: %s)', async (rows) => {
    await commitImport(db, await previewImport(fixture('bank-statement.csv')), NOW);
    const lines = await db.statementLines.toArray();
    const imports = await db.imports.toArray();
    const pending = beginImport(db, await unstorable(), NOW, { rows });
    await expect(pending.then((p) => p.done)).rejects.toThrow();
    expect(await db.statementLines.toArray()).toEqual(lines);
    expect(await db.imports.toArray()).toEqual(imports);
  });

  it('in a multi-file confirm: the files before it stay stored and are reconciled, and the error is reported', async () => {
    await storeCapturedRows(db, demoTransactions());
    const good = await session.preview(fixture('contract.json'), {});
    const bad = await unstorable();
    // the session keeps previews by token: put the unstorable one where a parsed file would be
    const badToken = 'bad:0';
    (session as unknown as { previews: Map<string, unknown> }).previews.set(badToken, bad);
    await expect(session.commit([good.token, badToken], NOW, AS_OF)).rejects.toThrow();
    expect(await db.contracts.count()).toBe(1);
    expect(await db.statementLines.count()).toBe(0);
    const findings = await db.findings.toArray();
    await runReconciliation(db, AS_OF, NOW);
    expect(await db.findings.toArray()).toEqual(findings);
    expect(findings.some((f) => f.kind === 'fee_above_contract')).toBe(true);
  });
});
