// Shared by the fixture test and the registry meta-test: how a captured table is compared with
// the explicit `<name>.expected.json` next to each `<name>.html` fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CapturedTable, Issue, PortalTransaction } from '../../../lib/model';
import type { ReadOptions } from '../../../lib/portals';

export interface FixtureExpectation {
  /** the page's address and the capture instant passed to readPortalTables */
  url: string;
  now: string;
  options?: ReadOptions;
  tables: {
    adapter: string;
    columns: { header: string; field: string | null }[];
    rows: { element: string; transaction: PortalTransaction | null; issues: Pick<Issue, 'level' | 'code' | 'line' | 'field'>[] }[];
  }[];
}

const KEY_ATTRS = ['id', 'data-row-key', 'data-index', 'row-index', 'row-id', 'datagrid-row-index', 'rowid', 'aria-rowindex'];

/**
 * Names a row element so that a fixture can say which one it must be: tag, classes, the
 * attributes that key rows in the table families, and its position among same-tag elements of
 * the document ("tr.el-table__row@7"). A fixed-column clone has another position, so a fixture
 * catches a reader that returns the clone instead of the primary row.
 */
export function describeElement(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const classes = [...el.classList]
    .filter((c) => !/hover|selected|striped|current/.test(c))
    .map((c) => `.${c}`)
    .join('');
  const attrs = KEY_ATTRS.filter((a) => el.hasAttribute(a))
    .map((a) => `[${a}=${el.getAttribute(a)}]`)
    .join('');
  const index = [...el.ownerDocument.getElementsByTagName(el.tagName)].indexOf(el);
  return `${tag}${classes}${attrs}@${index}`;
}

export function toExpectation(tables: CapturedTable[]): FixtureExpectation['tables'] {
  return tables.map((t) => ({
    adapter: t.adapter,
    // DESIGN.md §3's header and field; where a reading came from (source, confidence) is tested on its own
    columns: t.columns.map((c) => ({ header: c.header, field: c.field })),
    rows: t.rows.map((r) => ({
      element: describeElement(r.element),
      // through JSON so optional fields left undefined compare like the file
      transaction: r.transaction ? (JSON.parse(JSON.stringify(r.transaction)) as PortalTransaction) : null,
      issues: r.issues.map((i) =>
        i.field === undefined ? { level: i.level, code: i.code, line: i.line } : { level: i.level, code: i.code, line: i.line, field: i.field },
      ),
    })),
  }));
}

/** Parses a fixture page (DOMParser: its scripts never run). */
export function loadFixture(family: string, file: string): Document {
  const html = readFileSync(join(__dirname, '../../fixtures/portals', family, file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A page from an HTML body. */
export function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}
