// Builds the real-library portal fixtures (tests/fixtures/portals/libraries) at test time with
// esbuild, from the pinned npm packages in node_modules: one folder per page with index.html,
// app.js and app.css (plus any fonts or images the library's CSS points at). Also bundles
// lib/portals for running the reader inside a page without the extension (readInPage).
import { build, type Plugin } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { LIBRARY_PAGES, type LibraryPage } from '../fixtures/portals/libraries/index';
import type { CapturedTable } from '../../lib/model';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIBRARIES = join(ROOT, 'tests/fixtures/portals/libraries');
// one folder per SG_OUT_DIR: two runs on one machine do not clean away each other's pages
export const LIBRARY_OUT = join(ROOT, `test-results/library-pages${process.env.SG_OUT_DIR ? `-${process.env.SG_OUT_DIR.replace(/\W/g, '')}` : ''}`);
const requireHere = createRequire(join(ROOT, 'package.json'));

/** The installed version of a page's package ('' for pages that use no library). */
export async function packageVersion(packageName: string): Promise<string> {
  if (!packageName) return '';
  // read from node_modules: packages with an `exports` map (AG Grid) do not export package.json
  const json = JSON.parse(await readFile(join(ROOT, 'node_modules', packageName, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

// Vue 2 pages (Element UI 2, vx-easyui): every `vue` import, the library's own included, is Vue 2
// with its template compiler (the full build), not the Vue 3 the other pages use.
const vue2Alias: Plugin = {
  name: 'vue2',
  setup(b) {
    b.onResolve({ filter: /^vue$/ }, () => ({ path: requireHere.resolve('vue2/dist/vue.common.prod.js') }));
  },
};

const html = (title: string, lang: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="app.css"></head>
<body><script src="app.js"></script></body></html>
`;

/** Bundles one page into LIBRARY_OUT/<id>/ and returns that folder. */
export async function buildLibraryPage(page: LibraryPage): Promise<string> {
  const dir = join(LIBRARY_OUT, page.id);
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: [resolve(LIBRARIES, page.entry)],
    outfile: join(dir, 'app.js'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'error',
    jsx: 'automatic',
    define: {
      __SG_FIXTURE__: JSON.stringify(page.config),
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      global: 'globalThis',
    },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file', '.jpg': 'file' },
    plugins: page.vue2 ? [vue2Alias] : [],
  });
  // a page without CSS imports still links app.css: an empty one keeps the server's log quiet
  await writeFile(join(dir, 'app.css'), '', { flag: 'a' });
  await writeFile(join(dir, 'index.html'), html(page.id, page.config.format.lang === 'zh' ? 'zh-CN' : 'en'));
  return dir;
}

/** Builds every registered page (or those `only` names), one at a time (2 cores). */
export async function buildLibraryPages(only?: (p: LibraryPage) => boolean): Promise<LibraryPage[]> {
  const pages = LIBRARY_PAGES.filter(only ?? (() => true));
  for (const page of pages) await buildLibraryPage(page);
  return pages;
}

let readerBundle: Promise<string> | undefined;

/** lib/portals as one script defining window.__sgPortals (readPortalTables, readPageMeta). */
function portalsBundle(): Promise<string> {
  readerBundle ??= build({
    stdin: {
      contents: "export { readPortalTables, readPageMeta } from './lib/portals/index';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__sgPortals',
    target: 'chrome120',
    logLevel: 'error',
  }).then((r) => r.outputFiles[0]!.text);
  return readerBundle;
}

/** A captured table as it crosses into the test: the rows without their elements. */
export type ReadTable = Omit<CapturedTable, 'rows'> & {
  rows: { transaction: CapturedTable['rows'][number]['transaction']; issues: CapturedTable['rows'][number]['issues'] }[];
};

/** Runs readPortalTables inside `page` (as the content script would, minus the extension). */
export async function readInPage(page: Page): Promise<ReadTable[]> {
  await page.addScriptTag({ content: await portalsBundle() });
  return page.evaluate(() => {
    const sg = (window as unknown as { __sgPortals: { readPortalTables: (d: Document, u: string, n: string) => CapturedTable[] } }).__sgPortals;
    return sg.readPortalTables(document, location.href, new Date().toISOString()).map((t) => ({
      adapter: t.adapter,
      columns: t.columns,
      rows: t.rows.map((r) => ({ transaction: r.transaction, issues: r.issues })),
    }));
  });
}

/** Removes what earlier runs built. */
export async function cleanLibraryPages(): Promise<void> {
  await rm(LIBRARY_OUT, { recursive: true, force: true });
}
