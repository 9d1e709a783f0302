// English messages. The key set of this file defines MessageKey; catalogue-zh-cn.ts must have
// the same keys (the type says so, and tests/unit/i18n checks keys and placeholders match).
// Placeholder grammar: see lib/i18n/messages.ts.

export const EN = {
  // ── app ────────────────────────────────────────────────────────────────────────────────
  'app.name': 'SettleGuard',
  'app.tagline': 'Finds what your card acquirer overcharged, right on the merchant portal.',
  'common.unknown': 'unknown',
  'common.none': 'none',
  'common.notApplicable': 'n/a',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.loading': 'Loading…',
  'common.error': 'Something went wrong: {message}',

  // ── actions (accessible names: DESIGN.md "DOM contract" needs Dispute/Copy/Insert) ─────
  'action.dispute': 'Dispute',
  'action.copy': 'Copy',
  'action.copied': 'Copied',
  'action.insert': 'Insert into form',
  'action.dismiss': 'Dismiss',
  'action.restore': 'Restore',
  'action.markDisputed': 'Mark as disputed',
  'action.markResolved': 'Mark as resolved',
  'action.close': 'Close',
  'action.cancel': 'Cancel',
  'action.save': 'Save',
  'action.delete': 'Delete',
  'action.edit': 'Edit',
  'action.export': 'Export',
  'action.exportEvidence': 'Export evidence pack',
  'action.openOptions': 'Open SettleGuard',
  'action.showAll': 'Show all',

  // ── in-page overlay ────────────────────────────────────────────────────────────────────
  'overlay.rowFlagged': '{kind}: {explanation}',
  'overlay.rowFlaggedCount': 'Findings on this row: {count}',
  'overlay.panelTitle': 'Dispute draft',
  'overlay.disputed': 'Disputed',
  'overlay.disputeRejected': 'Dispute rejected',
  'overlay.disputeRejectedHint':
    "The acquirer rejected this dispute. SettleGuard's disputes page drafts the next step: a written complaint, then the regulator.",
  'overlay.pickDraft': 'Choose a dispute draft',
  'overlay.noDraft': 'No dispute draft yet. Open a flagged row and press Dispute first.',
  'overlay.insertDone': 'Inserted into the form. Check it before you submit.',
  'overlay.atStake': 'At stake: {amount}',
  // ── phishing guard (issue 14 item 10): a page imitating an acquirer's portal ──────────
  'phishing.warning':
    'Warning: this page looks like {brand}, but it is not on {brand}’s own website. It may be a fake portal made to steal your login (警惕诈骗).',
  'phishing.held':
    'SettleGuard reads nothing on this page until you confirm that you trust this site. If in doubt, close it and type your acquirer’s address yourself.',
  'phishing.confirm': 'I trust this site: let SettleGuard read it',
  'phishing.reasonsTitle': 'Why',
  'phishing.reason.title': 'The page title names {brand}: “{title}”.',
  'phishing.reason.logo': 'Its logo or heading says “{text}”.',
  'phishing.reason.hostLookalike': 'Its address {host} imitates {brand}’s name.',
  'phishing.reason.hostHomoglyph': 'Its address {host} imitates {brand}’s name with look-alike letters.',
  'phishing.reason.brandSubdomain': 'Its address {host} puts {brand}’s name in front of another domain, {registrable}.',
  'phishing.reason.password': 'It asks for a password.',
  'phishing.reason.notOwnDomain': '{brand}’s own sites are on {domains}; this page is on {host}.',

  // ── disputes (UI around lib/disputes) ──────────────────────────────────────────────────
  'dispute.letterLanguage': 'Letter language',

  // ── severities (Finding.severity) ──────────────────────────────────────────────────────
  'severity.overcharge': 'Overcharge',
  'severity.suspect': 'Suspected',
  'severity.info': 'Note',

  // ── card types (PortalTransaction.cardType) ────────────────────────────────────────────
  'cardType.debit': 'Debit card',
  'cardType.credit': 'Credit card',
  'cardType.semi_credit': 'Semi-credit card',
  'cardType.prepaid': 'Prepaid card',
  'cardType.foreign': 'Foreign card',
  'cardType.qr_wechat': 'WeChat Pay',
  'cardType.qr_alipay': 'Alipay',
  'cardType.qr_unionpay': 'UnionPay QR',
  'cardType.unknown': 'Card type unknown',

  // ── transaction statuses (PortalTransaction.status) ────────────────────────────────────
  'txnStatus.success': 'successful',
  'txnStatus.failed': 'failed',
  'txnStatus.pending': 'pending',
  'txnStatus.voided': 'voided',
  'txnStatus.reversed': 'reversed',
  'txnStatus.unknown': 'unknown',

  // ── fee periods (Contract.periodicFees[].every) ────────────────────────────────────────
  'period.month': 'month',
  'period.quarter': 'quarter',
  'period.year': 'year',

  // ── finding kinds: short names (DOMAIN.md §3, D1–D19) ──────────────────────────────────
  'kind.duplicate_charge': 'Duplicate charge',
  'kind.fee_above_contract': 'Fee above contract',
  'kind.debit_cap_ignored': 'Debit card cap ignored',
  'kind.wrong_card_rate': 'Wrong card rate',
  'kind.instant_fee_unexpected': 'Unexpected instant-settlement fee',
  'kind.rate_drift': 'Silent rate increase',
  'kind.settlement_shortfall': 'Settlement short',
  'kind.settlement_missing': 'Settlement missing',
  'kind.void_still_settled': 'Voided but still settled',
  'kind.refund_problem': 'Refund problem',
  'kind.hidden_fee': 'Hidden fee',
  'kind.unmatched_portal_sale': 'Sale not in cashier records',
  'kind.missing_at_acquirer': 'Sale missing at acquirer',
  'kind.amount_mismatch': 'Amount mismatch',
  'kind.status_mismatch': 'Status mismatch',
  'kind.deposit_deducted': 'Deposit deducted from settlement',
  'kind.chargeback_fee': 'Chargeback fee',
  'kind.mcc_jump_risk': 'MCC-jump / sub-clearing risk',
  'kind.fx_surcharge': 'FX / international surcharge',
  'kind.terminal_health': 'Terminal out of line (check the POS)',

  // ── finding explanations: Finding.explanation = { key: 'finding.<kind>', params } ──────
  'finding.duplicate_charge':
    'Two sales of {amount:money}{#cardLast4} on the card ending {cardLast4}{/cardLast4}{#terminalId} at terminal {terminalId}{/terminalId}, at {first:datetime} and {second:datetime}, {seconds} seconds apart: likely charged twice.',
  'finding.fee_above_contract':
    'Sale of {amount:money}: the contract rate {percent:percent}{#fixed} + {fixed:money}{/fixed}{#cap} (capped at {cap:money}){/cap} gives a fee of {expected:money}; {charged:money} was charged, {difference:money} too much.',
  'finding.debit_cap_ignored':
    'Debit card sale of {amount:money}: the contract rate {percent:percent} is capped at {cap:money} per transaction, so the fee should be {expected:money}; {charged:money} was charged, {difference:money} too much.',
  'finding.wrong_card_rate':
    '{cardType:cardType} sale of {amount:money} should be billed at {rate:percent}{#appliedRate} but was billed at {appliedRate:percent}{/appliedRate}: the fee should be {expected:money}; {charged:money} was charged, {difference:money} too much.',
  'finding.instant_fee_unexpected':
    'Sale of {amount:money} carried an instant-settlement fee of {instantFeeCharged:money}{#contractInstantFee} (contract: {contractInstantFee:money}){/contractInstantFee}{#settleCycle}, although the contract settles {settleCycle}{/settleCycle}: {difference:money} too much.',
  'finding.rate_drift':
    'The effective {cardType:cardType} rate rose from {oldRate:percent} to {newRate:percent} from {from} on ({count} transactions) with no contract change on record; {excess:money} charged in excess so far.',
  'finding.settlement_shortfall':
    'The {count} transactions cleared on {settleDate} should have paid {expected:money} by {expectedValueDate}; the bank received {received:money}, {difference:money} short.',
  'finding.settlement_missing':
    'The {count} transactions cleared on {settleDate} should have paid {expected:money} by {expectedValueDate}; the grace period has passed and no matching bank credit was found.',
  'finding.void_still_settled':
    'The {amount:money} sale{#rrn} (RRN {rrn}){/rrn} was voided or reversed{#voidOccurredAt} at {voidOccurredAt:datetime}{/voidOccurredAt} but was still settled{#valueDate} (bank credit of {valueDate}){/valueDate}.',
  'finding.refund_problem':
    'Refund problem{#originalAmount} on the {originalAmount:money} sale{/originalAmount}{#refundCount}: {refundCount} {refundCount?refund|refunds} totalling {refunded:money}, {difference:money} more than the sale{/refundCount}{#dueBy}: the cashier refunded {amount:money} at {cashierOccurredAt:datetime} and by {dueBy} the acquirer had not processed it{/dueBy}{#feeDue}: the refund of {refundAmount:money} should have given back {feeDue:money} of the {saleFee:money} fee on the sale (the contract returns fees on refunds), but {feeReturned:money} came back: {difference:money} kept{/feeDue}.',
  'finding.hidden_fee':
    '{label} of {amount:money} deducted on {date}, not covered by the contract{#contractAmount} (the contract allows {contractAmount:money} per {every:period}){/contractAmount}: {difference:money} too much.',
  'finding.unmatched_portal_sale': 'The portal shows a {amount:money} sale at {occurredAt:datetime} with no cashier record within {windowMinutes} minutes.',
  'finding.missing_at_acquirer':
    'The cashier system recorded a {amount:money} card sale at {occurredAt:datetime}{#orderNo} (order {orderNo}){/orderNo} that the portal does not show.',
  'finding.amount_mismatch':
    'The transaction at {occurredAt:datetime} is {portalAmount:money} on the portal but {cashierAmount:money} in the cashier records, a difference of {difference:money}.',
  'finding.status_mismatch': 'The {amount:money} transaction at {occurredAt:datetime} shows as {status:status}, but the settlement records say otherwise.',
  'finding.deposit_deducted':
    'A round amount of {difference:money} was deducted{#label} ({label}){/label}{#settleDate} from the settlement of {settleDate} (expected {expected:money}, received {received:money}){/settleDate}: likely an activation deposit.',
  'finding.chargeback_fee':
    'A chargeback fee of {fee:money} was charged on {txnDate}{#contractFee} (contract: {contractFee:money}){/contractFee} without a matching chargeback, or above the contract: {difference:money} in dispute.',
  'finding.mcc_jump_risk':
    '{#lowestRate}{count} card transactions imply a rate as low as {lowestRate:percent}, below the regulated floor of about {floorRate:percent}: they may be routed under another merchant category or through an unlicensed sub-acquirer (a risk note, not an overcharge).{/lowestRate}{#payer}{settlements} settlement {settlements?credit|credits} in {month}, {received:money} in all, were paid by “{payer}”, which is neither a bank nor a licensed payment institution: your money may pass through an unlicensed sub-clearer (二清), which puts it at risk (a risk note, not an overcharge).{/payer}',
  'finding.fx_surcharge':
    'Sale of {amount:money} carried an international or FX surcharge of {fxFeeCharged:money} although the card{#cardCountry} (issued in {cardCountry}){/cardCountry} is domestic.',
  'finding.terminal_health':
    "Terminal {terminalId}{#merchantId} (merchant {merchantId}){/merchantId}: {count} of its {attempts} transactions in {period} were {metric:terminalMetric} ({rate:percent}), against {#othersRate}{othersRate:percent} on the shop's other terminals{/othersRate}{#pastRate}{pastRate:percent} in its own earlier months{/pastRate}. A rate this far out of line usually points at the device: have this POS terminal checked (card reader, network, software). A note, not an overcharge.",
  // ── terminal health: the rates a terminal is judged on (issue 13 item 4) ─────────────
  'terminalMetric.duplicates': 'duplicate swipes',
  'terminalMetric.reversals': 'reversals',
  'terminalMetric.voids': 'voids',
  'terminalMetric.failures': 'failed or declined',
  // ── overlay table tools: capture all pages, teach columns (issue 3) ───────────────────
  'overlay.tools': 'SettleGuard table tools',
  'overlay.captureAll': 'Capture all pages',
  'overlay.stop': 'Stop',
  'overlay.captureProgress': 'Page {page}: {rows} rows captured',
  'overlay.captureSummary': 'Captured {pages} pages, {rows} rows ({known} already known).',
  'overlay.captureStopped': 'Stopped.',
  'overlay.teach': 'Teach columns',
  'overlay.teachTitle': 'What each column holds',
  'overlay.fieldIgnore': 'Not used',
  'overlay.teachSaved': 'Saved: used on this site from now on.',
  'field.occurredAt': 'Transaction time',
  'field.kind': 'Transaction type',
  'field.status': 'Status',
  'field.amount': 'Amount',
  'field.fee': 'Fee',
  'field.net': 'Net settled',
  'field.extraFees': 'Extra fee (instant settlement…)',
  'field.cardLast4': 'Card number',
  'field.cardType': 'Card type',
  'field.cardCountry': 'Card country',
  'field.entryMode': 'Entry mode',
  'field.merchantId': 'Merchant ID',
  'field.merchantName': 'Merchant name',
  'field.terminalId': 'Terminal ID',
  'field.rrn': 'Reference no. (RRN)',
  'field.voucherNo': 'Voucher / trace no.',
  'field.batchNo': 'Batch no.',
  'field.authCode': 'Auth code',
  'field.orderNo': 'Order no.',
  'field.originalRef': 'Original reference',
  'field.settleDate': 'Settlement date',
  'field.settleCycle': 'Settlement cycle',
  'field.payoutId': 'Payout ID',
  'field.currency': 'Currency',
  'field.cardBin': 'Card BIN (first 6 digits)',
  'field.direction': 'Money in / out',
  // ── Teach columns: where each column's meaning came from (issue 12) ──────────────────
  'overlay.source.header': 'from header',
  'overlay.source.values': 'inferred from values',
  'overlay.source.taught': 'your setting',
  'overlay.confidence.high': 'sure',
  'overlay.confidence.medium': 'fairly sure',
  'overlay.confidence.low': 'unsure',
  'overlay.inferredHint': '{count} columns read from their values: check them in Teach columns.',
  'overlay.confirmInferred': 'Confirm these columns',
  'overlay.unreadTable': 'SettleGuard could not read this table. Columns it could not place: {columns}. Use Teach columns to say what they hold.',
  'overlay.captureRefused':
    'SettleGuard did not keep {rows} rows of this page: they were refused ({reason}). They are not sent again; use Teach columns if a column was read wrongly.',
  'overlay.unreadRows': 'SettleGuard could not read any row of this table. Use Teach columns to check what each column holds.',
  'capture.storageFull':
    'the browser has no storage space left for SettleGuard (its quota is full), so nothing of these rows was kept. Free disk space, or export a backup and delete old data, then reload the page',
  'infer.dateTime': 'a date and time on every row',
  'infer.date': 'a date on every row',
  'infer.dateAndTime': 'date and time split over two columns (with {other})',
  'infer.card': 'masked card numbers',
  'infer.cardSplit': 'a card number split over two columns (with {other})',
  'infer.rrn': '12 digits, different on each of {rows} rows',
  'infer.voucherNo': '6 digits, different on each row',
  'infer.authCode': '6-character codes, beside the voucher number',
  'infer.batchNo': '6 digits repeated across rows ({distinct} values)',
  'infer.terminalId': '8-character codes',
  'infer.merchantId': '15-digit numbers',
  'infer.words': 'words such as {examples}',
  'infer.amount': 'amounts, the largest on each row',
  'infer.feeNet': '{fee} + {net} = the amount on every row',
  'infer.net': 'the amount minus {fee} on every row',
  'infer.feeFromNet': 'the amount minus {net} on every row',
  'infer.fee': 'a small share of the amount (at most {max}), in proportion to it',
  'infer.netClose': 'slightly less than the amount on every row',
  'infer.extraFee': 'amount − fee − this = net on every row',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
