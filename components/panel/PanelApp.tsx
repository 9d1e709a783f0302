// The dispute panel page (entrypoints/panel), shown by the overlay in an iframe on the portal:
// `?view=dispute&id=…` for a flagged row's letter, `?view=insert` for the drafts behind Insert.
// It asks the background itself (panel/… messages), which answers for the hosting tab's site only.
import { useEffect, useState } from 'preact/hooks';
import type { DisputeContext, DraftSummary, PanelResponseOf, PanelToBackground, Result } from '../../lib/messaging';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { DisputeView } from './DisputeView';
import { DraftList } from './DraftList';

export type PanelSend = <M extends PanelToBackground>(msg: M) => Promise<Result<PanelResponseOf[M['type']]>>;

export interface PanelQuery {
  view: 'dispute' | 'insert';
  findingIds: string[];
  locale: Locale;
}

/** The frame's query; anything else in it is ignored (the background decides what is shown). */
export function parsePanelQuery(search: string): PanelQuery {
  const q = new URLSearchParams(search);
  return {
    view: q.get('view') === 'insert' ? 'insert' : 'dispute',
    findingIds: q.getAll('id').filter((id) => id.length > 0 && id.length < 512),
    locale: q.get('lang') === 'en' ? 'en' : 'zh-CN',
  };
}

type Loaded = { kind: 'loading' } | { kind: 'dispute'; context: DisputeContext } | { kind: 'insert'; drafts: DraftSummary[] } | { kind: 'gone' };

export function PanelApp({ query, send }: { query: PanelQuery; send: PanelSend }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const { locale } = query;
  const close = () => void send({ type: 'panel/close' });
  const load = async () => {
    if (query.view === 'insert') {
      const res = await send({ type: 'panel/drafts' });
      setLoaded(res.ok ? { kind: 'insert', drafts: res.value } : { kind: 'gone' });
      return;
    }
    const res = query.findingIds.length ? await send({ type: 'panel/dispute', findingIds: query.findingIds }) : null;
    setLoaded(res?.ok && res.value.findings.length ? { kind: 'dispute', context: res.value } : { kind: 'gone' });
  };
  useEffect(() => {
    void load();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loaded.kind === 'loading') return <p class="panel-message">{t(locale, 'common.loading')}</p>;
  if (loaded.kind === 'gone')
    return (
      <section class="panel" role="dialog" aria-label={t(locale, 'overlay.panelTitle')}>
        <div class="body">
          <p>{t(locale, 'panel.gone')}</p>
        </div>
        <footer>
          <button type="button" onClick={close}>
            {t(locale, 'action.close')}
          </button>
        </footer>
      </section>
    );
  if (loaded.kind === 'insert')
    return (
      <DraftList
        locale={locale}
        drafts={loaded.drafts}
        onClose={close}
        onInsert={async (draftId) => {
          const res = await send({ type: 'panel/insert', draftId });
          return res.ok && res.value.inserted;
        }}
      />
    );
  const { context } = loaded;
  return (
    <DisputeView
      context={context}
      initialLocale={locale}
      onClose={close}
      onDismiss={async (findingId) => {
        const res = await send({ type: 'panel/dismiss', findingId });
        if (res.ok) close();
      }}
      onAction={async (action, draft) => {
        const res = await send({ type: 'panel/saveDraft', action, findingIds: context.findings.map((f) => f.id), ...draft });
        return res.ok && res.value.draft !== null;
      }}
    />
  );
}
