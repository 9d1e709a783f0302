// The letter for a dispute context in one language, rendered with the merchant's own template
// for that language where they wrote one. Shared by the draft dialog and the dispute panel.
import { useMemo } from 'preact/hooks';
import { renderDispute } from '../../lib/disputes/render';
import { DEFAULT_TEMPLATES } from '../../lib/disputes/templates';
import type { Locale } from '../../lib/i18n/messages';
import type { DisputeContext } from '../../lib/messaging';

export function useLetter(context: DisputeContext, locale: Locale) {
  return useMemo(
    () =>
      renderDispute(
        {
          findings: context.findings,
          transactions: context.transactions,
          statementLines: context.statementLines,
          merchant: context.merchant,
          contractLabel: context.contractLabel,
          asOf: context.asOf,
        },
        locale,
        context.templates?.[locale] ?? DEFAULT_TEMPLATES[locale],
      ),
    [context, locale],
  );
}
