// The wording of dispute letters (DOMAIN.md §4.4 outlines; our own words). Values passed in
// are already plain text (sanitised by the caller); nothing here builds markup.
import type { Locale } from '../i18n/messages';

export type Region = 'CN' | 'US';

export interface LetterStrings {
  unknown: string;
  notApplicable: string;
  listSeparator: string;
  subject(p: { merchantId?: string; month?: string; total?: string }): string;
  merchantBlock: { name: string; merchantId: string; terminalIds: string; contact: string; phone: string };
  summary(p: { count: number; total?: string; period?: string; unquantified: number; contractLabel?: string }): string;
  periodRange(from: string, to: string): string;
  tableHeader: readonly string[];
  settlementDate(date: string): string;
  /** received undefined: nothing arrived */
  settlementAmounts(expected: string, received: string | undefined): string;
  settlementCount(count: string): string;
  orderNo(no: string): string;
  bankRef(ref: string): string;
  roleFirst: string;
  roleRepeat: string;
  contractBasis(label: string): string;
  findingBasis(p: { n: number; kind: string; refs: string[]; explanation: string }): string;
  cashierShowsOne: string;
  bankLine(p: { date: string; amount: string; credit: boolean; description: string; reference?: string }): string;
  requestRefund(p: { total?: string; deadline?: string; days: number }): string;
  requestRecalculate: string;
  requestRemoveFees(names: string): string;
  requestDuplicate: string;
  requestSettlement: string;
  requestCorrect: string;
  requestMcc: string;
  requestExplanation: string;
  attachmentTransactions(count: number): string;
  attachmentBank(count: number): string;
  attachmentContract(label?: string): string;
  attachmentReceipts: string;
  escalation(region: Region, deadline?: string): string;
}

