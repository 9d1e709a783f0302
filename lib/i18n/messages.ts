/**
 * UI text in zh-CN and en (STYLE.md: no hard-coded UI strings in components).
 *
 * The catalogues live in catalogue-en.ts (which defines `MessageKey`) and catalogue-zh-cn.ts.
 * Messages only the options page and popup show live in catalogue-pages-*.ts and are translated
 * by lib/i18n/pages.ts, so the content script does not carry them.
 * A key missing in zh-CN falls back to en; a key missing everywhere renders as the key itself.
 *
 * Placeholder grammar (deliberately tiny, no HTML, no nesting of a section in itself):
 *   {name}            the param, as plain text; a missing or blank param renders as
 *                     "unknown" / "未知" — never as the raw `{name}`
 *   {name:money}      a decimal-string amount in params.currency ("¥20.00", "US$3.10" / "$3.10")
 *   {name:number}     a count or decimal string with grouping ("12,345")
 *   {name:percent}    a decimal-string percentage: "0.6" → "0.6%"
 *   {name:date}       an IsoDate "2024-03-05" → "2024-03-05" / "Mar 5, 2024"
 *   {name:datetime}   a LocalDateTime "2024-03-05T12:01:10" → "2024-03-05 12:01:10" / "Mar 5, 2024, 12:01:10"
 *   {name:month}      "2024-03" → "2024-03" / "Mar 2024"
 *                     (each per the locale, by lib/i18n/format.ts: its header says which forms and why)
 *   {name:cardType}   a CardType code → its name ("debit" → "借记卡" / "Debit card")
 *   {name:status}     a TxnStatus code → its name
 *   {#name}…{/name}   the text between is kept only when `name` is present and not blank
 *   {name?one|other}  English plurals: `one` when the count `name` takes the singular in the
 *                     locale (Intl.PluralRules: 1 in English), else `other` — "{n} {n?line|lines}";
 *                     Chinese has no plural forms and does not need it
 * Param values are page-derived at times (terminal ids, fee labels): they are inserted once,
 * never re-scanned for placeholders, and control characters are removed.
 *
 * ── Finding explanations ──────────────────────────────────────────────────────────────────
 * The reconciliation engine emits `explanation: { key: 'finding.<kind>', params }`, every
 * param a string; money params are plain decimal strings (MoneyJson.amount form) in
 * params.currency; percentages are decimal strings of percent ('0.6' = 0.6 %); dates are
 * IsoDate, times LocalDateTime. `?` marks an optional param. Agreed params:
 *   duplicate_charge       {amount, currency, first, second (LocalDateTime), seconds, terminalId?, cardLast4?}
 *   fee_above_contract     {amount, currency, percent, fixed?, cap?, expected, charged, difference}
 *   debit_cap_ignored      {amount, currency, percent, cap, expected, charged, difference}
 *   settlement_shortfall   {settleDate, expectedValueDate, expected, received, difference, currency, count}
 * The other kinds use the names lib/reconcile emits (txnParams, groupParams, fee-audit params):
 *   wrong_card_rate        {amount, currency, cardType, rate, appliedRate?, expected, charged, difference}
 *   instant_fee_unexpected {amount, currency, instantFeeCharged, contractInstantFee?, settleCycle?, difference}
 *   rate_drift             {cardType, oldRate, newRate (percent), from (IsoDate), count, excess, currency}
 *   settlement_missing     {settleDate, expectedValueDate, expected, currency, count}
 *   void_still_settled     {amount, currency, rrn?, voidOccurredAt?, valueDate?}
 *   refund_problem         {amount, currency, originalAmount?, refundCount?, refunded?, difference?,
 *                           cashierOccurredAt?, dueBy?}   (over-refund or refund never processed)
 *   hidden_fee             {label, amount, currency, date, difference, contractAmount?, every?}
 *   unmatched_portal_sale  {amount, currency, occurredAt, window (seconds) → windowMinutes}
 *   missing_at_acquirer    {amount, currency, occurredAt, orderNo?}
 *   amount_mismatch        {portalAmount, cashierAmount, difference, currency, occurredAt}
 *   status_mismatch        {amount, currency, occurredAt, status (TxnStatus)}
 *   deposit_deducted       {difference, currency, label?, settleDate?, expected?, received?}
 *   chargeback_fee         {fee, currency, txnDate, contractFee?, difference}
 *   mcc_jump_risk          {count, lowestRate, floorRate (percent), cardType}
 *   fx_surcharge           {amount, currency, fxFeeCharged, cardCountry?}
 *   terminal_health        {terminalId, merchantId?, period (YYYY-MM), metric (TerminalMetric → {metric:terminalMetric}),
 *                           count, attempts, rate (percent), othersRate? | pastRate? (percent: the baseline used)}
 * renderExplanation also accepts the engine's names for the agreed kinds (EXPLANATION_ALIASES):
 * rate → percent; originalOccurredAt/occurredAt/secondsApart → first/second/seconds; a zero
 * `fixed` is treated as absent.
 * The dispute letter (lib/disputes) also reads `expected`, `charged`, `difference`,
 * `percent`, `fixed`, `cap` from these params for its itemized table.
 */
