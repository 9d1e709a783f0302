// The merchant's own details a letter is signed with. A letter never goes out with a
// placeholder where they belong ("联系人：未知"): rendering reports which are missing and the
// page asks the merchant for them once (components/options/MerchantDetailsForm.tsx).
import { toPlainLine } from '../i18n/plain-text';
import type { DisputeMerchant } from './input';

export type MerchantField = keyof DisputeMerchant & ('name' | 'merchantId' | 'contact' | 'phone');

/** Every detail a letter carries, in the order the merchant block lists them. */
export const MERCHANT_FIELDS: readonly MerchantField[] = ['name', 'merchantId', 'contact', 'phone'];

/**
 * The details a letter still needs. `merchantIds` are the merchant numbers the disputed rows
 * carry: a 商户号 read from the portal is as good as one typed in settings.
 */
export function missingMerchantDetails(merchant: DisputeMerchant, merchantIds: readonly string[] = []): MerchantField[] {
  const present = (v: string | undefined) => v !== undefined && toPlainLine(v, 120) !== '';
  return MERCHANT_FIELDS.filter((field) => {
    if (field === 'merchantId' && merchantIds.some((id) => present(id))) return false;
    return !present(merchant[field]);
  });
}

/**
 * A phone number as a merchant types it: digits with +, spaces, dashes, dots, parentheses or
 * an extension mark; at least 5 digits (a short 客服 number such as 95516 counts).
 */
export function isPhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  return /^[+(\d][\d\s\-().]*(?:(?:ext\.?|x|转|分机)\s*\d+)?$/i.test(trimmed) && (trimmed.match(/\d/g)?.length ?? 0) >= 5;
}
