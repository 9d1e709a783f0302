// Column roles and header recognition for bank statement tables (lib/statements/csv.ts reads the
// rows below the header): which row of a table is its header and what each column is, which bank
// or platform profile the header and preamble name, and the currency and direction words of cells.
import { normaliseCurrency } from '../../money';
import { cleanCell } from './cells';

// ───────────────────────────── header roles ─────────────────────────────

export type Role =
  | 'postDate'
  | 'txnDate'
  | 'valueDate'
  | 'amount'
  | 'credit'
  | 'debit'
  | 'direction'
  | 'balance'
  | 'currency'
  | 'description'
  | 'memo'
  | 'counterparty'
  | 'reference'
  | 'account'
  | 'status'
  | 'category'
  /** wallet bills: where the money came from (零钱, a bank card) — tells a wallet's neutral moves apart */
  | 'method';

/** Roles of which a table has one column (the highest-priority header wins); memo/description may repeat. */
const MULTI_ROLES = new Set<Role>(['description', 'memo']);

/**
 * Known headers after normalisation (no spaces, lower case, full-width brackets → ASCII); Chinese
 * and English first, then the common Spanish, French, German, Italian, Portuguese and Dutch ones
 * (their dates are day first: support/date-order.ts reads the language from them). Higher
 * priority wins when a table has two candidates, e.g. ICBC's 记账金额 (what hit the account) over
 * 交易金额 (what the merchant charged, maybe in another currency), or 记账日期 over 交易日期:
 * bookedOn is when the bank booked the line — the date that settlement matching needs.
 */
