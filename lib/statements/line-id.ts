// The StatementLine id rule of DESIGN.md §3, shared by every statement parser: deterministic from
// content — account + bookedOn + amount + reference (or description) + occurrence index — so that
// importing an overlapping file adds nothing, while two identical lines in one file (two equal
// coffees on one day) stay two lines.
import { OccurrenceCounter, stableId } from '../ids';
import type { IsoDate, MoneyJson } from '../model';

export class StatementLineIds {
  private readonly counter = new OccurrenceCounter();

  /** `reference` must already be free of placeholders (NONREF, '-', all zeros): see isPlaceholderReference. */
  next(parts: { accountId?: string; bookedOn: IsoDate; amount: MoneyJson; reference?: string; description: string }): string {
    const key = [parts.accountId ?? '', parts.bookedOn, parts.amount.amount, parts.amount.currency, parts.reference ?? parts.description];
    const occurrence = this.counter.next(key.join('\u001f'));
    return stableId('sl', [...key, occurrence]);
  }
}

/**
 * References that identify nothing: SWIFT's NONREF, dashes and slashes that exports put in empty
 * cells, and runs of zeros (ABC's 日志号 "0000000000" on interest rows). Using one as a key would
 * merge unrelated lines, so they are dropped (DESIGN.md §3: "never a placeholder like NONREF").
 */
export function isPlaceholderReference(ref: string): boolean {
  const s = ref.trim();
  return s === '' || /^nonref$/i.test(s) || /^[-—/\\*.x]+$/i.test(s) || /^0+$/.test(s) || /^(n\/?a|none|null)$/i.test(s);
}
