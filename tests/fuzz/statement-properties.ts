// The statement parsers' fuzz properties (issue 14 item 9): for every registered format, random
// bytes and structure-aware mutations of real-shaped files (seeds.ts) are handed to that format's
// own parse() — whatever its detector says — and to the whole sniff-and-dispatch pipeline. Whatever
// comes in, a parser returns a result whose bad input is Issues (DESIGN.md §1 rule 2), never an
// exception; money stays a plain decimal string, dates real calendar dates; and each case is fast.
import fc from 'fast-check';
import type { Issue, MoneyJson, StatementParseResult } from '../../lib/model';
import { STATEMENT_FORMATS, decodeBytes, parseStatementSync, type ParseOptions, type StatementFormat } from '../../lib/statements';
import { HOSTILE_TOKENS, MAX_CASE_BYTES, applyMutations, mutationOp } from './mutate';
import { seedsFor, statementWorkbook } from './seeds';
import { timed } from './limits';

/** Each format by id, and 'pipeline' for parseStatementSync (detection + the chosen parser + masking). */
export const STATEMENT_TARGETS: string[] = [...STATEMENT_FORMATS.map((f) => f.id), 'pipeline'];

export interface StatementCase {
  name: string;
  bytes: Uint8Array;
  options: ParseOptions;
  /** how the case was made, for the report of a failure */
  origin: string;
}

const NAMES = ['statement.csv', 'export.xlsx', 'bank.ofx', 'mt940.sta', 'camt.xml', 'q.qif', 'backup.json', 'bill.txt', 'noext', '账单.CSV'];
const OPTIONS: fc.Arbitrary<ParseOptions> = fc.record(
  { defaultCurrency: fc.constantFrom('CNY', 'USD', 'EUR', 'XXX', ''), dateOrder: fc.constantFrom('dmy' as const, 'mdy' as const) },
  { requiredKeys: [] },
);

const cell = fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ maxLength: 20 }), fc.double().map(String));

/** Cases for one target: a third random bytes, most mutations of seeds, some generated workbooks. */
export function statementCases(target: string): fc.Arbitrary<StatementCase> {
  const { own, all } = seedsFor(target);
  const pool = own.length ? own : all;
  const others = all.map((s) => s.bytes);
  const mutant = fc
    .record({
      fromOwn: fc.boolean(),
      seed: fc.nat({ max: 100_000 }),
      ops: fc.array(mutationOp, { minLength: 1, maxLength: 6 }),
      options: OPTIONS,
    })
    .map(({ fromOwn, seed, ops, options }) => {
      const from = fromOwn ? pool : all;
      const s = from[seed % from.length]!;
      return { name: s.name, bytes: applyMutations(s.bytes, ops, others), options, origin: `mutation of ${s.name}: ${JSON.stringify(ops).slice(0, 400)}` };
    });
  const random = fc
    .record({ name: fc.constantFrom(...NAMES), bytes: fc.uint8Array({ maxLength: 2048 }), options: OPTIONS })
    .map((c) => ({ ...c, origin: 'random bytes' }));
  const text = fc
    .record({
      name: fc.constantFrom(...NAMES),
      sep: fc.constantFrom(',', '\t', ';'),
      lines: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }),
      options: OPTIONS,
    })
    .map((c) => ({
      name: c.name,
      bytes: new TextEncoder().encode(c.lines.map((cells) => cells.join(c.sep)).join('\n')),
      options: c.options,
      origin: 'random delimited text',
    }));
  const workbook = fc
    .record({ rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 20 }), biff: fc.boolean(), options: OPTIONS })
    .map(({ rows, biff, options }) => ({
      name: biff ? 'statement.xls' : 'statement.xlsx',
      bytes: statementWorkbook(rows, biff ? 'biff8' : 'xlsx'),
      options,
      origin: `generated workbook: ${JSON.stringify(rows).slice(0, 400)}`,
    }));
  return fc.oneof(
    { weight: 2, arbitrary: random },
    { weight: 1, arbitrary: text },
    { weight: 6, arbitrary: mutant },
    { weight: target === 'xlsx' ? 3 : 1, arbitrary: workbook },
  );
}

