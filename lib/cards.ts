// Card numbers and card types as portals show them. SettleGuard stores only the BIN (first 6)
// and the last 4 digits of a card (DESIGN.md §3: "never a full card number"), so every piece of
// page text passes through `maskCardNumbers` before anything else reads it.
import type { CardType } from './model';

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
    if (c >= 48 && c <= 57) { if (++digits >= 13) return true; }
    else if (c !== 32 && c !== 45) digits = 0;
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
