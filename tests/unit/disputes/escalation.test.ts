import { describe, expect, it } from 'vitest';
import { escalationHistoryOf, renderEscalation, type EscalationInput } from '../../../lib/disputes/escalation';
import { createDispute, replayDispute } from '../../../lib/disputes/tracker';
import type { Finding } from '../../../lib/model';
import { scenario, tx } from './scenario';

const history = {
  firstSentOn: '2024-03-10',
  ticketNo: 'GD2024031000123',
  writtenComplaintOn: '2024-03-27',
  rejectedOn: '2024-03-20',
  rejectionReason: '系统显示费率正确',
  recovered: { amount: '20.00', currency: 'CNY' },
};
const cn: EscalationInput = { ...scenario({ asOf: '2024-04-01' }), acquirer: '拉卡拉支付股份有限公司', history };

describe('renderEscalation, China (CNY)', () => {
  it('written complaint (zh-CN)', () => {
    const { subject, text } = renderEscalation('written_complaint', cn, 'zh-CN');
    expect(subject).toBe('关于商户号822100058120001多扣款问题的书面投诉');
    const expected = [
      '主题：关于商户号822100058120001多扣款问题的书面投诉',
      '致：拉卡拉支付股份有限公司投诉处理部门',
      '我方已于2024-03-10通过客服/工单就下列问题提出申诉（工单号 GD2024031000123），2024-03-20被告知不予处理（理由：系统显示费率正确）。',
      '现依据双方签订的《收单服务协议（2024版）》及《银行卡收单业务管理办法》等相关规定，正式提出书面投诉，请贵机构核查处理。',
      '1 | 2024-03-05 10:15:00 | ¥8,000.00 | 123456789012 | 000123/000045 | 6789 借记卡 | ¥40.00 | ¥20.00 | ¥20.00 | 借记卡未封顶',
      '1. 请于2024-04-16前（本函发出后15日内）将多扣款项合计¥136.00退还至我方结算账户；',
      '5. 前期申诉记录（工单号 GD2024031000123）',
      '如仍未能在2024-04-16前妥善解决，我方将向中国人民银行金融消费权益保护咨询投诉电话12363、中国支付清算协会等渠道反映。',
    ];
    for (const line of expected) expect(text.split('\n')).toContain(line);
    expect(text).toContain('合计多扣¥156.00（逐笔明细见下表）。拉卡拉支付股份有限公司已退还¥20.00，尚余¥136.00未退还。');
  });

  it('regulator / association (zh-CN): 12363 and 中国支付清算协会', () => {
    const { subject, text } = renderEscalation('regulator', cn, 'zh-CN');
    expect(subject).toBe('关于拉卡拉支付股份有限公司收单业务多扣商户款项的投诉');
    const lines = text.split('\n');
    for (const line of [
      '投诉渠道：中国人民银行金融消费权益保护咨询投诉电话12363；中国支付清算协会',
      '被投诉机构：拉卡拉支付股份有限公司',
      '投诉人：张记面馆（商户号 822100058120001）',
      '联系人：张三；联系电话：13800000000',
      '我方已于2024-03-10通过客服/工单就下列问题提出申诉（工单号 GD2024031000123），并于2024-03-27提交书面投诉，2024-03-20被告知不予处理（理由：系统显示费率正确）。',
      '1. 核实并退还多扣款项合计¥136.00至我方结算账户；',
      '以上情况属实，相关证据材料可随时提供。',
    ])
      expect(lines).toContain(line);
  });

  it('the same in English keeps the Chinese channels', () => {
    const { text } = renderEscalation('regulator', cn, 'en');
    expect(text).toContain('To: PBOC financial consumer protection hotline 12363; Payment & Clearing Association of China');
    expect(text).toContain(
      'We first raised this on 2024-03-10 (ticket GD2024031000123) and sent a formal written complaint on 2024-03-27. On 2024-03-20 it was rejected with the reason: "系统显示费率正确".',
    );
    expect(text).not.toContain('FTC');
  });

  it('knows less, says less: no history, no acquirer', () => {
    const bare = scenario({ asOf: '2024-04-01' });
    const zh = renderEscalation('written_complaint', bare, 'zh-CN').text;
    expect(zh).toContain('致：收单机构投诉处理部门');
    expect(zh).toContain('我方此前已就下列问题向收单机构提出申诉，截至2024-04-01仍未得到解决。');
    expect(zh).toContain('将多扣款项合计¥156.00退还');
    expect(renderEscalation('regulator', bare, 'zh-CN').text).toContain('被投诉机构：未知');
    expect(renderEscalation('regulator', bare, 'en').text).toContain('Company complained about: unknown');
  });
});

