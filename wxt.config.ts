import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The local build (npm run build:local) also runs on http://127.0.0.1 and http://localhost,
// for the bundled demo portal and the end-to-end tests. WXT's --mode would rename the output
// folder, so the switch is an environment variable instead (DESIGN.md "Builds").
const isLocal = process.env.SG_LOCAL === '1';

export default defineConfig({
  imports: false,
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'clipboardWrite', 'scripting', 'notifications', 'alarms'],
    host_permissions: isLocal ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
  },
});
