// What a portal column means, and what its values mean. Header synonyms come from DOMAIN.md §1.1
// (Chinese card acquiring), §1.4 (QR/wallet bills) and §1.5 (Western processors); the type and
// status enums from §1.2; the sign rules from DESIGN.md §3.
import type { CardType, EntryMode, SettleCycle, TxnKind, TxnStatus } from '../model';

/**
 * Internal meaning of a column. Most roles are a PortalTransaction key; the others say how a
 * column feeds one (`card` → cardBin/cardLast4, `cardBin` → the BIN of a card split over two
 * columns, `extraFee` → extraFees, `currency` → the currency of every amount in the row,
 * `direction` → the sign of the amount: 收/支, in/out) or that it holds no data (`action`: 操作/详情 buttons,
 * `index`: 序号, `ignore`: recognised but unused, e.g. 发卡行).
 */
export type ColumnRole =
  | 'occurredAt'
  | 'kind'
  | 'status'
  | 'amount'
  | 'fee'
  | 'net'
  | 'extraFee'
  | 'card'
  | 'cardType'
  | 'cardCountry'
  | 'entryMode'
  | 'merchantId'
  | 'merchantName'
  | 'terminalId'
  | 'rrn'
  | 'voucherNo'
  | 'batchNo'
  | 'authCode'
  | 'orderNo'
  | 'originalRef'
  | 'settleDate'
  | 'settleCycle'
  | 'payoutId'
  | 'currency'
  | 'cardBin'
  | 'direction'
  | 'action'
  | 'index'
  | 'ignore';

/** The PortalTransaction key a role is reported as in CapturedTable.columns (DESIGN.md §3). */
export function fieldOfRole(role: ColumnRole | null): string | null {
  switch (role) {
    case null:
    case 'action':
    case 'index':
    case 'ignore':
    case 'currency':
    case 'direction':
      return null;
    case 'card':
      return 'cardLast4';
    case 'extraFee':
      return 'extraFees';
    default:
      return role;
  }
}

/**
 * The fields a merchant can assign to a column in the overlay ("this column is 手续费"), in the
 * order the overlay lists them. `cardLast4` stands for the card column (BIN and last 4 are read
 * from it), `extraFees` for an extra per-row fee such as 秒到费.
 */
export const TEACHABLE_FIELDS = [
  'occurredAt',
  'kind',
  'status',
  'amount',
  'fee',
  'net',
  'extraFees',
  'cardLast4',
  'cardType',
  'cardCountry',
  'entryMode',
  'merchantId',
  'merchantName',
  'terminalId',
  'rrn',
  'voucherNo',
  'batchNo',
  'authCode',
  'orderNo',
  'originalRef',
  'settleDate',
  'settleCycle',
  'payoutId',
  'currency',
  'cardBin',
  'direction',
] as const;
export type TeachableField = (typeof TEACHABLE_FIELDS)[number];

export function isTeachableField(v: unknown): v is TeachableField {
  return typeof v === 'string' && (TEACHABLE_FIELDS as readonly string[]).includes(v);
}

/** The role a taught field gives a column: the inverse of fieldOfRole; null (not data) → 'ignore'. */
export function roleOfField(field: string | null): ColumnRole | undefined {
  if (field === null) return 'ignore';
  if (!isTeachableField(field)) return undefined;
  if (field === 'cardLast4') return 'card';
  if (field === 'extraFees') return 'extraFee';
  return field;
}

/** Roles whose values are references: never card-masked (a 14–19 digit 订单号 or Lakala 流水号 is not a PAN). */
export const IDENTIFIER_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'merchantId',
  'terminalId',
  'rrn',
  'voucherNo',
  'batchNo',
  'authCode',
  'orderNo',
  'originalRef',
  'payoutId',
]);

