// OFX 1.x (SGML), OFX 2.x (XML) and QFX (Quicken's OFX with INTU.BID): bank and credit-card
// statements. The header style says nothing reliable about the body (the corpus has XML headers
// over unclosed SGML leaves and SGML headers over closed tags), so one lenient tokenizer reads
// every mix: a tag followed by text is a leaf whether or not it is closed.
import type { IsoDate, StatementAccount, StatementParseResult } from '../model';
import { Dec, money } from '../money';
import { isoDate } from '../dates';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';
import { LineBuilder, LineCounter, fallbackCurrency, finish, guarded } from './support/statement-lines';

interface OfxNode {
  name: string;
  text: string;
  children: OfxNode[];
  line: number;
  /** closed explicitly or implicitly; only open nodes can take children */
  parent: OfxNode | null;
}

// Leaves OFX writes empty and unclosed (`<BRANCHID>` then `<ACCTID>…`): without this list an empty
// leaf would swallow its following siblings. Harmless either way for lookups, but keeps the tree true.
const KNOWN_LEAVES = new Set([
  'CODE',
  'SEVERITY',
  'MESSAGE',
  'LANGUAGE',
  'ORG',
  'FID',
  'TRNUID',
  'CURDEF',
  'BANKID',
  'BRANCHID',
  'ACCTID',
  'ACCTTYPE',
  'ACCTKEY',
  'TRNTYPE',
  'TRNAMT',
  'FITID',
  'CORRECTFITID',
  'CORRECTACTION',
  'SRVRTID',
  'CHECKNUM',
  'REFNUM',
  'SIC',
  'PAYEEID',
  'NAME',
  'MEMO',
  'BALAMT',
  'CURRATE',
  'CURSYM',
  'INTU.BID',
  'INTU.USERID',
  'USERKEY',
  'SECURITY',
  'VALUEDATE',
  'ACCTBAL',
  'CATEGORY',
  'TRANSACTIONSPLIT',
  'BROKERID',
  'SUBACCTFUND',
  'INCOME',
  'INV401KSOURCE',
]);

const AGGREGATE_STATEMENTS = new Set(['STMTRS', 'CCSTMTRS', 'INVSTMTRS']);

/** Decodes the five XML entities and numeric references, repeatedly: some banks double-escape
 * (`&amp;lt;` meant as `<`, as Actual Budget's fixture asserts). A raw `&` stays as written. */
