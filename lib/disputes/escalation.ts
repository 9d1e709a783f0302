// Escalation drafts for when the first dispute goes nowhere (DOMAIN.md §4.2 China, §4.3 US):
//   written_complaint  a formal written complaint to the acquirer's complaint department
//                      (US: the processor, copied to the acquiring/sponsor bank)
//   regulator          CN: PBOC 12363 / 中国支付清算协会; US: FTC and the state attorney general,
//                      copied to the acquiring bank
// The tone stays factual. Whether a merchant counts as a "financial consumer" for 12363 is not
// settled (DOMAIN.md §4.2 caveat), so the CN complaint rests on the acquirer's contractual and
// regulatory duties rather than on consumer status.
import type { IsoDate, MoneyJson } from '../model';
import { amountOf, isDecimalString, money } from '../money';
import type { Locale } from '../i18n/messages';
import type { DisputeInput } from './input';
import { buildDisputeModel } from './model';
import { missingMerchantDetails } from './merchant';
import { disputeValues, moneyText, plain, regionOf, type DisputeValues } from './sections';
import type { Region } from './strings';
import type { DisputeDraft } from './render';
import type { EscalationStep, TrackedDispute } from './tracker';

export type { EscalationStep, Region };

/** What happened so far; every field optional (the letter says less when it knows less). */
export interface EscalationHistory {
  firstSentOn?: IsoDate;
  ticketNo?: string;
  writtenComplaintOn?: IsoDate;
  rejectedOn?: IsoDate;
  rejectionReason?: string;
  recovered?: MoneyJson;
}

export interface EscalationInput extends DisputeInput {
  /** the acquirer / processor complained about, e.g. "拉卡拉支付股份有限公司" */
  acquirer?: string;
  history?: EscalationHistory;
  /** CN or US channels; by default from the currency (CNY → CN) */
  region?: Region;
}

/** The history a tracked dispute already knows. */
export function escalationHistoryOf(dispute: TrackedDispute): EscalationHistory {
  const firstSend = dispute.events.find((e) => e.type === 'send');
  const written = dispute.events.find((e) => e.type === 'escalate' && e.step === 'written_complaint');
  const tickets = dispute.events.flatMap((e) => ('ticketNo' in e && e.ticketNo ? [e.ticketNo] : []));
  const lastReject = [...dispute.events].reverse().find((e) => e.type === 'reject');
  return {
    firstSentOn: firstSend?.on,
    ticketNo: tickets.length ? [...new Set(tickets)].join(', ') : undefined,
    writtenComplaintOn: written?.on,
    rejectedOn: lastReject?.on,
    rejectionReason: lastReject?.type === 'reject' ? lastReject.reason : undefined,
    recovered: amountOf(dispute.recovered).gt(0) ? dispute.recovered : undefined,
  };
}

interface Facts {
  region: Region;
  acquirer?: string;
  merchantName: string;
  merchantId: string;
  contact: string;
  phone: string;
  asOf: string;
  deadline?: string;
  contract?: string;
  firstSentOn?: string;
  ticketNo?: string;
  writtenComplaintOn?: string;
  rejectedOn?: string;
  rejectionReason?: string;
  recovered?: string;
  outstanding?: string;
  v: DisputeValues;
}

export function renderEscalation(step: EscalationStep, input: EscalationInput, locale: Locale): DisputeDraft {
  const model = buildDisputeModel(input);
  const h = input.history ?? {};
  const recovered = h.recovered && isDecimalString(h.recovered.amount) && amountOf(h.recovered).gt(0) ? h.recovered : undefined;
  // What is still owed, per currency: the total less what came back in the same currency.
  const outstanding = model.totals
    .map((t) => (recovered && recovered.currency === t.currency ? money(amountOf(t).minus(amountOf(recovered)), t.currency) : t))
    .filter((m) => amountOf(m).gt(0));
  const v = disputeValues(input, locale, model, recovered ? outstanding : undefined);
  const f: Facts = {
    region: input.region ?? regionOf(model, locale),
    acquirer: plain(input.acquirer),
    merchantName: v.merchantName,
    merchantId: v.merchantId,
    contact: v.contact,
    phone: v.phone,
    asOf: v.asOf,
    deadline: model.deadline,
    contract: plain(input.contractLabel),
    firstSentOn: plain(h.firstSentOn, 10),
    ticketNo: plain(h.ticketNo, 80),
    writtenComplaintOn: plain(h.writtenComplaintOn, 10),
    rejectedOn: plain(h.rejectedOn, 10),
    rejectionReason: plain(h.rejectionReason, 300),
    recovered: moneyText(recovered),
    outstanding: outstanding.length ? outstanding.map((m) => moneyText(m)).join(locale === 'en' ? ', ' : '、') : undefined,
    v,
  };
  const lines = (locale === 'en' ? EN : ZH)[step](f);
  const [subjectLine = '', ...rest] = lines;
  return {
    subject: subjectLine,
    text: [`${locale === 'en' ? 'Subject: ' : '主题：'}${subjectLine}`, ...rest].join('\n'),
    missing: missingMerchantDetails(input.merchant, model.merchantIds),
  };
}

