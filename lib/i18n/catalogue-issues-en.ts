// English text of every Issue (lib/model.ts): bad input in a portal table, a statement file, a
// backup, or found while reconciling. Key `issue.<code>` or `issue.<code>.<which>` when a code
// has several messages; the import limits keep their older `import.*` keys (stored issues carry
// them). No "line N:" here: issueText (lib/i18n/issue-core.ts) puts it first, once.
// catalogue-issues-zh-cn.ts has the same keys (its type says so). Placeholder grammar: messages.ts.

/** What the portal reader (content script) reports; the content script carries only this part. */
export const ISSUES_PORTAL_EN = {
  issueLine: 'Line {line}: {text}',
  'issue.date_without_year':
    'the time "{value}" has no year and no date range is shown to take it from (expected a date such as 2024-03-05 14:30:00, or a 查询日期 range).',
  'issue.date_unreadable': 'cannot read the transaction time "{value}" (expected a date such as 2024-03-05 14:30:00).',
  'issue.date_missing': 'no transaction time (expected a date such as 2024-03-05 14:30:00).',
  'issue.kind_unknown': 'transaction type "{value}" is not one we know (消费, 撤销, 退货, 冲正, 预授权…); kept as an adjustment with the sign shown.',
  'issue.direction_unknown': '"{value}" does not say which way the money went (expected 收/支, 收入/支出, in/out); the amount keeps the sign shown.',
  'issue.amount_missing': 'no transaction amount (expected an amount such as 1,234.50).',
  'issue.amount_unreadable': 'cannot read the amount "{value}" (expected an amount such as 1,234.50 or ¥-12.00).',
  'issue.fee_unreadable': 'cannot read the fee "{value}" (expected an amount such as 0.60); the fee is left out.',
  'issue.fee_unreadable.extra': 'cannot read "{column}" "{value}" (expected an amount such as 3.00); it is left out.',
  'issue.net_unreadable': 'cannot read the settled amount "{value}" (expected an amount such as 99.40); it is left out.',
  'issue.currency_unknown': 'the currency "{value}" is not one we know (expected a code such as CNY or USD, or 人民币).',
  'issue.currency_defaulted.setting': 'no currency is shown for the amount; {currency} was assumed (from the default-currency setting).',
  'issue.currency_defaulted.chineseColumns': 'no currency is shown for the amount; {currency} was assumed (from the Chinese column names).',
  'issue.currency_missing':
    'no currency is shown for the amount and no default currency is set (expected a symbol such as ¥ or $, or a default currency in the settings).',
  'issue.currency_mixed.fee': 'the fee is in {currency} while the amount is in {amountCurrency}.',
  'issue.currency_mixed.net': 'the net is in {currency} while the amount is in {amountCurrency}.',
  'issue.currency_mixed.extra': 'the {label} is in {currency} while the amount is in {amountCurrency}.',
  'issue.status_unknown': 'status "{value}" is not one we know (成功, 失败, 处理中, 已撤销, 已冲正…).',
  'issue.settle_date_unreadable': 'cannot read the settlement date "{value}" (expected a date such as 2024-03-06); it is left out.',
  'issuePart.refused.fullCardNumber': 'row {row} holds a full card number in the column "{column}" (expected it masked, e.g. 622202******0000)',
  'issuePart.refused.notTransaction': 'row {row} is not a valid transaction',
} as const satisfies Record<string, string>;

