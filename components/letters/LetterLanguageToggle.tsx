// The letter's language, chosen apart from the UI's: a merchant reading SettleGuard in Chinese may
// write to an acquirer's English-language support (Stripe, Adyen), and the other way round.
// Shared by the options page's draft dialog and the portal's dispute panel.
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/messages';

export function LetterLanguageToggle({ uiLocale, letterLocale, onPick }: { uiLocale: Locale; letterLocale: Locale; onPick: (l: Locale) => void }) {
  return (
    <span class="lang" role="group" aria-label={t(uiLocale, 'dispute.letterLanguage')}>
      <button type="button" aria-pressed={letterLocale === 'zh-CN'} onClick={() => onPick('zh-CN')}>
        中文
      </button>
      <button type="button" aria-pressed={letterLocale === 'en'} onClick={() => onPick('en')}>
        English
      </button>
    </span>
  );
}