type Builder = (f: Facts) => string[];

/** The parts that have something to say, joined, as a one-line list (none: no line at all, never 未知). */
function present(parts: (string | false | undefined)[], separator: string): string[] {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  return kept.length ? [kept.join(separator)] : [];
}

// ── 中文 ────────────────────────────────────────────────────────────────────────────────

function zhHistory(f: Facts, withWritten: boolean): string {
  const parts: string[] = [];
  parts.push(
    f.firstSentOn
      ? `我方已于${f.firstSentOn}通过客服/工单就下列问题提出申诉${f.ticketNo ? `（工单号 ${f.ticketNo}）` : ''}`
      : `我方此前已就下列问题向${f.acquirer ?? '收单机构'}提出申诉${f.ticketNo ? `（工单号 ${f.ticketNo}）` : ''}`,
  );
  if (withWritten && f.writtenComplaintOn) parts.push(`并于${f.writtenComplaintOn}提交书面投诉`);
  const outcome = f.rejectedOn
    ? `，${f.rejectedOn}被告知不予处理${f.rejectionReason ? `（理由：${f.rejectionReason}）` : ''}。`
    : `，截至${f.asOf}仍未得到解决。`;
  return parts.join('，') + outcome;
}

function zhRecovered(f: Facts): string {
  return f.recovered ? `${f.acquirer ?? '收单机构'}已退还${f.recovered}，尚余${f.outstanding ?? '未知'}未退还。` : '';
}

function zhEscalationNote(f: Facts): string {
  const by = f.deadline ? `在${f.deadline}前` : '在合理期限内';
  return f.region === 'CN'
    ? `如仍未能${by}妥善解决，我方将向中国人民银行金融消费权益保护咨询投诉电话12363、中国支付清算协会等渠道反映。`
    : `如仍未能${by}妥善解决，我方将向收单（担保）银行反映，并向美国联邦贸易委员会（FTC）及州检察长投诉。`;
}

const ZH: Record<EscalationStep, Builder> = {
  written_complaint: (f) => [
    `关于商户号${f.merchantId}多扣款问题的书面投诉`,
    '',
    `致：${f.acquirer ?? '收单机构'}投诉处理部门${f.region === 'US' ? '（抄送：收单担保银行）' : ''}`,
    '',
    zhHistory(f, false),
    `现依据双方签订的${f.contract ? `《${f.contract.replace(/^《|》$/g, '')}》` : '收单服务协议'}${f.region === 'CN' ? '及《银行卡收单业务管理办法》等相关规定' : ''}，正式提出书面投诉，请贵机构核查处理。`,
    '',
    '一、商户信息',
    f.v.merchantBlock,
    '',
    '二、投诉事项',
    f.v.summary + zhRecovered(f),
    '',
    '三、逐笔明细',
    f.v.itemsTable,
    '',
    '四、事实与依据',
    f.v.basis,
    '',
    '五、诉求',
    f.v.requests,
    '',
    '六、附件清单',
    f.v.attachments,
    `${f.v.attachments.split('\n').length + 1}. 前期申诉记录${f.ticketNo ? `（工单号 ${f.ticketNo}）` : ''}`,
    '',
    zhEscalationNote(f),
    '',
    '此致',
    '敬礼',
    '',
    f.merchantName,
    f.asOf,
  ],
  regulator: (f) => [
    `关于${f.acquirer ?? '收单机构'}收单业务多扣商户款项的投诉`,
    '',
    f.region === 'CN'
      ? '投诉渠道：中国人民银行金融消费权益保护咨询投诉电话12363；中国支付清算协会'
      : '投诉渠道：美国联邦贸易委员会（FTC）；州检察长办公室消费者保护部门（抄送：收单担保银行）',
    `被投诉机构：${f.acquirer ?? '未知'}`,
    ...present([f.merchantName && `投诉人：${f.merchantName}`, f.merchantId && `（商户号 ${f.merchantId}）`], ''),
    ...present([f.contact && `联系人：${f.contact}`, f.phone && `联系电话：${f.phone}`], '；'),
    '',
    '一、投诉事项',
    `我方为被投诉机构的签约商户。${f.v.summary}${zhRecovered(f)}`,
    '',
    '二、处理经过',
    zhHistory(f, true),
    '',
    '三、逐笔明细',
    f.v.itemsTable,
    '',
    '四、事实与依据',
    f.v.basis,
    '',
    '五、诉求',
    '请督促被投诉机构：',
    `1. 核实并退还多扣款项${f.outstanding ? `合计${f.outstanding}` : ''}至我方结算账户；`,
    `2. 按合同约定${f.contract ? `（${f.contract}）` : ''}收费，停止未经约定的收费；`,
    '3. 就上述问题作出书面答复。',
    '',
    '六、证据材料',
    f.v.attachments,
    `${f.v.attachments.split('\n').length + 1}. 前期申诉及书面投诉记录${f.ticketNo ? `（工单号 ${f.ticketNo}）` : ''}`,
    '',
    '以上情况属实，相关证据材料可随时提供。',
    '',
    f.merchantName,
    f.asOf,
  ],
};