import type { FindingKind, Severity } from '../model';
import { isDecimalString } from '../money';
import { formatDate, formatDateTime, formatMoney, formatMonth, formatNumber, formatPercent } from './format';
import { EN, type MessageKey } from './catalogue-en';
import { ZH_CN } from './catalogue-zh-cn';
import { isBlank, toPlainLine } from './plain-text';

export { EN, ZH_CN, type MessageKey };

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export type MessageParams = Readonly<Record<string, string | number | undefined>>;

export interface Catalogues<K extends string> {
  en: Readonly<Record<K, string>>;
  'zh-CN': Readonly<Partial<Record<K, string>>>;
}

export const MESSAGES: Catalogues<MessageKey> = { en: EN, 'zh-CN': ZH_CN };

export type Translator<K extends string> = (locale: Locale, key: K, params?: MessageParams) => string;

/** Builds `t` over a catalogue pair; exported so the fallback rules can be tested on small ones. */
export function createTranslator<K extends string>(catalogues: Catalogues<K>): Translator<K> {
  const lookup = (locale: Locale, key: string): string | undefined => {
    const own = (catalogues[locale] as Partial<Record<string, string>>)[key];
    return own ?? (catalogues.en as Partial<Record<string, string>>)[key];
  };
  const translate = (locale: Locale, key: K, params: MessageParams = {}): string => {
    const template = lookup(locale, key);
    if (template === undefined) return key;
    return interpolate(template, params, {
      locale,
      unknown: lookup(locale, 'common.unknown') ?? 'unknown',
      name: (prefix, code) => lookup(locale, `${prefix}.${code}`),
    });
  };
  return translate;
}

/** Translates a UI message. */
export const t: Translator<MessageKey> = createTranslator(MESSAGES);

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(EN, key);
}

/** Renders a stored `Finding.explanation`; an unknown key (a newer rule) shows as the key. */
export function renderExplanation(locale: Locale, explanation: { key: string; params: Record<string, string> }): string {
  if (!isMessageKey(explanation.key)) return toPlainLine(explanation.key);
  return t(locale, explanation.key, explanationParams(explanation.params));
}

/** Param names the templates use ← the names the reconciliation engine may emit instead. */
export const EXPLANATION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  percent: ['rate'],
  first: ['originalOccurredAt'],
  second: ['occurredAt'],
  seconds: ['secondsApart'],
};

