import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The local build (npm run build:local) also runs on http://127.0.0.1 and http://localhost,
// for the bundled demo portal and the end-to-end tests. WXT's --mode would rename the output
// folder, so the switch is an environment variable instead (DESIGN.md "Builds").
const isLocal = process.env.SG_LOCAL === '1';
const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
// A third local host the content script does NOT run on until "Enable on this site" (the e2e test
// tests/e2e/popup-enable.spec.ts maps it to 127.0.0.1). Its access is granted at install because
// automation cannot click the browser's permission prompt: permissions.request then resolves
// true without one, and everything after it runs as for any other origin.
const LOCAL_ENABLE_TEST = 'http://portal.test/*';
// Any other portal: asked for one origin at a time from the popup, never granted at install.
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

// Firefox (addons.mozilla.org): the add-on's id, fixed so an update replaces the installed add-on
// and storage survives it; data_collection_permissions: nothing leaves the machine (no server, no
// request of our own: tests/e2e/permissions.spec.ts), which Firefox asks of new add-ons since
// 2025-11 and supports from 142 on Android (140 on desktop; storage.session, used for the
// unread-tables report, needs 115). Checked with addons-linter on the zip: tests/store/check-store-zips.ts.
const FIREFOX_SETTINGS = {
  gecko: { id: 'settleguard@settleguard.app', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
};

export default defineConfig({
  imports: false,
  // SG_OUT_DIR lets two builds (two developers' test runs on one machine) not overwrite each other
  outDir: process.env.SG_OUT_DIR ?? '.output',
  // the import worker carries every statement parser and SheetJS (~0.9 MB) and the options page the
  // charts and dispute templates: both load from the extension's own files, never the network, so
  // Vite's 500 kB hint for web pages does not apply; past 1.5 MB it still warns
  vite: () => ({ plugins: [preact()], build: { chunkSizeWarningLimit: 1536 } }),
  // npm run zip: the Firefox sources zip (addons.mozilla.org rebuilds the add-on from it) holds what
  // the build reads and nothing of the test runs, whose folders change while others run
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
    ],
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // MV2 (Firefox) has no optional_host_permissions and WXT drops the key: there the same
      // origins are optional permissions, or "Enable on this site" could ask for nothing
      if (manifest.manifest_version === 2) manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...OPTIONAL_HOSTS];
      if (!isLocal) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOCAL_MATCHES];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab: clicking the toolbar button shows the popup the tab's URL, so "Enable on this
    // site" can ask for that one origin (DESIGN.md §4); nothing else reads other sites' URLs.
    // storage: browser.storage.session keeps the unread-tables report per site (lib/services/capture.ts).
    // Each permission's use is checked on the built code by tests/e2e/permissions.spec.ts.
    permissions: ['storage', 'clipboardWrite', 'scripting', 'notifications', 'alarms', 'activeTab'],
    host_permissions: isLocal ? [...LOCAL_MATCHES, LOCAL_ENABLE_TEST] : [],
    optional_host_permissions: OPTIONAL_HOSTS,
    action: { default_title: '__MSG_extName__' },
    // The dispute panel (letters, drafts, finding details) is an extension page the overlay frames
    // on the portal, so the page cannot read or drive it (DESIGN.md DOM contract). Any portal the
    // merchant enables may frame it; with a dynamic URL (a per-session id, Chrome) no page can
    // probe for it. Firefox MV2 gets the plain list (WXT converts).
    web_accessible_resources: [{ resources: ['panel.html'], matches: OPTIONAL_HOSTS, use_dynamic_url: true }],
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
