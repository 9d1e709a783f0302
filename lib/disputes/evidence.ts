// The evidence pack (DOMAIN.md §5: "an exportable evidence pack"): the files a merchant hands
// to the acquirer, a regulator or a lawyer. Pure: files come back as text; the UI zips them.
//
//   README.txt       what this is, the summary, and how to check the files
//   letter.txt       the dispute draft (same text as the panel shows)
//   items.csv        one row per disputed item (the letter's table, amounts as plain decimals),
//                    plus every transaction of a settlement group
//   bank-lines.csv   the bank statement lines the findings rely on
//   evidence.json    each captured portal row: URL, capture time, cells as captured, SHA-256
//   contract.json    the fee agreement(s), as SettleGuard JSON (re-importable)
//   report.html      a printable report; every page-derived string is HTML-escaped
//   SHA256SUMS.txt   SHA-256 of each file above (of its UTF-8 text), `sha256sum -c` format
import type { Contract, Finding, PortalTransaction } from '../model';
import { kindName, severityName, type Locale } from '../i18n/messages';
import { toPlainLine } from '../i18n/plain-text';
import type { DisputeInput } from './input';
import { buildDisputeModel, SETTLEMENT_KINDS, type DisputeModel, type DisputeRow } from './model';
import { disputeValues, plain, tableCells, type DisputeValues } from './sections';
import { renderDispute } from './render';
import type { DisputeTemplate } from './templates';
import { LETTER_STRINGS } from './strings';
import { escapeHtml, toCsv } from './csv';
import { sha256Hex } from './sha256';

export interface EvidenceFile {
  path: string;
  text: string;
}

export interface EvidenceInput extends DisputeInput {
  /** the fee agreements to include in contract.json */
  contracts?: Contract[];
  /** ISO instant the pack is made (passed in: lib/ never reads the clock) */
  generatedAt: string;
  /** the merchant's own letter template for this locale, so letter.txt is the text the panel showed */
  template?: DisputeTemplate;
}

interface PackStrings {
  title: string;
  generatedAt: string;
  files: Record<'letter' | 'items' | 'bank' | 'evidence' | 'contract' | 'report' | 'sums', string>;
  verify: string;
  itemsHeader: readonly string[];
  bankHeader: readonly string[];
  groupMember: string;
  sections: Record<'merchant' | 'summary' | 'items' | 'basis' | 'requests' | 'bank' | 'evidence' | 'attachments', string>;
  evidenceHeader: readonly string[];
  noRows: string;
  hashMismatch: string;
}

