// The reconcile core keeps no state between calls (issue 13 item 6, STYLE.md "Change what the
// speed work left behind"): no module-level `let`/`var` and no exported `set…` switch that changes
// a function's path. A fast path's reference lives beside the test that compares the two
// (tests/unit/reconcile/reference/); scratch state that must outlive one call lives in an object
// made per run (makeContext). Read with the TypeScript compiler, so a comment or a string that
// says `let` does not count and every way of writing a declaration does.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** lib/reconcile, every .ts file at any depth; and the one switch outside it that issue 13 names. */
function checkedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts')) out.push(rel);
    }
  };
  walk('lib/reconcile');
  out.push('lib/statements/csv.ts');
  return out.sort();
}

/**
 * Files that still hold module state, while their owners remove it. Shrink it as you fix a file
 * (the test fails when a listed file is already clean); it must end empty.
 */
const NOT_YET_FIXED: readonly string[] = [];

/** What a file declares at module level that keeps state: `let x`, `var y`, `export function setZ`. */
function moduleState(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const line = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
  for (const s of source.statements) {
    if (ts.isVariableStatement(s)) {
      const flags = s.declarationList.flags;
      // let, or var (neither let, const nor using)
      const kind = flags & ts.NodeFlags.Let ? 'let' : (flags & ts.NodeFlags.BlockScoped) === 0 ? 'var' : undefined;
      if (kind) for (const d of s.declarationList.declarations) found.push(`${kind} ${d.name.getText(source)} (line ${line(d)})`);
    }
    const exported = ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(s) && s.name && /^set[A-Z]/.test(s.name.text)) found.push(`export function ${s.name.text} (line ${line(s)})`);
    // `export const setX = (…) => …` is the same switch
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (
          ts.isIdentifier(d.name) &&
          /^set[A-Z]/.test(d.name.text) &&
          d.initializer &&
          (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
        ) {
          found.push(`export const ${d.name.text} (line ${line(d)})`);
        }
      }
    }
  }
  return found;
}

describe('no module-level state in the reconcile core', () => {
  const files = checkedFiles();
  const state = new Map(files.map((f) => [f, moduleState(f, fs.readFileSync(path.join(ROOT, f), 'utf8'))]));

  it('the checker sees each way of keeping state, and nothing else', () => {
    const text = [
      '// let commented = 1;',
      "const s = 'let inString = 2';",
      'const table = new Map<string, number>();',
      'let counter = 0;',
      'var legacy = 1, other = 2;',
      'export let flag = true;',
      'export function setFlag(on: boolean) { flag = on; }',
      'export const setOther = (on: boolean) => { counter = on ? 1 : 0; };',
      'export function settle() { let local = 1; return local; }',
      'export function setup() {}',
    ].join('\n');
    expect(moduleState('x.ts', text)).toEqual([
      'let counter (line 4)',
      'var legacy (line 5)',
      'var other (line 5)',
      'let flag (line 6)',
      'export function setFlag (line 7)',
      'export const setOther (line 8)',
    ]);
  });

  it('no file outside the allowance declares module-level let/var or exports a set… switch', () => {
    const offending = [...state].filter(([f, s]) => s.length > 0 && !NOT_YET_FIXED.includes(f)).map(([f, s]) => `${f}: ${s.join(', ')}`);
    expect(offending).toEqual([]);
  });

  it('the allowance lists only files that still need fixing (remove a file from it once clean)', () => {
    const clean = NOT_YET_FIXED.filter((f) => !state.has(f) || state.get(f)!.length === 0);
    expect(clean).toEqual([]);
  });
});
