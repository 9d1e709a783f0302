// The convention of lib/portals (STYLE.md): one table family per file, its id spelled by the file
// name, registered in registry.ts, with a fixture and a test of its own. A family's fixture is a
// page built from a real library (tests/fixtures/portals/libraries) that names the family as the
// one reading it; tests/e2e/portal-libraries.spec.ts checks that it does.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_READERS } from '../../../lib/portals/registry';
import { LIBRARY_PAGES } from '../../fixtures/portals/libraries/index';

const LIB = join(__dirname, '../../../lib/portals');
// the shared machinery, not families
const INFRASTRUCTURE = new Set(['index', 'registry', 'types', 'columns', 'dom', 'transactions', 'page-meta', 'stated-totals', 'sniff', 'profiles']);

const families = readdirSync(LIB)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((f) => !INFRASTRUCTURE.has(f));

describe('lib/portals registry', () => {
  it('finds the families', () => {
    expect(families.length).toBeGreaterThanOrEqual(8);
  });

  it.each(families)('%s is registered under its file name', (family) => {
    expect(TABLE_READERS.map((r) => r.id)).toContain(family);
  });

  it.each(families)('%s has a real-library fixture page that it reads', (family) => {
    expect(
      LIBRARY_PAGES.filter((p) => p.family === family).map((p) => p.id),
      family,
    ).not.toEqual([]);
  });

  it('every fixture page names a registered family', () => {
    for (const p of LIBRARY_PAGES)
      if (p.family !== undefined)
        expect(
          TABLE_READERS.map((r) => r.id),
          p.id,
        ).toContain(p.family);
  });

  it.each(families)('%s has a test', (family) => {
    expect(existsSync(join(__dirname, `${family}.test.ts`))).toBe(true);
  });

  it('every registered reader is a family file, ids are unique, and generic-table comes last', () => {
    const ids = TABLE_READERS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(families).toContain(id);
    expect(ids[ids.length - 1]).toBe('generic-table');
  });
});
