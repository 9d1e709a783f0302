// Known acquirer portals as data (issue 3 "Known portals as data"). A profile says where a portal
// lives (match patterns in the extension's own syntax), which table family it is drawn with when
// known, what its odd column names mean, and the currency and time zone its amounts and times are
// shown in. readPortalTables picks the profile by URL; the content script's built-in `matches`
// are the patterns below (entrypoints/portal.content/index.ts).
//
// Hostnames are only listed where public sources show them in use as the merchant-facing portal
// (see `source`). Where none could be justified the patterns are empty: the profile then does not
// apply by URL — the merchant enables the site from the popup and the generic detector reads it.
// tests/unit/portals/profiles.test.ts checks every example URL matches its own profile and no other.
// A profile is kept in two lists joined by id: how it is read (READING, the only part the content
// script ships) and what it is with the evidence for its hosts (FACTS: name, zone, examples, source).

/** How a portal is read: where it lives and what its columns and amounts mean. */
export interface PortalReading {
  /** reported as PortalTransaction.portal; kebab-case */
  id: string;
  /** match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns) */
  matches: string[];
  /** the table family its transaction lists are known to use (a TableReader id), when known */
  family?: string;
  /** header → PortalTransaction field for columns the synonyms do not know (null = not data) */
  columnHints: Record<string, string | null>;
  /** ISO 4217 code for amounts shown without a symbol */
  currency: string;
}

/** What a portal is, and the evidence for its patterns. */
export interface PortalFacts {
  name: { zh: string; en: string };
  /** IANA zone of the times the portal shows (PortalTransaction.occurredAt is local to it) */
  timeZone: string;
  /** URLs of this portal that must match `matches` (and no other profile) */
  examples: string[];
  /** where the hostnames come from */
  source: string;
}

export type PortalProfile = PortalReading & PortalFacts;

// How each portal is read: all the content script needs, so only this list is shipped in it.
const READING: readonly PortalReading[] = [
  {
    id: 'lakala',
    // s.lakala.com: the merchant self-service site; public scripts query its trade list
    // (cond.merId, cond.refNo, cond.posId…) and take terminal data "数据来源 s.lakala.com".
    matches: ['https://s.lakala.com/*'],
    columnHints: { 拉卡拉流水号: 'voucherNo', 对账单流水号: 'voucherNo', '终端编号(posId)': 'terminalId' },
    currency: 'CNY',
  },
  {
    id: 'chinaums',
    // service.chinaums.com/uis: the 银联商务 merchant service platform (login, 对账明细查询
    // accountCheckDetailQry, /uisportalfront SPA).
    matches: ['https://service.chinaums.com/*'],
    columnHints: { 清算金额: 'net', 划账金额: 'net', 交易卡号: 'cardLast4' },
    currency: 'CNY',
  },
  {
    id: 'shengpay',
    // only API hosts (mgw/mas/mchapi.shengpay.com) are public; no merchant-portal host could be justified
    matches: [],
    columnHints: {},
    currency: 'CNY',
  },
  {
    id: 'suixingpay',
    // mpaw.vbill.cn appears in public front-end code, but nothing shows it is the merchant's
    // transaction portal, so it is not listed
    matches: [],
    columnHints: {},
    currency: 'CNY',
  },
  {
    id: 'huifu',
    // paas.huifu.com is the developer documentation and api.huifu.com the API; no merchant console host is public
    matches: [],
    columnHints: { 汇付全局流水号: 'orderNo', 手续费金额: 'fee' },
    currency: 'CNY',
  },
  {
    id: 'stripe',
    matches: ['https://dashboard.stripe.com/*'],
    family: 'aria-grid',
    columnHints: { Net: 'net', 'Available on': 'settleDate', 'Payment method': 'cardType' },
    currency: 'USD',
  },
  {
    id: 'square',
    matches: ['https://squareup.com/dashboard/*', 'https://app.squareup.com/*'],
    family: 'aria-grid',
    columnHints: { 'PAN Suffix': 'cardLast4', 'Total Collected': 'amount', Fees: 'fee', 'Net Total': 'net', 'Deposit ID': 'payoutId' },
    currency: 'USD',
  },
  {
    id: 'adyen',
    matches: ['https://ca-live.adyen.com/*'],
    columnHints: { 'Psp Reference': 'orderNo', 'Merchant Reference': 'orderNo', 'Commission (NC)': 'fee', 'Batch Number': 'batchNo' },
    currency: 'EUR',
  },
];

