// Ratio of parseStatement to its peer on the benchmark files (statements-data.ts), measured so that
// other work on the machine moves it as little as possible: ours and the peer run alternately, each
// after a full GC (so neither pays for the other's garbage), and both CPU time (this process, GC
// threads included) and wall time are taken; the ratio is computed per pair and its median and
// range reported. Run: node --expose-gc --import tsx tests/bench/statements-ratio.ts [csv|ofx|mt940] [pairs]
// Measures only; targets (issue 4): CSV ≤ 2× papaparse alone, MT940 below mt940js, OFX below ofx-js.
import Papa from 'papaparse';
import { parseSync as ofxParse } from 'ofx-js';
import { Parser as Mt940Parser } from 'mt940js';
import { parseStatementSync } from '../../lib/statements/index';
import { bankCsv, mt940, ofx } from './statements-data';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const enc = new TextEncoder();

const cases = {
  csv: {
    name: 'bank.csv',
    bytes: enc.encode(bankCsv(100_000)),
    peer: 'papaparse alone (decode + split)',
    run: (b: Uint8Array) => Papa.parse<string[]>(new TextDecoder().decode(b), { skipEmptyLines: false }),
  },
  ofx: { name: 'bank.ofx', bytes: enc.encode(ofx(20_000)), peer: 'ofx-js parseSync', run: (b: Uint8Array) => ofxParse(new TextDecoder().decode(b)) },
  mt940: {
    name: 'bank.sta',
    bytes: enc.encode(mt940(20_000)),
    peer: 'mt940js Parser',
    run: (b: Uint8Array) => new Mt940Parser().parse(new TextDecoder().decode(b)),
  },
};

function measure(f: () => unknown): { wall: number; cpu: number } {
  gc!();
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
const range = (x: number[]) => `${Math.min(...x).toFixed(2)}–${Math.max(...x).toFixed(2)}`;

const which = process.argv[2] as keyof typeof cases | undefined;
const pairs = Number(process.argv[3] ?? 12);
for (const [id, c] of Object.entries(cases).filter(([k]) => !which || k === which)) {
  const file = { name: c.name, bytes: c.bytes };
  parseStatementSync(file); // warm both up once
  c.run(c.bytes);
  const cpu: number[] = [];
  const wall: number[] = [];
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const a = measure(() => parseStatementSync(file));
    const b = measure(() => c.run(c.bytes));
    cpu.push(a.cpu / b.cpu);
    wall.push(a.wall / b.wall);
    ours.push(a.cpu);
    peer.push(b.cpu);
  }
  console.log(
    `${id.padEnd(5)} parseStatement / ${c.peer}: CPU ratio median ${median(cpu).toFixed(2)} (${range(cpu)}), wall ratio median ${median(wall).toFixed(2)} (${range(wall)}); ` +
      `CPU ms median ${median(ours).toFixed(0)} vs ${median(peer).toFixed(0)}, ${pairs} pairs`,
  );
}
