// Styles for the overlay. Row highlight CSS goes into the page (it must style the page's own
// rows); everything else lives inside our shadow roots, our host elements included (:host), so
// that a page with nothing to highlight gets no stylesheet: adding one makes the browser check
// every element of the page again (20 ms on a 5,000-row table here).

/**
 * Highlighted rows. These rules end in `td`, so adding them makes the browser restyle every cell
 * of the page (75,000 on a 5,000-row table): the controller adds them only when it first
 * highlights a row. The tints are faint on purpose: the page's own text stays on them, in the
 * page's colours, and must stay as readable as the page made it (a blue link at 4.9:1 on white
 * fell to 4.48:1 on the earlier #fff1f0); the inset bar carries the signal. Portals have no dark
 * mode of their own, so the rows keep these in both schemes.
 */
export const ROW_CSS = `
[data-sg-finding] > td, [data-sg-finding] > [role="gridcell"], [data-sg-finding] > [role="cell"] {
  background-color: #fff5f4 !important;
}
[data-sg-finding] { box-shadow: inset 4px 0 0 #d92d20 !important; }
[data-sg-finding][data-sg-severity="suspect"] > td { background-color: #fffbf0 !important; }
[data-sg-finding][data-sg-severity="suspect"] { box-shadow: inset 4px 0 0 #dc6803 !important; }
`;

/**
 * The overlay's colours, one palette per colour scheme (issue 15 item 7). `:host` inside our
 * shadow roots; `:root` where the options page borrows these styles for its draft dialog. Text
 * pairs meet WCAG AA (4.5:1) on their background in both schemes; the focus ring is two-tone
 * (ring on a halo of the control's background) so it shows on whatever the portal's row is.
 */
const PALETTE = `
:host, :root {
  --ov-fg: #1d2939; --ov-muted: #475467; --ov-bg: #fff; --ov-subtle: #f9fafb; --ov-border: #d0d5dd; --ov-line: #eaecf0;
  --ov-accent: #175cd3; --ov-primary: #1570ef; --ov-primary-hover: #175cd3; --ov-on-primary: #fff; --ov-focus: #175cd3;
  --ov-pressed-bg: #eff8ff; --ov-pressed-fg: #175cd3; --ov-ok: #067647; --ov-bad: #b42318;
  --ov-chip-overcharge: #d92d20; --ov-chip-suspect: #b54708; --ov-chip-fg: #fff;
  --ov-chip-quiet-bg: #f2f4f7; --ov-chip-quiet-fg: #475467; --ov-chip-rejected-bg: #fef3f2; --ov-chip-rejected-border: #fda29b;
  --ov-tip-bg: #101828; --ov-tip-fg: #fff; --ov-inferred-bg: #fffaeb; --ov-inferred: #f79009;
  --ov-unread-bg: #fef3f2; --ov-unread-fg: #912018; --ov-unread-border: #fda29b;
}
@media (prefers-color-scheme: dark) {
  :host, :root {
    --ov-fg: #e4e7ec; --ov-muted: #a4a7ae; --ov-bg: #161b26; --ov-subtle: #0c111d; --ov-border: #475467; --ov-line: #333741;
    --ov-accent: #84adff; --ov-primary: #175cd3; --ov-primary-hover: #1849a9; --ov-on-primary: #fff; --ov-focus: #84adff;
    --ov-pressed-bg: #102a56; --ov-pressed-fg: #b2ccff; --ov-ok: #47cd89; --ov-bad: #f97066;
    --ov-chip-overcharge: #b42318; --ov-chip-suspect: #b54708; --ov-chip-fg: #fff;
    --ov-chip-quiet-bg: #1f242f; --ov-chip-quiet-fg: #cecfd2; --ov-chip-rejected-bg: #55160c; --ov-chip-rejected-border: #b42318;
    --ov-tip-bg: #0c111d; --ov-tip-fg: #e4e7ec; --ov-inferred-bg: #4e1d09; --ov-inferred: #f79009;
    --ov-unread-bg: #55160c; --ov-unread-fg: #fecdca; --ov-unread-border: #b42318;
  }
}`;

