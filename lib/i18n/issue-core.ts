// How an `Issue` is built and shown (issue 15 item 6): its text lives once, in the issue
// catalogues (catalogue-issues-*.ts); the Issue carries the catalogue key and string params, and
// `message` is the English rendering kept for logs, tests and older readers. The builders here
// are generic over a catalogue so the content script can carry only the portal reader's part
// (issues-portal.ts) and the pages and parsers all of it (issues.ts).
import type { Issue } from '../model';
import { createTranslator, EN, type Locale, type MessageParams, ZH_CN } from './messages';

export type IssueParams = Readonly<Record<string, string | number | undefined>>;

/** Where in the input: the line/row (1-based, as the merchant sees it), the field, the raw text. */
export interface IssueWhere {
  line?: number;
  field?: string;
  raw?: string;
  /** the code, for keys not shaped `issue.<code>[.<variant>]` (the import limits) */
  code?: string;
}

/** `issue.bad_date.notInPeriod` → `bad_date`: a key names its code first, then which message of it. */
export function codeOfKey(key: string): string | undefined {
  return /^issue\.([a-z0-9_]+)(?:\.[A-Za-z0-9_]+)?$/.exec(key)?.[1];
}

/** The params as stored: strings only, absent ones left out (an Issue is structured-cloned and stored). */
export function issueParams(params: IssueParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = typeof v === 'number' ? String(v) : v;
  return out;
}

type IssueCatalogue = Readonly<Record<string, string>>;

/**
 * A param named `<name>Key` holds the key of a catalogue part (`issuePart.…`: "expected a Stripe
 * report CSV", "day first"…): it is rendered first, in the same locale and with the same params,
 * and given to the template as `<name>`. A part may use another part (a problem that names what
 * was expected): two rounds. An unknown key is left as given.
 */
function withParts(
  params: Readonly<Record<string, string>>,
  render: (key: string, params: Record<string, string>) => string | undefined,
): Record<string, string> {
  let out: Record<string, string> = { ...params };
  for (let round = 0; round < 2; round++) {
    const next: Record<string, string> = { ...out };
    for (const [name, value] of Object.entries(params)) {
      if (!name.endsWith('Key') || name.length === 3) continue;
      const text = render(value, out);
      if (text !== undefined) next[name.slice(0, -3)] = text;
    }
    out = next;
  }
  return out;
}

/** The English text of a key over one catalogue, its parts resolved (for `message`). */
export function englishRenderer(en: IssueCatalogue): (key: string, params: Readonly<Record<string, string>>) => string {
  const render = createTranslator<string>({ en: { 'common.unknown': EN['common.unknown'], ...en }, 'zh-CN': {} });
  return (key, params) =>
    render(
      'en',
      key,
      withParts(params, (k, p) => (Object.hasOwn(en, k) ? render('en', k, p) : undefined)),
    );
}

/**
 * A builder of Issues over one English catalogue. `lineWord` starts `message` when the issue has a
 * line ("line 3: …" for files, "Row 3: …" for portal tables), as the English messages always did.
 */
export function issueMaker<K extends string>(en: Readonly<Record<K, string>>, lineWord: string) {
  const render = englishRenderer(en as IssueCatalogue);
  return (level: Issue['level'], key: K, params: IssueParams = {}, where: IssueWhere = {}): Issue => {
    const code = where.code ?? codeOfKey(key);
    if (code === undefined) throw new Error(`issue key ${key} names no code`);
    const stored = issueParams(params);
    const text = render(key, stored);
    const issue: Issue = { level, code, message: where.line === undefined ? text : `${lineWord} ${where.line}: ${text}`, i18n: { key, params: stored } };
    if (where.line !== undefined) issue.line = where.line;
    if (where.field !== undefined) issue.field = where.field;
    if (where.raw !== undefined) issue.raw = where.raw;
    return issue;
  };
}

/** The same issue with `message` starting with another word for its line (a file read with the portal's row reader). */
export function withLineWord(issue: Issue, from: string, to: string): Issue {
  if (issue.line === undefined || !issue.message.startsWith(`${from} ${issue.line}: `)) return issue;
  return { ...issue, message: `${to} ${issue.message.slice(from.length)}` };
}

/**
 * The text of an issue in `locale` over a catalogue pair: "第 N 行：…" / "Line N: …" first when it
 * has a line. An issue without a key this catalogue knows (stored by an older version, or a key
 * of a newer one) shows its stored English message.
 */
export function issueRenderer(catalogues: { en: IssueCatalogue; 'zh-CN': IssueCatalogue }) {
  const common = (locale: Locale) => ({ 'common.unknown': (locale === 'en' ? EN : ZH_CN)['common.unknown'] });
  const tr = createTranslator<string>({ en: { ...common('en'), ...catalogues.en }, 'zh-CN': { ...common('zh-CN'), ...catalogues['zh-CN'] } });
  return (locale: Locale, issue: Pick<Issue, 'message' | 'line'> & { i18n?: Issue['i18n'] }): string => {
    const key = issue.i18n?.key;
    if (key === undefined || !Object.hasOwn(catalogues.en, key)) return issue.message;
    const params = issue.i18n!.params;
    const text = tr(locale, key, withParts(params, (k, p) => (Object.hasOwn(catalogues.en, k) ? tr(locale, k, p) : undefined)) as MessageParams);
    return issue.line === undefined ? text : tr(locale, 'issueLine', { line: String(issue.line), text });
  };
}
