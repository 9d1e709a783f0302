// Output identity check for speed work on lib/statements: hashes the full JSON of parseStatement's
// result for every file under tests/fixtures/statements and the shared corpus, and for the 100k-line
// bench CSV (statements-data.ts). Run it before a change and after, and diff the two outputs:
//   npx tsx tests/bench/statements-hash.ts [corpus dir, default /work/shared/corpus] > before.txt
// Measures nothing; any line that differs is a behaviour change.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseStatementSync } from '../../lib/statements/index';
import { bankCsv } from './statements-data';

const walk = (d: string): string[] =>
  existsSync(d) ? readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)])) : [];
const files = [...walk('tests/fixtures/statements'), ...walk(process.argv[2] ?? '/work/shared/corpus')].sort();
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const all = createHash('sha256');
for (const f of files) {
  const h = sha(JSON.stringify(parseStatementSync({ name: f.split('/').pop()!, bytes: new Uint8Array(readFileSync(f)) })));
  console.log(`${h} ${f}`);
  all.update(f + h);
}
const bench = sha(JSON.stringify(parseStatementSync({ name: 'bank.csv', bytes: new TextEncoder().encode(bankCsv(100_000)) })));
all.update(bench);
console.log(`${bench} bench bank.csv (100,000 lines)`);
console.log(`TOTAL ${files.length} files ${all.digest('hex')}`);
