// Every finding kind has one rule file named after it in kebab-case (STYLE.md); this typed array
// is the only registration. tests/unit/reconcile/registry.test.ts checks the convention.
import type { Rule } from '../context';
import { debitCapIgnored } from './debit-cap-ignored';
import { duplicateCharge } from './duplicate-charge';
import { feeAboveContract } from './fee-above-contract';
import { fxSurcharge } from './fx-surcharge';
import { instantFeeUnexpected } from './instant-fee-unexpected';
import { settlementMissing } from './settlement-missing';
import { settlementShortfall } from './settlement-shortfall';
import { wrongCardRate } from './wrong-card-rate';

export const RULES: readonly Rule[] = [
  duplicateCharge,
  feeAboveContract,
  debitCapIgnored,
  wrongCardRate,
  instantFeeUnexpected,
  settlementShortfall,
  settlementMissing,
  fxSurcharge,
];