const SYNONYMS: Record<Exclude<ColumnRole, 'ignore'>, string[]> = {
  occurredAt: [
    '交易时间',
    '交易日期时间',
    '交易日期',
    '日期',
    '时间',
    '日期时间',
    '日期/时间',
    '交易发生时间',
    '创建时间',
    '下单时间',
    '支付时间',
    '付款时间',
    '付款完成时间',
    '完成时间',
    '交易完成时间',
    '订单时间',
    '发生时间',
    'date',
    'time',
    'date/time',
    'date & time',
    'datetime',
    'transaction date',
    'transaction time',
    'txn date',
    'txn time',
    'created',
    'created date',
    'created at',
    'created (utc)',
    'payment date',
    'creation date',
  ],
  kind: [
    '交易类型',
    '交易类别',
    '交易种类',
    '业务类型',
    '类型',
    '交易名称',
    '交易码',
    '收支类型',
    'type',
    'transaction type',
    'txn type',
    'event type',
    'reporting category',
    'category',
  ],
  status: ['交易状态', '状态', '支付状态', '订单状态', '交易结果', '处理状态', 'status', 'transaction status', 'payment status', 'result'],
  amount: [
    '交易金额',
    '订单金额',
    '原始金额',
    '金额',
    '交易本金',
    '付款总金额',
    '支付金额',
    '消费金额',
    '实付金额',
    '订单总金额',
    'amount',
    'gross',
    'gross amount',
    'transaction amount',
    'txn amount',
    'total collected',
    'charge amount',
  ],
  fee: [
    '手续费',
    '商户手续费',
    '交易手续费',
    '结算手续费',
    '手续费金额',
    '服务费',
    '费用',
    '扣率手续费',
    '刷卡手续费',
    'fee',
    'fees',
    'processing fee',
    'processing fees',
    'total fees',
    'mdr',
    'commission',
  ],
  net: [
    '结算金额',
    '清算金额',
    '应结算金额',
    '到账金额',
    '入账金额',
    '实收金额',
    '商家实收',
    '净额',
    '结算净额',
    '实际到账金额',
    'net',
    'net amount',
    'net total',
    'net settled',
    'settlement amount',
  ],
  extraFee: [
    '秒到手续费',
    'd0手续费',
    't0手续费',
    '秒到费',
    '秒到费用',
    'd0费用',
    '即时到账手续费',
    '加急手续费',
    '附加手续费',
    '额外手续费',
    'instant fee',
    'instant payout fee',
    'd0 fee',
    't0 fee',
    't0_fee',
  ],
  card: [
    '卡号',
    '银行卡号',
    '交易卡号',
    '付款卡号',
    '卡号后四位',
    '尾号',
    '卡尾号',
    '支付卡号',
    'card',
    'card number',
    'card no',
    'card no.',
    'pan',
    'pan suffix',
    'last 4',
    'card last 4',
    'masked pan',
  ],
  cardType: [
    '卡类型',
    '卡类别',
    '卡性质',
    '卡种',
    '卡种类',
    '借贷标识',
    '借贷记标识',
    '卡属性',
    '支付方式',
    '支付类型',
    '支付渠道',
    '渠道',
    '付款方式',
    'card type',
    'funding',
    'card funding',
    'payment method',
    'payment method type',
    'channel',
  ],
  cardCountry: ['发卡国家', '卡组织国家', 'card country', 'issuing country'],
  entryMode: ['交易方式', '刷卡方式', '输入方式', '读卡方式', 'entry mode', 'card entry methods', 'entry method'],
  merchantId: [
    '商户号',
    '商户编号',
    '商户代码',
    '银行商户号',
    '收单商户号',
    '特约商户号',
    '子商户号',
    'mid',
    'merchant id',
    'merchant no',
    'merchant no.',
    'merchant number',
    'merchant account',
  ],
  merchantName: ['商户名称', '商户名', '门店名', '门店名称', '商户简称', 'merchant name', 'merchant', 'store', 'store name'],
  terminalId: ['终端号', '终端编号', '终端代码', '终端', '设备号', '设备编号', '终端id', 'terminal', 'terminal id', 'terminal no', 'tid', 'device'],
  rrn: [
    '参考号',
    '检索参考号',
    '系统参考号',
    '交易参考号',
    '参考号码',
    '检索号',
    'rrn',
    'reference number',
    'retrieval reference number',
    'ref no',
    'ref no.',
    'reference',
  ],
  voucherNo: [
    '凭证号',
    '流水号',
    '终端流水号',
    '系统跟踪号',
    '交易流水号',
    '凭证号码',
    '票据号',
    '跟踪号',
    'voucher',
    'voucher no',
    'voucher no.',
    'trace',
    'trace no',
    'trace no.',
    'stan',
    'trace number',
  ],
  batchNo: ['批次号', '交易批次号', '终端批次号', '批次', 'batch', 'batch no', 'batch no.', 'batch number'],
  authCode: ['授权码', '授权号', 'auth code', 'authorization code', 'approval code', 'auth no'],
  orderNo: [
    '订单号',
    '商户订单号',
    '交易单号',
    '小票号',
    '商户单号',
    '支付单号',
    '交易订单号',
    '外部订单号',
    '平台订单号',
    '微信订单号',
    '支付宝交易号',
    '交易号',
    'order',
    'order no',
    'order no.',
    'order id',
    'order number',
    'merchant reference',
    'payment id',
    'transaction id',
    'charge id',
  ],
  originalRef: [
    '原参考号',
    '原交易参考号',
    '原检索参考号',
    '原系统参考号',
    '原交易流水号',
    '原流水号',
    '原订单号',
    '原交易订单号',
    '原始单号',
    '原凭证号',
    '原交易单号',
    'original reference',
    'original rrn',
    'original transaction',
    'original ref',
  ],
  settleDate: [
    '清算日期',
    '结算日期',
    '入账日期',
    '到账日期',
    '结算时间',
    '清算时间',
    '入账时间',
    'settle date',
    'settlement date',
    'available on',
    'deposit date',
    'payout date',
    'booking date',
  ],
  settleCycle: ['结算周期', '结算类型', '结算方式', '到账方式', '结算模式', '到账类型', 'settlement type', 'settlement cycle'],
  payoutId: ['结算批次', '出款单号', '划款批次号', 'payout id', 'deposit id', 'transfer id', 'payout'],
  currency: ['币种', '货币', '货币种类', '交易币种', 'currency', 'ccy'],
  cardBin: ['卡bin', 'card bin', 'bin'],
  direction: ['收支', '收/支', '资金方向', 'direction', 'dr/cr'],
  action: ['操作', '详情', '查看', '操作栏', '更多', 'action', 'actions', 'operation', 'operations', 'details', 'view'],
  index: ['序号', '编号', 'no', 'no.', '#', 'index'],
};

