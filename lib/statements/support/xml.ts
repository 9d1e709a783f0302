// A small, safe XML reader for bank statement files (CAMT). No DTD support at all: a document with
// <!DOCTYPE or <!ENTITY is refused, so XML bombs ("billion laughs") and external entities can do
// nothing. Only the five predefined entities and numeric character references are decoded. The
// reader is a single loop over the text (no recursion), with limits on depth and element count.
import type { Issue } from '../../model';
import { LineCounter } from './statement-lines';
import { makeIssue, type IssueKey, type IssueParams } from '../../i18n/issues';

export interface XmlElement {
  /** local name, namespace prefix removed */
  name: string;
  /** attributes by qualified name, values decoded */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

export interface XmlReadResult {
  root: XmlElement | null;
  issues: Issue[];
}

export const XML_LIMITS = { maxDepth: 100, maxElements: 1_000_000 };

function decodeEntities(s: string, onUnknown: (e: string) => void): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{1,12});/g, (m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const num = /^#(x[0-9a-fA-F]{1,6}|\d{1,7})$/.exec(e);
    if (num) {
      const code = num[1]!.startsWith('x') ? parseInt(num[1]!.slice(1), 16) : parseInt(num[1]!, 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
    }
    onUnknown(m);
    return m;
  });
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/** Reads `text` into an element tree, or reports why it cannot. Never throws on bad input. */
export function readXml(text: string): XmlReadResult {
  const issues: Issue[] = [];
  const lines = new LineCounter(text);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    const at = text.search(/<!DOCTYPE|<!ENTITY/i);
    issues.push(makeIssue('error', 'issue.xml_dtd_refused', {}, { line: lines.at(at) }));
    return { root: null, issues };
  }
  const docRoot: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [docRoot];
  let count = 0;
  let unknownEntityReported = false;
  const onUnknown = (e: string, at: number) => {
    if (unknownEntityReported) return;
    unknownEntityReported = true;
    issues.push(makeIssue('warning', 'issue.xml_unknown_entity', { entity: e }, { line: lines.at(at) }));
  };
  const malformed = (key: IssueKey, params: IssueParams, at: number) => {
    if (issues.filter((i) => i.code === 'xml_malformed').length < 5) issues.push(makeIssue('error', key, params, { line: lines.at(at) }));
  };
  const len = text.length;
  let i = 0;
  while (i < len) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? len : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1]!;
      const raw = text.slice(i, textEnd);
      if (top !== docRoot) top.text += decodeEntities(raw, (e) => onUnknown(e, i));
      else if (raw.trim() !== '') malformed('issue.xml_malformed.textOutsideRoot', {}, i);
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end < 0 ? len : end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      const top = stack[stack.length - 1]!;
      if (top !== docRoot) top.text += text.slice(lt + 9, end < 0 ? len : end);
      i = end < 0 ? len : end + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end < 0 ? len : end + 2;
      continue;
    }
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) {
      malformed('issue.xml_malformed.tagNotClosed', {}, lt);
      break;
    }
    const inner = text.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith('/')) {
      const name = localName(inner.slice(1).trim());
      let k = stack.length - 1;
      while (k > 0 && stack[k]!.name !== name) k--;
      if (k === 0) {
        malformed('issue.xml_malformed.endTag', { name: inner.slice(1).trim() }, lt);
        continue;
      }
      if (k !== stack.length - 1) malformed('issue.xml_malformed.notClosed', { open: stack[stack.length - 1]!.name, name }, lt);
      stack.length = k;
      continue;
    }
    const m = /^([A-Za-z_][\w.:-]*)([\s\S]*?)(\/?)\s*$/.exec(inner);
    if (!m) {
      malformed('issue.xml_malformed.badTag', { value: `<${inner.slice(0, 30)}` }, lt);
      continue;
    }
    if (++count > XML_LIMITS.maxElements) {
      issues.push(makeIssue('error', 'issue.xml_too_large', { limit: XML_LIMITS.maxElements }, { line: lines.at(lt) }));
      break;
    }
    const attrs: Record<string, string> = {};
    const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
    const attrText = m[2]!;
    for (let a = attrRe.exec(attrText); a; a = attrRe.exec(attrText)) attrs[a[1]!] = decodeEntities(a[3] ?? a[4] ?? '', (e) => onUnknown(e, lt));
    const el: XmlElement = { name: localName(m[1]!), attrs, children: [], text: '', line: lines.at(lt) };
    const parent = stack[stack.length - 1]!;
    if (parent === docRoot && docRoot.children.length > 0) malformed('issue.xml_malformed.secondRoot', {}, lt);
    parent.children.push(el);
    if (m[3] === '/') continue;
    if (stack.length > XML_LIMITS.maxDepth) {
      issues.push(makeIssue('error', 'issue.xml_too_deep', { limit: XML_LIMITS.maxDepth }, { line: el.line }));
      break;
    }
    stack.push(el);
  }
  if (stack.length > 1) malformed('issue.xml_malformed.cutOff', { name: stack[stack.length - 1]!.name }, len);
  const root = docRoot.children[0] ?? null;
  if (!root) issues.push(makeIssue('error', 'issue.xml_empty'));
  return { root, issues };
}

export function childEl(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function childrenEl(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Element at a path of local names, e.g. path(ntry, 'BookgDt', 'Dt'). */
export function pathEl(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = childEl(cur, n);
  return cur;
}

export function pathText(el: XmlElement | undefined, ...names: string[]): string | undefined {
  const t = pathEl(el, ...names)?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}
