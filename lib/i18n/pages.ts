// `t` for the options page and the popup: the shared catalogue plus the messages only those pages
// show (catalogue-pages-*.ts), which the content script never loads.
import { EN, ZH_CN, createTranslator, type Locale, type MessageKey, type Translator } from './messages';
import { PAGES_EN, type PageMessageKey } from './catalogue-pages-en';
import { PAGES_ZH_CN } from './catalogue-pages-zh-cn';

export { PAGES_EN, PAGES_ZH_CN, type PageMessageKey };
export type PagesMessageKey = MessageKey | PageMessageKey;

/** Translates a message of the options page or popup (or any shared one). */
export const t: Translator<PagesMessageKey> = createTranslator<PagesMessageKey>({
  en: { ...EN, ...PAGES_EN },
  'zh-CN': { ...ZH_CN, ...PAGES_ZH_CN },
});

/** A statement's file format (StatementParseResult.format) by name; an id without one in capitals ("camt.053" → "CAMT.053"). */
export function fileFormatName(locale: Locale, format: string): string {
  const key = `import.formatName.${format}`;
  return Object.hasOwn(PAGES_EN, key) ? t(locale, key as PageMessageKey) : format.toUpperCase();
}
