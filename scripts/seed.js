#!/usr/bin/env node
// `npm run seed`: boot the compiled app, load the Weishi demo (idempotent), exit.
const path = require('path');
const fs = require('fs');
const { execSync } = require('child_process');

const appDir = path.resolve(__dirname, '..');
const distDir = path.join(appDir, 'dist');

async function main() {
  require('./prepare-env');
  if (!fs.existsSync(path.join(distDir, 'src', 'seed', 'index.js'))) {
    execSync('npm run build', { cwd: appDir, stdio: 'inherit' });
  }
  const { createStrapi } = require('@strapi/strapi');
  process.env.SEED_DEMO = 'false'; // the explicit run below does the work and reports it
  const app = await createStrapi({ appDir, distDir }).load();
  const { seedDemo } = require(path.join(distDir, 'src', 'seed'));
  const created = await seedDemo(app);
  console.log(`[seed] Weishi demo: ${created} records created (0 means it was already loaded)`);
  await app.destroy();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
