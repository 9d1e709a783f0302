// Inputs that make the readers report their issues, for tests/unit/i18n/issues.test.ts: each line
// of these files is wrong in one way the fixtures may not show.

export const CRAFTED_FILES: { name: string; text: string }[] = [
  {
    name: 'bank-errors.csv',
    text: [
      '交易日期,摘要,收入,支出,余额,币种',
      '2024-03-01,a,100.00,,1100.00,CNY',
      '2024-03-02,b,abc,,1100.00,CNY',
      '2024-13-45,c,10.00,,1110.00,CNY',
      ',d,10.00,,1120.00,CNY',
      '2024-03-05,e,10.00,5.00,1120.00,CNY',
      '2024-03-06,f,,,1120.00,CNY',
      '2024-03-07,g,10.00,,1130.00,元宝',
      '2024-03-08,h,10.00,,oops,CNY',
      '2024-03-09,i,10.00,,9999.00,CNY',
      '合计,,130.00,,,',
    ].join('\n'),
  },
  { name: 'signed.csv', text: ['日期,摘要,金额,收支', '2024-03-01,a,100.00,收入', '2024-03-02,b,5.00,转账', '2024-03-03,c,,收入'].join('\n') },
  { name: 'no-header.csv', text: ['2024-03-01,Payout,100.00,,1100.00', '2024-03-02,Fee,,2.50,1097.50', '2024-03-03,Payout,50.00,,1147.50'].join('\n') },
  { name: 'two-text.csv', text: ['2024-03-01,Payout,Bank A,100.00', '2024-03-02,Fee,Bank B,-2.50'].join('\n') },
  { name: 'amounts.csv', text: ['2024-03-01,Payout,100.00,5.00,1100.00', '2024-03-02,Fee,,,1097.50'].join('\n') },
  { name: 'ambiguous.csv', text: ['Date,Description,Amount', '03/04/2024,Payout,1234.56', '05/06/2024,Card fee,-12.30'].join('\n') },
  {
    name: 'spanish.csv',
    text: [
      '"Fecha","Hora","Zona horaria","Nombre","Descripción","Estado","Divisa","Bruto","Comisión","Neto","Saldo","Id. de transacción"',
      '"03/04/2024","10:00:00","CET","Cliente 1","Pago","Completado","EUR","10,00","0,00","10,00","10,00","T1"',
      '"01/02/2024","11:00:00","CET","Cliente 2","Pago","Completado","EUR","20,00","0,00","20,00","30,00","T2"',
    ].join('\n'),
  },
  { name: 'text.txt', text: 'hello\nworld\n' },
  { name: 'empty.csv', text: '' },
  { name: 'bad.json', text: '{"settleguard": 1, "contracts": [' },
  { name: 'other.json', text: '{"hello": 1}' },
  { name: 'v9.json', text: '{"settleguard": 9}' },
  { name: 'contracts-not-list.json', text: '{"settleguard": 1, "contracts": {}}' },
  {
    name: 'bad-contracts.json',
    text: JSON.stringify({
      settleguard: 1,
      contracts: [
        5,
        {
          id: 'c1',
          label: '',
          currency: 'yuan',
          effectiveFrom: '2024-13-01',
          effectiveTo: '2023-01-01',
          settleCycle: 'T9',
          calendar: 'cn-mainland',
          rules: 'x',
        },
        {
          id: 'c2',
          label: 'B',
          currency: 'CNY',
          effectiveFrom: '2024-02-01',
          effectiveTo: '2024-01-01',
          settleCycle: 'T1',
          calendar: 'cn-mainland',
          feeReturnedOnRefund: 'yes',
          chargebackFee: 15,
          rules: [7, { cardType: 'debit', percent: '0.5', minAmount: '100', maxAmount: '10' }, { percent: '0.6' }],
          surcharges: [3, { when: 'instant' }],
          periodicFees: 'x',
        },
        {
          id: 'c3',
          label: 'C',
          currency: 'CNY',
          effectiveFrom: '2024-01-01',
          settleCycle: 'T1',
          calendar: 'cn-mainland',
          rules: [{ cardType: 'any', percent: '0.6' }],
          periodicFees: [2],
        },
        {
          id: 'c3',
          label: 'C',
          currency: 'CNY',
          effectiveFrom: '2024-01-01',
          settleCycle: 'T1',
          calendar: 'cn-mainland',
          rules: [{ cardType: 'any', percent: '0.6' }],
          surcharges: 'x',
        },
      ],
    }),
  },
  {
    name: 'bad-backup.json',
    text: JSON.stringify({
      settleguard: 1,
      schema: 99,
      transactions: [{ id: 't1' }, 4],
      statementLines: 'x',
      cashier: [
        { id: 'k1', occurredAt: '2024-03-01T10:00:00', amount: { amount: '1.00', currency: 'CNY' }, kind: 'sale', tender: 'card' },
        { id: 'k1', occurredAt: '2024-03-01T10:00:00', amount: { amount: '1.00', currency: 'CNY' }, kind: 'sale', tender: 'card' },
      ],
      findings: [{ id: 'f1', kind: 'nope' }],
      contracts: [{ id: 'c', label: 'x' }],
    }),
  },
  { name: 'bad-schema.json', text: JSON.stringify({ settleguard: 1, schema: 'new' }) },
  {
    name: 'mt940-errors.sta',
    text: [
      ':20:STMT1',
      ':60F:X240131EUR1234,56',
      ':61:240231C10,00NTRFNONREF',
      ':61:2402011301C10,00NTRFNONREF',
      ':61:240201CXX,00NTRFNONREF',
      ':61:240201C10NTRFNONREF',
      ':61:garbage',
      ':99:what',
      ':25:DE123',
      ':62F:C240131EUR1,00',
      ':20:STMT2',
      ':61:240202C10,00NTRFNONREF',
    ].join('\r\n'),
  },
  {
    name: 'ofx-errors.ofx',
    text: [
      'OFXHEADER:100',
      '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>2000<SEVERITY>ERROR<MESSAGE>General Server Error</STATUS></SONRS></SIGNONMSGSRSV1>',
      '<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EURO<BANKACCTFROM><ACCTID>123</BANKACCTFROM><BANKTRANLIST>',
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20120231<TRNAMT>x<FITID>1</STMTTRN>',
      '<STMTTRN><TRNTYPE>DEBIT<TRNAMT>-1.00<FITID>2</STMTTRN>',
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20120201<FITID>3</STMTTRN>',
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20120201<TRNAMT>abc<FITID>4</STMTTRN>',
      '</BANKTRANLIST><LEDGERBAL><BALAMT>n/a<DTASOF>20120201</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    ].join('\n'),
  },
  { name: 'listing.ofx', text: 'OFXHEADER:100\n<OFX><SIGNUPMSGSRSV1><ACCTINFOTRNRS><ACCTINFORS></ACCTINFORS></ACCTINFOTRNRS></SIGNUPMSGSRSV1></OFX>' },
  { name: 'nobody.ofx', text: 'OFXHEADER:100\nDATA:OFXSGML\n' },
  {
    name: 'qif-errors.qif',
    text: [
      '!Type:Bank',
      'D13/45/2024',
      'T-1.00',
      '^',
      'D01/02/2024',
      '^',
      'D01/03/2024',
      'Tabc',
      '^',
      'D01/04/2024',
      'T-1.00',
      'U-2.00',
      '^',
      'P',
      '^',
      '!Type:Invst',
      'D01/05/2024',
      'T1',
      '^',
    ].join('\n'),
  },
  { name: 'qif-mixed.qif', text: ['!Type:Bank', 'D2024-01-02', 'T-1.00', '^', 'D01/03/2024', 'T-1.00', '^'].join('\n') },
  { name: 'not.qif', text: 'D01/02/2024\nT-1.00\n^\n' },
  { name: 'dtd.xml', text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Document/>' },
  {
    name: 'broken.xml',
    text: '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&foo;<Stmt></Stmt></Oops><a',
  },
  {
    name: 'stripe-errors.csv',
    text: [
      'balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,source_id,description',
      'txn_1,2024-03-05 10:00:00,2024-03-07 00:00:00,eur,50.00,1.00,49.00,charge,ch_1,A',
      ',2024-03-05 10:00:00,2024-03-07 00:00:00,eur,50.00,1.00,49.00,charge,ch_2,B',
      'txn_3,yesterday,2024-03-07 00:00:00,eur,50.00,1.00,49.00,charge,ch_3,C',
      'txn_4,2024-03-05 10:00:00,2024-03-07 00:00:00,euro,50.00,1.00,49.00,charge,ch_4,D',
      'txn_5,2024-03-05 10:00:00,2024-03-07 00:00:00,eur,,1.00,49.00,charge,ch_5,E',
      'txn_6,2024-03-05 10:00:00,2024-03-07 00:00:00,eur,5O.00,1.00,49.00,charge,ch_6,F',
      'txn_7,2024-03-05 10:00:00,2024-03-07 00:00:00,eur,50.00,1.00,49.00,mystery,ch_7,G',
    ].join('\n'),
  },
  {
    name: 'adyen-errors.csv',
    text: [
      'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number',
      'ShopCo,ShopCoEUR,8815000000000001,ORD-1,visa,2024-03-05 14:30:00,CET,Settled,1,EUR,,100.00,1,EUR,,97.10,,0.90,0.20,1.80,visadebit,,12',
      'ShopCo,ShopCoEUR,8815000000000002,ORD-2,visa,someday,CET,Settled,2,EUR,,100.00,1,EUR,,97.10,,0.90,0.20,1.80,visadebit,,12',
      'ShopCo,ShopCoEUR,8815000000000003,ORD-3,visa,2024-03-05 14:30:00,CET,Magic,3,EUR,,100.00,1,EUR,,97.10,,0.90,0.20,1.80,visadebit,,12',
      'ShopCo,ShopCoEUR,8815000000000004,ORD-4,visa,2024-03-05 14:30:00,CET,Settled,4,EUR,,1OO,1,EUR,,97.10,,0.90,0.20,1.80,visadebit,,12',
      'ShopCo,ShopCoEUR,8815000000000005,ORD-5,visa,2024-03-05 14:30:00,CET,Settled,5,EUR,,,1,EUR,,,,0.90,0.20,1.80,visadebit,,12',
      'ShopCo,ShopCoEUR,8815000000000006,ORD-6,visa,2024-03-05 14:30:00,CET,Settled,6,EURO,,100.00,1,EURO,,97.10,,0.90,0.20,1.80,visadebit,,12',
      'ShopCo,ShopCoEUR,8815000000000007,ORD-7,visa,2024-03-05 14:30:00,CET,Refunded,7,EUR,,100.00,1,EUR,,97.10,,0.90,0.20,1.80,visadebit,,12',
    ].join('\n'),
  },
  {
    name: 'cashier-errors.csv',
    text: [
      '单号,时间,收银台,支付方式,类型,实收(元),卡号后四位',
      'XS001,2024-03-05 14:29:50,POS-1,银行卡,销售,1000.00,0123',
      'XS002,昨天,POS-1,现金,销售,25.50,',
      'XS003,2024-03-05 15:00:00,POS-1,现金,销售,abc,',
      'XS004,2024-03-05 15:01:00,POS-1,现金,销售,,',
      'XS005,2024-03-05 15:02:00,POS-1,贝壳,销售,1.00,',
      'XS006,2024-03-05 15:03:00,POS-1,现金+微信,销售,1.00,',
      'XS007,2024-03-05 15:04:00,POS-1,现金,赠送,-1.00,',
      '合计,,,,,1026.50,',
    ].join('\n'),
  },
  {
    name: 'paypal-errors.csv',
    text: [
      '"Date","Time","Time Zone","Name","Type","Status","Currency","Gross","Fee","Net","Balance","Transaction ID"',
      '"15/03/2024","10:00:00","CET","A","Payment","Completed","EUR","10.00","-1.00","9.00","9.00","T1"',
      '"someday","10:00:00","CET","B","Payment","Completed","EUR","10.00","-1.00","9.00","18.00","T2"',
      '"16/03/2024","10:00:00","CET","C","Payment","Denied","EUR","10.00","-1.00","9.00","18.00","T3"',
      '"16/03/2024","10:00:00","CET","D","Payment","Completed","EURO","10.00","-1.00","9.00","18.00","T4"',
      '"16/03/2024","10:00:00","CET","E","Payment","Completed","EUR","x","-1.00","9.00","18.00","T5"',
      '"16/03/2024","10:00:00","CET","F","Payment","Completed","EUR","","","","18.00","T6"',
      '"16/03/2024","10:00:00","CET","G","Payment","Completed","EUR","10.00","-1.00","8.00","n/a","T7"',
    ].join('\n'),
  },
  { name: 'empty-camt.xml', text: '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"></Document>' },
];

/** A portal table whose rows each fail in one way the reader names (DESIGN.md "Bad input"). */
export const UNREADABLE_ROWS_PAGE = `<!doctype html><html><body>
<table>
<thead><tr><th>交易时间</th><th>交易类型</th><th>收支</th><th>交易金额</th><th>手续费</th><th>结算金额</th><th>附加费</th><th>币种</th><th>交易状态</th><th>清算日期</th></tr></thead>
<tbody>
<tr><td>2026-03-05 10:00:00</td><td>消费</td><td>收</td><td>100.00</td><td>0.60</td><td>99.40</td><td>0</td><td>CNY</td><td>成功</td><td>2026-03-06</td></tr>
<tr><td>03-05 10:01</td><td>消费</td><td>收</td><td>100.00</td><td>0.60</td><td>99.40</td><td>0</td><td>CNY</td><td>成功</td><td>2026-03-06</td></tr>
<tr><td>昨天</td><td>消费</td><td>收</td><td>100.00</td><td>0.60</td><td>99.40</td><td>0</td><td>CNY</td><td>成功</td><td>2026-03-06</td></tr>
<tr><td></td><td>消费</td><td>收</td><td>100.00</td><td>0.60</td><td>99.40</td><td>0</td><td>CNY</td><td>成功</td><td>2026-03-06</td></tr>
<tr><td>2026-03-05 10:02:00</td><td>奇怪</td><td>往来</td><td>abc</td><td>x</td><td>y</td><td>z</td><td>元宝</td><td>不明</td><td>某天</td></tr>
<tr><td>2026-03-05 10:03:00</td><td>消费</td><td>收</td><td></td><td>0.60</td><td>99.40</td><td>0</td><td>CNY</td><td>成功</td><td>2026-03-06</td></tr>
<tr><td>2026-03-05 10:04:00</td><td>消费</td><td>收</td><td>100.00</td><td>$0.60</td><td>$99.40</td><td>$1</td><td>CNY</td><td>失败了</td><td>2026-03-06</td></tr>
<tr><td>2026-03-05 10:05:00</td><td>消费</td><td>收</td><td>100.00</td><td>0.60</td><td>99.40</td><td>0</td><td></td><td>成功</td><td>2026-03-06</td></tr>
</tbody></table>
<table>
<thead><tr><th>Time</th><th>Type</th><th>Amount</th><th>Fee</th></tr></thead>
<tbody>
<tr><td>2026-03-05 10:00:00</td><td>sale</td><td>100.00</td><td>0.60</td></tr>
<tr><td>2026-03-05 10:01:00</td><td>sale</td><td>100.00</td><td>0.60</td></tr>
</tbody></table>
</body></html>`;
