// 简体中文 text of every Issue: same keys and placeholders as catalogue-issues-en.ts (the types
// here and tests/unit/i18n/issues*.test.ts check). Written for the shop owner reading it: what is
// wrong on which line, what was expected, what SettleGuard did with the row. Codes (RRN, CSV…),
// file names and the values read from the file stay as they are.
import type { FileIssueKey, IssueKey, PortalIssueKey } from './catalogue-issues-en';

export const ISSUES_PORTAL_ZH_CN: Record<PortalIssueKey, string> = {
  issueLine: '第 {line} 行：{text}',
  'issue.date_without_year': '时间“{value}”没有年份，页面上也没有可以确定年份的查询日期范围（应为 2024-03-05 14:30:00 这样的日期，或页面上的查询日期范围）。',
  'issue.date_unreadable': '无法识别交易时间“{value}”（应为 2024-03-05 14:30:00 这样的日期时间）。',
  'issue.date_missing': '没有交易时间（应为 2024-03-05 14:30:00 这样的日期时间）。',
  'issue.kind_unknown': '交易类型“{value}”无法识别（可识别的有消费、撤销、退货、冲正、预授权等）；已按调整记录，金额符号照页面显示。',
  'issue.direction_unknown': '“{value}”看不出是收入还是支出（应为 收/支、收入/支出 或 in/out）；金额符号照页面显示。',
  'issue.amount_missing': '没有交易金额（应为 1,234.50 这样的金额）。',
  'issue.amount_unreadable': '无法识别金额“{value}”（应为 1,234.50 或 ¥-12.00 这样的金额）。',
  'issue.fee_unreadable': '无法识别手续费“{value}”（应为 0.60 这样的金额）；这笔手续费未计入。',
  'issue.fee_unreadable.extra': '无法识别“{column}”一栏的“{value}”（应为 3.00 这样的金额）；该项未计入。',
  'issue.net_unreadable': '无法识别结算金额“{value}”（应为 99.40 这样的金额）；该项未计入。',
  'issue.currency_unknown': '币种“{value}”无法识别（应为 CNY、USD 这样的币种代码，或“人民币”）。',
  'issue.currency_defaulted.setting': '金额没有标明币种，已按“默认币种”设置视为 {currency}。',
  'issue.currency_defaulted.chineseColumns': '金额没有标明币种，因列名是中文，已视为 {currency}。',
  'issue.currency_missing': '金额没有标明币种，也没有设置默认币种（应有 ¥ 或 $ 这样的符号，或在设置中选好默认币种）。',
  'issue.currency_mixed.fee': '手续费的币种是 {currency}，而交易金额的币种是 {amountCurrency}。',
  'issue.currency_mixed.net': '结算金额的币种是 {currency}，而交易金额的币种是 {amountCurrency}。',
  'issue.currency_mixed.extra': '“{label}”的币种是 {currency}，而交易金额的币种是 {amountCurrency}。',
  'issue.status_unknown': '交易状态“{value}”无法识别（可识别的有成功、失败、处理中、已撤销、已冲正等）。',
  'issue.settle_date_unreadable': '无法识别清算日期“{value}”（应为 2024-03-06 这样的日期）；该项未计入。',
};

const ISSUES_FILES_ZH_CN: Record<FileIssueKey, string> = {};

export const ISSUES_ZH_CN: Record<IssueKey, string> = { ...ISSUES_PORTAL_ZH_CN, ...ISSUES_FILES_ZH_CN };
