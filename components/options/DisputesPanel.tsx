// The dispute tracker: each dispute's status, dates, ticket number, money claimed and recovered,
// the next step (follow up, escalate) and its letter, and the evidence pack.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DisputeEvent } from '../../lib/disputes/tracker';
import { disputeTitle } from '../../lib/disputes/title';
import type { DisputeSnapshot } from '../../lib/services/dispute-lifecycle';
import type { DisputeDraft } from '../../lib/disputes/render';
import type { DisputeView } from '../../lib/services/disputes';
import { formatMoney } from '../../lib/i18n/format';
import { parseAmount, toPlain } from '../../lib/money';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { copyText } from '../overlay/clipboard';
import type { MerchantDetails } from '../../lib/db';
import { MerchantDetailsForm } from './MerchantDetailsForm';

export interface DisputesActions {
  apply: (id: string, event: DisputeEvent) => Promise<string | null>; // error message or null
  exportPack: (id: string) => Promise<void>;
  escalation: (id: string) => Promise<DisputeDraft | null>;
  /** a snapshot for undo, or an error message */
  cancel: (id: string) => Promise<DisputeSnapshot | string>;
  remove: (id: string) => Promise<DisputeSnapshot | null>;
  restore: (snapshot: DisputeSnapshot) => Promise<void>;
  /** the merchant's details an escalation letter lacked (settings.merchant) */
  saveMerchant?: (m: MerchantDetails) => Promise<void>;
}

/** How long a cancel or delete can be undone. */
export const UNDO_MS = 10_000;

type Removal = { kind: 'cancel' | 'delete'; id: string };

function TextBlock({ locale, subject, text }: { locale: Locale; subject: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="draft">
      <strong>{subject}</strong>
      <pre data-testid="sg-dispute-text">{text}</pre>
      <button type="button" onClick={async () => setCopied(await copyText(text))}>
        {copied ? t(locale, 'action.copied') : t(locale, 'action.copy')}
      </button>
    </div>
  );
}

