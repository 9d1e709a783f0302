// A full storage quota (issue 14 item 7): IndexedDB refuses a write with QuotaExceededError. A
// capture batch or an imported file is then stored whole or not at all (its one transaction
// aborts), the merchant is told why in their language, and nothing is resent for ever: the content
// script's refusal path (CAPTURE_ATTEMPTS, then set aside and reported once) takes the error code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortalTransaction } from '../../../lib/model';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { handleContentMessage } = await import('../../../lib/services/background');
const { getDb, openDb } = await import('../../../lib/db');
const { saveSettings } = await import('../../../lib/services/settings');
const { ImportSession } = await import('../../../lib/services/import-session');
const { isQuotaExceeded } = await import('../../../lib/services/quota');
const { tx } = await import('./builders');

const EXT = 'ext-id';
const PAGE = 'http://127.0.0.1:8080/index.html';
const sender = { id: EXT, url: PAGE, origin: new URL(PAGE).origin };
const quotaError = () => new DOMException('', 'QuotaExceededError');
const restore: (() => void)[] = [];
afterEach(() => {
  for (const r of restore.splice(0)) r();
});

/** Makes `obj[method]` throw a QuotaExceededError (after `allowed` calls that pass). */
function fillQuota<T extends object>(obj: T, method: keyof T & string, allowed = 0): void {
  const original = obj[method] as (...args: unknown[]) => unknown;
  let calls = 0;
  (obj as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    if (calls++ >= allowed) throw quotaError();
    return original.apply(this, args);
  };
  restore.push(() => ((obj as Record<string, unknown>)[method] = original));
}

const rows = (n: number): PortalTransaction[] =>
  Array.from({ length: n }, () => {
    const t = tx();
    return { ...t, evidence: { ...t.evidence, url: PAGE } };
  });

describe('storage quota exceeded', () => {
  it('recognises the error however it arrives (DOMException, Dexie wrapping it, a transaction error)', () => {
    expect(isQuotaExceeded(quotaError())).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaExceeded(new Error('x', { cause: quotaError() }))).toBe(true);
    expect(isQuotaExceeded(new DOMException('', 'ConstraintError'))).toBe(false);
    expect(isQuotaExceeded(undefined)).toBe(false);
  });

  it('a capture batch whose write hits the quota stores nothing, and says so in the merchant’s language', async () => {
    const db = getDb();
    await saveSettings(db, { language: 'zh-CN' });
    const batch = rows(3);
    // the rows are written first, the coverage second, in one transaction: the second write fails
    fillQuota(db.coverage, 'bulkPut');
    const res = await handleContentMessage({ type: 'content/capture', url: PAGE, rows: batch }, sender, EXT);
    expect(res).toMatchObject({ ok: false, error: { code: 'storage_full', message: expect.stringMatching(/存储空间已满/) } });
    expect(await db.transactions.bulkGet(batch.map((r) => r.id))).toEqual([undefined, undefined, undefined]);

    await saveSettings(db, { language: 'en' });
    const again = await handleContentMessage({ type: 'content/capture', url: PAGE, rows: batch }, sender, EXT);
    expect(again).toMatchObject({ ok: false, error: { code: 'storage_full', message: expect.stringMatching(/no storage space left/) } });

    // space freed: the same batch resent is stored whole, once
    restore.splice(0).forEach((r) => r());
    expect(await handleContentMessage({ type: 'content/capture', url: PAGE, rows: batch }, sender, EXT)).toMatchObject({ ok: true, value: { added: 3 } });
    expect(await handleContentMessage({ type: 'content/capture', url: PAGE, rows: batch }, sender, EXT)).toMatchObject({
      ok: true,
      value: { added: 0, known: 3 },
    });
  });

  it('an import whose write hits the quota keeps the files stored before it, stores nothing of it, and tells why', async () => {
    const db = openDb(`quota-${Math.random()}`);
    const session = new ImportSession(() => db);
    const fixture = (dir: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures', dir, name))) });
    const bank = await session.preview(fixture('demo', 'bank-statement.csv'), {});
    const mt940 = await session.preview(fixture('statements/mt940', 'two-statements-envelope.sta'), {});
    const qif = await session.preview(fixture('statements/qif', 'bank-splits-dmy.qif'), {});
    expect(bank.rowCount).toBe(17);
    // the first file's 17 rows go in, the second file's third row does not fit
    fillQuota(IDBObjectStore.prototype, 'add', 17 + 2);
    const outcomes = await session.commit([bank.token, mt940.token, qif.token], '2026-03-20T00:00:00Z', '2026-03-20');
    expect(outcomes.map((o) => [o.name, o.stored, o.added])).toEqual([
      ['bank-statement.csv', true, 17],
      ['two-statements-envelope.sta', false, 0],
      ['bank-splits-dmy.qif', false, 0],
    ]);
    expect(outcomes[1]!.issues[0]).toMatchObject({
      code: 'storage_full',
      i18n: { key: 'import.storageFull', params: { file: 'two-statements-envelope.sta' } },
    });
    expect(await db.statementLines.count()).toBe(17);
    expect((await db.imports.toArray()).map((i) => i.name)).toEqual(['bank-statement.csv']);

    // space freed: importing the two again stores them whole; the first adds nothing
    restore.splice(0).forEach((r) => r());
    const again = await Promise.all(
      [fixture('demo', 'bank-statement.csv'), fixture('statements/mt940', 'two-statements-envelope.sta')].map((f) => session.preview(f, {})),
    );
    const second = await session.commit(
      again.map((p) => p.token),
      '2026-03-20T00:00:00Z',
      '2026-03-20',
    );
    expect(second.map((o) => [o.stored, o.added > 0])).toEqual([
      [true, false],
      [true, true],
    ]);
    await db.delete();
  });
});
