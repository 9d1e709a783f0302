// mt940js ships without types; the bench needs only this much of it.
declare module 'mt940js' {
  export class Parser {
    constructor(options?: { no86Structure?: boolean });
    parse(text: string, withTracebackInfo?: boolean): { transactions: { amount: number; currency: string }[] }[];
  }
}
