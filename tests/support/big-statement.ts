// A CN bank CSV of `n` credit lines (as tests/bench/import-idb.ts builds them): the large statement
// of the import progress and cancel tests (issue 15 item 9).
export function bigStatement(n: number): { name: string; bytes: Uint8Array } {
  const out = ['账号：31001588800050012345', '交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号'];
  let balance = 0;
  for (let i = 0; i < n; i++) {
    const cents = 1000 + ((i * 7919) % 900_000);
    balance += cents;
    out.push(
      `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},POS结算款,${(cents / 100).toFixed(2)},,${(balance / 100).toFixed(2)},汇通收单有限公司,SN${String(i).padStart(8, '0')}`,
    );
  }
  return { name: `big-${n}.csv`, bytes: new TextEncoder().encode(out.join('\n')) };
}
