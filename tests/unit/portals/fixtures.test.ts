// Whole-page fixtures: every tests/fixtures/portals/<family>/<name>.html (the demo portal and the
// scripted live/ pages for the e2e tests and the real-library pages built at test time aside, which
// have their own tests) is read and compared with the explicit <name>.expected.json.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPortalTables } from '../../../lib/portals';
import { hasFullCardNumber } from '../../../lib/cards';
import { toExpectation, type FixtureExpectation } from './fixture-util';

const ROOT = join(__dirname, '../../fixtures/portals');
const families = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !['demo', 'live', 'libraries'].includes(d.name))
  .map((d) => d.name);

describe.each(families)('fixtures/portals/%s', (family) => {
  const dir = join(ROOT, family);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  it('has at least one page', () => {
    expect(pages.length).toBeGreaterThan(0);
  });
  it.each(pages)('%s', (file) => {
    const expectedFile = join(dir, file.replace(/\.html$/, '.expected.json'));
    expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as FixtureExpectation;
    const html = readFileSync(join(dir, file), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const tables = readPortalTables(doc, expected.url, expected.now, expected.options);
    expect(toExpectation(tables)).toEqual(expected.tables);
    // whatever the page holds, no full card number leaves the reader (reference columns such as
    // the 15-digit 商户号 are keys, not cards, and are exempt by design)
    const references = new Set(['merchantId', 'terminalId', 'rrn', 'voucherNo', 'batchNo', 'authCode', 'orderNo', 'originalRef', 'payoutId']);
    for (const t of tables) {
      const fieldOf = new Map(t.columns.map((c) => [c.header, c.field]));
      for (const r of t.rows) {
        if (!r.transaction) continue;
        for (const [header, text] of Object.entries(r.transaction.evidence.cells)) {
          if (!references.has(fieldOf.get(header) ?? '')) expect(hasFullCardNumber(text), `${header}: ${text}`).toBe(false);
        }
        expect(r.transaction.cardBin ?? '123456').toMatch(/^\d{6}$/);
        expect(r.transaction.cardLast4 ?? '1234').toMatch(/^\d{4}$/);
      }
    }
    // each row element is distinct: no row captured twice (fixed-column clones, split tables)
    const elements = tables.flatMap((t) => t.rows.map((r) => r.element));
    expect(new Set(elements).size).toBe(elements.length);
  });
});
