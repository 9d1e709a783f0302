// Getting files in (DESIGN.md "Getting data in"): parse → preview → store in one transaction.
// Re-importing a file, or a file whose period overlaps one already imported, adds nothing:
// every record id is deterministic, so known ids are counted, not written again.
import type { ImportRecord, SettleGuardDb } from '../db';
import type { CashierRecord, Contract, Issue, PortalTransaction, StatementLine, StatementParseResult } from '../model';
import { maskCardNumbersInResult, parseStatement, type ParseOptions } from '../statements/index';
import { headerSetKey, parseCashierWithMapping, readCashierHeaders, type CashierMapping } from '../statements/cashier';
import { sha256Hex } from './hash';
import { withEvidenceHash } from './capture';

export interface ImportPreview {
  file: { name: string; bytes: Uint8Array };
  name: string;
  sha256: string;
  size: number;
  result: StatementParseResult;
  /** rows that would be stored: bank lines + acquirer rows + cashier rows + contracts (+ a backup's records) */
  rowCount: number;
  /** false when nothing in the file could be read: then nothing will be stored */
  readable: boolean;
  /** a cashier export whose columns SettleGuard does not know: the merchant maps them once */
  needsMapping?: { headers: string[]; key: string };
  /** what the file was read with (the merchant's day/month answer), kept when it is read again */
  options?: ParseOptions;
}

export interface ImportOutcome {
  name: string;
  format: string;
  encoding: string;
  rows: number;
  added: number;
  known: number;
  contracts: number;
  issues: Issue[];
  stored: boolean;
}

/**
 * Parses a file for the preview. A cashier export with unknown columns is read with the mapping
 * the merchant gave for the same set of headers before, if any; else the preview asks for one.
 */
export async function previewImport(
  file: { name: string; bytes: Uint8Array },
  cashierMappings: Record<string, CashierMapping> = {},
  options?: ParseOptions,
): Promise<ImportPreview> {
  const [parsed, sha256] = await Promise.all([options ? parseStatement(file, options) : parseStatement(file), sha256Hex(file.bytes)]);
  let result = parsed;
  let needsMapping: ImportPreview['needsMapping'];
  const mappingIssue = parsed.issues.find((i) => i.code === 'cashier_mapping_needed');
  if (mappingIssue) {
    const headers = readCashierHeaders(file) ?? [];
    const key = headerSetKey(headers);
    const known = cashierMappings[key];
    // read past parseStatement, so its card-number masking is applied here too
    if (known) result = maskCardNumbersInResult(parseCashierWithMapping(file, known));
    else needsMapping = { headers, key };
  }
  return { ...summarise(file, result), sha256, needsMapping, ...(options ? { options } : {}) };
}

/**
 * Reads a previewed file again with what the merchant answered (ParseOptions.dateOrder: the file's
 * dates read day-first or month-first, which nothing in it decided).
 */
export async function previewWithOptions(
  preview: ImportPreview,
  options: ParseOptions,
  cashierMappings: Record<string, CashierMapping> = {},
): Promise<ImportPreview> {
  return previewImport(preview.file, cashierMappings, { ...preview.options, ...options });
}

/** Reads a cashier export with the columns the merchant mapped. */
export async function previewWithMapping(preview: ImportPreview, mapping: CashierMapping): Promise<ImportPreview> {
  return { ...summarise(preview.file, maskCardNumbersInResult(parseCashierWithMapping(preview.file, mapping))), sha256: preview.sha256 };
}

function summarise(file: { name: string; bytes: Uint8Array }, result: StatementParseResult): Omit<ImportPreview, 'sha256'> {
  const rowCount =
    result.lines.length +
    (result.transactions?.length ?? 0) +
    (result.cashier?.length ?? 0) +
    (result.contracts?.length ?? 0) +
    Object.values(result.restore?.counts ?? {}).reduce((a, b) => a + b, 0);
  const readable = rowCount > 0 || !result.issues.some((i) => i.level === 'error');
  return { file, name: file.name, size: file.bytes.length, result, rowCount, readable };
}

/** Every row reconciliation reads, in primary-key order (as `toArray()` returns them). */
export interface StoredRows {
  transactions: PortalTransaction[];
  statementLines: StatementLine[];
  cashier: CashierRecord[];
  contracts: Contract[];
}

