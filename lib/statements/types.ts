// The shape every statement format parser has; lib/statements/registry.ts lists them.
import type { DateOrder, StatementParseResult } from '../model';

/** A file after byte-level decoding (lib/statements/decode.ts). Binary containers (XLS/XLSX/ZIP) have text ''. */
export interface DecodedFile {
  name: string;
  bytes: Uint8Array;
  text: string;
  encoding: string;
  /** true when the encoding was a guess (no BOM, no declaration, not valid UTF-8) */
  encodingGuessed: boolean;
}

export interface StatementFormat {
  /** format id as in DESIGN.md §3 ('csv', 'ofx', 'mt940', 'alipay'…); the file name spells it in kebab-case */
  id: string;
  /** 0 = not this format, 1 = certain. Content first, file name only as a tie-breaker. */
  detect(file: DecodedFile): number;
  parse(file: DecodedFile, options?: ParseOptions): StatementParseResult;
}

/** What the caller knows that a file may not say. */
export interface ParseOptions {
  /** The merchant's default-currency setting, for files that state no currency (DESIGN.md §1 rule 2). */
  defaultCurrency?: string;
  /**
   * How to read dates like 03/04/2024 when nothing in the file decides it (the merchant's answer
   * to the import preview's question). A date with a part above 12 still decides by itself.
   */
  dateOrder?: DateOrder;
}
