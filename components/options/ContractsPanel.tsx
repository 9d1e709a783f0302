// The fee schedule as stored: versions by effective date, rules per card type and amount tier.
import type { Contract } from '../../lib/model';
import { t, type Locale } from '../../lib/i18n/messages';

export function ContractsPanel({ locale, contracts }: { locale: Locale; contracts: Contract[] }) {
  return (
    <section aria-labelledby="contracts-title">
      <h2 id="contracts-title">{t(locale, 'options.tab.contracts')}</h2>
      {contracts.length === 0 && <p class="muted">{t(locale, 'contracts.empty')}</p>}
      {contracts.map((c) => (
        <article key={c.id} class="contract" data-testid="sg-contract">
          <h3>{c.label}</h3>
          <p class="muted">{c.merchantId ?? ''} · {c.currency} · {c.effectiveFrom} – {c.effectiveTo ?? '…'} · {c.settleCycle} · {c.calendar}</p>
          <table>
            <thead><tr><th>{t(locale, 'contracts.cardType')}</th><th>{t(locale, 'contracts.tier')}</th><th>{t(locale, 'contracts.percent')}</th><th>{t(locale, 'contracts.fixed')}</th><th>{t(locale, 'contracts.cap')}</th><th>{t(locale, 'contracts.instantFee')}</th></tr></thead>
            <tbody>
              {c.rules.map((r, i) => (
                <tr key={i}>
                  <td>{r.cardType === 'any' ? t(locale, 'contracts.anyCard') : t(locale, `cardType.${r.cardType}`)}</td>
                  <td>{r.minAmount || r.maxAmount ? `${r.minAmount ?? '0'} – ${r.maxAmount ?? '∞'}` : '—'}</td>
                  <td>{r.percent}%</td><td>{r.fixed ?? '—'}</td><td>{r.cap ?? '—'}</td><td>{r.instantFee ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.periodicFees.length > 0 && <p>{t(locale, 'contracts.periodicFees')}: {c.periodicFees.map((p) => `${p.label} ${p.amount}/${p.every}`).join(', ')}</p>}
        </article>
      ))}
    </section>
  );
}
