// The merchant's details for letters (name, 商户号, contact, phone), asked for once, inline:
// on the welcome checklist, before a dispute letter is shown on the options page, and in the
// on-portal panel (components/panel/). Saving goes through the caller (settings.merchant).
import { useState } from 'preact/hooks';
import type { MerchantDetails } from '../../lib/db';
import { MERCHANT_FIELDS, isPhoneNumber, type MerchantField } from '../../lib/disputes/merchant';
import type { Locale } from '../../lib/i18n/messages';
import { t, type PagesMessageKey } from '../../lib/i18n/pages';

const LABEL: Record<MerchantField, PagesMessageKey> = {
  name: 'settings.merchantName',
  merchantId: 'settings.merchantId',
  contact: 'settings.contact',
  phone: 'settings.phone',
};

export interface MerchantDetailsFormProps {
  locale: Locale;
  initial: MerchantDetails;
  /** the fields to ask for (default: all four); the others keep their stored value */
  fields?: readonly MerchantField[];
  /** 'saveAndShow' when the letter is waiting for these details */
  submit?: 'save' | 'saveAndShow';
  onSave: (details: MerchantDetails) => Promise<void>;
}

/** The typed details → the details to save, or what is wrong with them (pure, for the form and its test). */
export function readMerchantDetails(
  values: Partial<Record<MerchantField, string>>,
  fields: readonly MerchantField[],
): { ok: true; details: MerchantDetails } | { ok: false; empty: MerchantField[]; badPhone?: string } {
  const details: MerchantDetails = {};
  for (const f of fields) {
    const v = values[f]?.trim();
    if (v) details[f] = v;
  }
  const empty = fields.filter((f) => !details[f]);
  if (empty.length) return { ok: false, empty };
  if (details.phone !== undefined && !isPhoneNumber(details.phone)) return { ok: false, empty: [], badPhone: details.phone };
  return { ok: true, details };
}

export function MerchantDetailsForm({ locale, initial, fields = MERCHANT_FIELDS, submit = 'save', onSave }: MerchantDetailsFormProps) {
  const [values, setValues] = useState<Partial<Record<MerchantField, string>>>(Object.fromEntries(fields.map((f) => [f, initial[f] ?? ''])));
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="form merchant-details"
      data-testid="sg-merchant-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const read = readMerchantDetails(values, fields);
        if (!read.ok) {
          setSaved(false);
          setProblem(
            read.badPhone !== undefined
              ? t(locale, 'merchantForm.badPhone', { phone: read.badPhone })
              : t(locale, 'merchantForm.required', { fields: read.empty.map((f) => t(locale, LABEL[f])).join(locale === 'zh-CN' ? '、' : ', ') }),
          );
          return;
        }
        setProblem('');
        await onSave({ ...initial, ...read.details });
        setSaved(true);
      }}
    >
      <p class="muted">{t(locale, 'merchantForm.intro')}</p>
      {fields.map((f) => (
        <label key={f}>
          {t(locale, LABEL[f])}
          <input
            name={f}
            required
            type="text"
            inputMode={f === 'phone' ? 'tel' : 'text'}
            autoComplete={f === 'name' ? 'organization' : f === 'contact' ? 'name' : f === 'phone' ? 'tel' : 'off'}
            value={values[f] ?? ''}
            aria-invalid={problem !== '' && !values[f]?.trim()}
            onInput={(e) => setValues({ ...values, [f]: e.currentTarget.value })}
          />
        </label>
      ))}
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="sg-merchant-save">
          {t(locale, submit === 'saveAndShow' ? 'merchantForm.saveAndShow' : 'merchantForm.save')}
        </button>
        <span role="status">{saved ? t(locale, 'merchantForm.saved') : ''}</span>
      </div>
    </form>
  );
}