const HEADER_ROLES: { role: Role; priority: number; names: string[] }[] = [
  {
    role: 'postDate',
    priority: 3,
    names: [
      'buchungstag',
      'buchungsdatum',
      'date comptable',
      'data contabile',
      'fecha contable',
      '记账日期',
      '记账日',
      '银行记账日',
      '入账日期',
      '入账日',
      '入账时间',
      '记账时间日期',
      'postdate',
      'postingdate',
      'dateposted',
      'bookingdate',
      'bookeddate',
      'book date',
    ],
  },
  {
    role: 'txnDate',
    priority: 2,
    names: [
      'fecha',
      'fecha operación',
      'fecha de operación',
      'date opération',
      "date d'opération",
      'datum',
      'data operazione',
      'data',
      '交易日期',
      '交易日',
      '日期',
      '交易发生日期',
      'date',
      'transactiondate',
      'txndate',
      '交易时间',
      '交易创建时间',
      '创建时间',
      '交易日期时间',
    ],
  },
  {
    role: 'valueDate',
    priority: 1,
    names: ['fecha valor', 'date de valeur', 'wertstellung', 'valutadatum', 'data valuta', 'rentedatum', '起息日', '起息日期', 'valuedate', 'value date'],
  },
  { role: 'amount', priority: 3, names: ['记账金额', '入账金额', '入账币种/金额', '实付金额', '人民币金额'] },
  {
    role: 'amount',
    priority: 2,
    names: [
      'importe',
      'montant',
      'betrag',
      'importo',
      'valor',
      'bedrag',
      'umsatz',
      '金额',
      '交易金额',
      '发生额',
      '金额(元)',
      '交易金额(元)',
      '发生金额',
      'amount',
      'transactionamount',
      'billingamount',
      'amount(cny)',
    ],
  },
  { role: 'amount', priority: 1, names: ['交易币种/金额', '订单金额'] },
  { role: 'credit', priority: 3, names: ['记账金额(收入)', '贷方发生额', '贷方金额'] },
  {
    role: 'credit',
    priority: 2,
    names: [
      'crédit',
      'haben',
      'avere',
      '收入',
      '存入',
      '收入金额',
      '存入金额',
      '贷方',
      'deposit',
      'deposits',
      'credit',
      'creditamount',
      'credits',
      'paidin',
      'moneyin',
    ],
  },
  { role: 'credit', priority: 1, names: ['交易金额(收入)'] },
  { role: 'debit', priority: 3, names: ['记账金额(支出)', '借方发生额', '借方金额'] },
  {
    role: 'debit',
    priority: 2,
    names: [
      'débit',
      'soll',
      'dare',
      '支出',
      '取出',
      '支出金额',
      '取出金额',
      '借方',
      'withdrawal',
      'withdrawals',
      'debit',
      'debitamount',
      'debits',
      'paidout',
      'moneyout',
    ],
  },
  { role: 'debit', priority: 1, names: ['交易金额(支出)'] },
  {
    role: 'direction',
    priority: 2,
    names: [
      '收/支',
      '收支',
      '借贷',
      '借/贷',
      '借贷标志',
      '借贷方向',
      '收支类型',
      '交易方向',
      '资金流向',
      '收支方向',
      'credit/debit',
      'debit/credit',
      'dr/cr',
      'cr/dr',
    ],
  },
  {
    role: 'balance',
    priority: 2,
    names: ['saldo', 'solde', '余额', '本次余额', '联机余额', '账户余额', '交易后余额', '当前余额', 'balance', 'runningbalance'],
  },
  { role: 'balance', priority: 1, names: ['可用余额'] },
  { role: 'currency', priority: 3, names: ['记账币种', '入账货币', '入账币种'] },
  { role: 'currency', priority: 2, names: ['divisa', 'devise', 'währung', 'moeda', '币种', '币别', '货币', '货币种类', 'currency', 'billingcurrency', 'ccy'] },
  { role: 'currency', priority: 1, names: ['交易币种', '交易货币'] },
  {
    role: 'description',
    priority: 2,
    names: [
      'concepto',
      'libellé',
      'libelle',
      'verwendungszweck',
      'buchungstext',
      'descrizione',
      'descripción',
      'descrição',
      'histórico',
      'omschrijving',
      '摘要',
      '交易摘要',
      '用途',
      '交易说明',
      '交易描述',
      '交易名称',
      '业务摘要',
      'description',
      'details',
      'narrative',
      'particulars',
      '商品说明',
      '商品',
      '商品名称',
      '订单标题',
      'payee',
    ],
  },
  {
    role: 'memo',
    priority: 1,
    names: ['附言', '交易附言', '客户摘要', '交易详情', '交易场所', '交易地点', '备注', '交易类型', 'memo', 'transactiontype', 'reference/memo'],
  },
  {
    role: 'counterparty',
    priority: 2,
    names: [
      '对方户名',
      '对方账户名称',
      '对方名称',
      '对手信息',
      '交易对方',
      '对方账户名',
      '对方单位',
      '交易对手名称',
      '收(付)款人名称',
      '商户名称',
      'merchantname',
      'counterparty',
      'payer/payee',
      '收款方',
      '付款方',
    ],
  },
  {
    role: 'reference',
    priority: 2,
    names: [
      '流水号',
      '交易流水号',
      '日志号',
      '交易订单号',
      '交易单号',
      '交易号',
      '参考号',
      '银行流水号',
      '业务流水号',
      'reference',
      'referenceno',
      'ref',
      'transactionid',
      'transactionreference',
    ],
  },
  {
    role: 'account',
    priority: 2,
    names: [
      '账号',
      '卡号',
      '借记卡号',
      '本方账号',
      '卡号后四位',
      '卡号末四位',
      '卡末四位',
      'card#',
      'cardnumber',
      'firstbankcard',
      'account',
      'accountnumber',
      'accountno',
    ],
  },
  { role: 'status', priority: 2, names: ['交易状态', '当前状态', '状态', 'status', 'transactionstatus'] },
  { role: 'category', priority: 1, names: ['交易分类', '交易类别'] },
  { role: 'method', priority: 1, names: ['支付方式', '收/付款方式', '收付款方式'] },
];

const HEADER_INDEX = new Map<string, { role: Role; priority: number }>();
for (const { role, priority, names } of HEADER_ROLES) for (const n of names) HEADER_INDEX.set(normaliseHeader(n), { role, priority });

/**
 * Text that normaliseHeader leaves as it is: ASCII other than capitals, white space, quotes and
 * ':', and CJK ideographs (U+4E00–U+9FFF). Most cells are of this kind (dates, numbers, 摘要 text),
 * and every format detector looks for its header in the first rows of every file.
 */
function isNormalHeader(h: string): boolean {
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || c <= 32 || c === 34 || c === 39 || c === 58 || c === 96) return false;
    } else if (c < 0x4e00 || c > 0x9fff) {
      return false;
    }
  }
  return true;
}

