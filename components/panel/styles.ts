// The panel page fills its frame (the overlay sizes and places the frame on the portal). One
// palette per colour scheme (issue 15 item 7); text pairs meet WCAG AA in both.
export const PANEL_CSS = `
:root {
  --fg: #1d2939; --muted: #475467; --bg: #fff; --subtle: #f9fafb; --border: #d0d5dd; --line: #eaecf0;
  --accent: #175cd3; --primary: #1570ef; --primary-hover: #175cd3; --on-primary: #fff; --focus: #175cd3;
  --pressed-bg: #eff8ff; --pressed-fg: #175cd3; --ok: #067647; --bad: #b42318;
  color-scheme: light dark;
  font: 13px/1.5 system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; color: var(--fg); background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e4e7ec; --muted: #a4a7ae; --bg: #161b26; --subtle: #0c111d; --border: #475467; --line: #333741;
    --accent: #84adff; --primary: #175cd3; --primary-hover: #1849a9; --on-primary: #fff; --focus: #84adff;
    --pressed-bg: #102a56; --pressed-fg: #b2ccff; --ok: #47cd89; --bad: #f97066;
  }
}
html, body, #app { height: 100%; margin: 0; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid var(--border); background: var(--bg); color: var(--fg); padding: 3px 10px; }
button:hover { border-color: var(--accent); color: var(--accent); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button.primary { background: var(--primary); border-color: var(--primary); color: var(--on-primary); }
button.primary:hover { background: var(--primary-hover); color: var(--on-primary); }
.panel { height: 100%; display: flex; flex-direction: column; }
.panel header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid var(--line); }
.panel h2 { font-size: 15px; margin: 0; }
.panel .body { padding: 12px 16px; overflow: auto; flex: 1; }
.panel .body:focus-visible { outline-offset: -2px; }
.panel pre { white-space: pre-wrap; word-break: break-word; font: 12.5px/1.6 ui-monospace, "Sarasa Mono SC", "WenQuanYi Micro Hei Mono", monospace; background: var(--subtle);
  border: 1px solid var(--line); border-radius: 6px; padding: 10px; margin: 8px 0 0; }
.panel footer { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; padding: 10px 16px; border-top: 1px solid var(--line); align-items: center; }
.panel .status { margin-right: auto; color: var(--ok); }
.panel .status.failed { color: var(--bad); }
.panel .hint { color: var(--muted); font-size: 12px; margin: 6px 0; }
.why { margin: 0; padding-left: 18px; }
.lang { display: inline-flex; gap: 4px; }
.lang button[aria-pressed="true"] { background: var(--pressed-bg); border-color: var(--accent); color: var(--pressed-fg); }
.list { margin: 6px 0; padding: 0; list-style: none; }
.list li { margin: 4px 0; }
.panel-message { padding: 16px; }
`;
