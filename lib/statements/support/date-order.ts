// Day/month order of dates like 03/04/2024 (DESIGN.md §1 rule 2: never guessed — decided by what
// the file says, else asked). The evidence, strongest first:
//   1. dates: any date whose first part is above 12 is day-first, second part above 12 month-first;
//   2. the merchant's answer (ParseOptions.dateOrder), asked for by the import preview;
//   3. DD.MM.YYYY with dots: the continental form; nobody writes month-first with dots;
//   4. the headers' language: Spanish, French, German, Portuguese, Italian, Dutch… write day first;
//   5. a decimal comma in the amounts (1.234,56): a continental European export;
//   6. US English: English headers and amounts in $ (USD) are month-first. English alone is not
//      enough — British, Hong Kong and Australian exports are day-first;
// and a format may add its own (PayPal's row order, a headerless file's date span). Nothing
// deciding is not refused: the order is null and the preview asks.
import type { DateOrder, DateOrderDecision, Issue } from '../../model';
import { makeIssue } from '../../i18n/issues';

/** Header words by language, lower case; a header counts when it is one of them or starts with one. */
const LANGUAGE_WORDS: Record<string, string[]> = {
  Spanish: [
    'fecha',
    'importe',
    'bruto',
    'neto',
    'comisión',
    'comision',
    'descripción',
    'descripcion',
    'divisa',
    'moneda',
    'concepto',
    'nombre',
    'estado',
    'hora',
    'zona horaria',
    'id. de transacción',
    'movimiento',
  ],
  French: [
    'libellé',
    'libelle',
    'montant',
    'débit',
    'crédit',
    'solde',
    'devise',
    'opération',
    'heure',
    'nom',
    'état',
    'avant commission',
    'date de valeur',
    "date d'opération",
  ],
  German: [
    'datum',
    'buchungstag',
    'betrag',
    'umsatz',
    'verwendungszweck',
    'währung',
    'wertstellung',
    'buchungstext',
    'uhrzeit',
    'brutto',
    'netto',
    'gebühr',
    'guthaben',
    'empfänger',
    'auftraggeber',
  ],
  Portuguese: ['data', 'valor', 'descrição', 'descricao', 'histórico', 'historico', 'lançamento', 'lancamento', 'moeda', 'taxa', 'líquido'],
  Italian: ['importo', 'descrizione', 'causale', 'dare', 'avere', 'valuta', 'lordo', 'tariffa', 'stato', 'ora', 'data valuta'],
  Dutch: ['bedrag', 'omschrijving', 'tegenrekening', 'af bij', 'mededelingen', 'rentedatum', 'munt', 'naam'],
};
const ENGLISH_WORDS = [
  'date',
  'time',
  'description',
  'amount',
  'balance',
  'gross',
  'fee',
  'net',
  'currency',
  'name',
  'type',
  'status',
  'transaction id',
  'debit',
  'credit',
  'memo',
  'payee',
  'reference',
  'posting date',
  'details',
];

function wordsHit(headers: string[], words: string[]): string[] {
  return headers.filter((h) => {
    const n = h.trim().toLowerCase();
    return n !== '' && words.some((w) => n === w || n.startsWith(`${w} `));
  });
}

/** The headers' language when they are clearly not English: the language and the headers that say so. */
export function headerLanguage(headers: string[]): { language: string; seen: string[] } | null {
  const english = wordsHit(headers, ENGLISH_WORDS).length;
  let best: { language: string; seen: string[] } | null = null;
  for (const [language, words] of Object.entries(LANGUAGE_WORDS)) {
    const seen = wordsHit(headers, words);
    if (seen.length > english && seen.length > (best?.seen.length ?? 0)) best = { language, seen };
  }
  return best;
}

export function isEnglishHeader(headers: string[]): boolean {
  const english = wordsHit(headers, ENGLISH_WORDS).length;
  return english >= 2 && headerLanguage(headers) === null;
}

export interface LocaleEvidence {
  headers: string[];
  /** the amounts use a decimal comma */
  decimalComma: boolean;
  /** the amounts are in dollars ($ signs, or a stated currency USD) */
  dollars: boolean;
  /** every ambiguous-form date is written with dots (DD.MM.YYYY) */
  dotted?: boolean;
  /** the merchant's answer, when the preview asked */
  caller?: DateOrder;
}

/**
 * The order when the dates themselves do not decide it (no part above 12), from the evidence
 * 2–6 above, or null: nothing decides and the merchant must be asked.
 */
export function orderWithoutDayAbove12(e: LocaleEvidence): DateOrderDecision {
  if (e.caller) return { order: e.caller, decidedBy: 'merchant', detail: e.caller === 'dmy' ? 'day first, as chosen' : 'month first, as chosen' };
  if (e.dotted) return { order: 'dmy', decidedBy: 'dotted', detail: 'dates written DD.MM.YYYY' };
  const language = headerLanguage(e.headers);
  if (language) return { order: 'dmy', decidedBy: 'language', detail: `headers in ${language.language}: ${language.seen.slice(0, 3).join(', ')}` };
  if (e.decimalComma) return { order: 'dmy', decidedBy: 'decimal_comma', detail: 'amounts written with a decimal comma (1.234,56)' };
  if (e.dollars && isEnglishHeader(e.headers)) return { order: 'mdy', decidedBy: 'currency', detail: 'English headers and amounts in US dollars' };
  return { order: null, decidedBy: 'none', detail: 'no date has a day above 12 and the headers, amounts and currency do not say' };
}

/** The decision when the dates themselves decide: counts of dates with a first / second part above 12. */
export function orderFromDates(firstAbove12: number, secondAbove12: number): DateOrderDecision | null {
  if (firstAbove12 > 0 && secondAbove12 === 0)
    return { order: 'dmy', decidedBy: 'dates', detail: `${firstAbove12} date(s) with a day above 12 in first place` };
  if (secondAbove12 > 0 && firstAbove12 === 0)
    return { order: 'mdy', decidedBy: 'dates', detail: `${secondAbove12} date(s) with a day above 12 in second place` };
  return null;
}

/** Counts of D/M/YYYY-form dates: only the first part above 12, only the second, both ≤ 12 and different. */
export function countSlashDates(texts: Iterable<string>): { first: number; second: number; ambiguous: number } {
  let first = 0;
  let second = 0;
  let ambiguous = 0;
  for (const t of texts) {
    const m = t.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/);
    if (!m) continue;
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) first++;
    if (b > 12 && a <= 12) second++;
    if (a <= 12 && b <= 12 && a !== b) ambiguous++;
  }
  return { first, second, ambiguous };
}

/** The first date that day-first and month-first read differently, as written; undefined when none. */
export function ambiguousExample(texts: Iterable<string>): string | undefined {
  for (const t of texts) {
    const m = t.trim().match(/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/);
    if (m && +m[1]! <= 12 && +m[2]! <= 12 && +m[1]! !== +m[2]!) return m[0];
  }
  return undefined;
}

/** The warning about a decision taken on evidence other than the dates: which order, and why. */
export function assumedOrderIssue(d: DateOrderDecision, where: { field?: string } = {}): Issue {
  return makeIssue(
    'warning',
    d.order === 'mdy' ? 'issue.date_order_assumed.mdy' : 'issue.date_order_assumed.dmy',
    { byKey: `issuePart.orderBy.${d.decidedBy}` },
    where,
  );
}