const PACK_STRINGS: Record<Locale, PackStrings> = {
  'zh-CN': {
    title: '结算卫士 证据包',
    generatedAt: '生成时间',
    files: {
      letter: '申诉函全文',
      items: '逐笔明细（金额为纯数字，可直接求和）',
      bank: '相关银行流水',
      evidence: '收单平台页面采集记录：网址、采集时间、原始单元格与 SHA-256',
      contract: '合同/费率约定（结算卫士 JSON，可重新导入）',
      report: '可打印的报告',
      sums: '以上各文件的 SHA-256 校验值',
    },
    verify:
      '校验方法：在本目录执行 sha256sum -c SHA256SUMS.txt；evidence.json 中每条记录的 sha256 为采集时对单元格 JSON 计算的值，computedSha256 为本次重新计算的值，二者应一致。',
    itemsHeader: [
      '序号',
      '异常编号',
      '异常类型代码',
      '异常类型',
      '级别',
      '交易编号',
      '交易时间',
      '清算日期',
      '金额',
      '币种',
      '实收手续费',
      '按约定应收',
      '差额',
      '参考号',
      '凭证号',
      '批次号',
      '终端号',
      '商户号',
      '卡号后四位',
      '卡类型',
      '订单号',
      '采集网址',
      '采集时间',
    ],
    bankHeader: ['流水编号', '记账日期', '起息日期', '金额', '币种', '摘要', '对方户名', '银行流水号', '账号', '来源文件', '来源行号', '相关异常序号'],
    groupMember: '结算批次内交易',
    sections: {
      merchant: '商户信息',
      summary: '事实摘要',
      items: '逐笔明细',
      basis: '依据',
      requests: '诉求',
      bank: '银行流水',
      evidence: '页面采集记录',
      attachments: '附件清单',
    },
    evidenceHeader: ['交易编号', '采集网址', '采集时间', '单元格', 'SHA-256'],
    noRows: '无',
    hashMismatch: '（与重新计算的值不一致）',
  },
  en: {
    title: 'SettleGuard evidence pack',
    generatedAt: 'Generated at',
    files: {
      letter: 'the dispute letter',
      items: 'the disputed items (amounts as plain numbers, ready to sum)',
      bank: 'the bank statement lines relied on',
      evidence: 'the captured portal rows: URL, capture time, cells as captured, SHA-256',
      contract: 'the fee agreement(s), as SettleGuard JSON (re-importable)',
      report: 'a printable report',
      sums: 'SHA-256 of each file above',
    },
    verify:
      'To check: run `sha256sum -c SHA256SUMS.txt` in this folder. In evidence.json, `sha256` is the hash taken at capture time over the JSON of the cells and `computedSha256` is the same hash computed now; they should match.',
    itemsHeader: [
      'No.',
      'Finding id',
      'Issue code',
      'Issue type',
      'Severity',
      'Transaction id',
      'Date/time',
      'Settle date',
      'Amount',
      'Currency',
      'Fee charged',
      'Fee per contract',
      'Difference',
      'RRN',
      'Voucher no.',
      'Batch no.',
      'Terminal id',
      'Merchant id',
      'Card last 4',
      'Card type',
      'Order no.',
      'Captured from',
      'Captured at',
    ],
    bankHeader: [
      'Line id',
      'Booked on',
      'Value date',
      'Amount',
      'Currency',
      'Description',
      'Counterparty',
      'Bank reference',
      'Account',
      'Source file',
      'Source line',
      'Items',
    ],
    groupMember: 'in settlement group',
    sections: {
      merchant: 'Account',
      summary: 'Summary',
      items: 'Itemized list',
      basis: 'Basis',
      requests: 'Request',
      bank: 'Bank statement lines',
      evidence: 'Captured portal rows',
      attachments: 'Attachments',
    },
    evidenceHeader: ['Transaction id', 'Captured from', 'Captured at', 'Cells', 'SHA-256'],
    noRows: 'none',
    hashMismatch: ' (differs from the hash computed now)',
  },
};

/** A folder/file name for the pack: settleguard-evidence-<merchant id>-<date>. */
export function evidencePackName(input: DisputeInput): string {
  const model = buildDisputeModel(input);
  const id = (model.merchantIds[0] ?? '').replace(/[^0-9A-Za-z_-]/g, '');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(input.asOf) ? input.asOf : '';
  return ['settleguard-evidence', id, date].filter(Boolean).join('-');
}

export function buildEvidencePack(input: EvidenceInput, locale: Locale): EvidenceFile[] {
  const model = buildDisputeModel(input);
  const values = disputeValues(input, locale, model);
  const letter = input.template ? renderDispute(input, locale, input.template) : renderDispute(input, locale);
  const s = PACK_STRINGS[locale];

  const files: EvidenceFile[] = [
    { path: 'letter.txt', text: `${letter.text}\n` },
    { path: 'items.csv', text: itemsCsv(model, locale) },
    { path: 'bank-lines.csv', text: bankCsv(model, locale) },
    { path: 'evidence.json', text: evidenceJson(model) },
    { path: 'contract.json', text: contractJson(input) },
    { path: 'report.html', text: reportHtml(model, values, input, locale) },
  ];
  const readme: EvidenceFile = { path: 'README.txt', text: readmeText(values, input, s) };
  const all = [readme, ...files];
  const sums = all.map((f) => `${sha256Hex(f.text)}  ${f.path}`).join('\n');
  return [...all, { path: 'SHA256SUMS.txt', text: `${sums}\n` }];
}

// ── README ───────────────────────────────────────────────────────────────────────────────

