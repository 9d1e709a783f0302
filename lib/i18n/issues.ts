// Every Issue's text (issue 15 item 6), for the pages and for lib: the parsers, the backup
// restore and the reconciliation build their issues with `makeIssue`; the options page shows
// them with `issueText`. The content script uses issues-portal.ts (its part only).
import { ISSUES_EN, type IssueKey } from './catalogue-issues-en';
import { ISSUES_ZH_CN } from './catalogue-issues-zh-cn';
import type { Locale } from './messages';
import { englishRenderer, issueMaker, issueParams, issueRenderer, type IssueParams } from './issue-core';

export type { IssueKey };
export { codeOfKey, withLineWord, type IssueParams } from './issue-core';

/** Builds an issue of a file (its English message starts "line N: ") or of the reconciliation. */
export const makeIssue = issueMaker(ISSUES_EN, 'line');

/** An issue in `locale`, "第 N 行：" / "Line N: " first when it has a line; a stored issue without a key shows its message. */
export const issueText = issueRenderer({ en: ISSUES_EN, 'zh-CN': ISSUES_ZH_CN });

/** One part of the issue catalogues in `locale` (a reason the pages also show, such as why a date order was chosen). */
export function partText(locale: Locale, key: IssueKey, params: IssueParams = {}): string {
  return issueText(locale, { message: key, i18n: { key, params: issueParams(params) } });
}

/** What is wrong with one field of a contract or a backup record: its English words and its catalogue part. */
export interface FieldProblem {
  field: string;
  /** English, for logs and the older readers */
  message: string;
  /** `problemKey` and its params: rendered in the merchant's language by `issueText` via a `problem` param */
  part: Record<string, string>;
}

const english = englishRenderer(ISSUES_EN);

/** A problem part (`issuePart.problem.*`) with its English text. */
export function problemPart(key: IssueKey, params: IssueParams = {}): Pick<FieldProblem, 'message' | 'part'> {
  const part = { problemKey: key, ...issueParams(params) };
  return { message: english(key, part), part };
}

/** "field problem" in `locale` (the contract editor's list); a problem without a part shows its English words. */
export function problemText(locale: Locale, p: Pick<FieldProblem, 'field' | 'message'> & { part?: FieldProblem['part'] }): string {
  const message = `${p.field} ${p.message}`;
  if (!p.part?.['problemKey']) return message;
  return issueText(locale, { message, i18n: { key: 'issuePart.problem.field', params: { ...p.part, field: p.field, fieldProblemKey: p.part['problemKey'] } } });
}