/** What the file readers, the backup restore and the reconciliation report (the pages and the worker). */
const ISSUES_FILES_EN = {
  // ── import limits and storage (keys of older versions, kept: stored issues carry them) ──
  'import.storageFull':
    'Nothing of {file} was stored: the browser has no storage space left for SettleGuard (its quota is full). Free disk space, or export a backup and delete old data, then import the file again.',
  'import.limit.file_too_large':
    '"{file}" is {size}, more than the {limit} SettleGuard reads in one file. Export a shorter period (e.g. one quarter) and import each.',
  'import.limit.too_many_rows': '"{file}" has more than {limit:number} lines, the most SettleGuard reads in one file. Export a shorter period and import each.',
  'import.limit.decompressed_too_large':
    '"{file}" would expand to {size} or more when opened, more than the {limit} SettleGuard unpacks from one workbook; it may be damaged or built to exhaust memory. Export a shorter period, or save it again from Excel.',
  'import.limit.sheet_range_too_large':
    '"{file}" declares its sheet {sheet} as {range}{#declaredRows} ({declaredRows:number} rows × {declaredColumns:number} columns){/declaredRows}, more than the {rows:number} rows and {cells:number} cells SettleGuard reads in one sheet. Save it again from Excel (which writes the range actually used) or export a shorter period.',
  'import.limit.read_timeout':
    'Reading "{file}" took longer than {seconds} s and was stopped; nothing of it was stored. If it is a very large export, export a shorter period and import each.',
  // ── bank statement files: shared parts (support/statement-lines.ts, support/acquirer.ts) ──────
  'issuePart.unreadable.pdf': 'the file is a PDF document',
  'issuePart.unreadable.xls': 'the XLS workbook could not be opened ({detail})',
  'issuePart.unreadable.xlsx': 'the XLSX workbook could not be opened ({detail})',
  'issuePart.unreadable.noSheet': 'the workbook has no sheet with any cells',
  'issuePart.what.mt940Statement': 'the statement (no :60F:/:62F: balance)',
  'issuePart.what.ofxStatement': 'the statement{#account} of account {account}{/account} (CURDEF empty)',
  'issuePart.what.qif': 'QIF',
  'issuePart.where.mt940Statement': 'statement{#account} (account {account}){/account}',
  'issuePart.where.camt.report': 'report{#id} {id}{/id}',
  'issuePart.where.camt.statement': 'statement{#id} {id}{/id}',
  'issuePart.where.camt.notification': 'notification{#id} {id}{/id}',
  'issue.parser_failure': '{file}: the {format} reader failed on this file ({detail}); nothing was imported',
  'issue.currency_missing.default': '{what} states no currency; using the default currency {currency}',
  'issue.currency_missing.none': '{what} states no currency and no default currency is set; amounts are marked {noCurrency} (no currency) until one is chosen',
  'issue.balance_currency_mismatch':
    '{where}: opening ({opening}), closing ({closing}) and lines are not all in one currency, so the balance check was skipped',
  'issue.balance_mismatch.statement':
    '{where}: opening {opening} + lines {lines} = {total}, but the closing balance is {closing} {currency} (difference {difference}); some lines may be missing or unreadable',
  // ── MT940 / MT942 ─────────────────────────────────────────────────────────────────────────────
  'issue.mt940_no_statement': '{file}: no MT940/MT942 tags found; expected lines such as :20:, :25:, :60F:, :61:, :62F:',
  'issue.mt940_missing_20': 'tags without a :20: statement header; read as a statement of their own',
  'issue.mt940_tag_out_of_order': ':25: (account) after a :61: line in the same statement; expected it before the balances — ignored',
  'issue.balance_invalid.mt940Opening': 'opening balance :{tag}: "{value}" is not readable; expected like C240131EUR1234,56',
  'issue.balance_invalid.mt940OpeningDate': 'opening balance :{tag}: has an invalid date "{value}"; its amount is kept',
  'issue.balance_invalid.mt940Closing': 'closing balance :{tag}: "{value}" is not readable; expected like C240131EUR1234,56',
  'issue.mt940_61_invalid':
    'statement line skipped: "{value}" is not readable; expected value date YYMMDD, optional entry date MMDD, C/D/RC/RD, amount like 12,30',
  'issue.mt940_unknown_tag': 'unknown tag :{tag}: ignored; expected MT940/MT942 tags (20, 25, 28C, 60F, 61, 86, 62F…)',
  'issue.currency_inherited': 'this statement states no currency; using {currency} of the statement before it',
  'issue.mt940_missing_25': 'this statement has no :25: account tag; its lines carry no account',
  'issue.date_invalid.mt940Value': 'statement line skipped: value date "{value}" is not a real date; expected YYMMDD',
  'issue.date_invalid.mt940Entry': 'statement line skipped: entry date "{value}" is not a real date; expected MMDD',
  'issue.amount_invalid.mt940': 'statement line skipped: amount "{value}" is not readable; expected digits with a decimal comma like 12,30',
  'issue.amount_no_decimal_comma': 'amount "{value}" has no decimal comma; read as {value}.00',
  'issue.mt940_missing_62': 'this statement has no closing balance :62F:; the file may be cut off',
  // ── CAMT (ISO 20022) ──────────────────────────────────────────────────────────────────────────
  'issue.camt_no_statement': '{file}: no {element} found; expected a {kind} document with at least one statement',
  'issue.balance_invalid.camt': '{where}: balance {code} is not readable (expected <Amt Ccy="EUR">123.45</Amt> and <CdtDbtInd>CRDT|DBIT</CdtDbtInd>); ignored',
  'issue.camt_entry_not_booked': 'entry{#ref} {ref}{/ref} skipped: status {status} (not booked yet); only BOOK entries are statement lines',
  'issue.sign_missing': 'entry{#ref} {ref}{/ref} skipped: CdtDbtInd "{value}" is not CRDT or DBIT, so the sign is unknown',
  'issue.amount_invalid.camt': 'entry{#ref} {ref}{/ref} skipped: <Amt> "{value}" is not an amount; expected like <Amt Ccy="EUR">12.30</Amt>',
  'issue.currency_missing.camtEntry': 'entry{#ref} {ref}{/ref} skipped: its amount has no Ccy and the account states no currency',
  'issue.date_invalid.camt': 'entry{#ref} {ref}{/ref} skipped: no readable BookgDt or ValDt; expected <BookgDt><Dt>2024-01-31</Dt></BookgDt>',
  'issue.booking_date_missing': 'entry{#ref} {ref}{/ref}: no BookgDt; the value date {valueOn} is used as the booking date',
  // ── OFX / QFX and QIF ─────────────────────────────────────────────────────────────────────────
  'issue.ofx_no_body': '{file}: no <OFX> element found; expected an OFX/QFX file (an OFXHEADER header followed by <OFX>…</OFX>)',
  'issue.ofx_status':
    'the bank answered with status {code}{#severity} ({severity}){/severity}{#message}: {message}{/message}; statements it refers to may be missing',
  'issue.ofx_no_statements.listing': '{file}: this OFX file is an account listing without statements; no transactions to import',
  'issue.ofx_no_statements': '{file}: this OFX file holds no statement (no STMTRS/CCSTMTRS); nothing to import',
  'issue.currency_invalid': 'CURDEF "{value}" is not a 3-letter currency code',
  'issue.balance_invalid.ofx': 'LEDGERBAL amount "{value}" is not a number; closing balance ignored',
  'issue.ofx_investment_skipped':
    'investment statement{#account} of account {account}{/account}: {count} security {count?transaction|transactions} ({names}) {count?is|are} not bank lines and were not imported; only cash transactions (INVBANKTRAN) are',
  'issue.date_invalid.ofxMissing':
    'transaction{#fitid} {fitid}{/fitid} skipped: DTPOSTED is missing or empty; expected a date like 20240131{#amountValue}; TRNAMT "{amountValue}" is not a number either{/amountValue}',
  'issue.date_invalid.ofx':
    'transaction{#fitid} {fitid}{/fitid} skipped: DTPOSTED "{value}" is not a date; expected YYYYMMDD[HHMMSS]{#amountValue}; TRNAMT "{amountValue}" is not a number either{/amountValue}',
  'issue.amount_invalid.ofxMissing': 'transaction{#fitid} {fitid}{/fitid} skipped: TRNAMT is missing; expected a signed amount like -12.30',
  'issue.amount_invalid.ofx': 'transaction{#fitid} {fitid}{/fitid} skipped: TRNAMT "{value}" is not a number; expected a signed amount like -12.30',
  'issue.empty_file.qif': '{file} is empty; expected a QIF file starting with !Type:Bank',
  'issue.qif_not_qif': '{file} does not look like QIF: no !Type: header found; expected a first line such as !Type:Bank',
  'issue.qif_section_skipped':
    '{count} {count?record|records} in {section} skipped: only !Type:Bank, !Type:CCard and !Type:Cash registers are bank transactions',
  'issue.qif_date_format_inconsistent':
    'dates in this file use different formats (e.g. year first and year last), so the date format cannot be decided; no transaction was imported',
  'issue.qif_date_order_ambiguous': 'every date in this file can be read as {orders}; read as {order} — check the dates',
  'issue.date_invalid.qifMissing': 'transaction skipped: it has no D (date) line',
  'issue.date_invalid.qifMixed': 'transaction skipped: date "{value}" cannot be read (inconsistent date formats in the file); expected like D12/31/2024',
  'issue.date_invalid.qif': 'transaction skipped: date "{value}" cannot be read{#order} as {order}{/order}; expected like D12/31/2024',
  'issue.amount_invalid.qifMissing': 'transaction skipped: it has no T (amount) line',
  'issue.amount_invalid.qif': 'transaction skipped: amount "{value}" is not a number; expected like T-1,234.56',
  'issue.qif_amount_conflict': 'T {t} and U {u} differ; T is used',
  'issue.qif_no_transactions': '{file} holds no bank, card or cash transactions',
  // ── acquirer, wallet and cashier exports (adyen, stripe, square, paypal, cn-settlement, cashier)
  'issue.unreadable_file': '{reason}; expected {expected}',
  'issuePart.expected.adyen':
    'an Adyen settlement details report (CSV or XLSX with Company Account, Merchant Account, Psp Reference, Type, Net Debit (NC), Batch Number…)',
  'issuePart.expected.cashier': 'a cashier/POS export (收银流水)',
  'issuePart.expected.paypal': 'a PayPal activity or statement CSV (Date, Time, Currency, Gross, Fee, Net, Transaction ID…)',
  'issuePart.expected.cnSettlement': 'a 对账单/结算明细 with columns such as 交易日期, 交易类型, 交易金额, 手续费, 结算金额, 终端号, 参考号, 凭证号, 批次号',
  'issuePart.expected.square': 'a Square transactions CSV',
  'issuePart.expected.stripe': 'a Stripe report CSV (payout reconciliation or balance change from activity)',
  'issuePart.container.xlsxNamedXls': 'an XLSX workbook named .xls',
  'issuePart.container.workbook': 'an {format} workbook',
  'issue.no_header.adyen': 'no settlement details header found; expected {expected}',
  'issue.not_adyen_settlement':
    'not an Adyen settlement details file{#container} ({container}){/container}: its header row (row {row}) lacks {missing}; nothing was imported',
  'issue.bad_date.adyen': 'Creation Date "{value}" is not a date and time (expected e.g. 2016-10-20 14:58:48); row not imported',
  'issue.kind_unknown.adyen':
    'Type "{value}" is not one we know (Settled, Refunded, Chargeback, Fee, MerchantPayout…); kept as an adjustment with the sign of its debit/credit column',
  'issue.bad_amount.adyen': '{column} "{value}" is not a number (expected e.g. 882.71); row not imported',
  'issue.missing_amount.adyen': 'no amount in Gross Debit/Credit (GC) or Net Debit/Credit (NC); row not imported',
  'issue.bad_currency.adyen': 'currency "{value}" is not a currency code (expected e.g. EUR); row not imported',
  'issue.direction_unexpected.debit': 'a {type} row with its amount in the debit column ({column} {amount}); kept as money out, as the column says',
  'issue.direction_unexpected.credit': 'a {type} row with its amount in the credit column ({column} {amount}); kept as money in, as the column says',
  'issue.no_header.cashier': 'no cashier export header found: expected columns such as 时间, 金额/实收, 支付方式, 订单号',
  'issue.cashier_mapping_needed':
    'the columns of this cashier export ({columns}) are not ones SettleGuard knows; say once which column is the time, the amount and the payment method (and, if present, order number, sale/refund, card last 4, terminal) and it will be remembered for files with the same columns',
  'issue.mapping_incomplete': 'the column mapping must name the time, the amount and the payment method columns',
  'issue.mapping_mismatch': 'none of the first rows has the mapped columns ({columns}); was the mapping made for another export?',
  'issue.summary_ignored': 'a summary row ({value}) — not a sale; ignored',
  'issue.bad_date.cashier': 'time "{value}" is not a date and time (expected e.g. 2024-03-05 14:30:00); row not imported',
  'issue.bad_amount.cashier': 'amount "{value}" is not a number (expected e.g. 88.00); row not imported',
  'issue.missing_amount.cashier': 'no amount (expected e.g. 88.00); row not imported',
  'issue.currency_missing.cashier': 'the amount "{value}" has no currency and no default currency is set; row not imported',
  'issue.tender_unknown': 'payment method "{value}" is not one we know (现金, 银行卡/刷卡, 微信, 支付宝, 会员卡…); row not imported',
  'issue.tender_mixed': '"{value}" names several payment methods; imported as \'other\', so it is not matched against card or QR transactions',
  'issue.kind_unknown.cashierSale': 'type "{value}" is neither a sale nor a refund (销售/退款); read from the amount\'s sign as a sale',
  'issue.kind_unknown.cashierRefund': 'type "{value}" is neither a sale nor a refund (销售/退款); read from the amount\'s sign as a refund',
  'issue.currency_defaulted.cashier': '{count} {count?row states|rows state} no currency; read as {currency} (the default currency setting)',
  'issue.no_header.paypal': 'no PayPal header found; expected {expected}',
  'issue.no_transactions.paypal': '"{file}" has the PayPal header but no transactions: nothing to import (expected at least one row below the header)',
  'issue.ambiguous_date.file':
    'every date in the file (e.g. "{example}") can be read day-first or month-first, and nothing in the file says which; choose day first or month first to import it',
  'issue.bad_date.paypal': 'date "{value}" is not a date (expected e.g. 29/12/2015 or 9/4/2018); row not imported',
  'issue.not_completed': 'status "{value}" — no money moved; not imported',
  'issue.bad_currency.paypal': 'currency "{value}" is not a currency code (expected e.g. USD); row not imported',
  'issue.bad_amount.paypal': '{column} "{value}" is not a number (expected e.g. 1,234.50); row not imported',
  'issue.missing_amount.paypal': 'no Gross or Net amount (expected e.g. 84.00); row not imported',
  'issue.bad_balance.paypal': 'Balance "{value}" is not a number; line imported without a balance',
  'issue.net_mismatch.paypal': 'Gross {gross} + Fee {fee} ≠ Net {net}; the Gross and Fee lines are imported as shown',
  'issue.no_header.cnSettlement': 'no 对账单 header row found; expected {expected}',
  'issue.amounts_in_fen':
    'the amounts are whole numbers with no decimal point and the fees are not 0 (or are zero-padded): read as 分 (cents), i.e. 12300 = 123.00 元. If this is wrong, export the file with amounts in 元.',
  'issue.row_unreadable': 'the row could not be read as a transaction; row not imported',
  'issue.summary_ignored.lines':
    '{count} {count?line|lines} that {count?is|are} not transactions (合计/总计 rows, repeated headers, notes) were ignored: line {lines}',
  'issue.no_header.square': 'no Square transactions header found: expected columns Date, Time, Time Zone, Total Collected, Fees, Net Total, Transaction ID',
  'issue.ambiguous_date.square':
    'every date in the file (e.g. "{example}") can be read day-first or month-first and the time zone "{zone}" does not tell; choose day first or month first to import it',
  'issue.bad_date.square': 'date/time "{value}" is not readable (expected e.g. 2024-03-05 14:30:05); row not imported',
  'issue.bad_amount.square': '{column} "{value}" is not an amount (expected e.g. $12.50 or -$0.95); row not imported',
  'issue.missing_amount.square': 'no Total Collected, Card or Cash amount (expected e.g. $12.50); row not imported',
  'issue.currency_missing.square': 'the amounts carry no currency symbol and no default currency is set (expected e.g. $12.50); row not imported',
  'issue.settle_date_unreadable.square': 'Deposit Date "{value}" is not a date; left out',
  'issue.zero_amount': 'nothing was collected (Total Collected {total}); not imported',
  'issue.tender_unknown.square':
    'Total Collected {total} was paid with no tender the file names (Card, Cash, Square Gift Card, Other Tender all empty); not imported',
  'issue.no_header.stripe':
    'no Stripe report header found: expected columns balance_transaction_id, gross, fee, net, reporting_category (itemized reports) or id, Type, Amount, Fee, Net, Created (UTC) (Dashboard balance export)',
  'issue.missing_id': 'no balance_transaction_id (expected e.g. txn_1Mx…); row not imported',
  'issue.bad_date.stripe': 'created "{value}" is not a date and time (expected e.g. 2024-03-05 14:30:00); row not imported',
  'issue.bad_currency.stripe': 'currency "{value}" is not a currency code (expected e.g. usd); row not imported',
  'issue.missing_amount.stripe': 'no gross amount (expected e.g. 10.00); row not imported',
  'issue.bad_amount.stripe': '{column} "{value}" is not a number (expected e.g. 10.00 or -0.59); row not imported',
  'issue.kind_unknown.stripe':
    'reporting category "{value}" is not one we know (charge, refund, dispute, fee, payout…); kept as an adjustment with the sign shown',
  'issue.date_order_assumed.dmy': 'dates such as 03/04/2024 read as DD/MM/YYYY (day first): {by} — check that the dates look right',
  'issue.date_order_assumed.mdy': 'dates such as 03/04/2024 read as MM/DD/YYYY (month first): {by} — check that the dates look right',
  'issuePart.orderBy.dates': 'some dates have a day above 12 in that place',
  'issuePart.orderBy.dotted': 'dates written with dots are day first',
  'issuePart.orderBy.language': 'the column names are in a language that writes the day first',
  'issuePart.orderBy.decimal_comma': 'amounts with a decimal comma: a day-first locale',
  'issuePart.orderBy.currency': 'US English columns and amounts in dollars: month first',
  'issuePart.orderBy.row_order': 'only this reading keeps the rows in date order',
  'issuePart.orderBy.span': 'only this reading keeps the lines days, not months, apart',
  'issuePart.orderBy.format': 'QIF files (Quicken) write the month first',
  'issuePart.orderBy.merchant': 'as you chose',
  'issuePart.orderBy.none': 'nothing in the file says',
  // ── bank statements and wallet bills in CSV/Excel (csv.ts, support/headerless.ts) ─────────────
  'issue.no_header.csv':
    'no header row found in the first {rows} rows: expected a row naming a date column (交易日期, 记账日期, Date…) and an amount column (金额, 交易金额, Amount…) or income/expense columns (收入/支出, Credit/Debit){#problem}; the columns cannot be told from the values either: {problem}{/problem}',
  'issuePart.headerless.noRows': 'no rows',
  'issuePart.headerless.widths': 'the rows do not all have the same number of columns (3 or more)',
  'issuePart.headerless.dateColumns': 'expected one column with a date in every row, found {count}',
  'issuePart.headerless.textColumns': 'expected one description column, found {count} columns of text',
  'issuePart.headerless.noAmounts': 'no column of amounts',
  'issuePart.headerless.amountColumns':
    'cannot tell what the {count} amount columns are (expected a signed amount, or withdrawal and deposit with one filled per row, optionally followed by a balance)',
  'issuePart.headerless.signed': 'date (column {txnDate}), description (column {description}), amount (column {amount}); one signed amount column',
  'issuePart.headerless.oneOfTwo':
    'date (column {txnDate}), description (column {description}), withdrawal (column {debit}), deposit (column {credit}); each row fills one of two amount columns: read as withdrawal, then deposit',
  'issuePart.headerless.amountBalance':
    'date (column {txnDate}), description (column {description}), amount (column {amount}), balance (column {balance}); two amount columns filled in every row: read as amount, then balance',
  'issuePart.headerless.oneOfTwoBalance':
    'date (column {txnDate}), description (column {description}), withdrawal (column {debit}), deposit (column {credit}), balance (column {balance}); each row fills one of two amount columns and a balance: read as withdrawal, then deposit',
  'issuePart.headerless.oneOfTwoBalanceSwapped':
    'date (column {txnDate}), description (column {description}), deposit (column {credit}), withdrawal (column {debit}), balance (column {balance}); each row fills one of two amount columns and a balance: read as deposit, then withdrawal, because the balances follow from that reading',
  'issuePart.spanOrder.mdy': '; dates read as MM/DD/YYYY, as no day is above 12 and the lines then span {days} {days?day|days} rather than {otherDays}',
  'issuePart.spanOrder.dmy': '; dates read as DD/MM/YYYY, as no day is above 12 and the lines then span {days} {days?day|days} rather than {otherDays}',
  'issue.columns_inferred':
    'no header row: the columns were read from their values as {layout}{#order}{order}{/order} — check that dates and amounts look right',
  'issue.footer_ignored': '{count} summary/footer {count?line|lines} after the statement lines {count?was|were} ignored (e.g. 合计, 共N笔, 导出时间)',
  'issue.currency_missing.lines': '{count} {count?line states|lines state} no currency; read as {currency} (the default currency setting)',
  'issue.currency_missing.linesNone':
    '{count} {count?line states|lines state} no currency and no default currency is set; {count?its amount is|their amounts are} marked {currency} (no currency) until one is chosen',
  'issue.missing_year':
    'date "{value}" has no year and the file states no statement period to take it from (expected a title or line such as 2024年01月 or 账单周期 2023/12/20-2024/01/19); row not imported',
  'issue.bad_date.notInPeriod': 'date "{value}" is not a date in the statement period ({period}; expected a month and day such as 12/29); row not imported',
  'issue.missing_date': 'no date in column "{column}" (expected e.g. 2024-03-05); row not imported',
  'issue.ambiguous_date.line':
    'date "{value}" can be read as day/month or month/day and nothing in the file says which (no day above 12; headers, amounts and currency do not tell); choose day first or month first to import it',
  'issue.bad_date': 'date "{value}" is not a date (expected e.g. 2024-03-05); row not imported',
  'issue.bad_amount': '{column} "{value}" is not a number (expected e.g. 1234.50); row not imported',
  'issue.both_amounts': 'both {credit} ({creditValue}) and {debit} ({debitValue}) are filled; expected one of them; row not imported',
  'issue.missing_amount.creditDebit': 'no amount in {columns} (expected e.g. 1234.50); row not imported',
  'issue.missing_amount': 'no amount in column "{column}" (expected e.g. 1234.50); row not imported',
  'issue.bad_direction': '{column} "{value}" is neither income nor expense (expected 收入/支出, 借/贷 or Credit/Debit); row not imported',
  'issue.closed_not_imported': 'status "{value}" — no money moved; not imported',
  'issuePart.internalMove.changeAndChangePlus': 'between 零钱 and 零钱通',
  'issuePart.internalMove.yuebaoToBalance': 'from 余额宝 to 余额',
  'issuePart.internalMove.balanceToYuebao': 'from 余额 into 余额宝',
  'issue.internal_move': '"{value}" — money moved inside the wallet ({move}), none came in or went out; not imported',
  'issue.neutral_not_imported':
    '"{value}" (neither income nor expense) and the row does not say whether money came into the wallet or left it (expected e.g. 提现, 充值, 还款, 转入零钱通, 余额宝); not imported',
  'issue.fee_above_amount': '服务费 {fee} is more than the amount {amount}; imported as one line without a separate fee',
  'issue.unknown_sign':
    'cannot tell whether "{value}" is a charge or a credit ({bank} prints amounts unsigned; expected the description to start with 消费, 退货, 还款…); row not imported',
  'issue.bad_currency': 'currency "{value}" is not a currency (expected e.g. CNY, 人民币, USD); row not imported',
  'issue.bad_balance': '{column} "{value}" is not a number (expected e.g. 1234.50); line imported without a balance',
  'issue.duplicate_refund': 'this refund ({amount}) is also listed as income on another line; imported once',
  'issue.balance_chain': 'balance {balance} does not follow from line {previousLine} ({previous} + {amount} = {expected}); difference {difference} {currency}',
  'issue.balance_chain.more': '{count} more {count?line|lines} whose balance {count?does|do} not follow from the line before ({currency})',
  'issue.balance_mismatch':
    'the stated opening balance {opening} plus the lines ({lines}) gives {total}, but the stated closing balance is {closing}: difference {difference} {currency}',
  // ── any file: format, encoding, XML, workbooks; 支付宝 / 微信支付 merchant bills ─────────────────────
  'issue.encoding_guessed': 'the file does not say how its text is encoded; read as {encoding} — check that names and descriptions look right',
  'issue.empty_file': '"{file}" is empty (0 bytes); expected {expected}',
  'issue.unrecognised_format': '"{file}" looks like {looks}, not a statement SettleGuard can read; expected {expected}',
  'issuePart.looks.pdf': 'a PDF document (SettleGuard reads the bank’s CSV/Excel/OFX export, not its PDF)',
  'issuePart.looks.zip': 'a ZIP archive (or an Excel .xlsx workbook that holds no statement table)',
  'issuePart.looks.ole2': 'an old-style Office file (.xls/.doc) that holds no statement table',
  'issuePart.looks.binary': 'binary data',
  'issuePart.looks.emptyText': 'an empty text file',
  'issuePart.looks.text': 'text with {lines} {lines?line|lines}, starting "{start}"',
  'issue.parser_failed': 'reading this file failed inside the {reader} reader (a SettleGuard bug; please report it): {detail}',
  'issue.xml_dtd_refused':
    'the XML file declares a DOCTYPE/ENTITY; bank statements never need one and it is refused for safety (entity expansion); nothing was read',
  'issue.xml_unknown_entity': 'unknown XML entity {entity} kept as written; only &lt; &gt; &amp; &quot; &apos; and numeric references are decoded',
  'issue.xml_malformed.textOutsideRoot': 'text outside the root element',
  'issue.xml_malformed.tagNotClosed': 'a tag is not closed with ">" before the end of the file',
  'issue.xml_malformed.endTag': 'end tag </{name}> has no matching start tag',
  'issue.xml_malformed.notClosed': '<{open}> is not closed before </{name}>',
  'issue.xml_malformed.badTag': '"{value}" is not a valid tag',
  'issue.xml_malformed.secondRoot': 'a second root element',
  'issue.xml_malformed.cutOff': 'the file ends before </{name}>; it may be cut off',
  'issue.xml_too_large': 'more than {limit} XML elements; the rest of the file was not read',
  'issue.xml_too_deep': 'XML nested deeper than {limit} levels; the rest of the file was not read',
  'issue.xml_empty': 'no XML element found',
  'issue.unreadable_workbook': 'this {format} file could not be opened ({detail}); expected an Excel export of a bank statement',
  'issue.empty_workbook': 'the workbook has no sheet with any cells; expected an Excel export of a bank statement',
  'issue.no_header.sheets': 'none of the {sheetCount} sheets ({sheets}) has a statement header: {header}',
  'issue.no_header.alipay': 'no 业务明细 header found: expected columns 支付宝交易号, 业务类型, 订单金额（元）, 创建时间',
  'issue.no_header.wechat': 'no 交易账单 header found: expected columns 交易时间, 微信订单号, 交易状态, 应结订单金额',
  'issue.bad_date.dateTime': '{column} "{value}" is not a date and time (expected e.g. 2024-03-05 14:30:00); row not imported',
  'issue.unknown_type': '业务类型 "{value}" is neither 交易 nor 退款; row not imported',
  'issue.missing_amount.named': 'no {column} (expected e.g. 1234.50); row not imported',
  'issue.unknown_state': '交易状态 "{value}" is not one of SUCCESS, REFUND, REVOKED; row not imported',
  'issuePart.expected.statement':
    'a bank or wallet statement: CSV/XLS/XLSX export (e.g. 工商银行, 招商银行, 支付宝, 微信支付), OFX/QFX, CAMT.053, MT940, QIF, or SettleGuard JSON',
  // ── SettleGuard files: contracts and backups (settleguard.ts, support/backup-records.ts) ──────
  'issue.bad_json': 'not valid JSON ({detail}); expected a SettleGuard file like {"settleguard": 1, "contracts": [...]}',
  'issue.not_settleguard': 'this JSON file is not a SettleGuard file: expected an object starting {"settleguard": 1, …}',
  'issue.unsupported_version': 'SettleGuard file version {version} is not supported; expected {expected}',
  'issue.bad_contracts': 'contracts is not a list; expected "contracts": [ {…}, … ]',
  'issue.invalid_contract': 'contract #{n}: {field} {problem}; this contract was not imported',
  'issue.duplicate_contract': 'contract #{n}: id "{id}" is used by an earlier contract in this file; this one was not imported',
  'issue.bad_schema': 'schema is {value} (expected the database version the backup was made with, e.g. {latest}); nothing was restored',
  'issue.newer_schema':
    'this backup comes from a newer SettleGuard (schema {schema}, this one reads {latest}): what this version does not know of it is kept as written',
  'issue.bad_store': '{store} is not a list (expected "{store}": [ {…}, … ]); nothing of it was restored',
  'issue.invalid_record': '{store} #{n}: {problem}; this record was not restored',
  'issuePart.problem.field': '{field} {fieldProblem}',
  'issuePart.problem.missingText': 'is missing (expected a text value)',
  'issuePart.problem.notText': 'is {value} (expected a non-empty text value)',
  'issuePart.problem.missingDate': 'is missing (expected a date like 2024-03-01)',
  'issuePart.problem.notDate': 'is {value} (expected a date like 2024-03-01)',
  'issuePart.problem.missingDecimal': 'is missing (expected {what})',
  'issuePart.problem.notDecimal': 'is {value} (expected {what}; money and rates are written as text, not as a number)',
  'issuePart.expect.decimal': 'a decimal string like "0.60"',
  'issuePart.expect.percent': 'a percentage as a decimal string like "0.6" (0.6 %)',
  'issuePart.problem.missingOneOf': 'is missing (expected one of {allowed})',
  'issuePart.problem.notOneOf': 'is {value} (expected one of {allowed})',
  'issuePart.problem.notAnObjectValue': 'is {value} (expected an object)',
  'issuePart.problem.currency': 'is "{value}" (expected an ISO 4217 code such as CNY)',
  'issuePart.problem.endsBeforeStart': '({to}) is before effectiveFrom ({from})',
  'issuePart.problem.feeReturnedOnRefund': 'is {value} (expected true, false, or leave it out when the contract does not say)',
  'issuePart.problem.rulesMissing': 'is missing (expected a list of fee rules)',
  'issuePart.problem.notAnObject': 'is not an object',
  'issuePart.problem.maxBelowMin': '({max}) is below minAmount ({min})',
  'issuePart.problem.notAList': 'is not a list',
  'issuePart.problem.percentAndFixedMissing': 'and fixed are both missing (expected at least one)',
  'issuePart.problem.record': '{field} is {value} (expected {expected})',
  'issuePart.problem.recordMissing': '{field} is missing (expected {expected})',
  'issuePart.problem.duplicateId': 'id "{id}" is used by an earlier record of {store} in this file',
  'issuePart.expect.text': 'a non-empty text value',
  'issuePart.expect.anyText': 'a text value',
  'issuePart.expect.bool': 'true or false',
  'issuePart.expect.count': 'a whole number, 0 or more',
  'issuePart.expect.object': 'an object',
  'issuePart.expect.decimalMoney': 'a decimal string like "12.30" (money is written as text, not as a number)',
  'issuePart.expect.currency': 'an ISO 4217 code such as CNY',
  'issuePart.expect.date': 'a date like 2026-03-05',
  'issuePart.expect.dateTime': 'a time like 2026-03-05T10:00:00',
  'issuePart.expect.oneOf': 'one of {allowed}',
  'issuePart.expect.list': 'a list',
  'issuePart.expect.value': 'a value',
  // ── reconciliation and the business calendar (lib/reconcile, lib/calendar) ────────────────────
  'issuePart.screen.time': '{field} is {value} (expected a time like 2026-03-05T10:00:00)',
  'issuePart.screen.date': '{field} is {value} (expected a date like 2026-03-05)',
  'issuePart.screen.money': '{field} is {value} (expected an amount such as "{example}" with its currency)',
  'issuePart.screen.extraFee': 'an extra fee is {value} (expected a label and an amount with its currency)',
  'issue.unreadable_row.portal': 'Portal transaction {id}: {problem}; left out of the reconciliation.',
  'issue.unreadable_row.bank': 'Bank line {id}: {problem}; left out of the reconciliation.',
  'issue.unreadable_row.cashier': 'Cashier record {id}: {problem}; left out of the reconciliation.',
  'issue.unreadable_date.settleDate': 'Portal transaction {id}: settleDate {value} is not a date; read as not shown.',
  'issue.unreadable_date.valueOn': 'Bank line {id}: value date {value} is not a date; read as not shown.',
  'issue.fee_currency_mismatch': 'Transaction {txn} on {date}: fee is in {feeCurrency} but the amount is in {currency}; its fee is not checked.',
  'issue.net_inconsistent': "Transaction {txn} on {date}: net {net} ≠ amount {amount} − fee {fee} (differs by {difference}); settlement uses the portal's net.",
  'issue.net_inconsistent.extraFees':
    "Transaction {txn} on {date}: net {net} ≠ amount {amount} − fee {fee} − extra fees (differs by {difference}); settlement uses the portal's net.",
  'issue.no_contract':
    'No fee contract is set up, so fees are not checked against agreed rates. Add your contract (rates, caps, settlement cycle) to check them.',
  'issue.mixed_currency':
    'Settlement of {date} ({cycle}{#merchant}, merchant {merchant}{/merchant}) mixes currencies {currencies}: each currency is reconciled on its own.',
  'issue.contract_gap': 'No fee contract covers {date}{#merchant} for merchant {merchant}{/merchant}: fees on that date are not checked.',
  'issue.calendar_not_covered':
    "The Chinese holiday calendar (chinese-days) covers {from}–{to}; for {year} settlement dates use weekends only. Add that year's holidays and 调休 days in the settings to fix this.",
  'issue.calendar_not_covered.own':
    'The Chinese holiday calendar (chinese-days) covers {from}–{to}; for {year} settlement dates use weekends only plus the {own} {own?holiday|holidays} you added.',
  'issuePart.problem.recordWhole': 'the record is {value} (expected {expected})',
} as const satisfies Record<string, string>;

/** Both parts as one object. A pure call, not a spread, so that a bundle using only the portal part drops it (a spread of objects may run getters, so bundlers keep it). */
export const ISSUES_EN = /* @__PURE__ */ joinParts(ISSUES_PORTAL_EN, ISSUES_FILES_EN);

export function joinParts<A extends object, B extends object>(a: A, b: B): A & B {
  return Object.assign({}, a, b);
}

export type PortalIssueKey = keyof typeof ISSUES_PORTAL_EN;
export type IssueKey = keyof typeof ISSUES_EN;
export type FileIssueKey = Exclude<IssueKey, PortalIssueKey>;
