// Fee contracts to start from (issue 15 item 1): the merchant picks the one closest to their
// agreement and corrects the numbers in the contract form. Rates per DOMAIN.md §2.2: China
// 标准类 credit 0.6 % uncapped, debit 0.5 % capped at 20 元, QR (WeChat/Alipay/云闪付) 0.38 %;
// 秒到 (D0) adds a per-transaction fee ("加1/加2/加3"). The card-only and US presets are the
// reconcile engine's own (lib/reconcile/fee-schedule.ts CONTRACT_PRESETS), not copies of them.
import type { CardType, Contract, ContractRule } from './model';
import type { Locale } from './i18n/messages';
import { t } from './i18n/pages';
import { CONTRACT_PRESETS } from './reconcile/fee-schedule';

export type PresetId = 'cn-standard' | 'cn-card-standard' | 'cn-standard-d0' | 'stripe-us-standard' | 'square-us-free';

export interface ContractPreset {
  id: PresetId;
  /** which merchants it suits: the welcome checklist lists those of the merchant's currency first */
  currency: string;
  contract: Contract;
}

const QR_TYPES: CardType[] = ['qr_wechat', 'qr_alipay', 'qr_unionpay'];
const QR_PERCENT = '0.38';

const cnCard = CONTRACT_PRESETS['cn-card-standard'];

/** The card rules of the China card preset with the QR rules before its catch-all. */
function withQr(rules: readonly ContractRule[]): ContractRule[] {
  const anyRule = rules.filter((r) => r.cardType === 'any');
  return [...rules.filter((r) => r.cardType !== 'any'), ...QR_TYPES.map((cardType) => ({ cardType, percent: QR_PERCENT })), ...anyRule];
}

const cnStandard: Contract = {
  ...cnCard,
  id: 'preset:cn-standard',
  label: '标准类 (贷记 0.6%, 借记 0.5% 封顶 20 元, 扫码 0.38%, T1)',
  rules: withQr(cnCard.rules),
};

export const PRESETS: readonly ContractPreset[] = [
  {
    id: 'cn-standard',
    currency: 'CNY',
    contract: cnStandard,
  },
  {
    id: 'cn-card-standard',
    currency: 'CNY',
    contract: cnCard,
  },
  {
    id: 'cn-standard-d0',
    currency: 'CNY',
    contract: {
      ...cnStandard,
      id: 'preset:cn-standard-d0',
      label: '标准类 + 秒到 (D0, 每笔 +2 元)',
      settleCycle: 'D0',
      // the 秒到 fee is charged on card payments; QR settles D0 without it at most acquirers
      rules: cnStandard.rules.map((r) => (QR_TYPES.includes(r.cardType as CardType) ? r : { ...r, instantFee: '2' })),
    },
  },
  {
    id: 'stripe-us-standard',
    currency: 'USD',
    contract: CONTRACT_PRESETS['stripe-us-standard'],
  },
  {
    id: 'square-us-free',
    currency: 'USD',
    contract: CONTRACT_PRESETS['square-us-free'],
  },
];

/** The presets for a merchant's currency first, the others after. */
export function presetsFor(currency: string): ContractPreset[] {
  return [...PRESETS.filter((p) => p.currency === currency), ...PRESETS.filter((p) => p.currency !== currency)];
}

/**
 * A new contract of the merchant's from a preset: its own id (so editing never changes the
 * preset), the label in the UI language, the merchant's 商户号 when known.
 */
export function contractFromPreset(preset: ContractPreset, locale: Locale, own: { id: string; merchantId?: string }): Contract {
  const { merchantId: _none, ...contract } = preset.contract;
  return {
    ...structuredClone(contract),
    id: own.id,
    label: presetLabel(preset, locale),
    ...(own.merchantId ? { merchantId: own.merchantId } : {}),
  };
}

/** The preset's name with a one-line summary of its rates (catalogue key preset.<id>). */
export function presetLabel(preset: ContractPreset, locale: Locale): string {
  return t(locale, `preset.${preset.id}`);
}
