// The shape every table family reader has; lib/portals/registry.ts lists them in order.
//
// A family reader only knows its markup: it finds its tables and lays each out as a header row
// plus body rows of cell texts, one per column, each row with its primary element. Meaning
// (which column is the amount, signs, ids) is decided once for all families in transactions.ts.

export interface RawRow {
  /** the row's primary element: where `data-sg-row` goes (never a fixed-column clone) */
  element: Element;
  /** cell texts aligned with RawTable.headers; '' for a missing cell */
  cells: string[];
  /** 1-based position among the table's body rows, as the merchant counts them on screen */
  rowNumber: number;
}

export interface RawTable {
  /** the element the family recognised (`.ant-table-wrapper`, `.el-table`, `<table>`…) */
  root: Element;
  headers: string[];
  rows: RawRow[];
}

export interface TableReader {
  /** the reader's id; its file name spells it (`ant-design` → ant-design.ts) */
  id: string;
  /**
   * This family's table roots within `doc`, outermost first, in document order; none inside
   * `exclude` (the roots earlier readers took: there is no need to look inside them).
   */
  detect(doc: ParentNode, exclude?: readonly Element[]): Element[];
  /** Lays out one root found by `detect`; null when it holds no header row at all. */
  read(root: Element): RawTable | null;
}
