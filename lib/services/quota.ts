// A full storage quota (issue 14 item 7): IndexedDB refuses a write past the browser's quota with
// a QuotaExceededError — a DOMException from the request, the error of the aborted transaction,
// or Dexie's QuotaExceededError wrapping it (its `inner`). The write's transaction is aborted, so
// nothing of it is stored; callers turn it into a message the merchant can act on.

/** Whether `e` (or what it wraps) is the browser refusing a write for lack of storage space. */
export function isQuotaExceeded(e: unknown): boolean {
  let x: unknown = e;
  for (let depth = 0; depth < 4 && typeof x === 'object' && x !== null; depth++) {
    if ((x as { name?: unknown }).name === 'QuotaExceededError') return true;
    x = (x as { inner?: unknown }).inner ?? (x as { cause?: unknown }).cause;
  }
  return false;
}
