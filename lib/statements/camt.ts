// ISO 20022 CAMT bank-to-customer messages: camt.052 (account report, Rpt), camt.053 (statement,
// Stmt) and camt.054 (debit/credit notification, Ntfctn), every version the corpus has
// (052.001.01–08, 053.001.02–08, 054.001.02–08). Element names are stable across versions; only
// the namespace and a few paths (Sts/Cd in v8, Dbtr/Pty/Nm in v8) differ, so one reader serves all.
import type { IsoDate, MoneyJson, StatementAccount, StatementLine, StatementParseResult } from '../model';
import { Dec, money } from '../money';
import { isoDate } from '../dates';
import type { DecodedFile, ParseOptions, StatementFormat } from './types';
import { LineBuilder, checkBalances, fallbackCurrency, finish, guarded } from './support/statement-lines';
import { type XmlElement, childEl, childrenEl, pathEl, pathText, readXml } from './support/xml';

type CamtKind = 'camt052' | 'camt053' | 'camt054';

const CONTAINERS: Record<CamtKind, { message: string; record: string; label: string }> = {
  camt052: { message: 'BkToCstmrAcctRpt', record: 'Rpt', label: 'report' },
  camt053: { message: 'BkToCstmrStmt', record: 'Stmt', label: 'statement' },
  camt054: { message: 'BkToCstmrDbtCdtNtfctn', record: 'Ntfctn', label: 'notification' },
};

/** Which CAMT message the text is, from the namespace (camt.053.001.02…) or the message element. */
export function sniffCamt(text: string): CamtKind | null {
  const head = text.slice(0, 4096);
  const ns = /urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\.\d{3}\.\d{2}/.exec(head);
  if (ns) return `camt${ns[1]!}` as CamtKind;
  if (/<(\w+:)?BkToCstmrStmt(V\d{2})?[\s>]/.test(head)) return 'camt053';
  if (/<(\w+:)?BkToCstmrAcctRpt(V\d{2})?[\s>]/.test(head)) return 'camt052';
  if (/<(\w+:)?BkToCstmrDbtCdtNtfctn(V\d{2})?[\s>]/.test(head)) return 'camt054';
  return null;
}

