// The fee schedule as stored: versions by effective date, rules per card type and amount tier.
import { useState } from 'preact/hooks';
import type { Contract } from '../../lib/model';
import type { Locale } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/pages';
import { formatMoney, formatPercent } from '../../lib/i18n/format';
import { type ContractPreset, contractFromPreset, presetLabel } from '../../lib/presets';
import { ContractEditor, type ContractEditorProps } from './ContractEditor';

export interface ContractsActions {
  /** the merchant's currency first (lib/presets.ts presetsFor) */
  presets: readonly ContractPreset[];
  save: ContractEditorProps['onSave'];
  remove: (id: string) => Promise<void>;
  newContract: () => Contract;
}

/** One button per preset: the merchant's own contract made from it opens in the editor. */
export function PresetChoices({ locale, presets, pick }: { locale: Locale; presets: readonly ContractPreset[]; pick: (p: ContractPreset) => void }) {
  return (
    <ul class="presets" data-testid="sg-presets">
      {presets.map((p) => (
        <li key={p.id}>
          <button type="button" data-preset={p.id} onClick={() => pick(p)}>
            {presetLabel(p, locale)}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ContractsPanel({
  locale,
  contracts,
  actions,
  initialEditing,
}: {
  locale: Locale;
  contracts: Contract[];
  actions: ContractsActions;
  /** a contract to open in the editor at once (the welcome checklist's preset choice) */
  initialEditing?: Contract;
}) {
  const [editing, setEditing] = useState<Contract | null>(initialEditing ?? null);
  const fromPreset = (p: ContractPreset) => {
    const blank = actions.newContract();
    setEditing(contractFromPreset(p, locale, { id: blank.id, merchantId: blank.merchantId }));
  };
  if (editing) {
    return (
      <section aria-labelledby="contracts-title">
        <h2 id="contracts-title">{t(locale, 'options.tab.contracts')}</h2>
        <ContractEditor
          locale={locale}
          initial={editing}
          presets={actions.presets}
          onCancel={() => setEditing(null)}
          onSave={async (c) => {
            const res = await actions.save(c);
            if (res.ok) setEditing(null);
            return res;
          }}
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="contracts-title">
      <h2 id="contracts-title">{t(locale, 'options.tab.contracts')}</h2>
      {contracts.length === 0 && (
        <>
          <p class="muted">{t(locale, 'contracts.empty')}</p>
          <PresetChoices locale={locale} presets={actions.presets} pick={fromPreset} />
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" data-testid="sg-contract-new" onClick={() => setEditing(actions.newContract())}>
          {t(locale, 'contracts.new')}
        </button>
      </div>
      {contracts.map((c) => (
        <article key={c.id} class="contract" data-testid="sg-contract">
          <h3>
            {c.label}{' '}
            <button type="button" onClick={() => setEditing(c)}>
              {t(locale, 'action.edit')}
            </button>{' '}
            <button type="button" class="danger" onClick={() => void actions.remove(c.id)}>
              {t(locale, 'action.delete')}
            </button>
          </h3>
          <p class="muted">
            {t(locale, 'contracts.summary', {
              merchantId: c.merchantId,
              currency: c.currency,
              from: c.effectiveFrom,
              to: c.effectiveTo,
              cycle: t(locale, `contracts.settleCycle.${c.settleCycle}`),
              calendar: t(locale, `contracts.calendar.${c.calendar}`),
            })}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t(locale, 'contracts.cardType')}</th>
                <th>{t(locale, 'contracts.tier')}</th>
                <th>{t(locale, 'contracts.percent')}</th>
                <th>{t(locale, 'contracts.fixed')}</th>
                <th>{t(locale, 'contracts.cap')}</th>
                <th>{t(locale, 'contracts.instantFee')}</th>
              </tr>
            </thead>
            <tbody>
              {c.rules.map((r, i) => (
                <tr key={i}>
                  <td>{r.cardType === 'any' ? t(locale, 'contracts.anyCard') : t(locale, `cardType.${r.cardType}`)}</td>
                  <td>{r.minAmount || r.maxAmount ? `${r.minAmount ?? '0'} – ${r.maxAmount ?? '∞'}` : '—'}</td>
                  <td>{formatPercent(locale, r.percent)}</td>
                  <td>{r.fixed ? formatMoney(locale, { amount: r.fixed, currency: c.currency }) : '—'}</td>
                  <td>{r.cap ? formatMoney(locale, { amount: r.cap, currency: c.currency }) : '—'}</td>
                  <td>{r.instantFee ? formatMoney(locale, { amount: r.instantFee, currency: c.currency }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.periodicFees.length > 0 && (
            <p>
              {t(locale, 'contracts.periodicFees')}
              {locale === 'zh-CN' ? '：' : ': '}
              {c.periodicFees
                .map((p) =>
                  t(locale, 'contracts.periodicFee', {
                    label: p.label,
                    amount: p.amount,
                    currency: c.currency,
                    every: t(locale, `contracts.every.${p.every}`),
                  }),
                )
                .join(locale === 'zh-CN' ? '；' : '; ')}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
