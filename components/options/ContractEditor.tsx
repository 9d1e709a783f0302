// Editing one fee contract: start from a preset (China / Stripe / Square) or from scratch, edit
// the rules per card type and amount tier, and save only what validates (lib/statements/settleguard).
import { useState } from 'preact/hooks';
import type { CardType, Contract, ContractRule } from '../../lib/model';
import type { Locale } from '../../lib/i18n/messages';
import { t, type PagesMessageKey } from '../../lib/i18n/pages';
import { problemText, type FieldProblem } from '../../lib/i18n/issues';
import { type ContractPreset, contractFromPreset, presetLabel } from '../../lib/presets';

const CARD_TYPES: (CardType | 'any')[] = ['any', 'debit', 'credit', 'semi_credit', 'prepaid', 'foreign', 'qr_wechat', 'qr_alipay', 'qr_unionpay'];
const RULE_FIELDS = ['minAmount', 'maxAmount', 'percent', 'fixed', 'cap', 'min', 'instantFee'] as const;
/** Each rule field's column name: the header and its inputs' accessible name say the same. */
const RULE_LABELS = {
  minAmount: 'contracts.minAmount',
  maxAmount: 'contracts.maxAmount',
  percent: 'contracts.percent',
  fixed: 'contracts.fixed',
  cap: 'contracts.cap',
  min: 'contracts.minFee',
  instantFee: 'contracts.instantFee',
} as const satisfies Record<(typeof RULE_FIELDS)[number], PagesMessageKey>;
type RuleField = (typeof RULE_FIELDS)[number];

export interface ContractEditorProps {
  locale: Locale;
  initial: Contract;
  presets: readonly ContractPreset[];
  onSave: (c: Contract) => Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }>;
  onCancel: () => void;
}

function setRule(rules: ContractRule[], i: number, patch: Partial<ContractRule>): ContractRule[] {
  return rules.map((r, n) => (n === i ? { ...r, ...patch } : r));
}