export function normaliseHeader(h: string): string {
  if (isNormalHeader(h)) return h;
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s\u00a0\u3000"'`]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

export interface HeaderMatch {
  /** index into RawTable.rows */
  row: number;
  single: Map<Role, number>;
  multi: Map<Role, number[]>;
  headers: string[];
  /** the header is written in Chinese: a file without a currency is then in CNY */
  chinese: boolean;
}

function matchHeaderRow(cells: string[]): HeaderMatch | null {
  const single = new Map<Role, { col: number; priority: number }>();
  const multi = new Map<Role, number[]>();
  cells.forEach((cell, col) => {
    const n = normaliseHeader(cell);
    // '金额(元)', 'Withdrawal (HKD)': a unit in brackets does not change what the column is
    const hit = HEADER_INDEX.get(n) ?? (n.charCodeAt(n.length - 1) === 41 ? HEADER_INDEX.get(n.replace(/\((元|[a-z]{3}|人民币|rmb)\)$/, '')) : undefined);
    if (!hit) return;
    if (MULTI_ROLES.has(hit.role)) {
      const cols = multi.get(hit.role);
      if (cols) cols.push(col);
      else multi.set(hit.role, [col]);
      return;
    }
    const prev = single.get(hit.role);
    if (!prev || hit.priority > prev.priority) single.set(hit.role, { col, priority: hit.priority });
  });
  const hasDate = single.has('postDate') || single.has('txnDate');
  const hasAmount = single.has('amount') || single.has('credit') || single.has('debit');
  if (!hasDate || !hasAmount) return null;
  const out = new Map<Role, number>();
  for (const [role, { col }] of single) out.set(role, col);
  return { row: -1, single: out, multi, headers: cells.map(cleanCell), chinese: cells.some((c) => /[\u4e00-\u9fff]/.test(c)) };
}

export const HEADER_SCAN_ROWS = 80;

/** The row among the first ones that names the most known columns (and at least a date and an amount). */
export function findHeader(rows: string[][]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  for (let i = 0; i < rows.length && i < HEADER_SCAN_ROWS; i++) {
    const m = matchHeaderRow(rows[i]!);
    if (!m) continue;
    const score = m.single.size + [...m.multi.values()].reduce((a, c) => a + c.length, 0);
    if (score > bestScore) {
      best = { ...m, row: i };
      bestScore = score;
    }
  }
  return best;
}

// ───────────────────────────── profiles ─────────────────────────────

export interface TableProfile {
  /** the format id reported when recognised (DESIGN.md §3 profile ids) */
  id: string;
  label: string;
  /** recognise from normalised headers and the preamble text */
  matches(headers: Set<string>, preamble: string, fileName: string): boolean;
  /**
   * Credit-card statements that print spending as positive (CGB, BMO credit): the amount is
   * negated so that, as everywhere in SettleGuard, + is money into the account holder's favour.
   */
  spendingPositive?: boolean;
  /** Unsigned amounts whose direction is only in the description (BOCOM credit: 消费 / 退货 / 还款). */
  signFromDescription?: (description: string) => 1 | -1 | null;
  /** Wallet bills (Alipay, WeChat, JD, Meituan): 收/支 semantics and closed orders, see walletRowPolicy. */
  wallet?: boolean;
}

const has = (headers: Set<string>, ...names: string[]) => names.every((n) => headers.has(normaliseHeader(n)));

/**
 * Chinese bank and platform exports seen in the corpus (corpus/README.md "Chinese exports"). A
 * profile never changes how a column is read — only what the file leaves implicit.
 */
export const TABLE_PROFILES: TableProfile[] = [
  { id: 'icbc', label: '中国工商银行', matches: (h, p) => has(h, '记账金额(收入)', '记账金额(支出)') || /明细查询文件下载/.test(p) },
  {
    id: 'boc',
    label: '中国银行',
    matches: (h, p) =>
      /中国银行/.test(p) || has(h, '交易日', '银行记账日', '卡号后四位', '存入', '支出') || has(h, '记账日期', '记账时间', '币别', '交易名称', '对方账户名'),
  },
  {
    id: 'bocom',
    label: '交通银行',
    matches: (h, p) =>
      /交通银行/.test(p) ||
      has(h, '交易币种/金额', '入账币种/金额') ||
      has(h, '序号', '交易日期', '交易时间', '交易类型', '借贷', '交易金额', '余额', '对方账号', '对方户名'),
    // 交通银行信用卡 prints every amount unsigned; its 交易说明 starts with what happened.
    signFromDescription: (d) =>
      /^(消费|取现|预借现金|年费|利息|手续费|分期)/.test(d) ? -1 : /^(退货|退款|还款|信用卡还款|返现|溢缴款|存入)/.test(d) ? 1 : null,
  },
  // 招商银行信用卡: 交易日/记账日 as MM/DD (the year is in the title), spending printed positive
  {
    id: 'cmb',
    label: '招商银行信用卡',
    matches: (h, p) => /招商银行.{0,6}信用卡/.test(p) || has(h, '交易日', '记账日', '交易摘要', '人民币金额'),
    spendingPositive: true,
  },
  { id: 'cmb', label: '招商银行', matches: (h, p) => /招商银行/.test(p) || has(h, '记账日期', '货币', '交易金额', '联机余额', '交易摘要') },
  {
    id: 'abc',
    label: '中国农业银行',
    matches: (h, p) => /农业银行/.test(p) || has(h, '交易日期', '交易时间', '交易摘要', '交易金额', '本次余额', '对手信息', '日志号'),
  },
  {
    id: 'cgb',
    label: '广发银行',
    matches: (h, p) => /广发银行/.test(p) || has(h, '交易日期', '入账日期', '交易摘要', '交易金额', '交易货币', '入账金额', '入账货币'),
    spendingPositive: true,
  },
  { id: 'ccb', label: '中国建设银行', matches: (_h, p) => /建设银行|China Construction/i.test(p) },
  {
    id: 'citic',
    label: '中信银行',
    matches: (h, p) =>
      /中信银行|本期账单明细/.test(p) || has(h, '交易日期', '入账日期', '交易描述', '卡末四位', '交易币种', '交易金额', '结算币种', '结算金额'),
    spendingPositive: true,
  },
  { id: 'spdb', label: '浦发银行', matches: (h, p) => /浦发|浦东发展/.test(p) || has(h, '存入金额', '取出金额') },
  { id: 'hsbc-hk', label: 'HSBC Hong Kong', matches: (h) => has(h, 'billing amount', 'billing currency') },
  { id: 'bmo', label: 'Bank of Montreal', matches: (_h, p) => /following data is valid as of/i.test(p), spendingPositive: false },
  { id: 'jd', label: '京东', matches: (h, p) => /京东账号名|京东/.test(p) && has(h, '收/支'), wallet: true },
  { id: 'meituan', label: '美团', matches: (h, p) => /美团/.test(p) && has(h, '收/支'), wallet: true },
];

/** BMO's credit-card export ('Item #', 'Card #') prints purchases positive; its chequing export is signed. */
const BMO_CREDIT: TableProfile = {
  id: 'bmo',
  label: 'Bank of Montreal',
  matches: (h, p) => /following data is valid as of/i.test(p) && has(h, 'item#', 'card#'),
  spendingPositive: true,
};

export function recogniseProfile(headers: string[], preamble: string, fileName: string, candidates: TableProfile[] = TABLE_PROFILES): TableProfile | null {
  const set = new Set(headers.map(normaliseHeader));
  if (candidates === TABLE_PROFILES && BMO_CREDIT.matches(set, preamble, fileName)) return BMO_CREDIT;
  return candidates.find((p) => p.matches(set, preamble, fileName)) ?? null;
}

// ───────────────────────────── currency and direction words ─────────────────────────────

const CURRENCY_WORDS: Record<string, string> = {
  人民币: 'CNY',
  人民币元: 'CNY',
  元: 'CNY',
  rmb: 'CNY',
  美元: 'USD',
  港币: 'HKD',
  港元: 'HKD',
  欧元: 'EUR',
  日元: 'JPY',
  英镑: 'GBP',
  澳元: 'AUD',
  加元: 'CAD',
  加拿大元: 'CAD',
  新加坡元: 'SGD',
  瑞士法郎: 'CHF',
  新台币: 'TWD',
  韩元: 'KRW',
};

/** '人民币', 'CNY', 'RMB', '美元', 'usd' → ISO code; null when the text is not a currency. */
export function currencyFromText(text: string): string | null {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  // own keys only: a cell reading "__proto__" or "constructor" is not a currency (found by the fuzzer)
  const word = [s.toLowerCase(), s].find((k) => Object.hasOwn(CURRENCY_WORDS, k));
  if (word !== undefined) return CURRENCY_WORDS[word]!;
  if (/^[A-Za-z]{3}$/.test(s)) return normaliseCurrency(s);
  if (/^(¥|￥|\$|€|£|US\$|HK\$)$/.test(s)) return normaliseCurrency(s);
  return null;
}

/** A currency named in a header: '金额(元)' → CNY, 'Amount (USD)' → USD. */
export function currencyFromHeader(h: string): string | null {
  const m = h.match(/[(（]\s*([^)）]+?)\s*[)）]/);
  return m ? currencyFromText(m[1]!) : null;
}

export type Direction = 'in' | 'out' | 'neutral';

/** 收/支, 借/贷 and Credit/Debit columns. null when the cell says something else. */
export function readDirection(text: string): Direction | null {
  const s = text.trim().toLowerCase();
  if (/^(收入|收|贷|贷方|贷cr|贷 cr|cr|c|credit|入|转入|存入|in)$/.test(s) || /^贷\s*cr$/.test(s)) return 'in';
  if (/^(支出|支|借|借方|dr|d|debit|出|转出|取出|out)$/.test(s) || /^借\s*dr$/.test(s)) return 'out';
  if (/^(不计收支|其他|中性交易|中性|\/|)$/.test(s)) return 'neutral';
  return null;
}
