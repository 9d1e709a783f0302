// Finding a Chromium for the end-to-end tests and the demo: CHROMIUM_PATH, then Debian's
// /usr/bin/chromium, then Playwright's cache. Never downloads a browser of its own.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)
      .filter((d) => d.startsWith('chromium-'))
      .sort()
      .reverse()) {
      for (const bin of ['chrome-linux/chrome', 'chrome-linux64/chrome']) {
        const p = join(cache, dir, bin);
        if (existsSync(p)) return p;
      }
    }
  }
  return null;
}

/** Flags proven on this kind of machine (TOOLCHAIN.md). */
export function chromiumArgs(extensionPath: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    // *.test: hosts of the popup's "Enable on this site" test (portal.test: see wxt.config.ts)
    '--host-resolver-rules=MAP *.test 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    // lets a test open the real toolbar popup (CDP Extensions.triggerAction, tests/support/toolbar-popup.ts)
    '--enable-unsafe-extension-debugging',
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
  ];
}
