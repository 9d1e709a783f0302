// The bank's positive credits, indexed once per analysis and shared by the passes that pair them
// with settlement groups (settlement-credits.ts) and the review that looks at what is left
// (settlement-book.ts). Each credit is one object, listed under its booking date and, when it
// differs, its value date; each pass keeps its own orderings of a date's credits on the day
// (the passes by amount then line id, the review by amount then statement order). Built twice,
// once per step, the two indexes were a fifth of the settlement's time at 100k rows.
import { type Dec, amountOf, centsOf } from '../money';
import type { IsoDate, StatementLine } from '../model';
import { SETTLEMENT_CREDIT, lineText } from './labels';
import { memoMerchantReader } from './memo-merchant';
import type { SettlementGroup } from './settlement';
import type { Amt } from './settlement-amounts';

export class BankCredit {
  /** taken by a group in the passes (settlement-credits.ts) */
  claimed = false;
  /**
   * The groups holding a line of this credit's id (settlement-book.ts), kept on the first credit
   * of the id (`first`): one group, an array when several, undefined when free.
   */
  holders: SettlementGroup | SettlementGroup[] | undefined;
  /** the first credit whose line has this id (itself, unless the statement repeats an id) */
  first: BankCredit = this;
  /** the next credit whose line has the same id */
  sameId: BankCredit | undefined;
  /** the merchant number the memo names: null until read (CreditIndex.midOf) */
  memoMid: string | undefined | null = null;
  private dec: Dec | undefined;

  constructor(
    readonly line: StatementLine,
    /** the line's place in the statement lines: a date's credits are listed in this order */
    readonly seq: number,
    /** the amount as the passes compare it (cents or Decimal, settlement-amounts.ts) */
    readonly amt: Amt,
    /** the amount in whole cents (lib/money.ts centsOf), NaN when it is not: then only `amount` orders it */
    readonly cents: number,
    /** its text reads as a settlement (labels.ts SETTLEMENT_CREDIT) */
    readonly settlementLike: boolean,
    private readonly index: CreditIndex,
  ) {}

  /** the amount as a Decimal, made on the first ask: the review reads a few credits' amounts, not a million */
  get amount(): Dec {
    return (this.dec ??= typeof this.amt === 'number' ? amountOf(this.line.amount) : this.amt);
  }

  /** the booking date */
  get date(): IsoDate {
    return this.line.bookedOn;
  }

  /** lineText(line), made when asked: kept for every credit it would hold a string per bank line */
  get text(): string {
    return lineText(this.line);
  }

  /** listed under two dates (its booking and its value date) */
  get twoDates(): boolean {
    return !!this.line.valueOn && this.line.valueOn !== this.line.bookedOn;
  }

  /** some group holds a line of this id */
  get held(): boolean {
    return this.first.holders !== undefined;
  }

  /** the merchant number its memo names, if any (read when first asked: most credits never are) */
  get mid(): string | undefined {
    return this.index.midOf(this);
  }
}

/** A date's credits in statement order, and the orderings the passes and the review make of them. */
export interface CreditDay {
  inOrder: BankCredit[];
  /** the passes': by amount then line id, claimed ones dropped as they go (settlement-credits.ts) */
  byAmountId?: BankCredit[];
  settlementByAmountId?: BankCredit[];
  /** the review's: by amount then statement order, made on the first ask */
  byAmount?: BankCredit[];
  /** byAmount less the credits that can fit no group and those some group holds (settlement-book.ts) */
  free?: BankCredit[];
}

export class CreditIndex {
  /** every credit in statement order */
  readonly all: BankCredit[] = [];
  /** by currency, then date (booking and value date) */
  readonly byCurrency = new Map<string, Map<IsoDate, CreditDay>>();
  /** the first credit of each line id (the others follow by sameId) */
  private readonly byId = new Map<string, BankCredit>();
  private readMid: ((text: string) => string | undefined) | undefined;
  private mids: readonly string[] = [];

  /** `amountAt(i)`: lines[i]'s amount as the passes compare it; a line is a credit when it is above `zero` */
  constructor(lines: readonly StatementLine[], amountAt: (i: number) => Amt, zero: Amt) {
    let lastOfId: Map<string, BankCredit> | undefined;
    for (let seq = 0; seq < lines.length; seq++) {
      const l = lines[seq]!;
      const amt = amountAt(seq);
      if (!(typeof amt === 'number' ? amt > (zero as number) : amt.greaterThan(zero as Dec))) continue;
      const c = new BankCredit(
        l,
        seq,
        amt,
        typeof amt === 'number' ? amt : (centsOf(l.amount.amount) ?? Number.NaN),
        SETTLEMENT_CREDIT.test(lineText(l)),
        this,
      );
      const first = this.byId.get(l.id);
      if (!first) this.byId.set(l.id, c);
      else {
        // a repeated id (rare): linked after the last credit of the id so far
        lastOfId ??= new Map();
        const last = lastOfId.get(l.id) ?? first;
        last.sameId = c;
        c.first = first;
        lastOfId.set(l.id, c);
      }
      this.all.push(c);
      let byDate = this.byCurrency.get(l.amount.currency);
      if (!byDate) this.byCurrency.set(l.amount.currency, (byDate = new Map()));
      addTo(byDate, l.bookedOn, c);
      if (l.valueOn && l.valueOn !== l.bookedOn) addTo(byDate, l.valueOn, c);
    }
  }

  /** The first credit of a line id (undefined when no credit has it). */
  firstOfId(id: string): BankCredit | undefined {
    return this.byId.get(id);
  }

  /** The credit of line `l` (undefined when it is not a credit). */
  creditOf(l: StatementLine): BankCredit | undefined {
    for (let c = this.byId.get(l.id); c; c = c.sameId) if (c.line === l) return c;
    return undefined;
  }

  /** The credits of a line id, in statement order. */
  creditsOfId(id: string): BankCredit[] {
    const out: BankCredit[] = [];
    for (let c = this.byId.get(id); c; c = c.sameId) out.push(c);
    return out;
  }

  /** `g` holds credit `c`'s line id (on the id's first credit); true when the id was free. */
  hold(c: BankCredit, g: SettlementGroup): boolean {
    const first = c.first;
    const h = first.holders;
    if (h === undefined) first.holders = g;
    else if (Array.isArray(h)) h.push(g);
    else first.holders = [h, g];
    return h === undefined;
  }

  /** The merchant numbers memos are read for (the groups' MIDs; the review sets them once). */
  readMidsOf(mids: readonly string[]): void {
    this.mids = mids;
    this.readMid = undefined;
  }

  /** The merchant number a credit's memo names (memo-merchant.ts), read once per credit. */
  midOf(c: BankCredit): string | undefined {
    if (this.mids.length === 0) return undefined;
    if (c.memoMid === null) c.memoMid = this.midOfText(c.text);
    return c.memoMid;
  }

  /** The merchant number a memo names, for a line that is not a credit (not remembered). */
  midOfText(text: string): string | undefined {
    if (this.mids.length === 0) return undefined;
    return (this.readMid ??= memoMerchantReader(this.mids))(text);
  }
}

function addTo(byDate: Map<IsoDate, CreditDay>, d: IsoDate, c: BankCredit): void {
  const day = byDate.get(d);
  if (day) day.inOrder.push(c);
  else byDate.set(d, { inOrder: [c] });
}