/** A file whose writes are issued: `done` resolves once they are committed. */
export interface PendingImport {
  /** the outcome once the transaction has committed; rejects (and nothing of the file is stored) if it aborted */
  done: Promise<ImportOutcome>;
  /** with `{ rows: true }`: everything stored once this file is, read in the same transaction */
  rows?: StoredRows;
  /** the ids this file adds (not those already stored), per store: what undoing it deletes */
  added?: Record<RowKind, string[]>;
}

/** Stores a previewed file. All writes happen in one transaction: all or nothing. */
export async function commitImport(db: SettleGuardDb, preview: ImportPreview, now: string): Promise<ImportOutcome> {
  return (await beginImport(db, preview, now)).done;
}

// Beyond this many stored rows per incoming row, reading every stored key back costs more than
// letting each add of a known id fail (Chromium here: ~2 µs a key read back, ~45 µs a failed add).
const STORED_KEYS_PER_ROW_WORTH_READING = 20;

/** How often, in rows written, an import reports its progress. */
const STORED_STEP = 1000;

type RowKind = 'statementLines' | 'transactions' | 'cashier';
const ROW_KINDS: readonly RowKind[] = ['statementLines', 'transactions', 'cashier'];

/**
 * Issues a file's writes in one readwrite transaction and returns without waiting for the commit,
 * so the caller can work (reconcile) while IndexedDB writes. Only ids not yet stored are added:
 * nothing stored is touched, re-importing adds nothing, and any failed write aborts the whole file.
 * Raw IndexedDB rather than Dexie's bulkAdd: no per-row handlers in the common case, and commit()
 * right after the last request lets the database finish without waiting for this thread, which is
 * then free to reconcile (issue 4 "Speed").
 */
