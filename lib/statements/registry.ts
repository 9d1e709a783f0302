// Every statement format SettleGuard reads, as a typed array (STYLE.md: registration is a typed
// array, not import side effects). lib/statements/index.ts asks each entry's detect() and parses
// with the best one. To add a format: write lib/statements/<id>.ts exporting a StatementFormat,
// import it here and add one line to the array. Order only breaks ties between equal scores.
import type { StatementFormat } from './types';
import { ofxFormat, qfxFormat } from './ofx';
import { mt940Format, mt942Format } from './mt940';
import { camt052Format, camt053Format, camt054Format } from './camt';
import { qifFormat } from './qif';
import { csvFormat } from './csv';
import { settleguardFormat } from './settleguard';
import { alipayFormat, alipayMerchantFormat } from './alipay';
import { wechatFormat, wechatMerchantFormat } from './wechat';
import { xlsxFormat } from './xlsx';
import { stripeFormat } from './stripe';
import { squareFormat } from './square';
import { adyenFormat } from './adyen';
import { paypalFormat } from './paypal';
import { cnSettlementFormat } from './cn-settlement';
import { cashierFormat } from './cashier';

export const STATEMENT_FORMATS: StatementFormat[] = [
  ofxFormat,
  qfxFormat,
  mt940Format,
  mt942Format,
  camt052Format,
  camt053Format,
  camt054Format,
  qifFormat,
  settleguardFormat,
  alipayFormat,
  alipayMerchantFormat,
  wechatFormat,
  wechatMerchantFormat,
  stripeFormat,
  squareFormat,
  adyenFormat,
  paypalFormat,
  cnSettlementFormat,
  cashierFormat,
  xlsxFormat,
  csvFormat,
];