/** ISODate or ISODateTime (with offset, fractions, microseconds) → its calendar date as written. */
function camtDate(el: XmlElement | undefined): IsoDate | null {
  const raw = pathText(el, 'Dt') ?? pathText(el, 'DtTm');
  if (!raw) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

function camtAmount(el: XmlElement | undefined): { value: Dec; currency: string | undefined } | null {
  if (!el) return null;
  const t = el.text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const ccy = el.attrs.Ccy?.trim().toUpperCase();
  return { value: new Dec(t), currency: ccy && /^[A-Z]{3}$/.test(ccy) ? ccy : undefined };
}

/** CdtDbtInd is the only source of sign, for entries and balances alike (amounts are unsigned). */
function signed(v: Dec, ind: string | undefined): Dec | null {
  if (ind === 'CRDT') return v;
  if (ind === 'DBIT') return v.neg();
  return null;
}

function partyName(p: XmlElement | undefined): string | undefined {
  return pathText(p, 'Nm') ?? pathText(p, 'Pty', 'Nm');
}

function remittance(tx: XmlElement): string {
  const rmt = childEl(tx, 'RmtInf');
  const ustrd = childrenEl(rmt, 'Ustrd')
    .map((u) => u.text.replace(/\s+/g, ' ').trim())
    .filter((u) => u !== '');
  if (ustrd.length > 0) return ustrd.join(' ');
  const refs = childrenEl(rmt, 'Strd')
    .map((s) => pathText(s, 'CdtrRefInf', 'Ref'))
    .filter((r): r is string => r !== undefined);
  return refs.join(' ');
}

function joinUnique(parts: (string | undefined)[]): string {
  const out: string[] = [];
  for (const p of parts) {
    const t = p?.replace(/\s+/g, ' ').trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out.join(' / ');
}

interface TxAmount {
  value: Dec;
  currency: string | undefined;
}

/** The transaction's amount in the entry's terms: TxDtls/Amt (v3+) or AmtDtls/TxAmt/Amt — never
 * InstdAmt, which is what the payer instructed, possibly in another currency. */
function txAmount(tx: XmlElement): TxAmount | null {
  return camtAmount(childEl(tx, 'Amt')) ?? camtAmount(pathEl(tx, 'AmtDtls', 'TxAmt', 'Amt'));
}

function parseCamt(file: DecodedFile, fallbackKind: CamtKind, options: ParseOptions): StatementParseResult {
  const kind = sniffCamt(file.text) ?? fallbackKind;
  const b = new LineBuilder(file.name);
  const xml = readXml(file.text);
  for (const i of xml.issues) b.issues.push(i);
  const accounts: StatementAccount[] = [];
  if (!xml.root) return finish(kind, file.encoding, accounts, b);
  const spec = CONTAINERS[kind];
  const doc = xml.root.name === 'Document' ? xml.root : null;
  // version 01 named the message element with its version (BkToCstmrAcctRptV01)
  const isMessage = (el: XmlElement) => el.name === spec.message || new RegExp(`^${spec.message}V\\d{2}$`).test(el.name);
  const message = doc ? doc.children.find(isMessage) : isMessage(xml.root) ? xml.root : undefined;
  const records = childrenEl(message, spec.record);
  if (!message || records.length === 0) {
    b.issue(
      'error',
      'issue.camt_no_statement',
      { file: file.name, element: `<${spec.message}>/<${spec.record}>`, kind: kind.replace('camt', 'camt.') },
      (message ?? xml.root).line,
    );
    return finish(kind, file.encoding, accounts, b);
  }
  for (const rec of records) readRecord(rec, kind, b, accounts, options);
  return finish(kind, file.encoding, accounts, b);
}

function readRecord(rec: XmlElement, kind: CamtKind, b: LineBuilder, accounts: StatementAccount[], options: ParseOptions): void {
  const acct = childEl(rec, 'Acct');
  // v1 wrote a non-IBAN account as Id/PrtryAcct/Id, later versions as Id/Othr/Id
  const accountId =
    pathText(acct, 'Id', 'IBAN') ?? pathText(acct, 'Id', 'Othr', 'Id') ?? pathText(acct, 'Id', 'PrtryAcct', 'Id') ?? pathText(acct, 'Id', 'BBAN');
  const where = { whereKey: `issuePart.where.camt.${CONTAINERS[kind].label}`, id: pathText(rec, 'Id') };
  const account: StatementAccount = {};
  if (accountId) account.accountId = accountId;

  let opening: MoneyJson | undefined;
  let openingIsOpbd = false;
  let closing: MoneyJson | undefined;
  for (const bal of childrenEl(rec, 'Bal')) {
    const code = pathText(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? pathText(bal, 'Tp', 'CdOrPrtry', 'Prtry');
    if (code !== 'OPBD' && code !== 'PRCD' && code !== 'CLBD') continue;
    const amt = camtAmount(childEl(bal, 'Amt'));
    const v = amt ? signed(amt.value, pathText(bal, 'CdtDbtInd')) : null;
    if (!amt || !v || !amt.currency) {
      b.issue('warning', 'issue.balance_invalid.camt', { ...where, code }, bal.line);
      continue;
    }
    const m = money(v, amt.currency);
    if (code === 'CLBD') closing = m;
    else if (code === 'OPBD' && !openingIsOpbd) {
      opening = m;
      openingIsOpbd = true;
    } else if (!opening) opening = m;
  }
  let currency = pathText(acct, 'Ccy')?.toUpperCase();
  const entries = childrenEl(rec, 'Ntry');
  if (!currency) currency = opening?.currency ?? closing?.currency ?? camtAmount(childEl(entries[0], 'Amt'))?.currency;
  if (!currency && entries.length > 0) currency = fallbackCurrency(b, options.defaultCurrency, where, rec.line);
  if (currency) account.currency = currency;
  if (opening) account.openingBalance = opening;
  if (closing) account.closingBalance = closing;
  const frTo = childEl(rec, 'FrToDt');
  if (frTo) {
    const from = /^(\d{4})-(\d{2})-(\d{2})/.exec(pathText(frTo, 'FrDtTm') ?? '');
    const to = /^(\d{4})-(\d{2})-(\d{2})/.exec(pathText(frTo, 'ToDtTm') ?? '');
    const f = from ? isoDate(+from[1]!, +from[2]!, +from[3]!) : null;
    const t = to ? isoDate(+to[1]!, +to[2]!, +to[3]!) : null;
    if (f && t) account.period = { from: f, to: t };
  }

  const recLines: StatementLine[] = [];
  for (const ntry of entries) readEntry(ntry, b, accountId, currency, recLines);
  checkBalances(b, where, opening, closing, recLines, rec.line);
  accounts.push(account);
}

/**
 * DECISION — what one StatementLine is: an <Ntry> is what the bank booked and what the balances
 * add up from, so it is the default line. An <Ntry> carrying ≥ 2 <TxDtls> whose own amounts (in
 * the entry's currency, signed by their own or the entry's CdtDbtInd) sum exactly to the entry
 * becomes one line per TxDtls: a batch credit (Swiss BVR, an acquirer paying several settlements
 * in one booking) is then matchable transaction by transaction, and the lines still add up to the
 * entry, so opening + Σ lines = closing keeps holding. When the details lack amounts, are in
 * another currency (InstdAmt), or do not add up, the entry stays one line (with the details'
 * texts in its description) rather than inventing a split. (OCA splits per TxDtls; genkgo and
 * viafintech keep entries — this rule gives OCA's lines where the split is provably exact.)
 */
function readEntry(ntry: XmlElement, b: LineBuilder, accountId: string | undefined, stmtCurrency: string | undefined, recLines: StatementLine[]): void {
  const status = pathText(ntry, 'Sts', 'Cd') ?? pathText(ntry, 'Sts');
  const ref = pathText(ntry, 'AcctSvcrRef') ?? pathText(ntry, 'NtryRef');
  const what = { ref };
  if (status && status.toUpperCase() !== 'BOOK') {
    b.issue('warning', 'issue.camt_entry_not_booked', { ...what, status }, ntry.line);
    return;
  }
  const amt = camtAmount(childEl(ntry, 'Amt'));
  const ind = pathText(ntry, 'CdtDbtInd');
  const value = amt ? signed(amt.value, ind) : null;
  if (!amt || !value) {
    b.issue(
      'warning',
      amt ? 'issue.sign_missing' : 'issue.amount_invalid.camt',
      { ...what, value: amt ? (ind ?? '') : (childEl(ntry, 'Amt')?.text.trim() ?? '') },
      ntry.line,
      { field: amt ? 'CdtDbtInd' : 'Amt' },
    );
    return;
  }
  const currency = amt.currency ?? stmtCurrency;
  if (!currency) {
    b.issue('warning', 'issue.currency_missing.camtEntry', what, ntry.line);
    return;
  }
  let bookedOn = camtDate(childEl(ntry, 'BookgDt'));
  const valueOn = camtDate(childEl(ntry, 'ValDt'));
  if (!bookedOn) {
    if (!valueOn) {
      b.issue('warning', 'issue.date_invalid.camt', what, ntry.line, {
        field: 'BookgDt',
      });
      return;
    }
    b.issue('warning', 'issue.booking_date_missing', { ...what, valueOn }, ntry.line, { field: 'BookgDt' });
    bookedOn = valueOn;
  }
  const txs = childrenEl(ntry, 'NtryDtls').flatMap((d) => childrenEl(d, 'TxDtls'));
  const addtl = pathText(ntry, 'AddtlNtryInf');
  const credit = ind === 'CRDT';

  const split = txs.length >= 2 ? splitAmounts(txs, ind, currency, value) : null;
  if (split) {
    txs.forEach((tx, k) => {
      const party = partyName(pathEl(tx, 'RltdPties', credit ? 'Dbtr' : 'Cdtr'));
      const draft: Parameters<LineBuilder['add']>[0] = {
        bookedOn: bookedOn!,
        amount: split[k]!,
        currency,
        description: joinUnique([remittance(tx), pathText(tx, 'AddtlTxInf'), addtl]),
        line: tx.line,
      };
      if (valueOn) draft.valueOn = valueOn;
      if (accountId) draft.accountId = accountId;
      if (party) draft.counterparty = party;
      const r = pathText(tx, 'Refs', 'AcctSvcrRef') ?? ref;
      if (r) draft.reference = r;
      recLines.push(b.add(draft));
    });
    return;
  }
  const single = txs.length === 1 ? txs[0] : undefined;
  const party = single ? partyName(pathEl(single, 'RltdPties', credit ? 'Dbtr' : 'Cdtr')) : undefined;
  const draft: Parameters<LineBuilder['add']>[0] = {
    bookedOn,
    amount: value,
    currency,
    description: joinUnique([...txs.map(remittance), ...txs.map((t) => pathText(t, 'AddtlTxInf')), addtl]),
    line: ntry.line,
  };
  if (valueOn) draft.valueOn = valueOn;
  if (accountId) draft.accountId = accountId;
  if (party) draft.counterparty = party;
  const r = ref ?? (single ? pathText(single, 'Refs', 'AcctSvcrRef') : undefined);
  if (r) draft.reference = r;
  recLines.push(b.add(draft));
}

function splitAmounts(txs: XmlElement[], entryInd: string | undefined, currency: string, entryValue: Dec): Dec[] | null {
  const out: Dec[] = [];
  let total = new Dec(0);
  for (const tx of txs) {
    const a = txAmount(tx);
    if (!a || (a.currency !== undefined && a.currency !== currency)) return null;
    const v = signed(a.value, pathText(tx, 'CdtDbtInd') ?? entryInd);
    if (!v) return null;
    out.push(v);
    total = total.plus(v);
  }
  return total.equals(entryValue) ? out : null;
}

function camtFormat(kind: CamtKind): StatementFormat {
  return {
    id: kind,
    detect(file) {
      const k = sniffCamt(file.text);
      if (k === kind) return 0.97;
      if (k === null && kind === 'camt053' && /\.xml$/i.test(file.name) && /<Document[\s>]/.test(file.text.slice(0, 4096))) return 0.05;
      return 0;
    },
    parse(file, options) {
      return guarded(kind, file.encoding, file.name, () => parseCamt(file, kind, options ?? {}));
    },
  };
}

export const camt052Format = camtFormat('camt052');
export const camt053Format = camtFormat('camt053');
export const camt054Format = camtFormat('camt054');