// ── English ─────────────────────────────────────────────────────────────────────────────

function enHistory(f: Facts, withWritten: boolean): string {
  const first = f.firstSentOn
    ? `We first raised this on ${f.firstSentOn}${f.ticketNo ? ` (ticket ${f.ticketNo})` : ''}`
    : `We have raised this with ${f.acquirer ?? 'the acquirer'} before${f.ticketNo ? ` (ticket ${f.ticketNo})` : ''}`;
  const written = withWritten && f.writtenComplaintOn ? ` and sent a formal written complaint on ${f.writtenComplaintOn}` : '';
  const outcome = f.rejectedOn
    ? `. On ${f.rejectedOn} it was rejected${f.rejectionReason ? ` with the reason: "${f.rejectionReason}"` : ''}.`
    : `. As of ${f.asOf} it remains unresolved.`;
  return first + written + outcome;
}

function enRecovered(f: Facts): string {
  return f.recovered ? ` ${f.acquirer ?? 'The acquirer'} has refunded ${f.recovered}; ${f.outstanding ?? 'an unknown amount'} is still outstanding.` : '';
}

function enEscalationNote(f: Facts): string {
  const by = f.deadline ? `by ${f.deadline}` : 'within a reasonable time';
  return f.region === 'CN'
    ? `If this is not resolved ${by}, we will raise it through the PBOC financial consumer protection hotline 12363 and the Payment & Clearing Association of China.`
    : `If this is not resolved ${by}, we will file complaints with the Federal Trade Commission and our state attorney general.`;
}

const EN: Record<EscalationStep, Builder> = {
  written_complaint: (f) => [
    `Formal written dispute — MID ${f.merchantId}${f.outstanding ? `, amount in dispute ${f.outstanding}` : ''}`,
    '',
    `To: ${f.acquirer ?? 'the acquirer'} — Disputes / Complaints Department`,
    ...(f.region === 'US' ? ['Copy to: the acquiring (sponsor) bank'] : []),
    '',
    `${enHistory(f, false)} This letter is our formal written dispute under our merchant agreement${f.contract ? ` (${f.contract})` : ''}.`,
    '',
    '1. Account',
    f.v.merchantBlock,
    '',
    '2. Summary',
    f.v.summary + enRecovered(f),
    '',
    '3. Itemized list',
    f.v.itemsTable,
    '',
    '4. Basis',
    f.v.basis,
    '',
    '5. Request',
    f.v.requests,
    '',
    '6. Attachments',
    f.v.attachments,
    `${f.v.attachments.split('\n').length + 1}. Our earlier correspondence${f.ticketNo ? ` (ticket ${f.ticketNo})` : ''}`,
    '',
    enEscalationNote(f),
    '',
    'Sincerely,',
    f.merchantName,
    f.asOf,
  ],
  regulator: (f) => [
    `Complaint: ${f.acquirer ?? 'our card acquirer'} charged fees contrary to our merchant agreement`,
    '',
    f.region === 'CN'
      ? 'To: PBOC financial consumer protection hotline 12363; Payment & Clearing Association of China'
      : 'To: Federal Trade Commission (ReportFraud.ftc.gov); Office of the State Attorney General, Consumer Protection',
    ...(f.region === 'US' ? ['Copy to: the acquiring (sponsor) bank'] : []),
    `Company complained about: ${f.acquirer ?? 'unknown'}`,
    ...present([f.merchantName && `Complainant: ${f.merchantName}`, f.merchantId && ` (MID ${f.merchantId})`], ''),
    ...present([f.contact && `Contact: ${f.contact}`, f.phone && `phone: ${f.phone}`], '; '),
    '',
    '1. What happened',
    `We are a merchant under contract with the company. ${f.v.summary}${enRecovered(f)}`,
    '',
    '2. Steps we have taken',
    enHistory(f, true),
    '',
    '3. Itemized list',
    f.v.itemsTable,
    '',
    '4. Basis',
    f.v.basis,
    '',
    '5. What we ask',
    `That the company refund ${f.outstanding ?? 'the amounts overcharged'} to our settlement account, charge only what our agreement${f.contract ? ` (${f.contract})` : ''} provides, stop charging fees not in it, and answer in writing.`,
    '',
    '6. Evidence',
    f.v.attachments,
    `${f.v.attachments.split('\n').length + 1}. Our earlier dispute and written complaint${f.ticketNo ? ` (ticket ${f.ticketNo})` : ''}`,
    '',
    'The information above is accurate to the best of our knowledge; the evidence is available on request.',
    '',
    f.merchantName,
    f.asOf,
  ],
};