/** The property for one target: throws (failing the case) when a parser throws or breaks the result contract. */
export function checkStatementCase(target: string, c: StatementCase): void {
  if (c.bytes.length > MAX_CASE_BYTES) throw new Error(`case of ${c.bytes.length} bytes: the generator must stay under ${MAX_CASE_BYTES}`);
  if (target === 'pipeline') {
    const result = timed('parseStatementSync', () => parseStatementSync({ name: c.name, bytes: c.bytes }, c.options));
    const bug = result.issues.find((i) => i.code === 'parser_failed');
    if (bug) throw new Error(`a parser threw inside the pipeline: ${bug.message}`);
    checkResult(result);
    return;
  }
  const format = formatById(target);
  const decoded = decodeBytes(c.name, c.bytes);
  const score = format.detect(decoded);
  if (typeof score !== 'number' || Number.isNaN(score) || score < 0 || score > 1) throw new Error(`detect() gave ${score}, expected 0..1`);
  checkResult(timed(`${target}.parse`, () => format.parse(decoded, c.options)));
}

function formatById(id: string): StatementFormat {
  const format = STATEMENT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`no statement format ${id}`);
  return format;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function checkMoney(m: MoneyJson | undefined, where: string): void {
  if (m === undefined) return;
  if (typeof m.amount !== 'string' || !DECIMAL.test(m.amount)) throw new Error(`${where}: amount ${JSON.stringify(m.amount)} is not a plain decimal string`);
  if (typeof m.currency !== 'string' || m.currency === '') throw new Error(`${where}: currency ${JSON.stringify(m.currency)}`);
}

function checkDate(d: string | undefined, where: string): void {
  if (d === undefined) return;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  const ok = m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().startsWith(`${m[1]}-${m[2]}-${m[3]}`);
  if (!ok) throw new Error(`${where}: ${JSON.stringify(d)} is not a calendar date`);
}

function checkIssue(i: Issue): void {
  if ((i.level !== 'error' && i.level !== 'warning') || typeof i.code !== 'string' || i.code === '' || typeof i.message !== 'string')
    throw new Error(`malformed issue ${JSON.stringify(i).slice(0, 300)}`);
  if (i.line !== undefined && !(Number.isInteger(i.line) && i.line >= 0)) throw new Error(`issue line ${i.line}`);
}

/** What DESIGN.md §3 promises of every StatementParseResult. */
export function checkResult(r: StatementParseResult): void {
  if (!Array.isArray(r.lines) || !Array.isArray(r.issues) || !Array.isArray(r.accounts)) throw new Error('result without lines/issues/accounts arrays');
  if (!['bank', 'acquirer', 'cashier'].includes(r.kind)) throw new Error(`kind ${r.kind}`);
  r.issues.forEach(checkIssue);
  const ids = new Set<string>();
  r.lines.forEach((l, n) => {
    const where = `line ${n} (file line ${l.source?.line})`;
    checkMoney(l.amount, where);
    checkMoney(l.balanceAfter, `${where} balance`);
    checkDate(l.bookedOn, `${where} bookedOn`);
    checkDate(l.valueOn, `${where} valueOn`);
    if (typeof l.id !== 'string' || l.id === '') throw new Error(`${where}: no id`);
    if (ids.has(l.id)) throw new Error(`${where}: id ${l.id} given to two lines of one file`);
    ids.add(l.id);
  });
  (r.transactions ?? []).forEach((t, n) => {
    checkMoney(t.amount, `transaction ${n}`);
    checkMoney(t.fee, `transaction ${n} fee`);
    checkMoney(t.net, `transaction ${n} net`);
    if (typeof t.occurredAt !== 'string') throw new Error(`transaction ${n}: occurredAt ${t.occurredAt}`);
    checkDate(t.occurredAt, `transaction ${n} occurredAt`);
  });
  (r.cashier ?? []).forEach((c, n) => checkMoney(c.amount, `cashier ${n}`));
  r.accounts.forEach((a, n) => {
    checkMoney(a.openingBalance, `account ${n} opening`);
    checkMoney(a.closingBalance, `account ${n} closing`);
  });
}

/** The fast-check property of one target, shared by the unit test and `npm run fuzz`. */
export function statementProperty(target: string): fc.IPropertyWithHooks<[StatementCase]> {
  return fc.property(statementCases(target), (c) => {
    try {
      checkStatementCase(target, c);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n  case: ${c.name} (${c.bytes.length} bytes), ${c.origin}`, { cause: e });
    }
  });
}
