import { describe, expect, it } from 'vitest';
import { defaultDisputeLocale, renderDispute } from '../../../lib/disputes/render';
import type { Finding } from '../../../lib/model';
import { bankLine, debitCapFinding, debitCapTx, dupFirst, dupRepeat, duplicateFinding, groupTxs, merchant, scenario, shortfallFinding, tx } from './scenario';

const ZH_LETTER = [
  '主题：关于商户号822100058120001交易多扣款/费率异常的退费申请',
  '',
  '致：收单机构客户服务及投诉处理部门',
  '',
  '我方是贵机构的签约商户。经核对收单平台交易记录与银行结算流水，发现以下交易存在多扣款或费率异常，现提出申诉并申请退费。',
  '',
  '一、商户信息',
  '商户名称：张记面馆',
  '商户号：822100058120001',
  '终端号：12345678',
  '联系人：张三',
  '联系电话：13800000000',
  '',
  '二、事实摘要',
  '2024-03-04至2024-03-05期间，按照双方约定（收单服务协议（2024版））核对，共发现3项异常，合计多扣¥156.00（逐笔明细见下表）。',
  '',
  '三、逐笔明细',
  '序号 | 交易时间 | 金额 | 参考号 | 凭证号/批次号 | 卡号后四位 | 实收手续费 | 按约定应收 | 差额 | 异常类型',
  '1 | 2024-03-05 10:15:00 | ¥8,000.00 | 123456789012 | 000123/000045 | 6789 借记卡 | ¥40.00 | ¥20.00 | ¥20.00 | 借记卡未封顶',
  '2.1 | 2024-03-05 12:01:10 | ¥88.00 | 406512010001 | 000124/000045 | 0085 贷记卡 | ¥0.53 | — | — | 重复扣款（首笔）',
  '2.2 | 2024-03-05 12:02:05 | ¥88.00 | 406512020002 | 000125/000045 | 0085 贷记卡 | ¥0.53 | — | ¥88.00 | 重复扣款（重复）',
  '3 | 清算日 2024-03-04 | 应到 ¥12,171.53；实到 ¥12,123.53 | — | 共 2 笔 | — | — | — | ¥48.00 | 结算短款',
  '',
  '四、依据',
  '合同/费率约定：收单服务协议（2024版）。',
  '1. 借记卡未封顶（参考号 123456789012）：借记卡交易 ¥8,000.00，约定费率 0.5%、封顶 ¥20.00/笔，应收手续费 ¥20.00，实收 ¥40.00，未按封顶计收，多收 ¥20.00。',
  '2. 重复扣款（参考号 406512010001、406512020002）：终端 12345678 卡号尾号 0085 在 2024-03-05 12:01:10 与 2024-03-05 12:02:05 各有一笔 ¥88.00 的消费，相隔 55 秒，疑似重复扣款。收银系统记录显示同一时段仅有一笔该金额的收款。',
  '3. 结算短款：清算日 2024-03-04 的 2 笔交易应于 2024-03-05 到账 ¥12,171.53，银行实际到账 ¥12,123.53，短款 ¥48.00。',
  '   银行流水：2024-03-05 入账 ¥12,123.53（拉卡拉支付 结算款；流水号 B20240305001）',
  '',
  '五、诉求',
  '1. 请于2024-03-25前（本函发出后15日内）将多扣款项合计¥156.00退还至我方结算账户；',
  '2. 按合同约定费率重新核算上述交易的手续费，并恢复约定费率；',
  '3. 核实并撤销重复交易；',
  '4. 补足结算差额，并说明差额的构成；',
  '5. 就上述差异产生的原因给予书面说明。',
  '',
  '六、附件清单',
  '1. 收单平台交易记录截图/导出（5 笔，含采集网址与时间）',
  '2. 银行结算流水（1 条）',
  '3. 收单服务协议/费率约定：收单服务协议（2024版）',
  '4. 签购单/小票及收银系统记录',
  '',
  '如上述问题未能在2024-03-25前妥善处理，我方保留向中国人民银行金融消费权益保护咨询投诉电话12363、中国支付清算协会等渠道反映的权利。',
  '',
  '此致',
  '敬礼',
  '',
  '张记面馆',
  '2024-03-10',
].join('\n');