export async function beginImport(
  db: SettleGuardDb,
  preview: ImportPreview,
  now: string,
  opts: { rows?: boolean; onStored?: (rows: number) => void } = {},
): Promise<PendingImport> {
  const { result } = preview;
  const base = { name: preview.name, format: result.format, encoding: result.encoding, issues: result.issues };
  if (!preview.readable || preview.rowCount === 0) {
    return { done: Promise.resolve({ ...base, rows: 0, added: 0, known: 0, contracts: 0, stored: false }) };
  }
  // In key order: Chromium's IndexedDB inserts rows in key order with a fifth less work than in the
  // scattered order content-hash ids arrive in (measured: 6.3-7.3 s vs 8.5-9.5 s of browser CPU
  // for 100,000 rows), and the rows handed back for reconciliation need that order anyway.
  const incoming: Record<RowKind, { id: string }[]> = {
    statementLines: uniqueInKeyOrder(result.lines),
    transactions: uniqueInKeyOrder(await Promise.all((result.transactions ?? []).map(withEvidenceHash))),
    cashier: uniqueInKeyOrder(result.cashier ?? []),
  };
  const contracts = result.contracts ?? [];
  await db.open();
  const stores = {
    statementLines: db.statementLines.name,
    transactions: db.transactions.name,
    cashier: db.cashier.name,
    contracts: db.contracts.name,
    imports: db.imports.name,
  };
  // 'relaxed': one transaction per file, and a file lost to a power cut is imported again as a whole
  const tx = db.backendDB().transaction(Object.values(stores), 'readwrite', { durability: 'relaxed' });

  return new Promise<PendingImport>((issued, failed) => {
    let outcome: ImportOutcome | undefined;
    let thrown: unknown;
    const done = new Promise<ImportOutcome>((resolve, reject) => {
      tx.oncomplete = () => (outcome ? resolve(outcome) : reject(new Error(`importing ${preview.name} stopped before it finished`)));
      tx.onabort = () => {
        const error = thrown ?? tx.error ?? new Error(`importing ${preview.name} was cancelled`);
        reject(error);
        failed(error);
      };
    });
    done.catch(() => undefined); // awaited by the caller after its own work: not unhandled meanwhile
    // A write that throws (a row IndexedDB cannot store) aborts the file: none of it is stored.
    const guarded = (step: () => void) => () => {
      try {
        step();
      } catch (error) {
        thrown ??= error;
        tx.abort();
      }
    };

    const known = new Map<RowKind, Set<string> | 'count-failures'>();
    const existing: Partial<StoredRows> = {};

    // Reads go first; requests in a transaction are answered in order, so the writes are issued
    // from the last read's success callback, while the transaction is still active.
    const readAll = (reads: [IDBRequest, () => void][], then: () => void) => {
      if (!reads.length) return guarded(then)();
      reads.forEach(([req, onRead], i) => {
        req.onsuccess = guarded(() => {
          onRead();
          if (i === reads.length - 1) then();
        });
      });
    };
    const write = () => {
      let added = 0,
        knownCount = 0;
      const failuresCounted: IDBRequest[] = [];
      const addedIds: Record<RowKind, string[]> = { statementLines: [], transactions: [], cashier: [] };
      // a counted add that fails was a known row after all: not among those this file adds
      const idOfRequest = new Map<IDBRequest, string>();
      const knownAfterAll = new Set<string>();
      for (const kind of ROW_KINDS) {
        const store = tx.objectStore(stores[kind]);
        const ids = known.get(kind);
        for (const row of incoming[kind]) {
          if (ids instanceof Set && ids.has(row.id)) {
            knownCount++;
            continue;
          }
          const req = store.add(row);
          if (ids === 'count-failures') {
            failuresCounted.push(req);
            idOfRequest.set(req, row.id);
          }
          addedIds[kind].push(row.id);
          added++;
          // the import's progress bar: requests are answered in order, so every STORED_STEP-th
          // answer says that many rows are written (a counted failure keeps its own handler)
          if (opts.onStored && added % STORED_STEP === 0 && ids !== 'count-failures') {
            const n = added;
            req.onsuccess = () => opts.onStored!(n);
          }
        }
      }
      const contractStore = tx.objectStore(stores.contracts);
      // A contract re-imported with the same id replaces the stored one: the merchant edited it.
      for (const c of contracts) contractStore.put(c);
      const finish = () => {
        const record: ImportRecord = {
          id: preview.sha256,
          name: preview.name,
          sha256: preview.sha256,
          format: result.format,
          encoding: result.encoding,
          kind: result.format === 'settleguard' ? 'settleguard' : result.kind,
          importedAt: now,
          counts: { rows: preview.rowCount, added, known: knownCount, contracts: contracts.length },
          issues: result.issues,
        };
        tx.objectStore(stores.imports).put(record);
        outcome = { ...base, rows: preview.rowCount, added, known: knownCount, contracts: contracts.length, stored: true };
        tx.commit();
        if (knownAfterAll.size) for (const kind of ROW_KINDS) addedIds[kind] = addedIds[kind].filter((id) => !knownAfterAll.has(id));
        issued({ done, rows: opts.rows ? withNewRows(existing as StoredRows, incoming, contracts, known) : undefined, added: addedIds });
      };
      if (!failuresCounted.length) return finish();
      // A small file into a large store: an add of a known id fails (ConstraintError) and is
      // counted as known, so the file's record waits for those answers. Any other failure aborts.
      let answered = 0;
      const answer = guarded(() => {
        if (++answered === failuresCounted.length) finish();
      });
      for (const req of failuresCounted) {
        req.onsuccess = answer;
        req.onerror = (e) => {
          if (req.error?.name !== 'ConstraintError') return;
          e.preventDefault();
          e.stopPropagation();
          knownAfterAll.add(idOfRequest.get(req)!);
          added--;
          knownCount++;
          answer();
        };
      }
    };

    if (opts.rows) {
      // everything is read anyway for reconciliation: the stored ids come with it
      readAll(
        (['statementLines', 'transactions', 'cashier', 'contracts'] as const).map((kind) => {
          const req = tx.objectStore(stores[kind]).getAll();
          return [
            req,
            () => {
              (existing as Record<string, unknown[]>)[kind] = req.result;
              if (kind !== 'contracts') known.set(kind, new Set((req.result as { id: string }[]).map((r) => r.id)));
            },
          ];
        }),
        write,
      );
      return;
    }
    const counted = ROW_KINDS.filter((kind) => incoming[kind].length);
    readAll(
      counted.map((kind) => {
        const req = tx.objectStore(stores[kind]).count();
        return [
          req,
          () => {
            const stored = req.result;
            if (stored === 0) known.set(kind, new Set());
            else if (stored > STORED_KEYS_PER_ROW_WORTH_READING * incoming[kind].length) known.set(kind, 'count-failures');
          },
        ];
      }),
      () =>
        readAll(
          counted
            .filter((kind) => !known.has(kind))
            .map((kind) => {
              const req = tx.objectStore(stores[kind]).getAllKeys();
              return [
                req,
                () => {
                  known.set(kind, new Set(req.result as string[]));
                },
              ];
            }),
          write,
        ),
    );
  });
}

