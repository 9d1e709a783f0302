// Launching Chromium with the built extension, shared by the e2e tests and the demo runner.
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from './chromium';

// the build `npm run build:local` made; SG_OUT_DIR (read in wxt.config.ts too) selects another output folder
export const EXTENSION_PATH = resolve(fileURLToPath(new URL('../../', import.meta.url)), process.env.SG_OUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { headless?: boolean } = {}): Promise<ExtensionSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node --import tsx tests/support/ensure-chromium.ts` or set CHROMIUM_PATH');
  if (!existsSync(resolve(EXTENSION_PATH, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_PATH}: run \`npm run build:local\``);
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: opts.headless ?? true,
    args: chromiumArgs(EXTENSION_PATH),
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close: () => context.close() };
}
