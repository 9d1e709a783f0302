// Alipay (支付宝) exports, DOMAIN.md §1.4:
//  - 'alipay': the personal bill (交易明细 / 电子客户回单), GBK in every generation: the 2019 web
//    export, the 2021–22 回单 (收/支 first, padded cells, a trailing comma, the preamble at the
//    end) and the 2020–23 app export (24-line preamble, then 交易时间…). All are wallet profiles of
//    the table reader (csv.ts): 收入 +, 支出 −, closed orders and neutral moves reported, not imported.
//  - 'alipay-merchant': the merchant 业务明细 (25 columns, '#' comment lines) → PortalTransactions.
import type { Issue, PortalTransaction, StatementParseResult, TxnKind, TxnStatus } from '../model';
import { money, parseAmount, type Dec } from '../money';
import { parseDateTime, toLocalDateTime } from '../dates';
import { stableId } from '../ids';
import { readBankTable } from './csv';
import { splitCsv } from './support/csv-split';
import { cleanCell, isPlaceholder } from './support/cells';
import { findHeader, normaliseHeader, type TableProfile } from './support/bank-headers';
import { makeIssue } from '../i18n/issues';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';

const hasAll = (h: Set<string>, ...names: string[]) => names.every((n) => h.has(normaliseHeader(n)));

export const ALIPAY_PROFILE: TableProfile = {
  id: 'alipay',
  label: '支付宝',
  wallet: true,
  matches: (h, preamble) =>
    (hasAll(h, '交易对方', '收/支') && (h.has('商品说明') || h.has('商品名称')) && (h.has('交易订单号') || h.has('交易号'))) ||
    (/支付宝/.test(preamble) && h.has('收/支')),
};

function personalBillScore(file: DecodedFile): number {
  if (!file.text) return 0;
  const head = file.text.slice(0, 30000);
  const table = splitCsv(head);
  const header = findHeader(table.rows);
  if (!header) return 0;
  const preamble =
    table.rows
      .slice(0, header.row)
      .map((r) => r.map(cleanCell).join(' '))
      .join('\n') +
    '\n' +
    file.text.slice(-4000);
  const set = new Set(header.headers.map(normaliseHeader));
  return ALIPAY_PROFILE.matches(set, preamble, file.name) ? 0.9 : 0;
}

export const alipayFormat: StatementFormat = {
  id: 'alipay',
  detect: personalBillScore,
  parse(file: DecodedFile, options?: ParseOptions): StatementParseResult {
    return readBankTable(splitCsv(file.text), {
      fileName: file.name,
      encoding: file.encoding,
      baseFormat: 'alipay',
      forceFormat: 'alipay',
      profiles: [ALIPAY_PROFILE],
      options,
    });
  },
};

// ───────────── 业务明细 (merchant) ─────────────

const MERCHANT_COLUMNS = {
  tradeNo: ['支付宝交易号'],
  orderNo: ['商户订单号'],
  type: ['业务类型'],
  item: ['商品名称'],
  createdAt: ['创建时间'],
  finishedAt: ['完成时间'],
  storeNo: ['门店编号'],
  operator: ['操作员'],
  terminalId: ['终端号'],
  amount: ['订单金额(元)', '订单金额'],
  received: ['商家实收(元)', '商家实收'],
  refundBatch: ['退款批次号/请求号'],
  fee: ['服务费(元)', '服务费'],
} as const;

type MerchantField = keyof typeof MERCHANT_COLUMNS;

function merchantHeader(cells: string[]): Map<MerchantField, number> | null {
  const idx = new Map<MerchantField, number>();
  const norm = cells.map((c) => normaliseHeader(cleanCell(c)));
  for (const [field, names] of Object.entries(MERCHANT_COLUMNS) as [MerchantField, readonly string[]][]) {
    const i = norm.findIndex((n) => names.some((x) => normaliseHeader(x) === n));
    if (i >= 0) idx.set(field, i);
  }
  return idx.has('tradeNo') && idx.has('type') && idx.has('amount') && (idx.has('createdAt') || idx.has('finishedAt')) ? idx : null;
}

