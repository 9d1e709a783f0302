// English text of every Issue (lib/model.ts): bad input in a portal table, a statement file, a
// backup, or found while reconciling. Key `issue.<code>` or `issue.<code>.<which>` when a code
// has several messages; the import limits keep their older `import.*` keys (stored issues carry
// them). No "line N:" here: issueText (lib/i18n/issue-core.ts) puts it first, once.
// catalogue-issues-zh-cn.ts has the same keys (its type says so). Placeholder grammar: messages.ts.

/** What the portal reader (content script) reports; the content script carries only this part. */
export const ISSUES_PORTAL_EN = {
  issueLine: 'Line {line}: {text}',
  'issue.date_without_year':
    'the time "{value}" has no year and no date range is shown to take it from (expected a date such as 2024-03-05 14:30:00, or a 查询日期 range).',
  'issue.date_unreadable': 'cannot read the transaction time "{value}" (expected a date such as 2024-03-05 14:30:00).',
  'issue.date_missing': 'no transaction time (expected a date such as 2024-03-05 14:30:00).',
  'issue.kind_unknown': 'transaction type "{value}" is not one we know (消费, 撤销, 退货, 冲正, 预授权…); kept as an adjustment with the sign shown.',
  'issue.direction_unknown': '"{value}" does not say which way the money went (expected 收/支, 收入/支出, in/out); the amount keeps the sign shown.',
  'issue.amount_missing': 'no transaction amount (expected an amount such as 1,234.50).',
  'issue.amount_unreadable': 'cannot read the amount "{value}" (expected an amount such as 1,234.50 or ¥-12.00).',
  'issue.fee_unreadable': 'cannot read the fee "{value}" (expected an amount such as 0.60); the fee is left out.',
  'issue.fee_unreadable.extra': 'cannot read "{column}" "{value}" (expected an amount such as 3.00); it is left out.',
  'issue.net_unreadable': 'cannot read the settled amount "{value}" (expected an amount such as 99.40); it is left out.',
  'issue.currency_unknown': 'the currency "{value}" is not one we know (expected a code such as CNY or USD, or 人民币).',
  'issue.currency_defaulted.setting': 'no currency is shown for the amount; {currency} was assumed (from the default-currency setting).',
  'issue.currency_defaulted.chineseColumns': 'no currency is shown for the amount; {currency} was assumed (from the Chinese column names).',
  'issue.currency_missing':
    'no currency is shown for the amount and no default currency is set (expected a symbol such as ¥ or $, or a default currency in the settings).',
  'issue.currency_mixed.fee': 'the fee is in {currency} while the amount is in {amountCurrency}.',
  'issue.currency_mixed.net': 'the net is in {currency} while the amount is in {amountCurrency}.',
  'issue.currency_mixed.extra': 'the {label} is in {currency} while the amount is in {amountCurrency}.',
  'issue.status_unknown': 'status "{value}" is not one we know (成功, 失败, 处理中, 已撤销, 已冲正…).',
  'issue.settle_date_unreadable': 'cannot read the settlement date "{value}" (expected a date such as 2024-03-06); it is left out.',
} as const satisfies Record<string, string>;

/** What the file readers, the backup restore and the reconciliation report (the pages and the worker). */
const ISSUES_FILES_EN = {} as const satisfies Record<string, string>;

export const ISSUES_EN = { ...ISSUES_PORTAL_EN, ...ISSUES_FILES_EN } as const;

export type PortalIssueKey = keyof typeof ISSUES_PORTAL_EN;
export type IssueKey = keyof typeof ISSUES_EN;
export type FileIssueKey = Exclude<IssueKey, PortalIssueKey>;