/**
 * The rows in the file, one per id (the last reading of an id wins), in key order, as a new array.
 * It runs between the merchant's confirm and the first write reaching IndexedDB, so it is on the
 * import's critical path: for ids made by lib/ids.ts it avoids sorting 100,000 strings.
 */
export function uniqueInKeyOrder<T extends { id: string }>(items: T[]): T[] {
  return uniqueInHexOrder(items) ?? uniqueById(items).sort(compareIds);
}

const POSITIONS = 2 ** 20;

/**
 * Ids made by lib/ids.ts ('sl:' and 16 lowercase hex digits): when every id shares its first three
 * characters and the next eight are lowercase hex digits, their string order is the order of those
 * digits as a number, ties aside. Each row's number and position are packed in one float
 * (number * 2^20 + position, exact below 2^53) and sorted as a typed array (a native numeric sort:
 * 100,000 rows, medians of 15 interleaved pairs: Chromium 156 15-24 ms against 52-78 ms for
 * deduplicating and sorting the strings; Node 20 18.5 against 122 ms);
 * rows that tie on the eight digits (repeats of one id, or a rare shared prefix) are put in order
 * by the general path. Any other id, or over 2^20 rows: undefined.
 */
function uniqueInHexOrder<T extends { id: string }>(items: T[]): T[] | undefined {
  const n = items.length;
  if (n < 2 || n > POSITIONS) return undefined;
  const first = items[0]!.id;
  const c0 = first.charCodeAt(0),
    c1 = first.charCodeAt(1),
    c2 = first.charCodeAt(2);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = items[i]!.id;
    if (id.length < 11 || id.charCodeAt(0) !== c0 || id.charCodeAt(1) !== c1 || id.charCodeAt(2) !== c2) return undefined;
    let number = 0;
    for (let j = 3; j < 11; j++) {
      const c = id.charCodeAt(j);
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (digit < 0) return undefined;
      number = number * 16 + digit;
    }
    keys[i] = number * POSITIONS + i;
  }
  keys.sort();
  const out: T[] = [];
  for (let i = 0; i < n; ) {
    const number = Math.floor(keys[i]! / POSITIONS);
    let end = i + 1;
    while (end < n && Math.floor(keys[end]! / POSITIONS) === number) end++;
    if (end === i + 1) {
      out.push(items[keys[i]! % POSITIONS]!);
    } else {
      const tied: T[] = [];
      for (let k = i; k < end; k++) tied.push(items[keys[k]! % POSITIONS]!); // in file order
      for (const row of uniqueById(tied).sort(compareIds)) out.push(row);
    }
    i = end;
  }
  return out;
}

/** The rows, one per id (the last reading of an id wins), as a new array. */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((x) => [x.id, x])).values()];
}

/** What is stored once this file is: what was there, plus what the file adds, in key order. */
function withNewRows(
  existing: StoredRows,
  incoming: Record<RowKind, { id: string }[]>,
  contracts: Contract[],
  known: Map<RowKind, Set<string> | 'count-failures'>,
): StoredRows {
  const merged = (kind: RowKind) => {
    const ids = known.get(kind);
    const added = incoming[kind].filter((row) => !(ids instanceof Set && ids.has(row.id)));
    return mergeById(existing[kind] as { id: string }[], added);
  };
  const byId = new Map(existing.contracts.map((c) => [c.id, c]));
  for (const c of contracts) byId.set(c.id, c);
  return {
    statementLines: merged('statementLines') as StatementLine[],
    transactions: merged('transactions') as PortalTransaction[],
    cashier: merged('cashier') as CashierRecord[],
    contracts: [...byId.values()].sort(compareIds),
  };
}

// IndexedDB orders string keys by UTF-16 code units, as `<` on strings does.
function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Both in key order. */
function mergeById<T extends { id: string }>(sorted: T[], b: T[]): T[] {
  if (!b.length) return sorted;
  if (!sorted.length) return b;
  const out: T[] = new Array(sorted.length + b.length);
  let i = 0,
    j = 0,
    k = 0;
  while (i < sorted.length && j < b.length) out[k++] = compareIds(sorted[i]!, b[j]!) <= 0 ? sorted[i++]! : b[j++]!;
  while (i < sorted.length) out[k++] = sorted[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
