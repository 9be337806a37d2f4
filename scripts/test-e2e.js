#!/usr/bin/env node
// `npm run test:e2e`: the admin panel (and public pages) in Debian's Chromium, driven by
// playwright-core. Needs `npm run build` first (the admin bundle) and /usr/bin/chromium
// (`apt-get install chromium`; .ci/run installs it when missing). Never downloads a browser.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: apt-get install chromium (or set CHROMIUM_PATH)`);
  process.exit(1);
}
if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'build', 'index.html'))) {
  console.error('The admin panel is not built: run npm run build first');
  process.exit(1);
}
const jest = path.join(__dirname, '..', 'node_modules', '.bin', 'jest');
const res = spawnSync(jest, ['-c', 'jest.e2e.config.js', '--runInBand', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_LABEL: 'e2e' },
});
process.exit(res.status ?? 1);