/** Rows after stripping '#' comment lines (业务明细 wraps the table in #-prefixed notes). */
function merchantRows(text: string): { rows: string[][]; lines: number[] } {
  const t = splitCsv(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  t.rows.forEach((r, i) => {
    if (cleanCell(r[0]).startsWith('#')) return;
    rows.push(r);
    lines.push(t.lines[i]!);
  });
  return { rows, lines };
}

function readMerchantBill(file: DecodedFile): StatementParseResult {
  const issues: Issue[] = [];
  const transactions: PortalTransaction[] = [];
  const result: StatementParseResult = { format: 'alipay-merchant', encoding: file.encoding, accounts: [], kind: 'acquirer', lines: [], transactions, issues };
  const { rows, lines } = merchantRows(file.text);
  const hi = rows.findIndex((r) => merchantHeader(r));
  if (hi < 0) {
    issues.push(makeIssue('error', 'issue.no_header.alipay'));
    return result;
  }
  const header = rows[hi]!.map(cleanCell);
  const idx = merchantHeader(rows[hi]!)!;
  const get = (r: string[], f: MerchantField) => {
    const i = idx.get(f);
    const v = i === undefined ? '' : cleanCell(r[i]);
    return isPlaceholder(v) ? '' : v;
  };
  const money2 = (r: string[], f: MerchantField, line: number): Dec | null | undefined => {
    const text = get(r, f);
    if (!text) return undefined;
    const p = parseAmount(text);
    if (!p) {
      issues.push(
        makeIssue(
          'error',
          'issue.bad_amount',
          { column: f === 'amount' ? '订单金额' : f === 'fee' ? '服务费' : '商家实收', value: text },
          { line, field: f, raw: text },
        ),
      );
      return null;
    }
    return p.value;
  };
  for (let i = hi + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const line = lines[i]!;
    const cells = r.map(cleanCell);
    if (cells.every((c) => c === '')) continue;
    const tradeNo = get(r, 'tradeNo');
    const when = get(r, 'finishedAt') || get(r, 'createdAt');
    const dt = parseDateTime(when);
    if (!tradeNo || !dt) {
      if (/^(-{3,}|合计|总计|#)/.test(cells[0] ?? '') || !dt) {
        if (/^(-{3,}|合计|总计)/.test(cells[0] ?? '')) continue;
        issues.push(makeIssue('error', 'issue.bad_date.dateTime', { column: '完成时间/创建时间', value: when }, { line, raw: when }));
      }
      continue;
    }
    const type = get(r, 'type');
    const kind: TxnKind | null = /退款/.test(type) ? 'refund' : /交易|收款|支付/.test(type) ? 'sale' : null;
    if (!kind) {
      issues.push(makeIssue('error', 'issue.unknown_type', { value: type }, { line, raw: type }));
      continue;
    }
    const amount = money2(r, 'amount', line);
    const fee = money2(r, 'fee', line);
    const received = money2(r, 'received', line);
    if (amount === null || fee === null || received === null) continue;
    if (amount === undefined) {
      issues.push(makeIssue('error', 'issue.missing_amount.named', { column: '订单金额' }, { line }));
      continue;
    }
    const signed = kind === 'refund' ? amount.abs().neg() : amount.abs();
    const status: TxnStatus = 'success';
    const cellsByHeader: Record<string, string> = {};
    header.forEach((h, c) => {
      if (h) cellsByHeader[h] = cleanCell(r[c]);
    });
    const orderNo = get(r, 'orderNo') || undefined;
    const refundBatch = get(r, 'refundBatch');
    const t: PortalTransaction = {
      id: stableId('pt', ['alipay-merchant', kind, tradeNo, refundBatch]),
      portal: 'alipay-merchant',
      occurredAt: toLocalDateTime(dt),
      kind,
      status,
      amount: money(signed, 'CNY'),
      cardType: 'qr_alipay',
      entryMode: 'qr',
      evidence: { url: `file:${file.name}#L${line}`, capturedAt: '', cells: cellsByHeader, sha256: '' },
    };
    // 服务费 is printed negative when charged; SettleGuard's fee is the cost (positive).
    if (fee !== undefined) t.fee = money(kind === 'refund' ? fee.abs().neg() : fee.abs(), 'CNY');
    if (received !== undefined) t.net = money(received, 'CNY');
    if (orderNo) t.orderNo = orderNo;
    const terminalId = get(r, 'terminalId');
    if (terminalId) t.terminalId = terminalId;
    if (kind === 'refund') t.originalRef = tradeNo;
    transactions.push(t);
  }
  return result;
}

export const alipayMerchantFormat: StatementFormat = {
  id: 'alipay-merchant',
  detect(file: DecodedFile): number {
    if (!file.text) return 0;
    const { rows } = merchantRows(file.text.slice(0, 20000));
    return rows.slice(0, 40).some((r) => merchantHeader(r)) ? 0.95 : 0;
  },
  parse: readMerchantBill,
};