export const SHADOW_CSS = `${PALETTE}
:host { all: initial; font: 12px/1.4 system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: var(--ov-fg); }
:host(sg-flag) { display: inline-block; margin-left: 6px; vertical-align: middle; }
:host(sg-tools) { display: block; margin: 4px 0; }
* { box-sizing: border-box; }
.flag { position: relative; display: inline-flex; gap: 4px; align-items: center; }
.chip { background: var(--ov-chip-overcharge); color: var(--ov-chip-fg); border-radius: 10px; padding: 1px 7px; font-size: 11px; white-space: nowrap; }
.chip.suspect { background: var(--ov-chip-suspect); }
.chip.disputed { background: var(--ov-chip-quiet-bg); color: var(--ov-chip-quiet-fg); border: 1px solid var(--ov-border); }
.chip.disputed.rejected { background: var(--ov-chip-rejected-bg); color: var(--ov-bad); border-color: var(--ov-chip-rejected-border); }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid var(--ov-border); background: var(--ov-bg); color: var(--ov-fg); padding: 2px 8px; }
button:hover { border-color: var(--ov-accent); color: var(--ov-accent); }
button:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--ov-focus); outline-offset: 2px; box-shadow: 0 0 0 2px var(--ov-bg); }
button.primary { background: var(--ov-primary); border-color: var(--ov-primary); color: var(--ov-on-primary); }
button.primary:hover { background: var(--ov-primary-hover); color: var(--ov-on-primary); }
.tip { display: none; pointer-events: none; position: absolute; z-index: 2147483646; right: 0; top: 120%; width: 340px; background: var(--ov-tip-bg); color: var(--ov-tip-fg);
  border-radius: 6px; padding: 8px 10px; box-shadow: 0 4px 16px rgba(0,0,0,.25); white-space: normal; }
.flag:hover .tip, .flag:focus-within .tip { display: block; }
.tip p { margin: 0 0 6px; }
.tip p:last-child { margin: 0; }
.panel-frame { position: fixed; z-index: 2147483647; top: 24px; right: 24px; width: min(640px, calc(100vw - 48px)); height: min(720px, calc(100vh - 48px));
  border: 1px solid var(--ov-line); border-radius: 10px; box-shadow: 0 12px 40px rgba(16,24,40,.3); background: var(--ov-bg); color-scheme: normal; }
.panel { position: fixed; z-index: 2147483647; top: 24px; right: 24px; width: min(640px, calc(100vw - 48px)); max-height: calc(100vh - 48px);
  display: flex; flex-direction: column; background: var(--ov-bg); color: var(--ov-fg); border-radius: 10px; box-shadow: 0 12px 40px rgba(16,24,40,.3); border: 1px solid var(--ov-line); }
.panel header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid var(--ov-line); }
.panel h2 { font-size: 15px; margin: 0; }
.panel .body { padding: 12px 16px; overflow: auto; }
.panel pre { white-space: pre-wrap; word-break: break-word; font: 12.5px/1.6 ui-monospace, "Sarasa Mono SC", "WenQuanYi Micro Hei Mono", monospace; background: var(--ov-subtle);
  border: 1px solid var(--ov-line); border-radius: 6px; padding: 10px; margin: 8px 0 0; }
.panel footer { display: flex; gap: 8px; justify-content: flex-end; padding: 10px 16px; border-top: 1px solid var(--ov-line); align-items: center; }
.panel .status { margin-right: auto; color: var(--ov-ok); }
.why { margin: 0; padding-left: 18px; }
.lang { display: inline-flex; gap: 4px; }
.lang button[aria-pressed="true"] { background: var(--ov-pressed-bg); border-color: var(--ov-accent); color: var(--ov-pressed-fg); }
.list { margin: 6px 0; padding: 0; list-style: none; }
.list li { margin: 4px 0; }
/* on the portal's own background: a surface of ours, so the text keeps its contrast in either scheme */
.tools { display: flex; flex-direction: column; gap: 6px; padding: 4px 6px; background: var(--ov-bg); color: var(--ov-fg); border-radius: 6px; }
.tools .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.tools progress { width: 120px; }
.teach { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 12px; padding: 8px; border: 1px solid var(--ov-line); border-radius: 6px; background: var(--ov-bg); }
.teach p, .teach .row { grid-column: 1 / -1; margin: 0; }
.teach label { display: flex; gap: 6px; align-items: center; justify-content: space-between; }
.teach .hdr { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 110px; }
.teach select { font: inherit; max-width: 140px; background: var(--ov-bg); color: var(--ov-fg); border: 1px solid var(--ov-border); border-radius: 4px; }
.teach .col { display: flex; flex-direction: column; gap: 2px; padding-left: 6px; border-left: 3px solid transparent; }
.teach .col.inferred { border-left: 3px dashed var(--ov-inferred); background: var(--ov-inferred-bg); }
.teach .src, .tools .hint { color: var(--ov-muted); font-size: 11px; }
.tools .unread { margin: 0; padding: 6px 8px; border: 1px solid var(--ov-unread-border); border-radius: 6px; background: var(--ov-unread-bg); color: var(--ov-unread-fg); }
`;