function DisputeCard({
  locale,
  view,
  today,
  actions,
  onRemove,
}: {
  locale: Locale;
  view: DisputeView;
  today: string;
  actions: DisputesActions;
  onRemove: (r: Removal) => void;
}) {
  const { dispute: d, next } = view;
  const [ticket, setTicket] = useState(d.ticketNo ?? '');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [letter, setLetter] = useState<DisputeDraft | null>(null);
  const [showDraft, setShowDraft] = useState(false);
  const run = async (event: DisputeEvent) => setError((await actions.apply(d.id, event)) ?? '');
  const refund = () => {
    const parsed = parseAmount(amount);
    if (!parsed || parsed.value.lte(0)) {
      setError(t(locale, 'dispute.badAmount', { amount }));
      return;
    }
    void run({ type: 'refund', on: today, amount: { amount: toPlain(parsed.value), currency: d.claimed.currency } });
  };
  return (
    <article class="dispute" data-testid="sg-dispute" data-status={d.status}>
      <h3 data-testid="sg-dispute-title">{disputeTitle(d, locale)}</h3>
      <p>
        <span class="badge" data-testid="sg-dispute-status">
          {t(locale, `dispute.status.${d.status}`)}
        </span>{' '}
        {t(locale, 'dispute.claimed')}: {formatMoney(locale, d.claimed)} · {t(locale, 'dispute.recovered')}:{' '}
        <span data-testid="sg-dispute-recovered">{formatMoney(locale, d.recovered)}</span>
        {d.ticketNo ? ` · ${t(locale, 'dispute.ticketNo')}: ${d.ticketNo}` : ''}
        {d.sentOn ? ` · ${t(locale, 'dispute.sentOn')}: ${d.sentOn}` : ''}
      </p>
      <p class="next" data-testid="sg-dispute-next">
        {t(locale, `dispute.next.${next.action}`, { date: next.followUpOn ?? next.dueOn ?? '' })}
        {next.overdue ? ` — ${t(locale, 'dispute.overdue')}` : ''}
      </p>
      <div class="actions wrap">
        <button type="button" onClick={() => setShowDraft(!showDraft)}>
          {t(locale, 'dispute.text')}
        </button>
        {d.status === 'draft' && (
          <>
            <input
              value={ticket}
              placeholder={t(locale, 'dispute.ticketNo')}
              aria-label={t(locale, 'dispute.ticketNo')}
              onInput={(e) => setTicket(e.currentTarget.value)}
            />
            <button type="button" class="primary" onClick={() => void run({ type: 'send', on: today, ticketNo: ticket || undefined })}>
              {t(locale, 'dispute.markSent')}
            </button>
          </>
        )}
        {d.status === 'sent' && (
          <button type="button" onClick={() => void run({ type: 'acknowledge', on: today, ticketNo: ticket || undefined })}>
            {t(locale, 'dispute.markAcknowledged')}
          </button>
        )}
        {(d.status === 'sent' || d.status === 'acknowledged' || d.status === 'refunded_partial') && (
          <>
            <input
              value={amount}
              size={8}
              inputMode="decimal"
              placeholder={t(locale, 'dispute.recovered')}
              aria-label={t(locale, 'dispute.recovered')}
              onInput={(e) => setAmount(e.currentTarget.value)}
            />
            <button type="button" onClick={refund}>
              {t(locale, 'dispute.recordRefund')}
            </button>
            <input
              value={reason}
              placeholder={t(locale, 'dispute.rejectReason')}
              aria-label={t(locale, 'dispute.rejectReason')}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <button type="button" onClick={() => void run({ type: 'reject', on: today, reason: reason || undefined })}>
              {t(locale, 'dispute.markRejected')}
            </button>
          </>
        )}
        {next.escalation && (
          <button type="button" onClick={async () => setLetter(await actions.escalation(d.id))}>
            {t(locale, `dispute.step.${next.escalation}`)}
          </button>
        )}
        {next.escalation && letter && letter.missing.length === 0 && (
          <button type="button" class="primary" onClick={() => void run({ type: 'escalate', on: today, step: next.escalation! })}>
            {t(locale, 'dispute.markEscalated')}
          </button>
        )}
        <button type="button" onClick={() => void actions.exportPack(d.id)} data-testid="sg-export-evidence">
          {t(locale, 'action.exportEvidence')}
        </button>
        {d.status !== 'cancelled' && d.status !== 'refunded_full' && (
          <button type="button" data-testid="sg-dispute-cancel" onClick={() => onRemove({ kind: 'cancel', id: d.id })}>
            {t(locale, 'dispute.cancel')}
          </button>
        )}
        <button type="button" class="danger" data-testid="sg-dispute-delete" onClick={() => onRemove({ kind: 'delete', id: d.id })}>
          {t(locale, 'action.delete')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {showDraft && <TextBlock locale={locale} subject={d.subject} text={d.text} />}
      {letter && letter.missing.length > 0 && actions.saveMerchant && (
        // an escalation is signed like the first letter: asked for here if still missing, never 未知
        <MerchantDetailsForm
          locale={locale}
          initial={{}}
          fields={letter.missing}
          submit="saveAndShow"
          onSave={async (m) => {
            await actions.saveMerchant?.(m);
            setLetter(await actions.escalation(d.id));
          }}
        />
      )}
      {letter && letter.missing.length === 0 && <TextBlock locale={locale} subject={letter.subject} text={letter.text} />}
    </article>
  );
}

/** The undo bar after a cancel or delete: says what went, offers Undo for UNDO_MS. */
function UndoBar({ locale, note, onUndo, onExpire }: { locale: Locale; note: string; onUndo: () => void; onExpire: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [note]);
  return (
    <div class="undo" role="status" data-testid="sg-dispute-undo">
      <span>{note}</span>{' '}
      <button type="button" class="primary" onClick={onUndo}>
        {t(locale, 'dispute.undo')}
      </button>
    </div>
  );
}

export function DisputesPanel({ locale, views, today, actions }: { locale: Locale; views: DisputeView[]; today: string; actions: DisputesActions }) {
  const [undo, setUndo] = useState<{ note: string; snapshot: DisputeSnapshot } | null>(null);
  const [error, setError] = useState('');
  // a second removal while the first's bar shows replaces it: only the latest can be undone
  const latest = useRef(0);
  const remove = async ({ kind, id }: Removal) => {
    const view = views.find((v) => v.dispute.id === id);
    if (!view) return;
    const title = disputeTitle(view.dispute, locale);
    const turn = ++latest.current;
    const res = kind === 'cancel' ? await actions.cancel(id) : await actions.remove(id);
    if (turn !== latest.current) return;
    if (typeof res === 'string' || res === null) {
      setError(res ?? '');
      return;
    }
    setError('');
    setUndo({ note: t(locale, kind === 'cancel' ? 'dispute.cancelledNote' : 'dispute.deletedNote', { title }), snapshot: res });
  };
  return (
    <section aria-labelledby="disputes-title">
      <h2 id="disputes-title">{t(locale, 'dispute.title')}</h2>
      {undo && (
        <UndoBar
          locale={locale}
          note={undo.note}
          onExpire={() => setUndo(null)}
          onUndo={() => {
            const { snapshot } = undo;
            setUndo(null);
            void actions.restore(snapshot);
          }}
        />
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {views.length === 0 && <p class="muted">{t(locale, 'dispute.empty')}</p>}
      {views.map((v) => (
        <DisputeCard key={v.dispute.id + v.dispute.updatedAt} locale={locale} view={v} today={today} actions={actions} onRemove={(r) => void remove(r)} />
      ))}
    </section>
  );
}