export function decodeOfxEntities(s: string): string {
  let out = s;
  for (let pass = 0; pass < 3 && out.includes('&'); pass++) {
    const next = out.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos|nbsp);/gi, (m, e: string) => {
      const k = e.toLowerCase();
      if (k === 'lt') return '<';
      if (k === 'gt') return '>';
      if (k === 'amp') return '&';
      if (k === 'quot') return '"';
      if (k === 'apos') return "'";
      if (k === 'nbsp') return '\u00a0';
      const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Lenient, non-recursive OFX tokenizer + tree builder for SGML and XML bodies alike. */
export function parseOfxTree(body: string, bodyOffset: number, lines: LineCounter): OfxNode {
  const root: OfxNode = { name: '#root', text: '', children: [], line: 1, parent: null };
  let cur: OfxNode = root;
  // a leaf that received text and is not closed yet: closes at the next tag unless that is its end tag
  let openLeaf: OfxNode | null = null;
  const len = body.length;
  let i = 0;
  let depth = 0;

  const closeLeaf = () => {
    if (openLeaf && cur === openLeaf && cur.parent) {
      cur = cur.parent;
      depth--;
    }
    openLeaf = null;
  };
  const addText = (raw: string, decode: boolean) => {
    const t = decode ? decodeOfxEntities(raw) : raw;
    if (t.trim() === '') return;
    if (cur === root) return;
    cur.text += cur.text ? t : t.replace(/^\s+/, '');
    openLeaf = cur;
  };

  while (i < len) {
    const lt = body.indexOf('<', i);
    if (lt < 0) {
      addText(body.slice(i), true);
      break;
    }
    if (lt > i) addText(body.slice(i, lt), true);
    if (body.startsWith('<!--', lt)) {
      const end = body.indexOf('-->', lt + 4);
      i = end < 0 ? len : end + 3;
      continue;
    }
    if (body.startsWith('<![CDATA[', lt)) {
      const end = body.indexOf(']]>', lt + 9);
      addText(body.slice(lt + 9, end < 0 ? len : end), false);
      i = end < 0 ? len : end + 3;
      continue;
    }
    if (body.startsWith('<?', lt) || body.startsWith('<!', lt)) {
      const end = body.indexOf('>', lt + 2);
      i = end < 0 ? len : end + 1;
      continue;
    }
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9_.:-]*)([^<>]*?)(\/?)>/.exec(body.slice(lt, lt + 300));
    if (!m) {
      // a stray '<' in a value (unescaped) — keep it as text
      addText('<', false);
      i = lt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toUpperCase();
    const selfClosing = m[4] === '/';
    i = lt + m[0].length;
    if (closing) {
      const leaf = openLeaf as OfxNode | null; // assigned inside closures, which TS does not track
      if (leaf && leaf.name !== name) closeLeaf();
      openLeaf = null;
      // pop to the matching open element; an end tag with no open match is ignored
      let n: OfxNode | null = cur;
      while (n && n !== root && n.name !== name) n = n.parent;
      if (n && n !== root && n.parent) {
        let d = 0;
        for (let k: OfxNode | null = cur; k && k !== n; k = k.parent) d++;
        depth -= d + 1;
        cur = n.parent;
      }
      continue;
    }
    closeLeaf();
    // an empty known leaf cannot hold children: `<BRANCHID><ACCTID>1` closes BRANCHID
    if (cur !== root && cur.text === '' && cur.children.length === 0 && KNOWN_LEAVES.has(cur.name) && cur.parent) {
      cur = cur.parent;
      depth--;
    }
    const node: OfxNode = { name, text: '', children: [], line: lines.at(bodyOffset + lt), parent: cur };
    cur.children.push(node);
    if (selfClosing) continue;
    if (depth > 200) continue; // absurd nesting: keep the node, do not descend
    cur = node;
    depth++;
  }
  return root;
}

function child(n: OfxNode, name: string): OfxNode | undefined {
  return n.children.find((c) => c.name === name);
}

/** First descendant named `name` (breadth-first, iterative). */
function find(n: OfxNode, name: string): OfxNode | undefined {
  const queue: OfxNode[] = [...n.children];
  for (let q = 0; q < queue.length; q++) {
    const c = queue[q]!;
    if (c.name === name) return c;
    for (const k of c.children) queue.push(k);
  }
  return undefined;
}

function findAll(n: OfxNode, names: ReadonlySet<string>, stopAtMatch: boolean): OfxNode[] {
  const out: OfxNode[] = [];
  const stack: OfxNode[] = [...n.children].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (names.has(c.name)) {
      out.push(c);
      if (stopAtMatch) continue;
    }
    for (let k = c.children.length - 1; k >= 0; k--) stack.push(c.children[k]!);
  }
  return out;
}

function val(n: OfxNode | undefined, name: string): string | undefined {
  if (!n) return undefined;
  const c = child(n, name) ?? find(n, name);
  const t = c?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}

/**
 * OFX datetime: YYYYMMDD[HHMMSS[.XXX]][[±h[:tz]]]. The date is taken as written (the bank's local
 * date), not shifted by the offset: a statement line belongs to the day the bank booked it on.
 * Also accepts `:014` before the milliseconds (a real export).
 */
export function parseOfxDate(raw: string): IsoDate | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:[.:]\d{1,6})?)?)?\s*(?:\[[^\]]*\])?$/.exec(raw.trim());
  if (!m) return null;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 60))) return null;
  return isoDate(+m[1]!, +m[2]!, +m[3]!);
}

/** OFX amount: signed decimal, point or comma (ofxtools accepts '-200,00'); nothing else ('$20' is not an amount). */
export function parseOfxAmount(raw: string): Dec | null {
  const s = raw.trim();
  const m = /^([+-]?)(\d+(?:[.,]\d*)?|[.,]\d+)$/.exec(s);
  if (!m) return null;
  const v = new Dec(m[2]!.replace(',', '.').replace(/\.$/, '') || '0');
  return m[1] === '-' ? v.neg() : v;
}

interface OfxHeader {
  fields: Map<string, string>;
  bodyStart: number;
}

function readHeader(text: string): OfxHeader {
  const fields = new Map<string, string>();
  const bodyStart = text.search(/<OFX[\s>]/i);
  const head = bodyStart < 0 ? text : text.slice(0, bodyStart);
  const colon = /^\s*([A-Z]+)\s*:\s*(.*?)\s*$/gim;
  for (let m = colon.exec(head); m; m = colon.exec(head)) fields.set(m[1]!.toUpperCase(), m[2]!);
  const attr = /\b([A-Z]+)\s*=\s*"([^"]*)"/gi;
  for (let m = attr.exec(head); m; m = attr.exec(head)) fields.set(m[1]!.toUpperCase(), m[2]!);
  return { fields, bodyStart: bodyStart < 0 ? -1 : bodyStart };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text to parse. CHARSET is only trusted when the bytes are not valid UTF-8: the corpus has
 * `CHARSET:1252` over UTF-8 bytes (Banco do Brasil), and real cp1252 files whose 0x80 is '€'.
 */
