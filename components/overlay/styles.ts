// Styles for the overlay. Row highlight CSS goes into the page (it must style the page's own
// rows); everything else lives inside our shadow roots, our host elements included (:host), so
// that a page with nothing to highlight gets no stylesheet: adding one makes the browser check
// every element of the page again (20 ms on a 5,000-row table here).

/**
 * Highlighted rows. These rules end in `td`, so adding them makes the browser restyle every cell
 * of the page (75,000 on a 5,000-row table): the controller adds them only when it first
 * highlights a row.
 */
export const ROW_CSS = `
[data-sg-finding] > td, [data-sg-finding] > [role="gridcell"], [data-sg-finding] > [role="cell"] {
  background-color: #fff1f0 !important;
}
[data-sg-finding] { box-shadow: inset 4px 0 0 #d92d20 !important; }
[data-sg-finding][data-sg-severity="suspect"] > td { background-color: #fffaeb !important; }
[data-sg-finding][data-sg-severity="suspect"] { box-shadow: inset 4px 0 0 #dc6803 !important; }
`;

export const SHADOW_CSS = `
:host { all: initial; font: 12px/1.4 system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: #1d2939; }
:host(sg-flag) { display: inline-block; margin-left: 6px; vertical-align: middle; }
:host(sg-tools) { display: block; margin: 4px 0; }
* { box-sizing: border-box; }
.flag { position: relative; display: inline-flex; gap: 4px; align-items: center; }
.chip { background: #d92d20; color: #fff; border-radius: 10px; padding: 1px 7px; font-size: 11px; white-space: nowrap; }
.chip.suspect { background: #dc6803; }
.chip.disputed { background: #f2f4f7; color: #475467; border: 1px solid #d0d5dd; }
.chip.disputed.rejected { background: #fef3f2; color: #b42318; border-color: #fda29b; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #d0d5dd; background: #fff; color: #1d2939; padding: 2px 8px; }
button:hover, button:focus-visible { border-color: #1570ef; color: #1570ef; outline: none; }
button.primary { background: #1570ef; border-color: #1570ef; color: #fff; }
button.primary:hover { background: #175cd3; color: #fff; }
.tip { display: none; pointer-events: none; position: absolute; z-index: 2147483646; right: 0; top: 120%; width: 340px; background: #101828; color: #fff;
  border-radius: 6px; padding: 8px 10px; box-shadow: 0 4px 16px rgba(0,0,0,.25); white-space: normal; }
.flag:hover .tip, .flag:focus-within .tip { display: block; }
.tip p { margin: 0 0 6px; }
.tip p:last-child { margin: 0; }
.panel-frame { position: fixed; z-index: 2147483647; top: 24px; right: 24px; width: min(640px, calc(100vw - 48px)); height: min(720px, calc(100vh - 48px));
  border: 1px solid #eaecf0; border-radius: 10px; box-shadow: 0 12px 40px rgba(16,24,40,.3); background: #fff; color-scheme: normal; }
.panel { position: fixed; z-index: 2147483647; top: 24px; right: 24px; width: min(640px, calc(100vw - 48px)); max-height: calc(100vh - 48px);
  display: flex; flex-direction: column; background: #fff; border-radius: 10px; box-shadow: 0 12px 40px rgba(16,24,40,.3); border: 1px solid #eaecf0; }
.panel header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid #eaecf0; }
.panel h2 { font-size: 15px; margin: 0; }
.panel .body { padding: 12px 16px; overflow: auto; }
.panel pre { white-space: pre-wrap; word-break: break-word; font: 12.5px/1.6 ui-monospace, "Sarasa Mono SC", "WenQuanYi Micro Hei Mono", monospace; background: #f9fafb;
  border: 1px solid #eaecf0; border-radius: 6px; padding: 10px; margin: 8px 0 0; }
.panel footer { display: flex; gap: 8px; justify-content: flex-end; padding: 10px 16px; border-top: 1px solid #eaecf0; align-items: center; }
.panel .status { margin-right: auto; color: #067647; }
.why { margin: 0; padding-left: 18px; }
.lang { display: inline-flex; gap: 4px; }
.lang button[aria-pressed="true"] { background: #eff8ff; border-color: #1570ef; color: #175cd3; }
.list { margin: 6px 0; padding: 0; list-style: none; }
.list li { margin: 4px 0; }
.tools { display: flex; flex-direction: column; gap: 6px; padding: 4px 0; }
.tools .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.tools progress { width: 120px; }
.teach { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 12px; padding: 8px; border: 1px solid #eaecf0; border-radius: 6px; background: #fff; }
.teach p, .teach .row { grid-column: 1 / -1; margin: 0; }
.teach label { display: flex; gap: 6px; align-items: center; justify-content: space-between; }
.teach .hdr { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 110px; }
.teach select { font: inherit; max-width: 140px; }
.teach .col { display: flex; flex-direction: column; gap: 2px; padding-left: 6px; border-left: 3px solid transparent; }
.teach .col.inferred { border-left: 3px dashed #f79009; background: #fffaeb; }
.teach .src, .tools .hint { color: #475467; font-size: 11px; }
.tools .unread { margin: 0; padding: 6px 8px; border: 1px solid #fda29b; border-radius: 6px; background: #fef3f2; color: #912018; }
`;
