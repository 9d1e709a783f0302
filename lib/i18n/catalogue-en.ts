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

  // ── popup ──────────────────────────────────────────────────────────────────────────────
  'popup.title': 'SettleGuard',
  'popup.findingsOnSite': 'Findings on this site',
  'popup.findingsOverall': 'All findings',
  'popup.moneyAtStake': 'Money at stake',
  'popup.noFindings': 'No findings yet',
  'popup.rowsCaptured': 'Rows captured on this site: {count}',
  'popup.siteDisabled': 'SettleGuard is not enabled on this site.',
  'popup.enableSite': 'Enable on this site',
  'popup.disableSite': 'Disable on this site',
  'popup.lastReconciled': 'Last checked: {time}',

  // ── in-page overlay ────────────────────────────────────────────────────────────────────
  'overlay.rowFlagged': '{kind}: {explanation}',
  'overlay.rowFlaggedCount': 'Findings on this row: {count}',
  'overlay.panelTitle': 'Dispute draft',
  'overlay.pickDraft': 'Choose a dispute draft',
  'overlay.noDraft': 'No dispute draft yet. Open a flagged row and press Dispute first.',
  'overlay.insertDone': 'Inserted into the form. Check it before you submit.',
  'overlay.atStake': 'At stake: {amount}',

  // ── options page ───────────────────────────────────────────────────────────────────────
  'options.title': 'SettleGuard',
  'options.tab.import': 'Import',
  'options.tab.contracts': 'Contracts',
  'options.tab.findings': 'Findings',
  'options.tab.disputes': 'Disputes',
  'options.tab.sites': 'Sites',
  'options.tab.data': 'Data',
  'options.tab.settings': 'Settings',

  // ── import ─────────────────────────────────────────────────────────────────────────────
  'import.title': 'Import files',
  'import.chooseFile': 'Choose files: bank statements, acquirer exports, cashier exports or SettleGuard JSON',
  'import.dropHint': 'or drop files here',
  'import.preview': 'Preview',
  'import.confirm': 'Import',
  'import.format': 'Format',
  'import.encoding': 'Encoding',
  'import.kind.bank': 'Bank statement',
  'import.kind.acquirer': 'Acquirer export',
  'import.kind.cashier': 'Cashier export',
  'import.kind.settleguard': 'SettleGuard data',
  'import.result': '{file}: format {format}, rows added {added}, already known {known}',
  'import.issues': 'Issues: {count}',
  'import.issueLine': 'Line {line}: {message}',
  'import.failed': 'Could not read {file}: {message}',
  'import.history': 'Imported files',
  'import.file': 'File',
  'import.account': 'Account',
  'import.period': 'Period',
  'import.rows': 'Rows',
  'import.notStored': 'Not readable: nothing will be stored',
  'import.contracts': 'contracts: {count}',

  // ── contracts ──────────────────────────────────────────────────────────────────────────
  'contracts.empty': 'No contract yet. Import your fee contract as SettleGuard JSON to check fees.',
  'contracts.cardType': 'Card type',
  'contracts.tier': 'Amount tier',
  'contracts.percent': 'Rate',
  'contracts.fixed': 'Fixed',
  'contracts.cap': 'Cap',
  'contracts.instantFee': 'Instant-settlement fee',
  'contracts.anyCard': 'Any card',
  'contracts.periodicFees': 'Periodic fees',
  'contracts.preset': 'Start from a preset',
  'contracts.new': 'New contract',
  'contracts.label': 'Name',
  'contracts.effectiveFrom': 'Effective from',
  'contracts.effectiveTo': 'Effective to',
  'contracts.settleCycle': 'Settlement cycle',
  'contracts.calendar': 'Working-day calendar',
  'contracts.calendar.CN': 'China (holidays and make-up working days)',
  'contracts.calendar.weekdays': 'Weekdays (Mon–Fri)',
  'contracts.chargebackFee': 'Chargeback fee',
  'contracts.minAmount': 'Above',
  'contracts.maxAmount': 'Up to',
  'contracts.minFee': 'Minimum fee',
  'contracts.addRule': 'Add a rule',
  'contracts.addPeriodicFee': 'Add a periodic fee',
  'contracts.every.month': 'per month',
  'contracts.every.quarter': 'per quarter',
  'contracts.every.year': 'per year',

  // ── data ───────────────────────────────────────────────────────────────────────────────
  'data.counts': 'Stored: {transactions} portal transactions, {lines} bank lines, {cashier} cashier records.',
  'data.exportBackup': 'Export a backup (SettleGuard JSON)',
  'data.clear': 'Delete all data',
  'data.clearConfirm': 'Delete every transaction, statement line, contract, finding and dispute stored by SettleGuard?',

  // ── findings list ──────────────────────────────────────────────────────────────────────
  'findings.title': 'Findings',
  'findings.kind': 'Type',
  'findings.severity': 'Severity',
  'findings.atStake': 'At stake',
  'findings.explanation': 'Why',
  'findings.evidence': 'Evidence',
  'findings.status': 'Status',
  'findings.empty': 'No findings. Capture portal tables and import bank statements to start.',
  'findings.status.open': 'Open',
  'findings.status.dismissed': 'Dismissed',
  'findings.status.disputed': 'Disputed',
  'findings.status.resolved': 'Resolved',
  'evidence.time': 'Time',
  'evidence.kind': 'Type',
  'evidence.amount': 'Amount',
  'evidence.fee': 'Fee',
  'evidence.rrn': 'RRN / voucher',
  'evidence.terminal': 'Terminal',
  'evidence.card': 'Card',
  'evidence.source': 'Where it was seen',
  'evidence.bookedOn': 'Booked on',
  'evidence.description': 'Description',

  // ── disputes (UI around lib/disputes) ──────────────────────────────────────────────────
  'dispute.title': 'Disputes',
  'dispute.letterLanguage': 'Letter language',
  'dispute.subject': 'Subject',
  'dispute.text': 'Draft',
  'dispute.template': 'Template',
  'dispute.templateReset': 'Restore the default template',
  'dispute.templateUnknownPlaceholder': 'Unknown placeholder: {name}',
  'dispute.ticketNo': 'Ticket number',
  'dispute.sentOn': 'Sent on',
  'dispute.recovered': 'Recovered',
  'dispute.claimed': 'Claimed',
  'dispute.followUpOn': 'Follow up on {date}',
  'dispute.status.draft': 'Draft',
  'dispute.status.sent': 'Sent',
  'dispute.status.acknowledged': 'Acknowledged',
  'dispute.status.refunded_partial': 'Partly refunded',
  'dispute.status.refunded_full': 'Refunded',
  'dispute.status.rejected': 'Rejected',
  'dispute.step.first_contact': 'Dispute via the portal or customer service',
  'dispute.step.written_complaint': 'Formal written complaint',
  'dispute.step.regulator': 'Regulator / industry association',
  'dispute.empty': 'No disputes yet. Open a finding and press Dispute to start one.',
  'dispute.markSent': 'Mark as sent',
  'dispute.markAcknowledged': 'Acquirer acknowledged',
  'dispute.recordRefund': 'Record a refund',
  'dispute.rejectReason': 'Reason given',
  'dispute.markRejected': 'Rejected',
  'dispute.markEscalated': 'Mark escalation as sent',
  'dispute.badAmount': '"{amount}" is not an amount (expected e.g. 20.00)',
  'dispute.overdue': 'overdue',
  'dispute.next.send': 'Next: send the dispute to the acquirer',
  'dispute.next.wait': 'Waiting for an answer; follow up on {date}',
  'dispute.next.follow_up': 'Follow up now: no answer since {date}',
  'dispute.next.escalate': 'Escalate: the acquirer rejected or ignored the dispute',
  'dispute.next.consider_legal': 'Every channel is used: consider arbitration, small claims or legal advice',
  'dispute.next.done': 'Done',
  'dispute.reminderTitle': 'SettleGuard: a dispute needs your attention',
  'dispute.reminderBody': '{subject} — {next}',
  'popup.claimed': 'Claimed in disputes',
  'popup.recovered': 'Recovered',
  'settings.tolerances': 'Tolerances',
  'settings.tolerance.fee': 'Fee tolerance per component',
  'settings.tolerance.settlement': 'Settlement tolerance per group',
  'settings.tolerance.duplicateWindow': 'Duplicate window with cashier export (seconds)',
  'settings.tolerance.possibleDuplicateWindow': 'Possible-duplicate window (seconds)',
  'settings.tolerance.grace': 'Settlement grace (working days)',
  'settings.extraHolidays': 'Extra non-working days (YYYY-MM-DD, comma separated)',

  // ── settings ───────────────────────────────────────────────────────────────────────────
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.auto': 'Same as the browser',
  'settings.merchantName': 'Merchant name',
  'settings.merchantId': 'Merchant ID (MID)',
  'settings.contact': 'Contact person',
  'settings.phone': 'Phone',
  'settings.defaultCurrency': 'Default currency',

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
    'Refund problem{#originalAmount} on the {originalAmount:money} sale{/originalAmount}{#refundCount}: {refundCount} refund(s) totalling {refunded:money}, {difference:money} more than the sale{/refundCount}{#dueBy}: the cashier refunded {amount:money} at {cashierOccurredAt:datetime} and by {dueBy} the acquirer had not processed it{/dueBy}.',
  'finding.hidden_fee':
    '{label} of {amount:money} deducted on {date}, not covered by the contract{#contractAmount} (the contract allows {contractAmount:money} per {every:period}){/contractAmount}: {difference:money} too much.',
  'finding.unmatched_portal_sale':
    'The portal shows a {amount:money} sale at {occurredAt:datetime} with no cashier record within {windowMinutes} minutes.',
  'finding.missing_at_acquirer':
    'The cashier system recorded a {amount:money} card sale at {occurredAt:datetime}{#orderNo} (order {orderNo}){/orderNo} that the portal does not show.',
  'finding.amount_mismatch':
    'The transaction at {occurredAt:datetime} is {portalAmount:money} on the portal but {cashierAmount:money} in the cashier records, a difference of {difference:money}.',
  'finding.status_mismatch':
    'The {amount:money} transaction at {occurredAt:datetime} shows as {status:status}, but the settlement records say otherwise.',
  'finding.deposit_deducted':
    'A round amount of {difference:money} was deducted{#label} ({label}){/label}{#settleDate} from the settlement of {settleDate} (expected {expected:money}, received {received:money}){/settleDate}: likely an activation deposit.',
  'finding.chargeback_fee':
    'A chargeback fee of {fee:money} was charged on {txnDate}{#contractFee} (contract: {contractFee:money}){/contractFee} without a matching chargeback, or above the contract: {difference:money} in dispute.',
  'finding.mcc_jump_risk':
    '{count} card transactions imply a rate as low as {lowestRate:percent}, below the regulated floor of about {floorRate:percent}: they may be routed under another merchant category or through an unlicensed sub-acquirer (a risk note, not an overcharge).',
  'finding.fx_surcharge':
    'Sale of {amount:money} carried an international or FX surcharge of {fxFeeCharged:money} although the card{#cardCountry} (issued in {cardCountry}){/cardCountry} is domestic.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