function readmeText(values: DisputeValues, input: EvidenceInput, s: PackStrings): string {
  const lines = [
    s.title,
    '='.repeat(24),
    `${s.generatedAt}: ${toPlainLine(input.generatedAt, 40)}`,
    '',
    values.subject,
    '',
    values.merchantBlock,
    '',
    values.summary,
    '',
    'letter.txt       — ' + s.files.letter,
    'items.csv        — ' + s.files.items,
    'bank-lines.csv   — ' + s.files.bank,
    'evidence.json    — ' + s.files.evidence,
    'contract.json    — ' + s.files.contract,
    'report.html      — ' + s.files.report,
    'SHA256SUMS.txt   — ' + s.files.sums,
    '',
    s.verify,
  ];
  return `${lines.join('\n')}\n`;
}

// ── items.csv ────────────────────────────────────────────────────────────────────────────

type Cell = string | undefined;

function itemsCsv(model: DisputeModel, locale: Locale): string {
  const s = PACK_STRINGS[locale];
  const rows: Cell[][] = [[...s.itemsHeader]];
  for (const f of model.findings) {
    for (const row of f.rows) rows.push(itemRow(row, row.transaction, locale));
    if (SETTLEMENT_KINDS.has(f.finding.kind)) {
      f.transactions.forEach((tx, i) =>
        rows.push(
          itemRow(
            { label: `${f.index}.${i + 1}`, findingIndex: f.index, finding: f.finding, transaction: tx, transactionId: tx.id, charged: tx.fee },
            tx,
            locale,
            s.groupMember,
          ),
        ),
      );
    }
  }
  return toCsv(rows);
}

function itemRow(row: DisputeRow, tx: PortalTransaction | undefined, locale: Locale, note?: string): Cell[] {
  const f: Finding = row.finding;
  const settlement = row.settlement;
  const amount = settlement ? settlement.expected : tx?.amount;
  const letter = LETTER_STRINGS[locale];
  const role = row.role === 'first' ? letter.roleFirst : row.role === 'repeat' ? letter.roleRepeat : '';
  const kind = kindName(locale, f.kind) + (note ? (locale === 'en' ? ` (${note})` : `（${note}）`) : role);
  return [
    row.label,
    plain(f.id, 200),
    f.kind,
    kind,
    severityName(locale, f.severity),
    plain(row.transactionId ?? tx?.id, 200),
    tx ? plain(tx.occurredAt.replace('T', ' '), 40) : undefined,
    plain(settlement?.settleDate ?? tx?.settleDate, 20),
    amount?.amount,
    amount?.currency ?? row.difference?.currency,
    row.charged?.amount,
    row.expected?.amount,
    row.difference?.amount,
    plain(tx?.rrn, 64),
    plain(tx?.voucherNo, 64),
    plain(tx?.batchNo, 64),
    plain(tx?.terminalId, 64),
    plain(tx?.merchantId, 64),
    plain(tx?.cardLast4, 8),
    tx?.cardType,
    plain(tx?.orderNo, 64),
    plain(tx?.evidence?.url, 2000),
    plain(tx?.evidence?.capturedAt, 40),
  ];
}

// ── bank-lines.csv ───────────────────────────────────────────────────────────────────────

function bankCsv(model: DisputeModel, locale: Locale): string {
  const rows: Cell[][] = [[...PACK_STRINGS[locale].bankHeader]];
  for (const line of model.statementLines) {
    const items = model.findings
      .filter((f) => f.statementLines.includes(line))
      .map((f) => String(f.index))
      .join(' ');
    rows.push([
      plain(line.id, 200),
      line.bookedOn,
      line.valueOn,
      line.amount.amount,
      line.amount.currency,
      plain(line.description, 500),
      plain(line.counterparty, 200),
      plain(line.reference, 200),
      plain(line.accountId, 64),
      plain(line.source.file, 200),
      String(line.source.line),
      items,
    ]);
  }
  return toCsv(rows);
}

// ── evidence.json ────────────────────────────────────────────────────────────────────────

/** The hash the capture service takes: hex SHA-256 of JSON.stringify of the cells in column order. */
export function cellsSha256(cells: Record<string, string>): string {
  return sha256Hex(JSON.stringify(cells));
}

