// Run by `npm test` and `npm run demo` first: find Chromium, or install Debian's package when we
// may (root on Debian), or stop and say exactly what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

function main(): void {
  const found = findChromium();
  if (found) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log("Chromium not found: installing Debian's chromium and fonts-wqy-microhei (for Chinese text)…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei', { stdio: 'inherit' });
    if (findChromium()) return;
  }
  console.error(
    [
      'SettleGuard needs Chromium for its end-to-end tests and demo, and none was found.',
      'Install one, then run the command again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-wqy-microhei',
      '  or point CHROMIUM_PATH at a Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}

main();