const LOOKUP = new Map<string, ColumnRole>();
for (const [role, names] of Object.entries(SYNONYMS) as [ColumnRole, string[]][]) {
  for (const n of names) if (!LOOKUP.has(n)) LOOKUP.set(n, role);
}
// recognised columns with no field: keeps them from being guessed as something else
for (const n of [
  '发卡行',
  '发卡行名称',
  '发卡行机构代码',
  '发卡机构',
  '收单机构',
  '操作员',
  '操作员号',
  '收银员',
  '备注',
  '商品名称',
  '费率',
  '结算手续费率',
  '手续费率',
  '扣率',
  '交易费率',
  '产品类型',
  '应答码',
  '冲正标志',
  '卡组织',
  'card brand',
  'description',
  'note',
  'notes',
  'staff name',
  'rate',
  'fee rate',
  'fee percentage rate',
  'fee fixed rate',
  'tender type',
  'other tender type',
]) {
  LOOKUP.set(n, 'ignore');
}
// longest first, so "原交易参考号" wins over "参考号" in containment matching
const BY_LENGTH = [...LOOKUP.keys()].sort((a, b) => b.length - a.length);

export interface HeaderInfo {
  role: ColumnRole | null;
  /** false when the role was found by containment ("商户订单号/交易号"), not by an exact synonym */
  exact?: boolean;
  /** unit stated in the header: "(元)", "(分)", "(USD)" */
  unit?: 'fen' | 'yuan';
  currency?: string;
}

const CJK = /[\u3400-\u9fff]/;

/** True when a header is written in Chinese (the default-currency rule of DESIGN.md §1 rule 2). */
export function isChineseHeader(header: string): boolean {
  return CJK.test(header);
}

/** Lower-case, no spaces, no unit in brackets, no trailing colon or required-field star. */
function normaliseHeader(header: string): { key: string; unitText: string } {
  let s = header
    .replace(/[\u00a0\u3000]/g, ' ')
    .trim()
    .toLowerCase();
  let unitText = '';
  s = s.replace(/[（(［[]([^）)］\]]*)[）)］\]]/g, (_m, inner: string) => {
    unitText += ` ${inner}`;
    return '';
  });
  s = s
    .replace(/[*:：▲▼↑↓⇅]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (CJK.test(s)) s = s.replace(/\s+/g, '');
  return { key: s, unitText: unitText.trim() };
}

/**
 * What a column header means. Exact synonyms first; then, for headers that wrap a synonym
 * ("商户订单号/交易号", "交易金额合计"), the longest synonym the header contains.
 */