function evidenceJson(model: DisputeModel): string {
  const rows = model.transactions.map((tx) => {
    const computed = cellsSha256(tx.evidence.cells);
    return {
      transactionId: tx.id,
      portal: tx.portal,
      url: tx.evidence.url,
      capturedAt: tx.evidence.capturedAt,
      cells: tx.evidence.cells,
      sha256: tx.evidence.sha256 || null,
      computedSha256: computed,
      matches: tx.evidence.sha256 ? tx.evidence.sha256.toLowerCase() === computed : null,
      findings: model.findings.filter((f) => f.transactions.includes(tx)).map((f) => f.finding.id),
    };
  });
  return `${JSON.stringify({ settleguardEvidence: 1, rows }, null, 2)}\n`;
}

// ── contract.json ────────────────────────────────────────────────────────────────────────

function contractJson(input: EvidenceInput): string {
  const doc: { settleguard: 1; contracts: Contract[]; contractLabel?: string } = {
    settleguard: 1,
    contracts: input.contracts ?? [],
  };
  if (input.contractLabel !== undefined) doc.contractLabel = input.contractLabel;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ── report.html ──────────────────────────────────────────────────────────────────────────

const REPORT_CSS = `
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#111}
h1{font-size:20px}h2{font-size:16px;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:12px}th,td{border:1px solid #999;padding:3px 5px;text-align:left;vertical-align:top}
th{background:#eee}.text{white-space:pre-wrap}.mono{font-family:ui-monospace,monospace;word-break:break-all}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}`;

function reportHtml(model: DisputeModel, values: DisputeValues, input: EvidenceInput, locale: Locale): string {
  const s = PACK_STRINGS[locale];
  const e = escapeHtml;
  const text = (block: string) => `<div class="text">${e(block)}</div>`;
  const table = (rows: string[][], classes: Partial<Record<number, 'mono' | 'text'>> = {}) => {
    const [head, ...body] = rows;
    if (!head) return '';
    const th = head.map((c) => `<th>${e(c)}</th>`).join('');
    const td = (c: string, i: number) => `<td${classes[i] ? ` class="${classes[i]}"` : ''}>${e(c)}</td>`;
    const trs = body.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n');
    return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table>`;
  };
  const bankRows = [
    [...PACK_STRINGS[locale].bankHeader.slice(1, 8)],
    ...model.statementLines.map((l) => [
      l.bookedOn,
      l.valueOn ?? '',
      l.amount.amount,
      l.amount.currency,
      toPlainLine(l.description, 500),
      toPlainLine(l.counterparty ?? '', 200),
      toPlainLine(l.reference ?? '', 200),
    ]),
  ];
  const evidenceRows = [
    [...s.evidenceHeader],
    ...model.transactions.map((tx) => {
      const computed = cellsSha256(tx.evidence.cells);
      const captured = tx.evidence.sha256;
      const hash = captured ? (captured.toLowerCase() === computed ? captured : `${captured}${s.hashMismatch}`) : computed;
      const cells = Object.entries(tx.evidence.cells)
        .map(([k, v]) => `${toPlainLine(k, 100)}: ${toPlainLine(v, 300)}`)
        .join('\n');
      return [toPlainLine(tx.id, 200), toPlainLine(tx.evidence.url, 2000), toPlainLine(tx.evidence.capturedAt, 40), cells, hash];
    }),
  ];
  // A content-security policy that allows no script, frame or network fetch: even if some text
  // escaped escaping, the report could not run anything.
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${e(values.subject)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>${e(values.subject)}</h1>
<p>${e(s.title)} · ${e(s.generatedAt)}: ${e(toPlainLine(input.generatedAt, 40))}</p>
<h2>${e(s.sections.merchant)}</h2>
${text(values.merchantBlock)}
<h2>${e(s.sections.summary)}</h2>
${text(values.summary)}
<h2>${e(s.sections.items)}</h2>
${table(tableCells(model, locale))}
<h2>${e(s.sections.basis)}</h2>
${text(values.basis)}
<h2>${e(s.sections.requests)}</h2>
${text(values.requests)}
<h2>${e(s.sections.bank)}</h2>
${model.statementLines.length ? table(bankRows) : `<p>${e(s.noRows)}</p>`}
<h2>${e(s.sections.evidence)}</h2>
${model.transactions.length ? table(evidenceRows, { 1: 'mono', 3: 'text', 4: 'mono' }) : `<p>${e(s.noRows)}</p>`}
<h2>${e(s.sections.attachments)}</h2>
${text(values.attachments)}
</body>
</html>
`;
}