const EN_LETTER = [
  'Subject: Fee dispute — MID 822100058120001, statement 2024-03, amount in dispute ¥156.00',
  '',
  'To: Merchant Services / Disputes',
  '',
  "We are a merchant using your acquiring services. Comparing your portal's transaction records with our bank statements, we found the charges below to be contrary to our agreement, and we dispute them.",
  '',
  '1. Account',
  'Legal name / DBA: 张记面馆',
  'MID: 822100058120001',
  'Terminal ID: 12345678',
  'Contact: 张三',
  'Phone: 13800000000',
  '',
  '2. Summary',
  '3 items totalling ¥156.00 were charged contrary to our agreement (收单服务协议（2024版）) in the period 2024-03-04 to 2024-03-05, itemized below.',
  '',
  '3. Itemized list',
  'No. | Date/time | Amount | Reference (RRN) | Voucher/batch | Card last 4 | Fee charged | Fee per contract | Difference | Issue type',
  '1 | 2024-03-05 10:15:00 | ¥8,000.00 | 123456789012 | 000123/000045 | 6789 Debit card | ¥40.00 | ¥20.00 | ¥20.00 | Debit card cap ignored',
  '2.1 | 2024-03-05 12:01:10 | ¥88.00 | 406512010001 | 000124/000045 | 0085 Credit card | ¥0.53 | — | — | Duplicate charge (first)',
  '2.2 | 2024-03-05 12:02:05 | ¥88.00 | 406512020002 | 000125/000045 | 0085 Credit card | ¥0.53 | — | ¥88.00 | Duplicate charge (repeat)',
  '3 | cleared 2024-03-04 | expected ¥12,171.53; received ¥12,123.53 | — | 2 txns | — | — | — | ¥48.00 | Settlement short',
  '',
  '4. Basis',
  'Pricing schedule / agreement: 收单服务协议（2024版）.',
  '1. Debit card cap ignored (RRN 123456789012): Debit card sale of ¥8,000.00: the contract rate 0.5% is capped at ¥20.00 per transaction, so the fee should be ¥20.00; ¥40.00 was charged, ¥20.00 too much.',
  '2. Duplicate charge (RRN 406512010001, 406512020002): Two sales of ¥88.00 on the card ending 0085 at terminal 12345678, at 2024-03-05 12:01:10 and 2024-03-05 12:02:05, 55 seconds apart: likely charged twice. Our cashier (POS) records show only one such sale at that time.',
  '3. Settlement short: The 2 transactions cleared on 2024-03-04 should have paid ¥12,171.53 by 2024-03-05; the bank received ¥12,123.53, ¥48.00 short.',
  '   Bank statement: 2024-03-05 credit ¥12,123.53 (拉卡拉支付 结算款; ref B20240305001)',
  '',
  '5. Request',
  '1. Refund of ¥156.00 to our settlement account by 2024-03-25 (within 15 days of this letter).',
  '2. Recalculate the fees on these transactions at the contracted rate, and reinstate the contracted rate.',
  '3. Investigate and reverse the duplicate transaction(s).',
  '4. Pay the settlement difference and explain how it arose.',
  '5. A written explanation of the cause of these differences.',
  '',
  '6. Attachments',
  '1. Portal transaction records (screenshots/exports) for 5 transaction(s), with capture URL and time',
  '2. Bank statement lines (1)',
  '3. Merchant agreement / pricing schedule: 收单服务协议（2024版）',
  '4. Sales receipts and cashier (POS) records',
  '',
  'If this is not resolved by 2024-03-25, we reserve the right to raise it through the PBOC financial consumer protection hotline 12363 and the Payment & Clearing Association of China.',
  '',
  'Sincerely,',
  '张记面馆',
  '2024-03-10',
].join('\n');

