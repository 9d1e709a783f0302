// Phishing guard (issue 14 item 10, 警惕诈骗): does this page imitate a known acquirer's portal
// on a domain that is not that acquirer's? Pure: the facts of the page come in (readPageSigns
// collects them, in the content script or through scripting.executeScript from the popup).
//
// Conservative by design: a warning on a real portal is worse than none. So
// - a page on any known acquirer's own domains is never an imitation (an acquirer's portal that
//   shows another brand's logo, e.g. a PayPal payment method on Adyen, is not phishing);
// - brand words that are also common words (Square, Stripe) count for less;
// - an imitation needs two brand signs' worth (a lookalike host counts two, a title naming the
//   brand two, a logo text one) AND a sign of intent: a password form or a lookalike host.
// A brand whose own domains no public source shows (付临门) is left out: without its domains,
// its real portal would be warned about.
import { t, type Locale } from './i18n/messages';
import { decodePunycode } from './punycode';

/** An acquirer SettleGuard knows, with the registrable domains its own sites live on. */
export interface AcquirerBrand {
  id: string;
  name: { zh: string; en: string };
  /** registrable domains (and their subdomains) that are the acquirer's own */
  domains: readonly string[];
  /** how the page may name it (title, logo text): matched case- and width-insensitively */
  names: readonly string[];
  /** what a lookalike hostname is built from (ASCII, compared after homoglyph folding) */
  hostTokens: readonly string[];
  /** its name is an everyday word (Square, Stripe): each sign from it counts for less */
  commonWord?: boolean;
}

// Domains: the built-in portal hosts (lib/portals/profiles.ts) and the acquirers' own public sites
// and API hosts seen in public integration code (s.lakala.com, service.chinaums.com,
// mgw.shengpay.com, mpaw.vbill.cn, paygate.leshuazf.com / t-paygate.lepass.cn, api.huifu.com…).
export const ACQUIRER_BRANDS: readonly AcquirerBrand[] = [
  { id: 'lakala', name: { zh: '拉卡拉', en: 'Lakala' }, domains: ['lakala.com'], names: ['拉卡拉', 'lakala'], hostTokens: ['lakala'] },
  {
    id: 'chinaums',
    name: { zh: '银联商务', en: 'China UMS' },
    domains: ['chinaums.com'],
    names: ['银联商务', 'chinaums', 'china ums'],
    hostTokens: ['chinaums', 'yinlianshangwu'],
  },
  { id: 'shengpay', name: { zh: '盛付通', en: 'Shengpay' }, domains: ['shengpay.com'], names: ['盛付通', 'shengpay'], hostTokens: ['shengpay', 'shengfutong'] },
  {
    id: 'suixingpay',
    name: { zh: '随行付', en: 'Suixingpay' },
    domains: ['suixingpay.com', 'vbill.cn'],
    names: ['随行付', 'suixingpay', 'vbill'],
    hostTokens: ['suixingpay', 'vbill'],
  },
  {
    id: 'leshua',
    name: { zh: '乐刷', en: 'Leshua' },
    domains: ['leshuazf.com', 'lepass.cn', 'yeahka.com'],
    names: ['乐刷', 'leshua'],
    hostTokens: ['leshua', 'leshuazf', 'yeahka'],
  },
  {
    id: 'huifu',
    name: { zh: '汇付天下', en: 'Huifu' },
    domains: ['huifu.com', 'chinapnr.com'],
    names: ['汇付天下', 'huifu', 'chinapnr'],
    hostTokens: ['huifu', 'chinapnr'],
  },
  {
    id: 'allinpay',
    name: { zh: '通联支付', en: 'Allinpay' },
    domains: ['allinpay.com'],
    names: ['通联支付', 'allinpay'],
    hostTokens: ['allinpay', 'tonglian'],
  },
  { id: '99bill', name: { zh: '快钱', en: '99Bill' }, domains: ['99bill.com'], names: ['快钱支付', '99bill'], hostTokens: ['99bill', 'kuaiqian'] },
  { id: 'yeepay', name: { zh: '易宝支付', en: 'YeePay' }, domains: ['yeepay.com'], names: ['易宝支付', 'yeepay'], hostTokens: ['yeepay'] },
  { id: 'stripe', name: { zh: 'Stripe', en: 'Stripe' }, domains: ['stripe.com'], names: ['stripe'], hostTokens: ['stripe'], commonWord: true },
  {
    id: 'square',
    name: { zh: 'Square', en: 'Square' },
    domains: ['squareup.com', 'squareupsandbox.com'],
    names: ['square'],
    hostTokens: ['squareup'],
    commonWord: true,
  },
  { id: 'adyen', name: { zh: 'Adyen', en: 'Adyen' }, domains: ['adyen.com'], names: ['adyen'], hostTokens: ['adyen'] },
  { id: 'paypal', name: { zh: 'PayPal', en: 'PayPal' }, domains: ['paypal.com'], names: ['paypal'], hostTokens: ['paypal'] },
];

