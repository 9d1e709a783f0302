// Compares what was captured from a real-library fixture page with the rows the page was built
// from (tests/fixtures/portals/libraries/data.ts): every row once, every field right.
import type { PortalTransaction } from '../../lib/model';
import { expectedFields, fixtureRows, WORDINGS, type FixtureConfig } from '../fixtures/portals/libraries/data';

export interface CaptureCheck {
  expected: number;
  /** rows captured exactly once with every field right */
  right: number;
  missing: string[];
  duplicated: string[];
  /** rows whose reference the page does not have */
  unexpected: string[];
  wrong: { rrn: string; field: string; expected: string | undefined; actual: string | undefined }[];
}

const money = (m: { amount: string; currency: string } | undefined) => (m ? `${m.amount} ${m.currency}` : undefined);

/** The stored form of the fields expectedFields() names. */
function actualFields(t: PortalTransaction): Record<string, string | undefined> {
  return {
    occurredAt: t.occurredAt,
    kind: t.kind,
    status: t.status,
    amount: money(t.amount),
    fee: money(t.fee),
    net: money(t.net),
    cardType: t.cardType,
    cardLast4: t.cardLast4,
    rrn: t.rrn,
    terminalId: t.terminalId,
    merchantId: t.merchantId,
    orderNo: t.orderNo,
  };
}

/** Fields a wording shows: a field the page does not show is not expected. */
function shownFields(config: FixtureConfig): Set<string> {
  const headers = WORDINGS[config.wording].headers as Record<string, string | undefined>;
  const shown = new Set(Object.keys(headers));
  if (shown.has('date') && shown.has('time')) shown.add('occurredAt');
  if (shown.has('card')) shown.add('cardLast4');
  return shown;
}

export function checkCapture(captured: readonly PortalTransaction[], config: FixtureConfig): CaptureCheck {
  const rows = fixtureRows(config.seed, config.rows);
  const shown = shownFields(config);
  const byRrn = new Map<string, PortalTransaction[]>();
  for (const t of captured) {
    const key = t.rrn ?? `(no rrn) ${t.id}`;
    byRrn.set(key, [...(byRrn.get(key) ?? []), t]);
  }
  const check: CaptureCheck = { expected: rows.length, right: 0, missing: [], duplicated: [], unexpected: [], wrong: [] };
  const known = new Set(rows.map((r) => r.rrn));
  for (const key of byRrn.keys()) if (!known.has(key)) check.unexpected.push(key);
  for (const row of rows) {
    const got = byRrn.get(row.rrn) ?? [];
    if (got.length === 0) {
      check.missing.push(row.rrn);
      continue;
    }
    if (got.length > 1) check.duplicated.push(row.rrn);
    const want = expectedFields(row, config);
    const have = actualFields(got[0]!);
    let right = got.length === 1;
    for (const [field, value] of Object.entries(want)) {
      if (!shown.has(field)) continue;
      if (have[field] !== value) {
        right = false;
        check.wrong.push({ rrn: row.rrn, field, expected: value, actual: have[field] });
      }
    }
    if (right) check.right++;
  }
  return check;
}

/** One line of the library matrix, for the test log and the closing note. */
export function describeCheck(id: string, version: string, check: CaptureCheck): string {
  const fields = [...new Set(check.wrong.map((w) => w.field))];
  return (
    `${id}${version ? `@${version}` : ''}: ${check.right}/${check.expected} rows right` +
    (check.missing.length ? `, ${check.missing.length} missing` : '') +
    (check.duplicated.length ? `, ${check.duplicated.length} duplicated` : '') +
    (check.unexpected.length ? `, ${check.unexpected.length} unexpected` : '') +
    (fields.length ? `, wrong fields: ${fields.join(' ')} (e.g. ${JSON.stringify(check.wrong[0])})` : '')
  );
}
