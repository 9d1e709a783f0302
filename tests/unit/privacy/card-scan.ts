// The scan behind the privacy tests (issue 14 item 5): every string of every record, wherever it
// sits, searched for a full card number as lib/cards.ts defines one in free text (Luhn-valid,
// a length card networks issue, not an IBAN). Only keys are passed over: ids and hashes, a bank
// line's own reference, a transaction's reference fields — and an evidence cell that holds exactly
// one of those references (the cell of the key column the row was read with).
import { hasCardNumberInText } from '../../../lib/cards';

/** Fields that hold keys: ids, hashes and references, never free text. */
const KEY_FIELDS = new Set([
  'id',
  'sha256',
  'computedSha256',
  'token',
  'reference',
  'rrn',
  'orderNo',
  'merchantId',
  'terminalId',
  'voucherNo',
  'batchNo',
  'authCode',
  'originalRef',
  'payoutId',
]);
const isKeyField = (name: string) => KEY_FIELDS.has(name) || (/Ids?$/.test(name) && name !== 'accountId');

export interface CardHit {
  path: string;
  text: string;
}

/** Every full card number in `value`, with the path of the string that holds it. */
export function findCardNumbers(value: unknown, path = '', keys: ReadonlySet<string> = new Set()): CardHit[] {
  if (typeof value === 'string') return hasCardNumberInText(value) && !keys.has(value) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findCardNumbers(v, `${path}[${i}]`, keys));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  // the reference values of this record: a cell equal to one is its key column's cell
  const own = new Set(keys);
  for (const [k, v] of Object.entries(record)) if (isKeyField(k) && typeof v === 'string') own.add(v);
  return Object.entries(record).flatMap(([k, v]) => {
    const keyName = findCardNumbers(k, `${path}{key ${k}}`);
    return isKeyField(k) ? keyName : [...keyName, ...findCardNumbers(v, path ? `${path}.${k}` : k, own)];
  });
}
