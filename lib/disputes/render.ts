// The dispute draft the merchant pastes into the portal's complaint form (DOMAIN.md §4.4):
// subject, merchant block, facts summary, itemized table, basis, request, attachments and a
// neutral escalation note. Pure: the same input always gives the same text. The output is
// plain text; page-derived values are kept as literal text and never turned into markup.
import type { Locale } from '../i18n/messages';
import { defaultDisputeLocale, type DisputeInput, type DisputeLocale, type DisputeMerchant } from './input';
import { type MerchantField, missingMerchantDetails } from './merchant';
import { buildDisputeModel } from './model';
import { disputeValues } from './sections';
import { DEFAULT_TEMPLATES, fillTemplate, type DisputeTemplate } from './templates';

export { defaultDisputeLocale, type DisputeInput, type DisputeLocale, type DisputeMerchant };

export interface DisputeDraft {
  subject: string;
  /** the whole letter, starting with its subject line */
  text: string;
  /**
   * The merchant's details the letter lacks (name, 商户号, contact, phone): their lines are left
   * out, never written as 未知. A page shows the letter for copying only once this is empty.
   */
  missing: MerchantField[];
}

/** Renders the draft with the default template of `locale`, or with a merchant's own template. */
export function renderDispute(input: DisputeInput, locale: Locale, template: DisputeTemplate = DEFAULT_TEMPLATES[locale]): DisputeDraft {
  const model = buildDisputeModel(input);
  const values = disputeValues(input, locale, model);
  return {
    missing: missingMerchantDetails(input.merchant, model.merchantIds),
    subject: fillTemplate(template.subject, values)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    text: fillTemplate(template.body, values),
  };
}
