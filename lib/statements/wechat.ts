// WeChat Pay (微信支付) exports, DOMAIN.md §1.4:
//  - 'wechat': the personal bill (微信支付账单明细), CSV or XLSX: 16 preamble lines ending with
//    '----微信支付账单明细列表----', amounts like '¥28.16', ids followed by a TAB. A wallet profile
//    of the table reader (csv.ts); the xlsx twin goes through xlsx.ts with the same profile, so
//    both give identical lines (double-entry-generator diffs both against one expected file).
//  - 'wechat-merchant': the merchant 交易账单 — every cell prefixed with a backtick, the detail
//    rows end where the summary row 总交易单数 begins — → PortalTransactions.
import type { Issue, PortalTransaction, StatementParseResult, TxnKind, TxnStatus } from '../model';
import { money, parseAmount, type Dec } from '../money';
import { parseDateTime, toLocalDateTime } from '../dates';
import { stableId } from '../ids';
import { readBankTable } from './csv';
import { splitCsv } from './support/csv-split';
import { cleanCell, isPlaceholder } from './support/cells';
import { currencyFromText, findHeader, normaliseHeader, type TableProfile } from './support/bank-headers';
import { makeIssue } from '../i18n/issues';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

export const WECHAT_PROFILE: TableProfile = {
  id: 'wechat',
  label: '微信支付',
  wallet: true,
  matches: (h, preamble) =>
    ['交易时间', '交易类型', '交易对方', '商品', '收/支', '当前状态', '交易单号'].every((n) => h.has(normaliseHeader(n))) ||
    (/微信支付账单/.test(preamble) && h.has('收/支')),
};

export const wechatFormat: StatementFormat = {
  id: 'wechat',
  detect(file: DecodedFile): number {
    if (!file.text) return 0;
    const table = splitCsv(file.text.slice(0, 20000));
    const header = findHeader(table.rows);
    if (!header) return 0;
    const preamble = table.rows
      .slice(0, header.row)
      .map((r) => r.map(cleanCell).join(' '))
      .join('\n');
    return WECHAT_PROFILE.matches(new Set(header.headers.map(normaliseHeader)), preamble, file.name) ? 0.9 : 0;
  },
  parse(file: DecodedFile, options?: ParseOptions): StatementParseResult {
    return readBankTable(splitCsv(file.text), {
      fileName: file.name,
      encoding: file.encoding,
      baseFormat: 'wechat',
      forceFormat: 'wechat',
      profiles: [WECHAT_PROFILE],
      options,
    });
  },
};

// ───────────── 交易账单 (merchant) ─────────────

const COLUMNS = {
  time: '交易时间',
  merchantId: '商户号',
  subMerchantId: '特约商户号',
  deviceNo: '设备号',
  wxOrderNo: '微信订单号',
  orderNo: '商户订单号',
  type: '交易类型',
  state: '交易状态',
  bank: '付款银行',
  currency: '货币种类',
  settleAmount: '应结订单金额',
  coupon: '代金券金额',
  wxRefundNo: '微信退款单号',
  refundNo: '商户退款单号',
  refundAmount: '退款金额',
  refundState: '退款状态',
  item: '商品名称',
  fee: '手续费',
  rate: '费率',
  orderAmount: '订单金额',
} as const;
type Column = keyof typeof COLUMNS;

