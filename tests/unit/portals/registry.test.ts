// The convention of lib/portals (STYLE.md): one table family per file, its id spelled by the file
// name, registered in registry.ts, with a fixture folder and a test of its own.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_READERS } from '../../../lib/portals/registry';

const LIB = join(__dirname, '../../../lib/portals');
const FIXTURES = join(__dirname, '../../fixtures/portals');
// the shared machinery, not families
const INFRASTRUCTURE = new Set(['index', 'registry', 'types', 'columns', 'dom', 'transactions', 'page-meta', 'sniff', 'profiles']);
// generic-table's fixtures live in fixtures/portals/generic (the folder name the project chose first)
const FIXTURE_DIR: Record<string, string> = { 'generic-table': 'generic' };

const families = readdirSync(LIB).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((f) => !INFRASTRUCTURE.has(f));

describe('lib/portals registry', () => {
  it('finds the families', () => {
    expect(families.length).toBeGreaterThanOrEqual(8);
  });

  it.each(families)('%s is registered under its file name', (family) => {
    expect(TABLE_READERS.map((r) => r.id)).toContain(family);
  });

  it.each(families)('%s has a fixture page with an expected JSON', (family) => {
    const dir = join(FIXTURES, FIXTURE_DIR[family] ?? family);
    expect(existsSync(dir), dir).toBe(true);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(existsSync(join(dir, p.replace(/\.html$/, '.expected.json'))), p).toBe(true);
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
