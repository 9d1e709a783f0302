// The rule convention (STYLE.md): one file per finding kind, named after it in kebab-case,
// registered once in the typed array, each with its own test file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../../lib/model';
import { RULES } from '../../../lib/reconcile/rules/registry';

const root = join(__dirname, '../../..');
const rulesDir = join(root, 'lib/reconcile/rules');
const testsDir = join(root, 'tests/unit/reconcile/rules');
const kebab = (kind: string) => kind.replace(/_/g, '-');

describe('rule registry', () => {
  it('has exactly one rule per FindingKind, in FINDING_KINDS order', () => {
    expect(RULES.map((r) => r.kind)).toEqual([...FINDING_KINDS]);
  });
  for (const kind of FINDING_KINDS) {
    it(`${kind}: lib/reconcile/rules/${kebab(kind)}.ts declares it and has a test`, () => {
      const file = join(rulesDir, `${kebab(kind)}.ts`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`kind: '${kind}'`);
      const test = join(testsDir, `${kebab(kind)}.test.ts`);
      expect(existsSync(test)).toBe(true);
      const text = readFileSync(test, 'utf8');
      // two lists: inputs that must not produce the finding and inputs that must
      expect(text).toMatch(/mustNot/);
      expect(text).toMatch(/\bmust\b/);
    });
  }
  it('every file in rules/ is a registered rule (or the registry itself)', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'registry.ts');
    expect(files.sort()).toEqual(FINDING_KINDS.map((k) => `${kebab(k)}.ts`).sort());
  });
});