function textOf(file: DecodedFile, header: OfxHeader): { text: string; encoding: string } {
  const charset = (header.fields.get('CHARSET') ?? '').toUpperCase();
  const encoding = (header.fields.get('ENCODING') ?? '').toUpperCase();
  const declaresLatin = /^(1252|WINDOWS-1252|CP1252|8859-1|ISO-8859-1|LATIN-?1)$/.test(charset) && encoding !== 'UTF-8';
  const decodedAs = file.encoding.toLowerCase();
  if (declaresLatin && file.bytes.length > 0 && !/1252|8859-1|latin/.test(decodedAs) && !isValidUtf8(file.bytes)) {
    // 8859-1 is read as windows-1252, its superset in practice (0x80 = '€' in the corpus)
    return { text: decodeWindows1252(file.bytes), encoding: 'windows-1252' };
  }
  return { text: file.text, encoding: file.encoding };
}

// windows-1252 0x80–0x9F; Node's TextDecoder('windows-1252') reads these as C1 controls (latin-1).
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk: string[] = [];
    const end = Math.min(bytes.length, i + 8192);
    for (let k = i; k < end; k++) {
      const c = bytes[k]!;
      chunk.push(c >= 0x80 && c <= 0x9f ? CP1252_C1.charAt(c - 0x80) : String.fromCharCode(c));
    }
    out += chunk.join('');
  }
  return out;
}

function hasOfxMarkers(text: string): boolean {
  const head = text.slice(0, 4096);
  return /OFXHEADER\s*[:=]/i.test(head) || /<OFX[\s>]/i.test(text.slice(0, 65536));
}

function isQfx(file: DecodedFile): boolean {
  return /<INTU\.BID>/i.test(file.text) || /\.qfx$/i.test(file.name);
}

function parseOfx(file: DecodedFile, format: 'ofx' | 'qfx', options: ParseOptions): StatementParseResult {
  const b = new LineBuilder(file.name);
  const header = readHeader(file.text);
  const { text, encoding } = textOf(file, header);
  const h2 = text === file.text ? header : readHeader(text);
  if (h2.bodyStart < 0) {
    b.issue('error', 'issue.ofx_no_body', { file: file.name });
    return finish(format, encoding, [], b);
  }
  const lineCounter = new LineCounter(text);
  const root = parseOfxTree(text.slice(h2.bodyStart), h2.bodyStart, lineCounter);
  const ofx = child(root, 'OFX') ?? root;

  for (const status of findAll(ofx, new Set(['STATUS']), true)) {
    const code = val(status, 'CODE');
    if (code === undefined || code === '0') continue;
    const severity = (val(status, 'SEVERITY') ?? '').toUpperCase();
    const message = val(status, 'MESSAGE') ?? '';
    b.issue(severity === 'ERROR' || severity === '' ? 'error' : 'warning', 'issue.ofx_status', { code, severity, message }, status.line);
  }

  const accounts: StatementAccount[] = [];
  const statements = findAll(ofx, AGGREGATE_STATEMENTS, true);
  for (const st of statements) readStatement(st, b, accounts, options.defaultCurrency);

  if (statements.length === 0) {
    const listing = find(ofx, 'ACCTINFORS') ?? find(ofx, 'ACCTINFO');
    b.issue('warning', listing ? 'issue.ofx_no_statements.listing' : 'issue.ofx_no_statements', { file: file.name });
  }
  return finish(format, encoding, accounts, b);
}

function readStatement(st: OfxNode, b: LineBuilder, accounts: StatementAccount[], defaultCurrency: string | undefined): void {
  const acctFrom =
    child(st, 'BANKACCTFROM') ??
    child(st, 'CCACCTFROM') ??
    child(st, 'INVACCTFROM') ??
    find(st, 'BANKACCTFROM') ??
    find(st, 'CCACCTFROM') ??
    find(st, 'INVACCTFROM');
  const accountId = acctFrom ? val(acctFrom, 'ACCTID') : undefined;
  let currency = val(st, 'CURDEF')?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    b.issue('warning', 'issue.currency_invalid', { value: currency }, st.line, { field: 'CURDEF' });
    currency = undefined;
  }
  const cur = currency ?? fallbackCurrency(b, defaultCurrency, { whatKey: 'issuePart.what.ofxStatement', account: accountId }, st.line);
  const account: StatementAccount = {};
  if (accountId !== undefined) account.accountId = accountId;
  account.currency = cur;

  const tranList = find(st, 'BANKTRANLIST') ?? find(st, 'INVTRANLIST');
  if (tranList) {
    const from = val(tranList, 'DTSTART');
    const to = val(tranList, 'DTEND');
    const f = from ? parseOfxDate(from) : null;
    const t = to ? parseOfxDate(to) : null;
    if (f && t) account.period = { from: f, to: t };
  }

  const ledger = child(st, 'LEDGERBAL') ?? find(st, 'LEDGERBAL');
  if (ledger) {
    const amt = val(ledger, 'BALAMT');
    const parsed = amt !== undefined ? parseOfxAmount(amt) : null;
    if (parsed) account.closingBalance = money(parsed, cur);
    else if (amt !== undefined) b.issue('warning', 'issue.balance_invalid.ofx', { value: amt }, ledger.line, { field: 'BALAMT', raw: amt });
  }

  const trns = findAll(st, new Set(['STMTTRN']), true);
  for (const t of trns) readTransaction(t, b, accountId, cur);

  if (st.name === 'INVSTMTRS') {
    const inv = find(st, 'INVTRANLIST');
    const trades = inv ? inv.children.filter((c) => c.name !== 'INVBANKTRAN' && c.name !== 'DTSTART' && c.name !== 'DTEND') : [];
    if (trades.length > 0) {
      b.issue(
        'warning',
        'issue.ofx_investment_skipped',
        { account: accountId, count: trades.length, names: Array.from(new Set(trades.map((c) => c.name))).join(', ') },
        st.line,
      );
    }
  }
  // LEDGERBAL is the only balance OFX gives (there is no opening one), so no balance check here.
  accounts.push(account);
}

