#!/usr/bin/env node
// Strapi 5.54 loads a local TypeScript plugin from its built dist/: build every workspace
// under src/plugins before the app. `--if-missing` skips plugins that already have dist/.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const dir = path.resolve(__dirname, '..', 'src', 'plugins');
const ifMissing = process.argv.includes('--if-missing');
const plugins = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'package.json')))
  : [];
for (const name of plugins) {
  const root = path.join(dir, name);
  if (ifMissing && fs.existsSync(path.join(root, 'dist'))) continue;
  console.log(`[build-plugins] ${name}`);
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
if (!plugins.length) console.log('[build-plugins] no local plugins');
