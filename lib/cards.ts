// Card numbers and card types as portals show them. SettleGuard stores only the BIN (first 6)
// and the last 4 digits of a card (DESIGN.md §3: "never a full card number"), so every piece of
// page text passes through `maskCardNumbers` before anything else reads it.
import type { CardType, StatementLine } from './model';

/**
 * A full PAN as people write it: 13–19 contiguous digits, or digits in the groupings printed on
 * cards and receipts (4-4-4-4[-3], Amex 4-6-5, UnionPay 6-13). Grouped forms only accept those
 * groupings so that ranges such as "20240301-20240331" (two 8-digit dates) are not taken for a
 * card. Luhn validity is deliberately not required: a mistyped or test PAN is still a PAN.
 */
const PAN = new RegExp(
  [
    '(?<![\\d*])\\d{13,19}(?![\\d*])',
    '(?<![\\d*])\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}(?![\\d*])',
    '(?<![\\d*])\\d{4}[ -]\\d{6}[ -]\\d{5}(?![\\d*])',
    '(?<![\\d*])\\d{6}[ -]\\d{7,13}(?![\\d*])',
  ].join('|'),
  'g',
);

/** Masks one PAN: first 6, one `*` per hidden digit, last 4 ("6222021234567890" → "622202******7890"). */
function maskPan(pan: string): string {
  const digits = pan.replace(/\D/g, '');
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

/**
 * False when `text` cannot hold a PAN: every PAN form is a stretch of digits, spaces and hyphens
 * with at least 13 digits. Most page text (amounts, dates, masked cards) fails this cheap scan,
 * and never meets the PAN pattern with its lookbehinds.
 */
function mayHoldPan(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= 13) return true;
    } else if (c !== 32 && c !== 45) digits = 0;
  }
  return false;
}

/** Replaces every full card number in `text` by its masked form; everything else is unchanged. */
export function maskCardNumbers(text: string): string {
  if (!mayHoldPan(text)) return text;
  return text.replace(PAN, (m) => maskPan(m));
}

/** True when `text` contains something `maskCardNumbers` would mask. */
export function hasFullCardNumber(text: string): boolean {
  if (!mayHoldPan(text)) return false;
  PAN.lastIndex = 0;
  const found = PAN.test(text);
  PAN.lastIndex = 0;
  return found;
}

/**
 * The PANs of free text: a bank line's description or counterparty, an issue's raw line, an
 * account id. There, unlike in a card column, a long number is usually a reference (订单号,
 * 流水号, an invoice, a counter-account), so a number is taken for a card only when it could be
 * one: the PAN shapes above, Luhn-valid, not starting with 0 (ISO/IEC 7812 gives issuers no MII
 * 0), a length its first digits allow, and not part of an IBAN. A 商户号 is 15 digits: the only
 * 15-digit cards are American Express (34, 37), so a 15-digit number without that prefix is a
 * merchant number, never masked. In columns, a key column (商户号, 参考号…) is told apart by its
 * role instead (lib/portals/columns.ts IDENTIFIER_ROLES, Columns.cells keys).
 */
export function maskCardNumbersInText(text: string): string {
  if (!mayHoldPan(text)) return text;
  let ibans: [number, number][] | undefined;
  return text.replace(PAN, (m, ...rest) => {
    const at = rest[rest.length - 2] as number;
    if (!isPlausiblePan(m.replace(/\D/g, ''))) return m;
    ibans ??= ibanSpans(text);
    return ibans.some(([from, to]) => at < to && at + m.length > from) ? m : maskPan(m);
  });
}

/** True when `text` holds a number maskCardNumbersInText would mask. */
export function hasCardNumberInText(text: string): boolean {
  return maskCardNumbersInText(text) !== text;
}

/** A bank line with full card numbers masked in its text; the same object when it held none. */
export function maskStatementLine(line: StatementLine): StatementLine {
  // a backup's lines are masked before they are checked: a field may hold anything (null, a number)
  const text = <T>(v: T): T => (typeof v === 'string' ? (maskCardNumbersInText(v) as T) : v);
  const description = text(line.description);
  const counterparty = text(line.counterparty);
  const accountId = text(line.accountId);
  if (description === line.description && counterparty === line.counterparty && accountId === line.accountId) return line;
  return { ...line, description, ...(counterparty === undefined ? {} : { counterparty }), ...(accountId === undefined ? {} : { accountId }) };
}

/** Luhn, and the lengths card networks issue for the first digits (13: Visa; 14: Diners; 15: Amex). */
function isPlausiblePan(digits: string): boolean {
  const n = digits.length;
  if (n < 13 || n > 19 || digits[0] === '0') return false;
  if (n === 13 && digits[0] !== '4') return false;
  if (n === 14 && !/^3[0689]/.test(digits)) return false;
  if (n === 15 && !/^3[47]/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let d = digits.charCodeAt(n - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Where `text` holds an IBAN (ISO 13616: country, check digits, up to 30 letters or digits, mod 97 = 1), printed in groups or not. */
function ibanSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g)) {
    // the longest prefix that checks: the pattern may run on into the next word
    for (let end = m[0].length; end >= 15; end--) {
      const candidate = m[0].slice(0, end);
      if (/ $/.test(candidate) || !isIban(candidate.replace(/ /g, ''))) continue;
      spans.push([m.index, m.index + end]);
      break;
    }
  }
  return spans;
}