export function classifyHeader(header: string): HeaderInfo {
  const { key, unitText } = normaliseHeader(header);
  const info: HeaderInfo = { role: null };
  const unit = `${unitText} ${key}`;
  // 分 is the minor unit of 元, so a (分) header also says CNY (DOMAIN.md §1.1: files store 分)
  if (/分/.test(unitText)) {
    info.unit = 'fen';
    info.currency = 'CNY';
  } else if (/\bcents?\b/i.test(unitText)) info.unit = 'fen';
  else if (/元|rmb|cny|¥|￥/i.test(unit)) {
    info.unit = 'yuan';
    info.currency = 'CNY';
  }
  const code = unitText.match(/\b(USD|EUR|GBP|HKD|JPY|AUD|CAD|SGD)\b/i);
  if (code) info.currency = code[1]!.toUpperCase();
  else if (/\$/.test(unitText)) info.currency = 'USD';
  if (!key) return info;
  const exact = LOOKUP.get(key);
  if (exact) return { ...info, role: exact, exact: true };
  // Containment only for specific synonyms: 2-character ones (金额, 时间) and single English words
  // (type, date) would turn 退款金额 or "Tender Type" into the wrong column.
  for (const m of containmentMatchers()) {
    if (m.test(key)) return { ...info, role: m.role, exact: false };
  }
  return info;
}

let matchers: { role: ColumnRole; test: (key: string) => boolean }[] | undefined;
/** The synonyms that may match by containment, longest first, each with its test compiled once. */
function containmentMatchers(): { role: ColumnRole; test: (key: string) => boolean }[] {
  if (matchers) return matchers;
  matchers = [];
  for (const syn of BY_LENGTH) {
    const role = LOOKUP.get(syn)!;
    if (CJK.test(syn)) {
      if (syn.length >= 3) matchers.push({ role, test: (key) => key.includes(syn) });
    } else if (syn.includes(' ')) {
      const re = new RegExp(`(^|[^a-z])${escapeRe(syn)}([^a-z]|$)`);
      matchers.push({ role, test: (key) => re.test(key) });
    }
  }
  return matchers;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface KindReading {
  kind: TxnKind;
  /** +1 / −1: the sign the amount must have (DESIGN.md §3); 0: keep the sign the page shows */
  sign: 1 | -1 | 0;
}

// Ordered: the first pattern that matches wins, so compound names come before their parts
// (消费撤销冲正 ⊃ 消费撤销 ⊃ 消费). Signs per DOMAIN.md §1.2 "from a real switch": a 冲正 of an
// amount-decreasing transaction increases the amount.
const KIND_PATTERNS: [RegExp, TxnKind, 1 | -1 | 0][] = [
  [/(撤销|退货|退款)冲正|(void|refund)\s*reversal/i, 'reversal', 1],
  [/预授权完成冲正|预授权冲正/, 'reversal', -1],
  [/预授权完成撤销|完成撤销|pre-?auth(orization)?\s*completion\s*void|capture\s*void/i, 'preauth_completion_void', -1],
  [/预授权完成|预授权确认|pre-?auth(orization)?\s*(completion|complete|capture)/i, 'preauth_completion', 1],
  [/预授权撤销|预授权取消|pre-?auth(orization)?\s*(void|cancel|release)/i, 'preauth', -1],
  [/预授权|pre-?auth|^auth(orization)?$/i, 'preauth', 1],
  [/拒付撤销|退单撤销|chargeback\s*reversal|dispute\s*(won|reversal)/i, 'adjustment', 0],
  [/拒付|退单|chargeback|dispute/i, 'chargeback', -1],
  [/冲正|revers/i, 'reversal', -1],
  [/撤销|撤消|void|cancel/i, 'void', -1],
  [/退货|退款|refund/i, 'refund', -1],
  [/服务费|押金|流量费|年费|会员费|月费|管理费|通讯费|sim卡费|技术服务费|手续费|保证金|^fees?$|\bfee\b|service\s*charge/i, 'fee', -1],
  [/调账|调整|差错|adjust/i, 'adjustment', 0],
  [/结算出款|提现|出款|代付|划款|payout|transfer|withdraw/i, 'payout', -1],
  [/消费|支付|收款|付款|刷卡|扫码|闪付|购物|\bsale\b|charge|payment|purchase|capture|^pay$/i, 'sale', 1],
];

/** 交易类型 text → kind and sign; null when the text names no kind we know. */
export function normaliseTxnKind(text: string): KindReading | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  for (const [re, kind, sign] of KIND_PATTERNS) if (re.test(s)) return { kind, sign };
  return null;
}

const STATUS_PATTERNS: [RegExp, TxnStatus][] = [
  [/已冲正|冲正成功|^reversed$/i, 'reversed'],
  [/已撤销|已撤消|撤销成功|已取消|^(voided|revoked|cancell?ed|canceled)$/i, 'voided'],
  [/失败|不成功|已关闭|关闭|拒绝|错误|^(fail|failed|failure|declined|payerror|closed|error|rejected|denied)$/i, 'failed'],
  [/处理中|待支付|未支付|未完成|支付中|等待|审核中|^(pending|processing|userpaying|init|created|deal|notpay|in progress|incomplete)$/i, 'pending'],
  [
    /成功|已支付|已完成|完成|已结算|已入账|已退款|部分退款|^(success|successful|succeeded|paid|complete|completed|approved|settled|available|captured|refund|refunded|partially refunded)$/i,
    'success',
  ],
];