function readTransaction(t: OfxNode, b: LineBuilder, accountId: string | undefined, curdef: string): void {
  const line = t.line;
  const rawDate = val(t, 'DTPOSTED');
  const bookedOn = rawDate !== undefined ? parseOfxDate(rawDate) : null;
  const rawAmount = val(t, 'TRNAMT');
  const amount = rawAmount !== undefined ? parseOfxAmount(rawAmount) : null;
  const fitid = val(t, 'FITID');
  const what = { fitid };
  if (!bookedOn) {
    const also = amount ? {} : { amountValue: rawAmount ?? '' };
    b.issue('warning', rawDate === undefined ? 'issue.date_invalid.ofxMissing' : 'issue.date_invalid.ofx', { ...what, value: rawDate, ...also }, line, {
      field: 'DTPOSTED',
      raw: rawDate ?? '',
    });
    return;
  }
  if (!amount) {
    b.issue('warning', rawAmount === undefined ? 'issue.amount_invalid.ofxMissing' : 'issue.amount_invalid.ofx', { ...what, value: rawAmount }, line, {
      field: 'TRNAMT',
      raw: rawAmount ?? '',
    });
    return;
  }
  // <CURRENCY> says the amounts are in CURSYM; <ORIGCURRENCY> only records the original one.
  const curAgg = child(t, 'CURRENCY');
  const cursym = curAgg ? val(curAgg, 'CURSYM')?.toUpperCase() : undefined;
  const currency = cursym && /^[A-Z]{3}$/.test(cursym) ? cursym : curdef;
  const payee = child(t, 'PAYEE');
  const name = val(t, 'NAME') ?? (payee ? val(payee, 'NAME') : undefined);
  const memo = val(t, 'MEMO');
  const parts = [name, memo].filter((p): p is string => p !== undefined && p !== '');
  const description = parts.length === 2 && parts[0] === parts[1] ? parts[0]! : parts.join(' / ');
  const avail = val(t, 'DTAVAIL');
  const valueOn = avail ? parseOfxDate(avail) : null;
  const draft: Parameters<LineBuilder['add']>[0] = {
    bookedOn,
    amount,
    currency,
    description: description || (val(t, 'TRNTYPE') ?? ''),
    line,
  };
  if (accountId !== undefined) draft.accountId = accountId;
  if (valueOn) draft.valueOn = valueOn;
  if (name !== undefined) draft.counterparty = name;
  if (fitid !== undefined) draft.reference = fitid;
  b.add(draft);
}

export const ofxFormat: StatementFormat = {
  id: 'ofx',
  detect(file) {
    if (!hasOfxMarkers(file.text)) return /\.ofx$/i.test(file.name) ? 0.2 : 0;
    return isQfx(file) ? 0.85 : 0.95;
  },
  parse(file, options) {
    return guarded('ofx', file.encoding, file.name, () => parseOfx(file, 'ofx', options ?? {}));
  },
};

/** QFX = OFX with Quicken's INTU.BID; same reader, reported as 'qfx'. */
export const qfxFormat: StatementFormat = {
  id: 'qfx',
  detect(file) {
    if (!hasOfxMarkers(file.text)) return /\.qfx$/i.test(file.name) ? 0.2 : 0;
    return isQfx(file) ? 0.96 : 0;
  },
  parse(file, options) {
    return guarded('qfx', file.encoding, file.name, () => parseOfx(file, 'qfx', options ?? {}));
  },
};