function isIban(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const c of moved) {
    const v = c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48;
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest === 1;
}

export interface CardRef {
  bin?: string;
  last4?: string;
}

// mask characters seen on portals: *, x, X, •, ·, ●, #
const MASK = '[*xX•·●#]';
// a masked number: leading digits, a run of mask characters (possibly spaced), 4 trailing digits
const MASKED = new RegExp(`(?<!\\d)(\\d[\\d -]*)?((?:${MASK}[ -]?)+)(\\d{4})(?!\\d)`);
const TAIL = /(?:尾号(?:为)?|后四位|末四位|ending\s+in|last\s*4|ends?\s+with)\s*[:：]?\s*(\d{4})(?!\d)/i;

/**
 * Reads the BIN and last 4 digits from what a card column shows: "6222023********0000",
 * "622202******0000", "6222 02** **** 0000", "**** 1234", "Visa •••• 4242", "尾号1234",
 * "后四位 1234", "ending in 4242", or just "1234" (Square's PAN Suffix). A full PAN is accepted
 * too (only its BIN and last 4 are returned). The BIN needs 6 shown digits; "6222****0000"
 * gives the last 4 only.
 */
export function readCard(text: string): CardRef {
  const s = maskCardNumbers(text.replace(/[\u00a0\u3000]/g, ' ')).trim();
  if (!s) return {};
  const tail = s.match(TAIL);
  if (tail) return { last4: tail[1]! };
  const masked = s.match(MASKED);
  if (masked) {
    const lead = (masked[1] ?? '').replace(/\D/g, '');
    const ref: CardRef = { last4: masked[3]! };
    if (lead.length >= 6) ref.bin = lead.slice(0, 6);
    return ref;
  }
  const compact = s.replace(/[ -]/g, '');
  if (/^\d{4}$/.test(compact)) return { last4: compact };
  return {};
}

/**
 * Card type (funding) or wallet from the words portals use (DOMAIN.md §1.1 卡类别/卡性质, §1.4
 * channels, Stripe `card_funding`). Order matters: 外卡 beats the funding word ("境外借记卡" is
 * priced as a foreign card), 准贷记卡 must be tested before 贷记卡 which it contains.
 */
export function normaliseCardType(text: string): CardType {
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return 'unknown';
  if (/外卡|境外|国际卡|foreign|international/.test(s)) return 'foreign';
  if (/微信|wechat|weixin|wxpay/.test(s)) return 'qr_wechat';
  if (/支付宝|alipay/.test(s)) return 'qr_alipay';
  if (/云闪付|银联二维码|银联扫码|unionpayqr|quickpass|ysf/.test(s)) return 'qr_unionpay';
  if (/准贷记|semi-?credit/.test(s)) return 'semi_credit';
  if (/贷记|信用卡|credit/.test(s) || s === '贷' || s === 'c') return 'credit';
  if (/借记|储蓄卡|debit/.test(s) || s === '借' || s === 'd') return 'debit';
  if (/预付|prepaid|礼品卡|购物卡/.test(s)) return 'prepaid';
  return 'unknown';
}

// A header that names a card number column (卡号, Card No., PAN, 交易账号, Account). 账号/account
// alone is how Chinese portals and bank exports label a payer's card, so it counts; qualified by
// whose account it is (the merchant's, the settlement's, the payee's) or naming another key, it is
// not a card: a 15-digit 商户号 in a "Merchant Account" column is the merchant's own identifier.
const CARD_HEADER = /卡号|card|(?<![a-z])pan(?![a-z])|账号|account/i;
const NOT_CARD_HEADER = /商户|门店|结算|收款|入账|终端|订单|merchant|store|settle|payee|payout|terminal|order/i;

/**
 * The one card-column rule (issue 14 item 4): a cell under such a header is always masked by the
 * portal reader, and the background refuses a capture whose cell there still holds a full card
 * number. Both sides call this, so a batch the reader built is never refused for a column it kept.
 */
export function isCardNumberHeader(header: string): boolean {
  return CARD_HEADER.test(header) && !NOT_CARD_HEADER.test(header);
}

/** The first header of `cells` whose text breaks the card-column rule, if any (for the refusal's reason). */
export function fullCardNumberColumn(cells: Record<string, unknown>): string | undefined {
  for (const [header, text] of Object.entries(cells)) {
    if (typeof text === 'string' && isCardNumberHeader(header) && hasFullCardNumber(text)) return header;
  }
  return undefined;
}
