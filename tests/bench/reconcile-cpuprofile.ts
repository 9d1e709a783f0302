// Summary of a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, with
// their share of the profile, and the same summed per source file. Run:
//   npx tsx tests/bench/reconcile-cpuprofile.ts <file.cpuprofile> [top=30]
// tsx puts each module on one line, so profile a bundle for line numbers:
//   npx esbuild tests/bench/reconcile-profile.ts --bundle --platform=node --format=esm --outfile=/tmp/p.mjs
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/p.mjs 100000
// A bundle's functions are then named by the source file esbuild notes above them (`// lib/…`).
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: reconcile-cpuprofile.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 30);
const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const self = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
let total = 0;
for (const v of self.values()) total += v;

/** For a bundle: each line's source file, from esbuild's `// path` comments. */
const sourceOf = new Map<string, string[]>();
function source(url: string, line: number): string {
  if (!url.endsWith('.mjs') || !url.startsWith('file://')) return url.replace(/^.*\/main\//, '');
  let marks = sourceOf.get(url);
  if (!marks) {
    marks = [];
    let cur = url;
    for (const l of fs.readFileSync(new URL(url), 'utf8').split('\n')) {
      const m = /^\/\/ ((?:lib|tests|node_modules)\/\S+)$/.exec(l);
      if (m) cur = m[1]!;
      marks.push(cur);
    }
    sourceOf.set(url, marks);
  }
  return marks[line] ?? url;
}

const perFn = new Map<string, number>();
const perFile = new Map<string, number>();
for (const [id, us] of self) {
  const f = byId.get(id)!.callFrame;
  const where = source(f.url, f.lineNumber);
  const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
  perFn.set(key, (perFn.get(key) ?? 0) + us);
  perFile.set(where || '(native)', (perFile.get(where || '(native)') ?? 0) + us);
}
const show = (m: Map<string, number>, k: number) => {
  for (const [name, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k))
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
};
console.log(`total ${(total / 1000).toFixed(0)} ms sampled\n-- self time per function`);
show(perFn, top);
// inclusive ("total") time: each node's self time added to every distinct function on its stack
const parent = new Map<number, number>();
for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const keyOf = (id: number) => {
  const f = byId.get(id)!.callFrame;
  return `${f.functionName || '(anonymous)'}  ${source(f.url, f.lineNumber)}:${f.lineNumber + 1}`;
};
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const onStack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) onStack.add(keyOf(at));
  for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
}
const lib = new Map([...inclusive].filter(([k]) => k.includes('lib/')));
console.log('-- total (inclusive) time per function under lib/');
show(lib, top);
console.log('-- self time per file');
show(perFile, 20);
