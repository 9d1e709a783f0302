// Every finding kind has one rule file named after it in kebab-case (STYLE.md); this typed array
// is the only registration, in FINDING_KINDS order. tests/unit/reconcile/registry.test.ts checks
// that every kind is here, every file is registered and every rule has a test.
import type { Rule } from '../context';
import { amountMismatch } from './amount-mismatch';
import { chargebackFee } from './chargeback-fee';
import { debitCapIgnored } from './debit-cap-ignored';
import { depositDeducted } from './deposit-deducted';
import { duplicateCharge } from './duplicate-charge';
import { feeAboveContract } from './fee-above-contract';
import { fxSurcharge } from './fx-surcharge';
import { hiddenFee } from './hidden-fee';
import { instantFeeUnexpected } from './instant-fee-unexpected';
import { mccJumpRisk } from './mcc-jump-risk';
import { missingAtAcquirer } from './missing-at-acquirer';
import { rateDrift } from './rate-drift';
import { refundProblem } from './refund-problem';
import { settlementMissing } from './settlement-missing';
import { settlementShortfall } from './settlement-shortfall';
import { statusMismatch } from './status-mismatch';
import { terminalHealth } from './terminal-health';
import { unmatchedPortalSale } from './unmatched-portal-sale';
import { voidStillSettled } from './void-still-settled';
import { wrongCardRate } from './wrong-card-rate';

export const RULES: readonly Rule[] = [
  duplicateCharge,
  feeAboveContract,
  debitCapIgnored,
  wrongCardRate,
  instantFeeUnexpected,
  rateDrift,
  settlementShortfall,
  settlementMissing,
  voidStillSettled,
  refundProblem,
  hiddenFee,
  unmatchedPortalSale,
  missingAtAcquirer,
  amountMismatch,
  statusMismatch,
  depositDeducted,
  chargebackFee,
  mccJumpRisk,
  fxSurcharge,
  terminalHealth,
];