export function ContractEditor({ locale, initial, presets, onSave, onCancel }: ContractEditorProps) {
  const [c, setC] = useState<Contract>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const text = (key: keyof Contract, label: string, placeholder = '') => (
    <label>
      {label}
      <input
        type="text"
        placeholder={placeholder}
        value={(c[key] as string | undefined) ?? ''}
        data-field={String(key)}
        onInput={(e) => setC({ ...c, [key]: e.currentTarget.value || undefined })}
      />
    </label>
  );
  const save = async () => {
    const res = await onSave(c);
    setProblems(res.ok ? [] : res.problems);
  };
  return (
    <section class="editor" data-testid="sg-contract-editor">
      <div class="form">
        <label>
          {t(locale, 'contracts.preset')}
          <select
            data-testid="sg-contract-preset"
            onChange={(e) => {
              const p = presets.find((x) => x.id === e.currentTarget.value);
              if (p) setC(contractFromPreset(p, locale, { id: c.id, merchantId: c.merchantId }));
            }}
          >
            <option value="">—</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {presetLabel(p, locale)}
              </option>
            ))}
          </select>
        </label>
        {text('label', t(locale, 'contracts.label'))}
        {text('merchantId', t(locale, 'settings.merchantId'))}
        {text('currency', t(locale, 'contracts.currency'))}
        {text('effectiveFrom', t(locale, 'contracts.effectiveFrom'), 'YYYY-MM-DD')}
        {text('effectiveTo', t(locale, 'contracts.effectiveTo'), 'YYYY-MM-DD')}
        <label>
          {t(locale, 'contracts.settleCycle')}
          <select value={c.settleCycle} onChange={(e) => setC({ ...c, settleCycle: e.currentTarget.value as Contract['settleCycle'] })}>
            {(['T1', 'D1', 'D0', 'T0'] as const).map((s) => (
              <option key={s} value={s}>
                {t(locale, `contracts.settleCycle.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(locale, 'contracts.calendar')}
          <select value={c.calendar} onChange={(e) => setC({ ...c, calendar: e.currentTarget.value as Contract['calendar'] })}>
            <option value="CN">{t(locale, 'contracts.calendar.CN')}</option>
            <option value="weekdays">{t(locale, 'contracts.calendar.weekdays')}</option>
          </select>
        </label>
        {text('chargebackFee', t(locale, 'contracts.chargebackFee'))}
        <label>
          {t(locale, 'contracts.feeOnRefund')}
          <select
            value={c.feeReturnedOnRefund === undefined ? '' : String(c.feeReturnedOnRefund)}
            data-field="feeReturnedOnRefund"
            onChange={(e) => {
              const v = e.currentTarget.value;
              const { feeReturnedOnRefund: _drop, ...rest } = c;
              setC(v === '' ? rest : { ...rest, feeReturnedOnRefund: v === 'true' });
            }}
          >
            <option value="">{t(locale, 'contracts.feeOnRefund.unknown')}</option>
            <option value="true">{t(locale, 'contracts.feeOnRefund.returned')}</option>
            <option value="false">{t(locale, 'contracts.feeOnRefund.kept')}</option>
          </select>
        </label>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t(locale, 'contracts.cardType')}</th>
            {RULE_FIELDS.map((f) => (
              <th key={f}>
                {t(locale, RULE_LABELS[f])}
                {f === 'percent' ? ' %' : ''}
              </th>
            ))}
            <th>
              <span class="sr-only">{t(locale, 'findings.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {c.rules.map((r, i) => (
            <tr key={i}>
              <td>
                <select
                  value={r.cardType}
                  aria-label={t(locale, 'contracts.cardType')}
                  onChange={(e) => setC({ ...c, rules: setRule(c.rules, i, { cardType: e.currentTarget.value as ContractRule['cardType'] }) })}
                >
                  {CARD_TYPES.map((ct) => (
                    <option key={ct} value={ct}>
                      {ct === 'any' ? t(locale, 'contracts.anyCard') : t(locale, `cardType.${ct}`)}
                    </option>
                  ))}
                </select>
              </td>
              {RULE_FIELDS.map((f: RuleField) => (
                <td key={f}>
                  <input
                    size={6}
                    inputMode="decimal"
                    value={r[f] ?? ''}
                    aria-label={t(locale, RULE_LABELS[f])}
                    data-field={f}
                    onInput={(e) => setC({ ...c, rules: setRule(c.rules, i, { [f]: e.currentTarget.value.trim() || undefined }) })}
                  />
                </td>
              ))}
              <td>
                <button type="button" onClick={() => setC({ ...c, rules: c.rules.filter((_, n) => n !== i) })}>
                  {t(locale, 'action.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setC({ ...c, rules: [...c.rules, { cardType: 'any', percent: '' }] })}>
        {t(locale, 'contracts.addRule')}
      </button>
      <h3>{t(locale, 'contracts.periodicFees')}</h3>
      {c.periodicFees.map((p, i) => (
        <div key={i} class="inline">
          <input
            value={p.label}
            aria-label={t(locale, 'contracts.label')}
            onInput={(e) => setC({ ...c, periodicFees: c.periodicFees.map((x, n) => (n === i ? { ...x, label: e.currentTarget.value } : x)) })}
          />
          <input
            size={8}
            value={p.amount}
            inputMode="decimal"
            aria-label={t(locale, 'contracts.fixed')}
            onInput={(e) => setC({ ...c, periodicFees: c.periodicFees.map((x, n) => (n === i ? { ...x, amount: e.currentTarget.value.trim() } : x)) })}
          />
          <select
            value={p.every}
            aria-label={t(locale, 'contracts.periodicFees')}
            onChange={(e) =>
              setC({ ...c, periodicFees: c.periodicFees.map((x, n) => (n === i ? { ...x, every: e.currentTarget.value as 'month' | 'quarter' | 'year' } : x)) })
            }
          >
            {(['month', 'quarter', 'year'] as const).map((ev) => (
              <option key={ev} value={ev}>
                {t(locale, `contracts.every.${ev}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setC({ ...c, periodicFees: c.periodicFees.filter((_, n) => n !== i) })}>
            {t(locale, 'action.delete')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setC({ ...c, periodicFees: [...c.periodicFees, { label: '', amount: '', every: 'year' }] })}>
        {t(locale, 'contracts.addPeriodicFee')}
      </button>
      {problems.length > 0 && (
        <ul class="issues" role="alert" data-testid="sg-contract-problems">
          {problems.map((p, i) => (
            <li key={i} class="error">
              {problemText(locale, p)}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={() => void save()} data-testid="sg-contract-save">
          {t(locale, 'action.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t(locale, 'action.cancel')}
        </button>
      </div>
    </section>
  );
}
