// lib/portals/dom.ts helpers that the family tests exercise only through whole tables.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutRows, needsCollapse, outermost, queryOutside, textOf } from '../../../lib/portals/dom';

// the regex needsCollapse replaced (a loop over char codes is cheaper per cell): same answers
const NEEDS_COLLAPSE = /[\s\u00a0\u3000\u200b\ufeff]{2}|[\t\n\r\f\v\u00a0\u3000\u200b\ufeff]|^ | $/;

describe('needsCollapse', () => {
  it.each([
    { input: '', expected: false },
    { input: '2024-03-05 14:30:00', expected: false },
    { input: '¥1,234.50', expected: false },
    { input: ' leading', expected: true },
    { input: 'trailing ', expected: true },
    { input: 'two  spaces', expected: true },
    { input: 'tab\there', expected: true },
    { input: 'nbsp\u00a0here', expected: true },
    { input: '全角\u3000空格', expected: true },
    { input: 'zero\u200bwidth', expected: true },
    { input: 'thin\u2009space', expected: false }, // a lone thin space is kept, as before
    { input: 'thin\u2009 space', expected: true },
  ])('$input → $expected', ({ input, expected }) => {
    expect(needsCollapse(input)).toBe(expected);
    expect(NEEDS_COLLAPSE.test(input)).toBe(expected);
  });

  it('agrees with the regex on any text of letters and spaces', () => {
    const chars = fc.constantFrom(
      'a',
      '1',
      '交',
      ' ',
      '\t',
      '\n',
      '\r',
      '\f',
      '\v',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u2009',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u0085',
    );
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 12 }).map((a) => a.join('')),
        (text) => needsCollapse(text) === NEEDS_COLLAPSE.test(text),
      ),
    );
  });
});

describe('textOf', () => {
  it('reads a cell as the merchant sees it: block boundaries as spaces, hidden parts and scripts left out', () => {
    document.body.innerHTML = `<table><tr><td id="a"><div class="cell"> 1,234.50 </div></td>
      <td id="b"><div>2024-03-05</div><div>14:30</div></td><td id="c">¥<span>12</span>.00<span style="display:none">x</span><script>s</script></td></tr></table>`;
    expect(['a', 'b', 'c'].map((id) => textOf(document.getElementById(id)!))).toEqual(['1,234.50', '2024-03-05 14:30', '¥12.00']);
  });
});

describe('layoutRows cell texts', () => {
  it('rows of bare text cells and rows with hiding markup read the same as textOf cell by cell', () => {
    document.body.innerHTML = `<table><tbody>
      <tr><td> a  b </td><td>1,234.50</td><td></td></tr>
      <tr><td class="hidden">x</td><td style="display: none">y</td><td hidden>z</td></tr>
      <tr><td class="d-none x">x</td><td>ok</td><td><span>a</span><span hidden>b</span></td></tr>
      <tr><th>h</th><td>&nbsp;c　d</td><td><!-- note -->e</td></tr>
    </tbody></table>`;
    const trs = [...document.querySelectorAll('tr')];
    const cells = layoutRows(trs).map((r) => r.cells);
    expect(cells).toEqual(trs.map((tr) => [...tr.children].map(textOf)));
    expect(cells).toEqual([
      ['a b', '1,234.50', ''],
      ['', '', ''],
      ['', 'ok', 'a'],
      ['h', 'c d', 'e'],
    ]);
  });
});

describe('queryOutside / outermost with roots already read', () => {
  const doc = new DOMParser().parseFromString(
    `<body>
    <div id="a" role="grid"><div id="a1" role="grid"></div></div>
    <section id="wrap" role="table"><div id="taken"><div id="inside" role="grid"></div><table id="t1"></table></div><div id="b" role="grid"></div></section>
    <div id="c" role="grid"></div><table id="t2"></table></body>`,
    'text/html',
  );
  const ids = (els: Element[]) => els.map((e) => e.id);
  const taken = doc.getElementById('taken')!;

  it('finds what the browser finds, in document order, but nothing inside an excluded root', () => {
    const sel = '[role=grid], [role=table]';
    expect(ids(queryOutside(doc, sel))).toEqual(['a', 'a1', 'wrap', 'inside', 'b', 'c']);
    expect(ids(queryOutside(doc, sel, [taken]))).toEqual(['a', 'a1', 'wrap', 'b', 'c']);
    expect(ids(queryOutside(doc, 'table', [taken]))).toEqual(['t2']);
    // an ancestor of an excluded root is still a match (a grid wrapping a family's table)
    expect(ids(outermost(doc, sel, [taken]))).toEqual(['a', 'wrap', 'c']);
    expect(ids(outermost(doc, '[role=grid]', [taken]))).toEqual(['a', 'b', 'c']);
  });
});