// What each portal is and where its hosts come from: for the tests and for people, not shipped.
const FACTS: Record<string, PortalFacts> = {
  lakala: {
    name: { zh: '拉卡拉', en: 'Lakala' },
    timeZone: 'Asia/Shanghai',
    examples: ['https://s.lakala.com/trade/query.action', 'https://s.lakala.com/'],
    source: 'public code: PHP trade-query script (host https://s.lakala.com, cond.merId/cond.refNo); Django model LKLTerminal "数据来源s.lakala.com"',
  },
  chinaums: {
    name: { zh: '银联商务', en: 'China UMS' },
    timeZone: 'Asia/Shanghai',
    examples: ['https://service.chinaums.com/uis/accountCheckDetailQry/toAccountCheck', 'https://service.chinaums.com/uisportalfront#/auditOfTrade'],
    source:
      'public code: Java login/查账 client (service.chinaums.com/uis/uisWebLogin, /uis/accountCheckDetailQry); trade-audit adapter test (service.chinaums.com/uisportalfront)',
  },
  shengpay: {
    name: { zh: '盛付通', en: 'Shengpay' },
    timeZone: 'Asia/Shanghai',
    examples: [],
    source: 'none: applies once the merchant enables the site and its table matches',
  },
  suixingpay: {
    name: { zh: '随行付', en: 'Suixingpay (Vbill)' },
    timeZone: 'Asia/Shanghai',
    examples: [],
    source: 'none: applies once the merchant enables the site and its table matches',
  },
  huifu: {
    name: { zh: '汇付天下', en: 'Huifu (ChinaPnR)' },
    timeZone: 'Asia/Shanghai',
    examples: [],
    source: 'none: applies once the merchant enables the site and its table matches',
  },
  stripe: {
    name: { zh: 'Stripe', en: 'Stripe' },
    timeZone: 'UTC',
    examples: ['https://dashboard.stripe.com/payments', 'https://dashboard.stripe.com/test/balance/transactions'],
    source: 'Stripe docs (docs.stripe.com link the Dashboard at dashboard.stripe.com)',
  },
  square: {
    name: { zh: 'Square', en: 'Square' },
    timeZone: 'America/Los_Angeles',
    examples: ['https://squareup.com/dashboard/sales/transactions', 'https://app.squareup.com/dashboard/sales/transactions'],
    source: 'Square support pages (squareup.com/dashboard, app.squareup.com)',
  },
  adyen: {
    name: { zh: 'Adyen', en: 'Adyen' },
    timeZone: 'Europe/Amsterdam',
    examples: ['https://ca-live.adyen.com/ca/ca/payments/showList.shtml', 'https://ca-live.adyen.com/'],
    source: 'Adyen docs (Customer Area at ca-live.adyen.com)',
  },
};

export const PORTAL_PROFILES: readonly PortalProfile[] = /* @__PURE__ */ READING.map((r) => ({ ...r, ...FACTS[r.id]! }));

/**
 * True when `url` matches a match pattern: scheme (`*` = http or https), host (`*.` prefix for
 * subdomains), path glob. Same semantics as the browser's, so the manifest and this agree.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = pattern.match(/^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? !['http:', 'https:'].includes(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  const re = new RegExp(
    `^${path
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(u.pathname + u.search);
}

/** The profile whose patterns match `url`, if any. */
export function profileForUrl<P extends PortalReading>(url: string, profiles: readonly P[] = READING as readonly P[]): P | undefined {
  return profiles.find((p) => p.matches.some((pattern) => matchesPattern(pattern, url)));
}

/** The content script's built-in match patterns: every justified profile pattern. */
export function builtInMatchPatterns(profiles: readonly PortalReading[] = READING): string[] {
  return [...new Set(profiles.flatMap((p) => p.matches))];
}