/** What is read from the page (readPageSigns); every text bounded. */
export interface PageSigns {
  url: string;
  title: string;
  /** logo alt texts, elements named logo/brand, the first headings, og:site_name */
  brandTexts: readonly string[];
  /** a visible password field: the page asks to log in */
  hasPasswordForm: boolean;
}

export type PhishingReasonCode =
  | 'phishing.reason.title'
  | 'phishing.reason.logo'
  | 'phishing.reason.hostLookalike'
  | 'phishing.reason.hostHomoglyph'
  | 'phishing.reason.brandSubdomain'
  | 'phishing.reason.password'
  | 'phishing.reason.notOwnDomain';

export interface PhishingReason {
  code: PhishingReasonCode;
  /** plain strings; brand is the brand's id (brandName gives it in a locale) */
  params: Record<string, string>;
}

export interface PhishingAssessment {
  verdict: 'ok' | 'imitation';
  /** the brand imitated (verdict 'imitation' only) */
  brand?: string;
  reasons: PhishingReason[];
}

const WEIGHT = { host: 2, title: 2, logo: 1, password: 1 } as const;

/** Assesses a page: an imitation of a known acquirer's portal, or not. */
export function assessPage(signs: PageSigns, brands: readonly AcquirerBrand[] = ACQUIRER_BRANDS): PhishingAssessment {
  let url: URL;
  try {
    url = new URL(signs.url);
  } catch {
    return { verdict: 'ok', reasons: [] };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (brands.some((b) => isOwnedBy(host, b))) return { verdict: 'ok', reasons: [] };
  const titleBrands = brands.filter((b) => namesBrand(signs.title, b));
  const logoBrands = brands.filter((b) => signs.brandTexts.some((t) => namesBrand(t, b)));
  let best: { brand: AcquirerBrand; score: number; reasons: PhishingReason[] } | null = null;
  for (const brand of brands) {
    const reasons: PhishingReason[] = [];
    let brandScore = 0;
    const lookalike = hostLookalike(host, brand);
    if (lookalike) {
      brandScore += brand.commonWord ? 1 : WEIGHT.host;
      reasons.push(lookalike);
    }
    // a title naming several acquirers is a list of them (an agent's page), not an identity
    if (titleBrands.includes(brand)) {
      brandScore += brand.commonWord || titleBrands.length > 1 ? 1 : WEIGHT.title;
      reasons.push({ code: 'phishing.reason.title', params: { brand: brand.id, title: clip(signs.title) } });
    }
    // logos of several acquirers are payment methods on offer, not the page's own brand
    if (logoBrands.length === 1 && logoBrands[0] === brand) {
      brandScore += WEIGHT.logo;
      const text = signs.brandTexts.find((t) => namesBrand(t, brand)) ?? '';
      reasons.push({ code: 'phishing.reason.logo', params: { brand: brand.id, text: clip(text) } });
    }
    if (brandScore === 0) continue;
    const intent = signs.hasPasswordForm || lookalike !== null;
    const score = brandScore + (signs.hasPasswordForm ? WEIGHT.password : 0);
    if (brandScore < 2 || !intent || score < 3) continue;
    if (signs.hasPasswordForm) reasons.push({ code: 'phishing.reason.password', params: { brand: brand.id } });
    reasons.push({ code: 'phishing.reason.notOwnDomain', params: { brand: brand.id, host, domains: brand.domains.join(', ') } });
    if (!best || score > best.score) best = { brand, score, reasons };
  }
  return best ? { verdict: 'imitation', brand: best.brand.id, reasons: best.reasons } : { verdict: 'ok', reasons: [] };
}

export function brandById(id: string, brands: readonly AcquirerBrand[] = ACQUIRER_BRANDS): AcquirerBrand | undefined {
  return brands.find((b) => b.id === id);
}

/** True when host is one of the brand's registrable domains or a subdomain of one. */
export function isOwnedBy(host: string, brand: AcquirerBrand): boolean {
  return brand.domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The warning and its reasons as text in `locale` (the popup and the in-page banner show the same). */
export function describeImitation(locale: Locale, assessment: PhishingAssessment): { warning: string; reasons: string[] } {
  const name = (id: string | undefined) => {
    const brand = id ? brandById(id) : undefined;
    return brand ? (locale === 'zh-CN' ? brand.name.zh : brand.name.en) : '';
  };
  return {
    warning: t(locale, 'phishing.warning', { brand: name(assessment.brand) }),
    reasons: assessment.reasons.map((r) => t(locale, r.code, { ...r.params, brand: name(r.params.brand) })),
  };
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

// ── names in text ─────────────────────────────────────────────────────────────────────────

/** Width-folded, lower-cased, homoglyphs folded: 'Ｌａｋａｌａ' and 'Lаkala' (Cyrillic а) read 'lakala'. */
function foldText(text: string): string {
  return skeleton(text.normalize('NFKC').toLowerCase());
}

function namesBrand(text: string, brand: AcquirerBrand): boolean {
  if (!text) return false;
  const folded = foldText(text);
  return brand.names.some((name) => {
    const n = foldText(name);
    // CJK names stand alone in a title ('拉卡拉商户服务平台'); Latin ones must be whole words
    // ('Squarespace' is not Square, 'pinstripe' not Stripe)
    if (!/^[a-z0-9 ]+$/.test(n)) return folded.includes(n);
    return new RegExp(`(^|[^a-z0-9])${n.replace(/ /g, '\\s*')}($|[^a-z0-9])`).test(folded);
  });
}

// ── hostnames ─────────────────────────────────────────────────────────────────────────────

// look-alike characters folded to the Latin letter they imitate (Unicode confusables, the ones
// seen in IDN phishing: Cyrillic and Greek lower case, dotless i), and digits that pass for letters
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  к: 'k',
  м: 'm',
  т: 't',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  ε: 'e',
  τ: 't',
  ɑ: 'a',
  ı: 'i',
  ȷ: 'j',
  ɡ: 'g',
  ł: 'l',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

/** A string with look-alikes made equal: accents dropped, confusables folded, i/l and rn/m merged. */
export function skeleton(s: string): string {
  const bare = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const ch of bare) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/i/g, 'l');
}

// what phishing domains add to a brand: lakala-pay, mylakala, lakala88, lakalashanghu
const AFFIXES = new Set(
  'pay zhifu login signin secure merchant merchants mch shanghu portal service services fuwu online verify account my vip app web www kefu official guanwang cn china hk help support center'.split(
    ' ',
  ),
);

// second-level labels under which the registrable domain takes three labels (a short list: it
// only decides which label a reason names as "the site's own domain")
const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'ac']);

