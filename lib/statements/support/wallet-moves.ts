// Neutral rows of personal wallet bills (微信支付 收/支 "/", 支付宝 不计收支 / 其他): WeChat's own
// note says "充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"; Alipay's "充值提现、账户转
// 存… 记为不计收支类". They are neither income nor spending, but money did move, and a merchant
// who is paid into a wallet needs to see it leave (a 零钱提现 to the bank account the settlement
// is then looked for in, with its 服务费).
//
// What a wallet bill's lines are (csv.ts, DOMAIN.md §1.4): the holder's money moving through the
// wallet — 收入 +, 支出 −, whichever card paid. The wallet's own funds (WeChat 零钱 and 零钱通;
// Alipay 余额 and 余额宝) are one account, so a neutral row is signed by which way it crosses that
// account's edge:
//   - out: 提现 (withdrawal to a bank card), 信用卡还款, 零钱通转出-到<bank>, fund purchases
//     (买入, 购买理财通) — money leaving the wallet;
//   - in: 充值 (top-up), 转入零钱通-来自<bank>, 余额宝 top-ups paid by card, 卖出至余额宝, 收益发放;
//   - internal (转入零钱通-来自零钱, 零钱通转出-到零钱, 余额 → 余额宝): nothing crossed the edge, so
//     nothing is imported (a warning says so; the peers post it as +x and −x on one account);
//   - anything else: its direction is not stated and is not guessed — reported, not imported.
// These agree with double-entry-generator's postings for its WeChat and Alipay examples (the
// wallet side of each neutral transaction; corpus/wechat.expected.ts, alipay.expected.ts).
//
// A withdrawal's 服务费: WeChat's amount is what left 零钱, fee included (¥100.10 with 备注
// "服务费¥0.10": the bank receives 100.00). It is imported as two lines, −100.00 (the transfer the
// bank statement will show as +100.00) and −0.10 (the fee), so that the transfer matches the
// bank's credit and the fee is a line of its own, as PayPal's fees are.
import { Dec, toPlain } from '../../money';

/** a move between the wallet's own funds; its words are `issuePart.internalMove.<this>` (lib/i18n/catalogue-issues-*.ts) */
export type InternalMove = 'changeAndChangePlus' | 'yuebaoToBalance' | 'balanceToYuebao';
export type NeutralMove = { kind: 'out' | 'in'; what: string; fee?: string } | { kind: 'internal'; what: InternalMove } | { kind: 'unknown' };

const WALLET_FUNDS = /^(零钱|零钱通|余额|账户余额|余额宝)(\(|$)/;

/**
 * How a neutral wallet row moved money, from its texts: `text` is the row's type, goods and
 * counterparty (交易类型/交易分类, 商品/商品说明, 交易对方, 备注), `method` its 支付方式 /
 * 收/付款方式 (where the money came from).
 */
export function classifyNeutralMove(text: string, method: string): NeutralMove {
  const fromFunds = WALLET_FUNDS.test(method.trim());
  // between the wallet's own funds
  if ((/转入零钱通/.test(text) && (/来自零钱(?!通)/.test(text) || /^零钱(\(|$)/.test(method.trim()))) || /零钱通.{0,2}转出.{0,2}到零钱(?!通)/.test(text)) {
    return { kind: 'internal', what: 'changeAndChangePlus' };
  }
  if (/转出到余额(?!宝)|余额宝-?转出到余额/.test(text)) return { kind: 'internal', what: 'yuebaoToBalance' };
  if (/余额宝.*(转入|攒入|自动充)|转入余额宝/.test(text) && fromFunds) return { kind: 'internal', what: 'balanceToYuebao' };
  if (/提现/.test(text)) return { kind: 'out', what: 'withdrawal', ...withdrawalFee(text) };
  if (/还款/.test(text)) return { kind: 'out', what: 'card repayment' };
  if (/充值/.test(text)) return { kind: 'in', what: 'top-up' };
  if (/转入零钱通|卖出至余额宝|转入余额宝|余额宝.*(转入|攒入|自动充)|收益发放|赎回.*(零钱|余额)/.test(text)) return { kind: 'in', what: 'into the wallet' };
  if (/零钱通转出|转出-?到|买入|申购|购买/.test(text)) return { kind: 'out', what: /转出/.test(text) ? 'out of the wallet' : 'fund purchase' };
  return { kind: 'unknown' };
}

/** 服务费¥0.10 / 手续费 0.10 in the row's texts: the fee as a plain decimal string. */
function withdrawalFee(text: string): { fee?: string } {
  const m = text.match(/(?:服务费|手续费)\s*[:：]?\s*[¥￥]?\s*(\d+(?:\.\d{1,2})?)/);
  if (!m) return {};
  const fee = new Dec(m[1]!);
  return fee.isZero() ? {} : { fee: toPlain(fee) };
}
