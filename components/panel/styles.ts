// The panel page fills its frame (the overlay sizes and places the frame on the portal).
export const PANEL_CSS = `
:root { font: 13px/1.5 system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: #1d2939; background: #fff; }
html, body, #app { height: 100%; margin: 0; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #d0d5dd; background: #fff; color: #1d2939; padding: 3px 10px; }
button:hover { border-color: #1570ef; color: #1570ef; }
button:focus-visible { outline: 2px solid #1570ef; outline-offset: 2px; }
button.primary { background: #1570ef; border-color: #1570ef; color: #fff; }
button.primary:hover { background: #175cd3; color: #fff; }
.panel { height: 100%; display: flex; flex-direction: column; }
.panel header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid #eaecf0; }
.panel h2 { font-size: 15px; margin: 0; }
.panel .body { padding: 12px 16px; overflow: auto; flex: 1; }
.panel pre { white-space: pre-wrap; word-break: break-word; font: 12.5px/1.6 ui-monospace, "Sarasa Mono SC", "WenQuanYi Micro Hei Mono", monospace; background: #f9fafb;
  border: 1px solid #eaecf0; border-radius: 6px; padding: 10px; margin: 8px 0 0; }
.panel footer { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; padding: 10px 16px; border-top: 1px solid #eaecf0; align-items: center; }
.panel .status { margin-right: auto; color: #067647; }
.panel .status.failed { color: #b42318; }
.panel .hint { color: #475467; font-size: 12px; margin: 6px 0; }
.why { margin: 0; padding-left: 18px; }
.lang { display: inline-flex; gap: 4px; }
.lang button[aria-pressed="true"] { background: #eff8ff; border-color: #1570ef; color: #175cd3; }
.list { margin: 6px 0; padding: 0; list-style: none; }
.list li { margin: 4px 0; }
.panel-message { padding: 16px; }
@media (prefers-color-scheme: dark) {
  :root { color: #e4e7ec; background: #161b26; }
  button { background: #1f242f; color: #e4e7ec; border-color: #475467; }
  .panel header, .panel footer { border-color: #333741; }
  .panel pre { background: #0c111d; border-color: #333741; }
  .panel .hint { color: #94969c; }
}
`;