/** The registrable domain of a hostname, approximately (no public suffix list): 'a.b.evil.com.cn' → 'evil.com.cn'. */
export function registrableDomain(host: string): string {
  if (isIpAddress(host)) return host;
  const labels = host.split('.');
  const take = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/** The lookalike reason when a label of the host imitates one of the brand's host tokens. */
function hostLookalike(host: string, brand: AcquirerBrand): PhishingReason | null {
  if (isIpAddress(host) || host === 'localhost') return null;
  const registrable = registrableDomain(host);
  const labels = host.split('.');
  const ownLabels = registrable.split('.').length;
  // the top-level label names no brand
  for (let i = 0; i < labels.length - 1; i++) {
    const raw = labels[i]!;
    const decoded = raw.startsWith('xn--') ? (decodePunycode(raw.slice(4)) ?? raw) : raw;
    const folded = skeleton(decoded.normalize('NFKC').toLowerCase());
    if (!brand.hostTokens.some((token) => labelImitates(folded, skeleton(token)))) continue;
    const params = { brand: brand.id, host: decoded === raw ? host : `${host} (${decoded})`, registrable, domains: brand.domains.join(', ') };
    if (decoded !== raw || /[^a-z0-9-]/.test(decoded)) return { code: 'phishing.reason.hostHomoglyph', params };
    if (i < labels.length - ownLabels) return { code: 'phishing.reason.brandSubdomain', params };
    return { code: 'phishing.reason.hostLookalike', params };
  }
  return null;
}

function labelImitates(label: string, token: string): boolean {
  const pieces = label.split('-').filter(Boolean);
  if (pieces.some((p) => p === token || (token.length >= 6 && editDistanceAtMostOne(p, token)))) return true;
  const joined = pieces.join('');
  for (const rest of [joined.startsWith(token) ? joined.slice(token.length) : null, joined.endsWith(token) ? joined.slice(0, -token.length) : null]) {
    if (rest !== null && (AFFIXES.has(rest) || /^\d{1,4}$/.test(rest))) return true;
  }
  return false;
}

/** Levenshtein distance ≤ 1, or one swap of neighbours ('lakla', 'lakalla', 'lkaala'). */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ── reading the page ──────────────────────────────────────────────────────────────────────

/**
 * The page's signs, read from its DOM. Self-contained (no outside names, `document` by default)
 * so the popup can run this very function in the tab through scripting.executeScript.
 *
 * Bounded, since it runs before anything else on a page that may hold a 5,000-row table: logos
 * are looked for outside tables among the first 3,000 elements (a selector such as
 * [class*="logo" i] visits every cell: 38 ms on a 5,000-row page here, this walk 0.06 ms), and a text is read only up
 * to 120 characters.
 */
export function readPageSigns(doc: Document = document): PageSigns {
  const texts: string[] = [];
  const add = (s: string | null | undefined) => {
    const one = (s ?? '').replace(/\s+/g, ' ').trim();
    if (one && one.length <= 120 && texts.length < 30 && !texts.includes(one)) texts.push(one);
  };
  // the first 120 characters of an element's text, without reading all of a large one
  const shortText = (el: Element) => {
    const walk = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    let out = '';
    while (out.length <= 120 && walk.nextNode()) out += `${walk.currentNode.nodeValue ?? ''} `;
    return out.length <= 121 ? out : '';
  };
  const skip = new Set(['TABLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'svg']);
  const root = doc.body ?? doc.documentElement;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */, {
    acceptNode: (n) => (skip.has(n.nodeName) || (n as Element).getAttribute('role') === 'grid' ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  let named = 0;
  for (let seen = 0; seen < 3000 && named < 20 && walker.nextNode(); seen++) {
    const el = walker.currentNode as Element;
    const own = `${el.id} ${el.getAttribute('class') ?? ''}`;
    const isImg = el.nodeName === 'IMG';
    if (isImg && /logo/i.test(`${el.getAttribute('alt') ?? ''} ${el.getAttribute('src') ?? ''} ${own}`)) add(el.getAttribute('alt'));
    if (!/logo|brand/i.test(own)) continue;
    named++;
    add(el.getAttribute('alt') ?? el.getAttribute('title') ?? el.getAttribute('aria-label'));
    if (!isImg) add(shortText(el));
    for (const img of Array.from(el.querySelectorAll('img[alt]')).slice(0, 3)) add(img.getAttribute('alt'));
  }
  // tag-name collections and the head only: a document-wide selector would visit every cell again
  for (const h of Array.from(doc.getElementsByTagName('h1')).slice(0, 3)) add(shortText(h));
  add(doc.head?.querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
  add(doc.head?.querySelector('meta[name="application-name"]')?.getAttribute('content'));
  const inputs = Array.from(doc.getElementsByTagName('input')).slice(0, 500);
  const hasPasswordForm = inputs.some((el) => el.type === 'password' && el.getClientRects().length > 0);
  return { url: doc.location?.href ?? '', title: (doc.title ?? '').slice(0, 300), brandTexts: texts, hasPasswordForm };
}
