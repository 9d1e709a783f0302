// The generated statement files of the statements benchmarks (statements.bench.ts and
// statements-memory.ts): a bank CSV, an OFX 1.x SGML file and an MT940 file, deterministic and
// never committed. Amounts come from an integer sequence in cents (test data only).

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Day `i` of a run of dates starting 2024-01-01, as [y, m, d]. */
function day(i: number): [number, number, number] {
  const t = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
/** An amount in cents as a decimal string, from a deterministic sequence. */
const cents = (i: number, sign: 1 | -1) => {
  const c = ((i * 7919) % 500_000) + 1;
  return `${sign < 0 ? '-' : ''}${Math.floor(c / 100)}.${pad(c % 100)}`;
};

export function bankCsv(lines: number): string {
  const out = ['交易日期,交易时间,摘要,对方户名,金额,余额,流水号'];
  for (let i = 0; i < lines; i++) {
    const [y, m, d] = day(Math.floor(i / 150));
    out.push(`${y}-${pad(m)}-${pad(d)},${pad(i % 24)}:${pad(i % 60)}:00,${i % 3 ? '消费' : '结算款'},商户${i % 97},${cents(i, i % 3 ? -1 : 1)},10000.00,R${i}`);
  }
  return out.join('\n') + '\n';
}

export function ofx(txns: number): string {
  const body: string[] = [];
  for (let i = 0; i < txns; i++) {
    const [y, m, d] = day(Math.floor(i / 30));
    body.push(
      `<STMTTRN><TRNTYPE>${i % 2 ? 'DEBIT' : 'CREDIT'}<DTPOSTED>${y}${pad(m)}${pad(d)}120000<TRNAMT>${cents(i, i % 2 ? -1 : 1)}<FITID>F${i}<NAME>Payee ${i % 89}<MEMO>Memo ${i}</STMTTRN>`,
    );
  }
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250101<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>121000248<ACCTID>123456789<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST><DTSTART>20240101<DTEND>20251231\n${body.join('\n')}\n</BANKTRANLIST><LEDGERBAL><BALAMT>0.00<DTASOF>20251231</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`;
}

/** One statement per 500 transactions; each statement's closing = opening + its lines (mt940js checks it). */
export function mt940(txns: number): string {
  const out: string[] = [];
  let balance = 1_000_000; // cents
  const money = (c: number) => `${Math.floor(Math.abs(c) / 100)},${pad(Math.abs(c) % 100)}`;
  for (let s = 0; s * 500 < txns; s++) {
    const [y, m, d] = day(s);
    const date = `${String(y).slice(2)}${pad(m)}${pad(d)}`;
    out.push(':20:STMT' + s, ':25:NL91ABNA0417164300', `:28C:${s + 1}/1`, `:60F:${balance >= 0 ? 'C' : 'D'}${date}EUR${money(balance)}`);
    for (let i = s * 500; i < Math.min(txns, (s + 1) * 500); i++) {
      const c = ((i * 7919) % 500_000) + 1;
      const credit = i % 2 === 0;
      balance += credit ? c : -c;
      out.push(
        `:61:${date}${pad(m)}${pad(d)}${credit ? 'C' : 'D'}${money(c)}NTRFREF${i}//B${i}`,
        `:86:/TRTP/SEPA OVERBOEKING/NAME/Payee ${i % 89}/REMI/Invoice ${i}`,
      );
    }
    out.push(`:62F:${balance >= 0 ? 'C' : 'D'}${date}EUR${money(balance)}`, '-');
  }
  return out.join('\r\n') + '\r\n';
}