export const LETTER_STRINGS: Record<Locale, LetterStrings> = {
  'zh-CN': {
    unknown: '未知',
    notApplicable: '—',
    listSeparator: '、',
    subject: ({ merchantId }) => (merchantId ? `关于商户号${merchantId}交易多扣款/费率异常的退费申请` : '关于本商户交易多扣款/费率异常的退费申请'),
    merchantBlock: { name: '商户名称', merchantId: '商户号', terminalIds: '终端号', contact: '联系人', phone: '联系电话' },
    summary: ({ count, total, period, unquantified, contractLabel }) => {
      const when = period ? (period.includes('至') ? `${period}期间，` : `${period}，`) : '';
      const basis = contractLabel ? `按照双方约定（${contractLabel}）核对，` : '经核对，';
      const money = total ? `合计多扣${total}` : '涉及金额待核实';
      const rest = total && unquantified > 0 ? `；另有${unquantified}项金额待核实` : '';
      return `${when}${basis}共发现${count}项异常，${money}${rest}（逐笔明细见下表）。`;
    },
    periodRange: (from, to) => (from === to ? from : `${from}至${to}`),
    tableHeader: ['序号', '交易时间', '金额', '参考号', '凭证号/批次号', '卡号后四位', '实收手续费', '按约定应收', '差额', '异常类型'],
    settlementDate: (date) => `清算日 ${date}`,
    settlementAmounts: (expected, received) => `应到 ${expected}；${received === undefined ? '未到账' : `实到 ${received}`}`,
    settlementCount: (count) => `共 ${count} 笔`,
    orderNo: (no) => `订单号 ${no}`,
    bankRef: (ref) => `银行流水号 ${ref}`,
    roleFirst: '（首笔）',
    roleRepeat: '（重复）',
    contractBasis: (label) => `合同/费率约定：${label}。`,
    findingBasis: ({ n, kind, refs, explanation }) => `${n}. ${kind}${refs.length ? `（参考号 ${refs.join('、')}）` : ''}：${explanation}`,
    cashierShowsOne: '收银系统记录显示同一时段仅有一笔该金额的收款。',
    bankLine: ({ date, amount, credit, description, reference }) =>
      `   银行流水：${date} ${credit ? '入账' : '支出'} ${amount}（${description}${reference ? `；流水号 ${reference}` : ''}）`,
    requestRefund: ({ total, deadline, days }) =>
      `${deadline ? `请于${deadline}前（本函发出后${days}日内）` : `请于${days}日内`}将多扣款项${total ? `合计${total}` : ''}退还至我方结算账户；`,
    requestRecalculate: '按合同约定费率重新核算上述交易的手续费，并恢复约定费率；',
    requestRemoveFees: (names) => `停止收取并退还未经约定的费用（${names}）；`,
    requestDuplicate: '核实并撤销重复交易；',
    requestSettlement: '补足结算差额，并说明差额的构成；',
    requestCorrect: '核实并更正上述交易的状态与金额；',
    requestMcc: '说明上述交易使用的商户类别码（MCC）及清算机构；',
    requestExplanation: '就上述差异产生的原因给予书面说明。',
    attachmentTransactions: (count) => `收单平台交易记录截图/导出（${count} 笔，含采集网址与时间）`,
    attachmentBank: (count) => `银行结算流水（${count} 条）`,
    attachmentContract: (label) => (label ? `收单服务协议/费率约定：${label}` : '收单服务协议/费率约定'),
    attachmentReceipts: '签购单/小票及收银系统记录',
    escalation: (region, deadline) => {
      const by = deadline ? `在${deadline}前` : '在上述期限内';
      return region === 'CN'
        ? `如上述问题未能${by}妥善处理，我方保留向中国人民银行金融消费权益保护咨询投诉电话12363、中国支付清算协会等渠道反映的权利。`
        : `如上述问题未能${by}妥善处理，我方将向收单（担保）银行反映，并保留向美国联邦贸易委员会（FTC）及州检察长投诉的权利。`;
    },
  },
  en: {
    unknown: 'unknown',
    notApplicable: '—',
    listSeparator: ', ',
    subject: ({ merchantId, month, total }) => {
      const parts = [merchantId && `MID ${merchantId}`, month && `statement ${month}`, total && `amount in dispute ${total}`];
      const detail = parts.filter((p): p is string => Boolean(p)).join(', ');
      return detail ? `Fee dispute — ${detail}` : 'Fee dispute';
    },
    merchantBlock: { name: 'Legal name / DBA', merchantId: 'MID', terminalIds: 'Terminal ID', contact: 'Contact', phone: 'Phone' },
    summary: ({ count, total, period, unquantified, contractLabel }) => {
      const agreement = contractLabel ? `our agreement (${contractLabel})` : 'our agreement';
      const items = `${count} ${count === 1 ? 'item' : 'items'}`;
      const money = total ? ` totalling ${total}` : '';
      const when = period ? ` in the period ${period}` : '';
      const rest =
        total && unquantified > 0
          ? ` The amount of ${unquantified} further ${unquantified === 1 ? 'item' : 'items'} is still to be confirmed.`
          : !total
            ? ' The amount is still to be confirmed.'
            : '';
      return `${items}${money} ${count === 1 ? 'was' : 'were'} charged contrary to ${agreement}${when}, itemized below.${rest}`;
    },
    periodRange: (from, to) => (from === to ? from : `${from} to ${to}`),
    tableHeader: [
      'No.',
      'Date/time',
      'Amount',
      'Reference (RRN)',
      'Voucher/batch',
      'Card last 4',
      'Fee charged',
      'Fee per contract',
      'Difference',
      'Issue type',
    ],
    settlementDate: (date) => `cleared ${date}`,
    settlementAmounts: (expected, received) => `expected ${expected}; ${received === undefined ? 'not received' : `received ${received}`}`,
    settlementCount: (count) => `${count} txns`,
    orderNo: (no) => `order ${no}`,
    bankRef: (ref) => `bank ref ${ref}`,
    roleFirst: ' (first)',
    roleRepeat: ' (repeat)',
    contractBasis: (label) => `Pricing schedule / agreement: ${label}.`,
    findingBasis: ({ n, kind, refs, explanation }) => `${n}. ${kind}${refs.length ? ` (RRN ${refs.join(', ')})` : ''}: ${explanation}`,
    cashierShowsOne: 'Our cashier (POS) records show only one such sale at that time.',
    bankLine: ({ date, amount, credit, description, reference }) =>
      `   Bank statement: ${date} ${credit ? 'credit' : 'debit'} ${amount} (${description}${reference ? `; ref ${reference}` : ''})`,
    requestRefund: ({ total, deadline, days }) =>
      `Refund${total ? ` of ${total}` : ' of the amounts overcharged'} to our settlement account ${deadline ? `by ${deadline} (within ${days} days of this letter)` : `within ${days} days`}.`,
    requestRecalculate: 'Recalculate the fees on these transactions at the contracted rate, and reinstate the contracted rate.',
    requestRemoveFees: (names) => `Remove the fees that are not in our agreement (${names}) and stop charging them.`,
    requestDuplicate: 'Investigate and reverse the duplicate transaction(s).',
    requestSettlement: 'Pay the settlement difference and explain how it arose.',
    requestCorrect: 'Check and correct the status and amount of the transactions listed.',
    requestMcc: 'State the merchant category code (MCC) and the clearing institution used for these transactions.',
    requestExplanation: 'A written explanation of the cause of these differences.',
    attachmentTransactions: (count) => `Portal transaction records (screenshots/exports) for ${count} transaction(s), with capture URL and time`,
    attachmentBank: (count) => `Bank statement lines (${count})`,
    attachmentContract: (label) => (label ? `Merchant agreement / pricing schedule: ${label}` : 'Merchant agreement / pricing schedule'),
    attachmentReceipts: 'Sales receipts and cashier (POS) records',
    escalation: (region, deadline) => {
      const by = deadline ? `by ${deadline}` : 'within that time';
      return region === 'CN'
        ? `If this is not resolved ${by}, we reserve the right to raise it through the PBOC financial consumer protection hotline 12363 and the Payment & Clearing Association of China.`
        : `If this is not resolved ${by}, we will escalate it to the acquiring (sponsor) bank and may file complaints with the Federal Trade Commission and our state attorney general.`;
    },
  },
};
