// The dispute panel: an extension page the overlay shows in an iframe on the portal (DESIGN.md
// DOM contract). Wiring only: components/panel/PanelApp, the background through panel/… messages.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PanelApp, parsePanelQuery, type PanelSend } from '../../components/panel/PanelApp';
import { PANEL_CSS } from '../../components/panel/styles';

const query = parsePanelQuery(location.search);
document.documentElement.lang = query.locale;
const style = document.createElement('style');
style.textContent = PANEL_CSS;
document.head.append(style);

// the ticket the overlay got for this frame (lib/services/panel.ts): every message carries it
const ticket = new URLSearchParams(location.search).get('t') ?? '';
const send: PanelSend = async (msg) => {
  try {
    return await browser.runtime.sendMessage({ ...msg, ticket });
  } catch (e) {
    return { ok: false, error: { code: 'unreachable', message: e instanceof Error ? e.message : String(e) } };
  }
};

render(<PanelApp query={query} send={send} />, document.getElementById('app')!);
