// lib/disputes: dispute letters (zh-CN / en), merchant-editable templates, escalation drafts,
// the dispute tracker and the evidence pack. All pure; lib/services/disputes.ts feeds them.
export { renderDispute, defaultDisputeLocale, type DisputeDraft } from './render';
export { DEFAULT_DEADLINE_DAYS, type DisputeInput, type DisputeLocale, type DisputeMerchant } from './input';
export {
  DEFAULT_TEMPLATES,
  RECOMMENDED_PLACEHOLDERS,
  TEMPLATE_ALIASES,
  TEMPLATE_PLACEHOLDERS,
  fillTemplate,
  renderTemplate,
  validateTemplate,
  type DisputeTemplate,
  type TemplatePlaceholder,
  type TemplateValidation,
} from './templates';
export { escalationHistoryOf, renderEscalation, type EscalationHistory, type EscalationInput } from './escalation';
export {
  DEFAULT_FOLLOW_UP_DAYS,
  DISPUTE_LEVELS,
  applyDisputeEvent,
  createDispute,
  nextLevel,
  nextStep,
  replayDispute,
  type DisputeEvent,
  type DisputeLevel,
  type DisputeStatus,
  type EscalationStep,
  type NewDispute,
  type NextAction,
  type NextStep,
  type TrackedDispute,
  type TrackerError,
  type TrackerResult,
} from './tracker';
export { buildEvidencePack, cellsSha256, evidencePackName, type EvidenceFile, type EvidenceInput } from './evidence';
export { buildDisputeModel, type DisputeModel, type DisputeRow } from './model';
export { MERCHANT_FIELDS, isPhoneNumber, missingMerchantDetails, type MerchantField } from './merchant';
export type { Region } from './strings';