/** 交易状态 text → status (DOMAIN.md §1.2; WeChat/Lakala codes). Unrecognised text → 'unknown'. */
export function normaliseStatus(text: string): TxnStatus {
  const s = text.trim().replace(/\s+/g, ' ');
  for (const [re, status] of STATUS_PATTERNS) if (re.test(s)) return status;
  return 'unknown';
}

/** 结算周期/结算类型 text → settle cycle (DOMAIN.md §1.3: 秒到/S0 are same-day, i.e. D0). */
export function normaliseSettleCycle(text: string): SettleCycle | undefined {
  const s = text.trim().toUpperCase().replace(/\s+/g, '');
  if (/^T\+?1$|T1结算/.test(s)) return 'T1';
  if (/^D\+?1$|D1结算/.test(s)) return 'D1';
  if (/^T\+?0$|T0结算/.test(s)) return 'T0';
  if (/^D\+?0$|D0结算|秒到|S0|实时|即时/.test(s)) return 'D0';
  return undefined;
}

/** 交易方式 text → entry mode. */
export function normaliseEntryMode(text: string): EntryMode | undefined {
  const s = text.trim().toLowerCase();
  if (/挥卡|闪付|非接|contactless|tap|nfc/.test(s)) return 'contactless';
  if (/芯片|插卡|ic卡|chip|emv|dip/.test(s)) return 'chip';
  if (/磁条|刷卡|swipe|magstripe|mag stripe/.test(s)) return 'swipe';
  if (/手输|手工|手动|keyed|manual|moto/.test(s)) return 'keyed';
  if (/扫码|二维码|\bqr\b/.test(s)) return 'qr';
  if (/线上|在线|网上|online|ecommerce|e-commerce|card not present|cnp/.test(s)) return 'online';
  return undefined;
}

/** 收/支 column text → the sign it gives the amount: +1 money in, −1 money out; null when not a direction word. */
export function normaliseDirection(text: string): 1 | -1 | null {
  const s = text.trim().toLowerCase();
  if (/^(收|收入|入|入账|转入|\+|in|inflow|income)$/.test(s)) return 1;
  if (/^(支|支出|出|出账|转出|-|out|outflow|expense)$/.test(s)) return -1;
  return null;
}

const CURRENCY_WORDS: Record<string, string> = {
  人民币: 'CNY',
  美元: 'USD',
  港币: 'HKD',
  港元: 'HKD',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
  澳元: 'AUD',
  新加坡元: 'SGD',
  加元: 'CAD',
};

/** 币种 column text → ISO 4217 code: "CNY", "人民币", "RMB", "US$"; undefined when not a currency we know. */
export function normaliseCurrencyCell(text: string): string | undefined {
  const s = text.trim();
  const word = CURRENCY_WORDS[s];
  if (word) return word;
  const u = s.toUpperCase();
  if (u === 'RMB' || u === '¥' || u === '￥') return 'CNY';
  if (u === 'US$') return 'USD';
  if (u === 'HK$') return 'HKD';
  return /^(CNY|USD|EUR|GBP|HKD|JPY|AUD|CAD|SGD|CHF|NZD|MOP|TWD|KRW|THB|MYR)$/.test(u) ? u : undefined;
}

/** Card types a wallet/channel column may also tell (kept separate so callers can prefer a real 卡类型). */
export function cardTypeFromKindText(text: string): CardType | undefined {
  if (/微信/.test(text)) return 'qr_wechat';
  if (/支付宝/.test(text)) return 'qr_alipay';
  if (/云闪付|银联二维码/.test(text)) return 'qr_unionpay';
  return undefined;
}

/**
 * One header per column from stacked header rows (grouped headers: "手续费" spanning "金额" and
 * "费率"). Each column reads top to bottom; the leaf names it, unless its group is itself a known
 * column ("手续费 金额" is the fee, not the transaction amount).
 */
export function mergeHeaderRows(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const r of rows) {
      const t = (r[c] ?? '').trim();
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const leaf = parts[parts.length - 1] ?? '';
    const groups = parts.slice(0, -1);
    const groupRole = groups.length ? classifyHeader(groups.join(' ')).role : null;
    out.push(groupRole && groupRole !== 'ignore' ? [...groups, leaf].join(' ') : leaf);
  }
  return out;
}