/** Fills template param names from their aliases and derived values; never overwrites a given param. */
export function explanationParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...params };
  for (const [name, aliases] of Object.entries(EXPLANATION_ALIASES)) {
    if (out[name] !== undefined) continue;
    const from = aliases.find((a) => params[a] !== undefined);
    if (from !== undefined) out[name] = params[from]!;
  }
  // "+ ¥0.00" says nothing: a zero fixed part is as good as none.
  if (out.fixed !== undefined && isDecimalString(out.fixed) && /^[+-]?0*\.?0*$/.test(out.fixed)) delete out.fixed;
  if (out.windowMinutes === undefined && out.window !== undefined && /^\d+$/.test(out.window)) {
    const seconds = Number(out.window);
    out.windowMinutes = seconds % 60 === 0 ? String(seconds / 60) : (seconds / 60).toFixed(1);
  }
  return out;
}

export function kindName(locale: Locale, kind: FindingKind): string {
  return t(locale, `kind.${kind}`);
}

export function severityName(locale: Locale, severity: Severity): string {
  return t(locale, `severity.${severity}`);
}

/** The language setting ('auto' follows the browser UI language) → a supported locale. */
export function resolveLocale(setting: 'auto' | Locale, uiLanguage: string): Locale {
  if (setting !== 'auto') return setting;
  return /^zh\b/i.test(uiLanguage) ? 'zh-CN' : 'en';
}

// ── interpolation ────────────────────────────────────────────────────────────────────────

interface InterpolationContext {
  locale: Locale;
  unknown: string;
  /** looks up a code's display name, e.g. ('cardType', 'debit') */
  name: (prefix: string, code: string) => string | undefined;
}

const SECTION = /\{#([A-Za-z][A-Za-z0-9_]*)\}([\s\S]*?)\{\/\1\}/g;
const PLURAL = /\{([A-Za-z][A-Za-z0-9_]*)\?([^{}|]*)\|([^{}]*)\}/g;
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?::([A-Za-z]+))?\}/g;

/** The param names a template uses (placeholders and sections), for catalogue checks. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{[#/]?([A-Za-z][A-Za-z0-9_]*)(?::[A-Za-z]+)?\}/g)) names.add(m[1]!);
  return [...names].sort();
}

function paramText(params: MessageParams, name: string): string | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  const text = typeof raw === 'number' ? String(raw) : raw;
  return isBlank(text) ? undefined : toPlainLine(text);
}

function interpolate(template: string, params: MessageParams, ctx: InterpolationContext): string {
  // Sections first, on template text only; values are inserted in one pass afterwards so a
  // value that looks like "{x}" stays literal.
  const withSections = template
    .replace(SECTION, (_all, name: string, body: string) => (paramText(params, name) === undefined ? '' : body))
    .replace(PLURAL, (_all, name: string, one: string, other: string) => {
      const count = paramText(params, name);
      return count !== undefined && new Intl.PluralRules(ctx.locale).select(Number(count.replace(/,/g, ''))) === 'one' ? one : other;
    });
  return withSections.replace(PLACEHOLDER, (_all, name: string, format: string | undefined) => {
    const value = paramText(params, name);
    if (value === undefined) return ctx.unknown;
    return formatValue(value, format, params, ctx);
  });
}

function formatValue(value: string, format: string | undefined, params: MessageParams, ctx: InterpolationContext): string {
  switch (format) {
    case 'money': {
      if (!isDecimalString(value)) return value;
      const currency = paramText(params, 'currency');
      return currency === undefined ? value : formatMoney(ctx.locale, { amount: value, currency });
    }
    case 'number':
      return formatNumber(ctx.locale, value);
    case 'percent':
      return formatPercent(ctx.locale, value);
    case 'date':
      return formatDate(ctx.locale, value);
    case 'datetime':
      return formatDateTime(ctx.locale, value);
    case 'month':
      return formatMonth(ctx.locale, value);
    case 'cardType':
      return ctx.name('cardType', value) ?? value;
    case 'status':
      return ctx.name('txnStatus', value) ?? value;
    case 'period':
      return ctx.name('period', value) ?? value;
    case 'terminalMetric':
      return ctx.name('terminalMetric', value) ?? value;
    default:
      return value;
  }
}