function merchantHeader(cells: string[]): Map<Column, number> | null {
  const norm = cells.map((c) => normaliseHeader(cleanCell(c)));
  const idx = new Map<Column, number>();
  for (const [k, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const i = norm.indexOf(normaliseHeader(name));
    if (i >= 0) idx.set(k, i);
  }
  return idx.has('time') && idx.has('wxOrderNo') && idx.has('state') && (idx.has('settleAmount') || idx.has('orderAmount')) ? idx : null;
}

function readMerchantBill(file: DecodedFile): StatementParseResult {
  const issues: Issue[] = [];
  const transactions: PortalTransaction[] = [];
  const result: StatementParseResult = { format: 'wechat-merchant', encoding: file.encoding, accounts: [], kind: 'acquirer', lines: [], transactions, issues };
  const { rows, lines } = splitCsv(file.text);
  const hi = rows.findIndex((r) => merchantHeader(r));
  if (hi < 0) {
    issues.push(makeIssue('error', 'issue.no_header.wechat'));
    return result;
  }
  const idx = merchantHeader(rows[hi]!)!;
  const header = rows[hi]!.map(cleanCell);
  const get = (r: string[], k: Column) => {
    const i = idx.get(k);
    const v = i === undefined ? '' : cleanCell(r[i]);
    return isPlaceholder(v) ? '' : v;
  };
  for (let i = hi + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const line = lines[i]!;
    const cells = r.map(cleanCell);
    if (cells.every((c) => c === '')) continue;
    // The detail rows end where the summary block begins (总交易单数,应结订单总金额,…).
    if (/^总交易单数/.test(cells[0] ?? '')) break;
    const dt = parseDateTime(get(r, 'time'));
    if (!dt) {
      issues.push(makeIssue('error', 'issue.bad_date.dateTime', { column: '交易时间', value: get(r, 'time') }, { line, raw: get(r, 'time') }));
      continue;
    }
    const state = get(r, 'state').toUpperCase();
    const map: Record<string, { kind: TxnKind; status: TxnStatus }> = {
      SUCCESS: { kind: 'sale', status: 'success' },
      REFUND: { kind: 'refund', status: 'success' },
      REVOKED: { kind: 'void', status: 'voided' },
      支付成功: { kind: 'sale', status: 'success' },
      买家已支付: { kind: 'sale', status: 'success' },
      转入退款: { kind: 'refund', status: 'success' },
      已退款: { kind: 'refund', status: 'success' },
      已撤销: { kind: 'void', status: 'voided' },
    };
    const m = map[state];
    if (!m) {
      issues.push(makeIssue('error', 'issue.unknown_state', { value: state }, { line, raw: state }));
      continue;
    }
    const read = (k: Column): Dec | null | undefined => {
      const text = get(r, k);
      if (!text) return undefined;
      const p = parseAmount(text);
      if (!p) {
        issues.push(makeIssue('error', 'issue.bad_amount', { column: COLUMNS[k], value: text }, { line, field: k, raw: text }));
        return null;
      }
      return p.value;
    };
    // 应结订单金额 (= 订单金额 − non-top-up coupons) is what settles; 订单金额 only when that column is absent or empty.
    const settle = m.kind === 'refund' ? read('refundAmount') : read('settleAmount');
    const base = settle === undefined && m.kind !== 'refund' ? read('orderAmount') : settle;
    const fee = read('fee');
    if (base === null || fee === null) continue;
    if (base === undefined) {
      issues.push(makeIssue('error', 'issue.missing_amount.named', { column: m.kind === 'refund' ? '退款金额' : '应结订单金额' }, { line }));
      continue;
    }
    const currencyText = get(r, 'currency');
    const currency = currencyText ? (currencyFromText(currencyText) ?? 'CNY') : 'CNY';
    const amount = m.kind === 'sale' ? base.abs() : base.abs().neg();
    const cellsByHeader: Record<string, string> = {};
    header.forEach((h, c) => {
      if (h) cellsByHeader[h] = cleanCell(r[c]);
    });
    const wxOrderNo = get(r, 'wxOrderNo');
    const t: PortalTransaction = {
      id: stableId('pt', ['wechat-merchant', m.kind, wxOrderNo, get(r, 'wxRefundNo')]),
      portal: 'wechat-merchant',
      occurredAt: toLocalDateTime(dt),
      kind: m.kind,
      status: m.status,
      amount: money(amount, currency),
      cardType: 'qr_wechat',
      entryMode: 'qr',
      evidence: { url: `file:${file.name}#L${line}`, capturedAt: '', cells: cellsByHeader, sha256: '' },
    };
    // 手续费: positive when charged, negative when given back on a refund — the same convention as ours.
    if (fee !== undefined) {
      t.fee = money(fee, currency);
      t.net = money(amount.minus(fee), currency);
    }
    const orderNo = get(r, 'orderNo');
    if (orderNo) t.orderNo = orderNo;
    // 特约商户号 is '0' on a merchant's own (non-service-provider) bill
    const sub = get(r, 'subMerchantId');
    const merchantId = sub && !/^0+$/.test(sub) ? sub : get(r, 'merchantId');
    if (merchantId) t.merchantId = merchantId;
    const device = get(r, 'deviceNo');
    if (device) t.terminalId = device;
    if (m.kind !== 'sale') t.originalRef = wxOrderNo;
    transactions.push(t);
  }
  return result;
}

export const wechatMerchantFormat: StatementFormat = {
  id: 'wechat-merchant',
  detect(file: DecodedFile): number {
    if (!file.text) return 0;
    const { rows } = splitCsv(file.text.slice(0, 20000));
    return rows.slice(0, 20).some((r) => merchantHeader(r)) ? 0.95 : 0;
  },
  parse: readMerchantBill,
};