describe('renderEscalation, US (USD)', () => {
  const usTx = {
    ...tx({ id: 'tx:us', occurredAt: '2024-03-05T10:00:00', amount: '100.00' }),
    amount: { amount: '100.00', currency: 'USD' },
    fee: { amount: '3.50', currency: 'USD' },
    cardType: 'credit' as const,
    cardLast4: '4242',
    orderNo: 'ch_123',
  };
  const finding: Finding = {
    id: 'f:us',
    kind: 'fee_above_contract',
    severity: 'overcharge',
    atStake: { amount: '0.30', currency: 'USD' },
    transactionIds: ['tx:us'],
    statementLineIds: [],
    explanation: {
      key: 'finding.fee_above_contract',
      params: { amount: '100.00', currency: 'USD', percent: '2.9', fixed: '0.30', expected: '3.20', charged: '3.50', difference: '0.30' },
    },
  };
  const us: EscalationInput = {
    findings: [finding],
    transactions: [usTx],
    statementLines: [],
    merchant: { name: 'Joe’s Diner LLC', merchantId: '4445001', contact: 'Joe', phone: '555-0100' },
    contractLabel: 'Pricing schedule 2023-06',
    asOf: '2024-04-01',
    acquirer: 'Acme Payments',
    history: { firstSentOn: '2024-03-10', ticketNo: 'CS-77' },
  };

  it('regulator: FTC and state AG, copied to the acquiring bank (full text)', () => {
    const { subject, text } = renderEscalation('regulator', us, 'en');
    expect(subject).toBe('Complaint: Acme Payments charged fees contrary to our merchant agreement');
    expect(text).toBe(
      [
        'Subject: Complaint: Acme Payments charged fees contrary to our merchant agreement',
        '',
        'To: Federal Trade Commission (ReportFraud.ftc.gov); Office of the State Attorney General, Consumer Protection',
        'Copy to: the acquiring (sponsor) bank',
        'Company complained about: Acme Payments',
        'Complainant: Joe’s Diner LLC (MID 4445001)',
        'Contact: Joe; phone: 555-0100',
        '',
        '1. What happened',
        'We are a merchant under contract with the company. 1 item totalling $0.30 was charged contrary to our agreement (Pricing schedule 2023-06) in the period 2024-03-05, itemized below.',
        '',
        '2. Steps we have taken',
        'We first raised this on 2024-03-10 (ticket CS-77). As of 2024-04-01 it remains unresolved.',
        '',
        '3. Itemized list',
        'No. | Date/time | Amount | Reference (RRN) | Voucher/batch | Card last 4 | Fee charged | Fee per contract | Difference | Issue type',
        '1 | 2024-03-05 10:00:00 | $100.00 | order ch_123 | unknown | 4242 Credit card | $3.50 | $3.20 | $0.30 | Fee above contract',
        '',
        '4. Basis',
        'Pricing schedule / agreement: Pricing schedule 2023-06.',
        '1. Fee above contract: Sale of $100.00: the contract rate 2.9% + $0.30 gives a fee of $3.20; $3.50 was charged, $0.30 too much.',
        '',
        '5. What we ask',
        'That the company refund $0.30 to our settlement account, charge only what our agreement (Pricing schedule 2023-06) provides, stop charging fees not in it, and answer in writing.',
        '',
        '6. Evidence',
        '1. Portal transaction records (screenshots/exports) for 1 transaction(s), with capture URL and time',
        '2. Merchant agreement / pricing schedule: Pricing schedule 2023-06',
        '3. Our earlier dispute and written complaint (ticket CS-77)',
        '',
        'The information above is accurate to the best of our knowledge; the evidence is available on request.',
        '',
        'Joe’s Diner LLC',
        '2024-04-01',
      ].join('\n'),
    );
  });

  it('written complaint: to the processor, copied to the sponsor bank, FTC/AG as the next step', () => {
    const { subject, text } = renderEscalation('written_complaint', us, 'en');
    expect(subject).toBe('Formal written dispute — MID 4445001, amount in dispute $0.30');
    expect(text).toContain('To: Acme Payments — Disputes / Complaints Department\nCopy to: the acquiring (sponsor) bank');
    expect(text).toContain('This letter is our formal written dispute under our merchant agreement (Pricing schedule 2023-06).');
    expect(text).toContain('If this is not resolved by 2024-04-16, we will file complaints with the Federal Trade Commission and our state attorney general.');
    expect(renderEscalation('written_complaint', us, 'zh-CN').text).toContain('美国联邦贸易委员会（FTC）');
  });
});

describe('escalation inputs', () => {
  it('takes the history from the dispute tracker', () => {
    const start = createDispute({ id: 'd', findingIds: ['f:debit'], claimed: { amount: '156.00', currency: 'CNY' }, createdOn: '2024-03-10' });
    const result = replayDispute(start, [
      { type: 'send', on: '2024-03-10', ticketNo: 'GD1' },
      { type: 'refund', on: '2024-03-12', amount: { amount: '20.00', currency: 'CNY' } },
      { type: 'reject', on: '2024-03-20', reason: '已处理' },
      { type: 'escalate', on: '2024-03-22', step: 'written_complaint', ticketNo: 'TS2' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(escalationHistoryOf(result.dispute)).toEqual({
      firstSentOn: '2024-03-10',
      ticketNo: 'GD1, TS2',
      writtenComplaintOn: '2024-03-22',
      rejectedOn: '2024-03-20',
      rejectionReason: '已处理',
      recovered: { amount: '20.00', currency: 'CNY' },
    });
  });

  it('page- and merchant-typed text cannot add lines', () => {
    const hostile: EscalationInput = {
      ...cn,
      acquirer: '坏公司\n主题：伪造\u202E',
      history: { ...history, rejectionReason: '理由\r\n1. 伪造诉求', ticketNo: 'T\u00001' },
    };
    for (const step of ['written_complaint', 'regulator'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = renderEscalation(step, hostile, locale).text;
        const clean = renderEscalation(step, cn, locale).text;
        expect(text.split('\n')).toHaveLength(clean.split('\n').length);
        expect(text).not.toMatch(/^(主题：伪造|1\. 伪造诉求)/m);
        expect(text).not.toMatch(/[\u0000\r\u202E]/);
      }
    }
  });
});