describe('renderDispute: the fixed scenario (debit cap, duplicate, settlement shortfall)', () => {
  it('zh-CN letter', () => {
    const draft = renderDispute(scenario(), 'zh-CN');
    expect(draft.subject).toBe('关于商户号822100058120001交易多扣款/费率异常的退费申请');
    expect(draft.text).toBe(ZH_LETTER);
  });

  it('en letter', () => {
    const draft = renderDispute(scenario(), 'en');
    expect(draft.subject).toBe('Fee dispute — MID 822100058120001, statement 2024-03, amount in dispute ¥156.00');
    expect(draft.text).toBe(EN_LETTER);
  });

  it('is pure: same text twice, input untouched', () => {
    const input = scenario();
    const before = JSON.stringify(input);
    expect(renderDispute(input, 'zh-CN')).toEqual(renderDispute(structuredClone(input), 'zh-CN'));
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('renderDispute: every field a dispute needs (DOMAIN.md §4.1)', () => {
  // The debit-cap finding alone: RRN 123456789012, difference 20.00 CNY.
  const single = scenario({ findings: [debitCapFinding], transactions: [debitCapTx], statementLines: [] });
  const required: { field: string; zh: string; en: string }[] = [
    { field: 'merchant id', zh: '商户号：822100058120001', en: 'MID: 822100058120001' },
    { field: 'terminal', zh: '终端号：12345678', en: 'Terminal ID: 12345678' },
    { field: 'date/time', zh: '2024-03-05 10:15:00', en: '2024-03-05 10:15:00' },
    { field: 'amount', zh: '¥8,000.00', en: '¥8,000.00' },
    { field: 'RRN', zh: '123456789012', en: '123456789012' },
    { field: 'voucher/batch', zh: '000123/000045', en: '000123/000045' },
    { field: 'card last4', zh: '6789 借记卡', en: '6789 Debit card' },
    { field: 'charged | contract | difference', zh: '¥40.00 | ¥20.00 | ¥20.00', en: '¥40.00 | ¥20.00 | ¥20.00' },
    { field: 'contract rate and cap', zh: '约定费率 0.5%、封顶 ¥20.00/笔', en: 'contract rate 0.5% is capped at ¥20.00' },
    {
      field: 'request',
      zh: '请于2024-03-25前（本函发出后15日内）将多扣款项合计¥20.00退还至我方结算账户',
      en: 'Refund of ¥20.00 to our settlement account by 2024-03-25',
    },
    { field: 'written explanation', zh: '书面说明', en: 'written explanation' },
    { field: 'contact', zh: '联系人：张三', en: 'Contact: 张三' },
  ];
  it.each(required)('$field', ({ zh, en }) => {
    expect(renderDispute(single, 'zh-CN').text).toContain(zh);
    expect(renderDispute(single, 'en').text).toContain(en);
  });

  it('puts the whole item on one table row', () => {
    const row = renderDispute(single, 'zh-CN')
      .text.split('\n')
      .find((l) => l.startsWith('1 | '));
    expect(row).toBe('1 | 2024-03-05 10:15:00 | ¥8,000.00 | 123456789012 | 000123/000045 | 6789 借记卡 | ¥40.00 | ¥20.00 | ¥20.00 | 借记卡未封顶');
  });

  it('uses the deadline the merchant chose', () => {
    const text = renderDispute(scenario({ deadlineDays: 7 }), 'zh-CN').text;
    expect(text).toContain('请于2024-03-17前（本函发出后7日内）');
    expect(renderDispute(scenario({ deadlineDays: 7 }), 'en').text).toContain('by 2024-03-17 (within 7 days of this letter)');
  });
});

describe('renderDispute: totals', () => {
  it('sums money at stake over all findings, in the subject, summary and request', () => {
    const { subject, text } = renderDispute(scenario(), 'en');
    expect(subject).toContain('amount in dispute ¥156.00');
    expect(text).toContain('3 items totalling ¥156.00');
    expect(text).toContain('Refund of ¥156.00');
  });

  it('keeps currencies apart, and says which amounts are still to be confirmed', () => {
    const usd: Finding = {
      ...debitCapFinding,
      id: 'f:usd',
      kind: 'fee_above_contract',
      atStake: { amount: '6.00', currency: 'USD' },
      transactionIds: [],
      explanation: { key: 'finding.fee_above_contract', params: { currency: 'USD' } },
    };
    const open: Finding = { ...duplicateFinding, id: 'f:open', atStake: undefined };
    const input = scenario({ findings: [debitCapFinding, usd, open] });
    expect(renderDispute(input, 'zh-CN').text).toContain('共发现3项异常，合计多扣¥20.00、$6.00；另有1项金额待核实');
    expect(renderDispute(input, 'en').text).toContain('3 items totalling ¥20.00, $6.00 were charged');
    expect(renderDispute(input, 'en').text).toContain('The amount of 1 further item is still to be confirmed.');
  });

  it('adds decimals exactly (no floating point)', () => {
    const a = { ...debitCapFinding, id: 'a', atStake: { amount: '0.10', currency: 'CNY' } };
    const b = { ...debitCapFinding, id: 'b', atStake: { amount: '0.20', currency: 'CNY' } };
    expect(renderDispute(scenario({ findings: [a, b] }), 'en').subject).toContain('amount in dispute ¥0.30');
  });
});

describe('renderDispute: missing fields still give a usable draft', () => {
  const bare = tx({ id: 'tx:bare', occurredAt: '2024-03-07T08:00:00', amount: '300.00' }); // no rrn, voucher, batch, terminal, card, fee
  const finding: Finding = {
    id: 'f:bare',
    kind: 'fee_above_contract',
    severity: 'overcharge',
    atStake: { amount: '1.20', currency: 'CNY' },
    transactionIds: ['tx:bare', 'tx:not-supplied'],
    statementLineIds: ['line:not-supplied'],
    explanation: { key: 'finding.fee_above_contract', params: { amount: '300.00', currency: 'CNY' } },
  };
  const input = { findings: [finding], transactions: [bare], statementLines: [], merchant: {}, asOf: '2024-03-10' };

  it("zh-CN says 未知 where a row's value is missing, never for the merchant's own details: those are reported missing", () => {
    const { subject, text, missing } = renderDispute(input, 'zh-CN');
    expect(subject).toBe('关于本商户交易多扣款/费率异常的退费申请');
    expect(missing).toEqual(['name', 'merchantId', 'contact', 'phone']);
    expect(text).not.toMatch(/商户名称：|商户号：|终端号：|联系人：|联系电话：/);
    expect(text).toContain('1.1 | 2024-03-07 08:00:00 | ¥300.00 | 未知 | 未知 | 未知 | 未知 | — | — | 手续费超约定');
    expect(text).toContain('1.2 | 未知 | 未知 | 未知 | 未知 | 未知 | 未知 | — | ¥1.20 | 手续费超约定');
    expect(text).toContain('交易金额 ¥300.00，按约定费率 未知，应收手续费 未知，实收 未知，多收 未知。');
    expect(text).not.toMatch(/\{[A-Za-z#/]/);
  });

  it('en says unknown where a value is missing', () => {
    const { subject, text, missing } = renderDispute(input, 'en');
    expect(subject).toBe('Fee dispute — statement 2024-03, amount in dispute ¥1.20');
    expect(missing).toEqual(['name', 'merchantId', 'contact', 'phone']);
    expect(text).not.toMatch(/Legal name|MID:|Terminal ID:|Contact:|Phone:/);
    expect(text).toContain('1.1 | 2024-03-07 08:00:00 | ¥300.00 | unknown | unknown | unknown | unknown | — | — | Fee above contract');
    expect(text).toContain('the contract rate unknown gives a fee of unknown');
    expect(text).not.toMatch(/\{[A-Za-z#/]/);
  });

  it('a finding with no transactions and no amount at stake', () => {
    const lonely: Finding = {
      id: 'f:x',
      kind: 'hidden_fee',
      severity: 'suspect',
      transactionIds: [],
      statementLineIds: [],
      explanation: { key: 'finding.hidden_fee', params: { label: '流量费', amount: '99.00', currency: 'CNY', date: '2024-03-01', difference: '99.00' } },
    };
    const text = renderDispute({ findings: [lonely], transactions: [], statementLines: [], merchant: {}, asOf: '2024-03-10' }, 'zh-CN').text;
    expect(text).toContain('经核对，共发现1项异常，涉及金额待核实（逐笔明细见下表）。');
    expect(text).toContain('1 | 未知 | 未知 | 未知 | 未知 | 未知 | 未知 | 未知 | ¥99.00 | 隐性扣费');
    expect(text).toContain('2024-03-01 被扣收“流量费” ¥99.00，超出合同约定，多收 ¥99.00。');
    expect(text).toContain('停止收取并退还未经约定的费用（隐性扣费）');
    expect(text).toContain('请于2024-03-25前（本函发出后15日内）将多扣款项退还至我方结算账户');
  });

  it('takes the merchant id from the transactions when settings have none', () => {
    const text = renderDispute(scenario({ merchant: { name: '张记面馆' } }), 'zh-CN').text;
    expect(text).toContain('商户号：822100058120001');
  });

  it('shows a settlement that never arrived as 未到账 / not received', () => {
    const missing: Finding = {
      ...shortfallFinding,
      id: 'f:missing',
      kind: 'settlement_missing',
      statementLineIds: [],
      actual: undefined,
      explanation: {
        key: 'finding.settlement_missing',
        params: { settleDate: '2024-03-04', expectedValueDate: '2024-03-05', expected: '12171.53', currency: 'CNY', count: '2' },
      },
    };
    expect(renderDispute(scenario({ findings: [missing] }), 'zh-CN').text).toContain('1 | 清算日 2024-03-04 | 应到 ¥12,171.53；未到账 | — | 共 2 笔');
    expect(renderDispute(scenario({ findings: [missing] }), 'en').text).toContain('expected ¥12,171.53; not received');
  });
});

describe('renderDispute: hostile page text stays literal plain text', () => {
  const evilName = '<script>alert(1)</script>\u202E{total}\n主题：假冒\u0000';
  const evilTx = { ...dupFirst, terminalId: 'T1|T2\r\nX', rrn: '<img src=x onerror=alert(1)>', cardLast4: '00\u001b85' };
  const evilLine = { ...bankLine, description: '结算\u0007款 <b>bold</b>\n4. 伪造条目', reference: '=HYPERLINK("http://evil")' };
  const input = scenario({
    merchant: { ...merchant, name: evilName, contact: 'A\u2066B' },
    transactions: [debitCapTx, evilTx, dupRepeat, ...groupTxs],
    statementLines: [evilLine],
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(locale, () => {
      const { subject, text } = renderDispute(input, locale);
      const clean = renderDispute(scenario(), locale).text;
      // no control characters except the letter's own line breaks, no bidi overrides
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(subject).not.toMatch(/[\u0000-\u001f]/);
      // page text cannot add lines or sections to the letter
      expect(text.split('\n')).toHaveLength(clean.split('\n').length);
      expect(text).not.toMatch(/^主题：假冒/m);
      expect(text).not.toMatch(/^4\. 伪造条目/m);
      // kept as literal text, never expanded or turned into markup
      expect(text).toContain('<script>alert(1)</script> {total} 主题：假冒');
      expect(text).toContain('<img src=x onerror=alert(1)>');
      expect(text).toContain('结算 款 <b>bold</b> 4. 伪造条目');
      expect(text).not.toContain('&lt;');
      // a pipe in a value cannot add a table column
      const dupRow = text.split('\n').find((l) => l.startsWith('2.1 | '))!;
      expect(dupRow.split(' | ')).toHaveLength(10);
    });
  }
});

describe('defaultDisputeLocale', () => {
  it.each([
    { currency: 'CNY', expected: 'zh-CN' },
    { currency: 'cny', expected: 'zh-CN' },
    { currency: 'USD', expected: 'en' },
    { currency: 'EUR', expected: 'en' },
    { currency: 'HKD', expected: 'en' },
  ])('$currency → $expected', ({ currency, expected }) => {
    expect(defaultDisputeLocale(currency)).toBe(expected);
  });

  it('US-dollar disputes escalate to the acquiring bank, the FTC and the state AG', () => {
    const usdTx = tx({ id: 'tx:us', occurredAt: '2024-03-05T10:00:00', amount: '100.00' });
    const usd = { ...usdTx, amount: { amount: '100.00', currency: 'USD' }, fee: { amount: '3.50', currency: 'USD' }, cardType: 'credit' as const };
    const f: Finding = {
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
    const input = { findings: [f], transactions: [usd], statementLines: [], merchant: { name: 'Joe’s Diner' }, asOf: '2024-03-10' };
    const en = renderDispute(input, defaultDisputeLocale('USD')).text;
    expect(en).toContain(
      'we will escalate it to the acquiring (sponsor) bank and may file complaints with the Federal Trade Commission and our state attorney general',
    );
    expect(en).toContain('1 | 2024-03-05 10:00:00 | $100.00 | unknown | unknown | unknown Credit card | $3.50 | $3.20 | $0.30 | Fee above contract');
    expect(renderDispute(input, 'zh-CN').text).toContain('美国联邦贸易委员会（FTC）');
  });
});
