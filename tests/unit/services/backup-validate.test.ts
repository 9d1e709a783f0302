// A backup's bad records (issue 14 item 6): each is reported with its store, index and field,
// and left out whole; every other record is restored. A file that cannot be a backup restores nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { getDb } = await import('../../../lib/db');
const { clearAllData } = await import('../../../lib/services/options');
const { ImportSession } = await import('../../../lib/services/import-session');
const { AS_OF, NOW } = await import('./backup-fill');

type Rec = Record<string, unknown> & { id: string };
type Doc = Record<string, unknown>;
const fixture = () => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/backups/tracker-no-coverage.json'), 'utf8')) as Doc;
const rows = (doc: Doc, store: string) => doc[store] as Rec[];

async function restore(doc: Doc) {
  const session = new ImportSession(getDb);
  const preview = await session.preview({ name: 'backup.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) }, {});
  const [outcome] = await session.commit([preview.token], NOW, AS_OF);
  return { preview, outcome: outcome! };
}

beforeEach(async () => {
  await clearAllData();
});

const BAD: { description: string; store: string; index: number; spoil: (r: Rec) => void; field: string }[] = [
  {
    description: 'money as a JSON number',
    store: 'transactions',
    index: 3,
    spoil: (r) => {
      (r['amount'] as Rec)['amount'] = 100.5;
    },
    field: 'transactions[3].amount.amount',
  },
  {
    description: 'a fee with thousands separators',
    store: 'transactions',
    index: 7,
    spoil: (r) => {
      r['fee'] = { amount: '1,000.00', currency: 'CNY' };
    },
    field: 'transactions[7].fee.amount',
  },
  {
    description: 'a row without an id',
    store: 'statementLines',
    index: 0,
    spoil: (r) => {
      delete (r as Partial<Rec>).id;
    },
    field: 'statementLines[0].id',
  },
  {
    description: 'an impossible booking date',
    store: 'statementLines',
    index: 2,
    spoil: (r) => {
      r['bookedOn'] = '2026-02-30';
    },
    field: 'statementLines[2].bookedOn',
  },
  {
    description: 'a cashier kind nobody knows',
    store: 'cashier',
    index: 1,
    spoil: (r) => {
      r['kind'] = 'gift';
    },
    field: 'cashier[1].kind',
  },
  {
    description: 'a finding decision that is not one',
    store: 'findings',
    index: 1,
    spoil: (r) => {
      r['status'] = 'maybe';
    },
    field: 'findings[1].status',
  },
  {
    description: 'a dispute claim as a number',
    store: 'disputes',
    index: 0,
    spoil: (r) => {
      r['claimed'] = { amount: 388, currency: 'CNY' };
    },
    field: 'disputes[0].claimed.amount',
  },
  {
    description: 'a contract rate as a number',
    store: 'contracts',
    index: 0,
    spoil: (r) => {
      (r['rules'] as Rec[])[0]!['percent'] = 0.6;
    },
    field: 'contracts[0].rules[0].percent',
  },
];

describe('bad records', () => {
  it.each(BAD)('$description: reported at $field and not stored; the rest is', async ({ store, index, spoil, field }) => {
    const doc = fixture();
    const target = rows(doc, store)[index]!;
    const id = target.id;
    spoil(target);
    const { preview, outcome } = await restore(doc);
    const errors = preview.result.issues.filter((i) => i.level === 'error');
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0]).toMatchObject({ code: 'invalid_record' });
    expect(errors[0]!.message).toMatch(new RegExp(`^${store} #${index + 1}: .*not restored$`));
    expect(preview.result.restore!.counts[store]).toBe(rows(doc, store).length - 1);
    expect(outcome.stored).toBe(true);
    const db = getDb();
    if (id !== undefined && store !== 'findings') expect(await db.table(store).get(id)).toBeUndefined();
    for (const other of ['transactions', 'statementLines', 'cashier', 'contracts']) {
      expect(await db.table(other).count(), other).toBe(rows(doc, other).length - (other === store ? 1 : 0));
    }
  });

  it('a second record with an id already used in its store is reported, the first kept', async () => {
    const doc = fixture();
    const lines = rows(doc, 'statementLines');
    lines.push({ ...lines[0]!, description: 'changed' });
    const { preview } = await restore(doc);
    expect(preview.result.issues.map((i) => i.field)).toEqual([`statementLines[${lines.length - 1}].id`]);
    expect(await getDb().statementLines.get(lines[0]!.id)).toEqual(lines[0]);
  });

  it('a store that is not a list, or a schema that is not a version, is an error', async () => {
    const notList = { ...fixture(), cashier: { id: 'x' } };
    const a = await restore(notList);
    expect(a.preview.result.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad_store', field: 'cashier' })]);
    expect(await getDb().cashier.count()).toBe(0);
    await clearAllData();
    const b = await restore({ ...fixture(), schema: 'six' });
    expect(b.preview.result.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad_schema' })]);
    expect(b.outcome.stored).toBe(false);
    expect(await getDb().transactions.count()).toBe(0);
  });
});

describe('any JSON in a backup', () => {
  it('never throws, and every record is either counted for restore or reported', async () => {
    const { parseStatement } = await import('../../../lib/statements/index');
    const fc = (await import('fast-check')).default;
    const stores = ['settings', 'sites', 'contracts', 'imports', 'transactions', 'statementLines', 'cashier', 'coverage', 'findings', 'disputes'];
    const valid = fixture();
    // records: random JSON, or a real record with one field replaced by random JSON
    const record = (store: string) =>
      fc.oneof(
        fc.jsonValue(),
        fc.tuple(fc.nat(), fc.string(), fc.jsonValue()).map(([i, key, v]) => {
          const rows = valid[store] as Rec[] | Rec | undefined;
          const base = Array.isArray(rows) ? rows[i % Math.max(rows.length, 1)] : rows;
          if (!base) return v;
          const keys = Object.keys(base);
          return { ...base, [keys[i % keys.length] ?? key]: v };
        }),
      );
    await fc.assert(
      fc.asyncProperty(fc.record(Object.fromEntries(stores.map((s) => [s, fc.array(record(s), { maxLength: 4 })]))), async (doc) => {
        const bytes = new TextEncoder().encode(JSON.stringify({ settleguard: 1, schema: 6, ...doc }));
        const r = await parseStatement({ name: 'backup.json', bytes });
        for (const s of stores) {
          const given = (doc as Record<string, unknown[]>)[s]!.length;
          const reported = new Set(r.issues.filter((i) => i.field?.startsWith(`${s}[`)).map((i) => i.field!.match(/^\w+\[(\d+)\]/)![1]));
          expect((r.restore?.counts[s] ?? 0) + reported.size, s).toBe(given);
        }
      }),
      { numRuns: 300 },
    );
  });
});
