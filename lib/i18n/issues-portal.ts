// Issues of the portal reader, for the content script: only its part of the catalogues.
import { ISSUES_PORTAL_EN, type PortalIssueKey } from './catalogue-issues-en';
import { ISSUES_PORTAL_ZH_CN } from './catalogue-issues-zh-cn';
import { issueMaker, issueRenderer } from './issue-core';

export type { PortalIssueKey };

/** Builds an issue of a portal table row; its English message starts "Row N: ". */
export const portalIssue = issueMaker(ISSUES_PORTAL_EN, 'Row');

/** A portal reader's issue in the overlay's language. */
export const portalIssueText = issueRenderer({ en: ISSUES_PORTAL_EN, 'zh-CN': ISSUES_PORTAL_ZH_CN });
