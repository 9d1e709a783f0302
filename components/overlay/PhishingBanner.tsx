// The phishing guard on a page (issue 14 item 10): before the content script reads anything, the
// page is assessed (lib/phishing.ts). A page imitating a known acquirer's portal gets a warning
// banner and nothing is read until the merchant confirms — by a real click: page scripts cannot
// see into the banner (closed shadow root) nor press it (untrusted events are ignored). The
// confirmation is stored per origin by the background, so it is asked once.
import { h, render } from 'preact';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/messages';
import { assessPage, describeImitation, readPageSigns, type PageSigns, type PhishingAssessment } from '../../lib/phishing';

export interface PhishingBannerProps {
  locale: Locale;
  assessment: PhishingAssessment;
  onConfirm: () => void;
  /** which clicks count: the merchant's only (event.isTrusted); a test seam */
  isTrusted?: (e: Event) => boolean;
}

/** Text only: the page's own words (its title) are shown as text, never as markup. */
export function PhishingBanner({ locale, assessment, onConfirm, isTrusted = (e) => e.isTrusted }: PhishingBannerProps) {
  const { warning, reasons } = describeImitation(locale, assessment);
  return (
    <div class="phish" role="alert" data-testid="sg-phishing-banner" data-brand={assessment.brand}>
      <p class="warning">{warning}</p>
      <p>{t(locale, 'phishing.held')}</p>
      <details>
        <summary>{t(locale, 'phishing.reasonsTitle')}</summary>
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      <button
        type="button"
        data-testid="sg-phishing-confirm"
        onClick={(e) => {
          if (isTrusted(e)) onConfirm();
        }}
      >
        {t(locale, 'phishing.confirm')}
      </button>
    </div>
  );
}

// one palette per colour scheme; the focus ring stays (issue 15 item 7: nothing removes it)
const BANNER_CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; right: 0; display: block;
  font: 14px/1.5 system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
  --ph-fg: #1d2939; --ph-bg: #fef3f2; --ph-edge: #d92d20; --ph-strong: #b42318; --ph-button-bg: #fff; --ph-focus: #175cd3; color: var(--ph-fg); }
@media (prefers-color-scheme: dark) {
  :host { --ph-fg: #e4e7ec; --ph-bg: #2b0f0c; --ph-edge: #f04438; --ph-strong: #fda29b; --ph-button-bg: #161b26; --ph-focus: #84adff; }
}
.phish { margin: 8px auto; max-width: 760px; background: var(--ph-bg); border: 2px solid var(--ph-edge); border-radius: 10px; padding: 12px 16px;
  box-shadow: 0 8px 28px rgba(16,24,40,.25); }
.phish p { margin: 0 0 8px; }
.phish .warning { font-weight: 600; color: var(--ph-strong); font-size: 15px; }
.phish ul { margin: 4px 0 8px; padding-left: 20px; }
.phish button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid var(--ph-strong); background: var(--ph-button-bg); color: var(--ph-strong); padding: 4px 12px; }
.phish button:hover { background: var(--ph-strong); color: var(--ph-button-bg); }
.phish button:focus-visible, .phish summary:focus-visible { outline: 2px solid var(--ph-focus); outline-offset: 2px; }
`;

export interface PhishingGateDeps {
  doc: Document;
  locale: Locale;
  /** the merchant already confirmed this origin (the background's site record) */
  confirmed: boolean;
  /** stores the confirmation for this origin (content/confirmImitation) */
  confirm: (brand: string) => Promise<unknown>;
  signal: AbortSignal;
  isTrusted?: (e: Event) => boolean;
  /** test seams: the page's signs (default: read from doc), and the banner's closed shadow root */
  readSigns?: (doc: Document) => PageSigns;
  onBanner?: (shadow: ShadowRoot) => void;
}

/**
 * Resolves true when the content script may read the page: at once when the page imitates no
 * acquirer or the merchant confirmed the origin before; otherwise after the merchant's click on
 * the banner. Resolves false when the script is torn down first.
 */
export function passPhishingGate(deps: PhishingGateDeps): Promise<boolean> {
  const assessment = assessPage((deps.readSigns ?? readPageSigns)(deps.doc));
  if (assessment.verdict === 'ok' || deps.confirmed) return Promise.resolve(true);
  const { doc, signal } = deps;
  const host = doc.createElement('sg-phishing');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = BANNER_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  (doc.body ?? doc.documentElement).prepend(host);
  deps.onBanner?.(shadow);
  return new Promise((resolve) => {
    const done = (pass: boolean) => {
      render(null, mount);
      host.remove();
      resolve(pass);
    };
    signal.addEventListener('abort', () => done(false), { once: true });
    const onConfirm = () =>
      void deps
        .confirm(assessment.brand ?? '')
        .catch(() => undefined)
        .then(() => done(!signal.aborted));
    render(h(PhishingBanner, { locale: deps.locale, assessment, onConfirm, ...(deps.isTrusted ? { isTrusted: deps.isTrusted } : {}) }), mount);
  });
}
