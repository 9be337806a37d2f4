#!/usr/bin/env node
// `generate`: Strapi's own `strapi openapi generate`, corrected (lib/openapi-normalise.js), with the
// admin routes that declare their shapes (lib/openapi-admin.js), validated,
// written to public/openapi.json (served at /api/openapi.json).
// `check`: regenerate into a temporary file and fail if the committed document is stale.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'public', 'openapi.json');
const { normalise } = require('./lib/openapi-normalise');
const { withAdminRoutes } = require('./lib/openapi-admin');

async function generate() {
  const raw = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'raw.json');
  execFileSync(path.join(root, 'node_modules', '.bin', 'strapi'), ['openapi', 'generate', '-o', raw], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  const doc = withAdminRoutes(normalise(JSON.parse(fs.readFileSync(raw, 'utf8'))));
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  const result = await new Validator().validate(doc);
  if (!result.valid) {
    console.error(JSON.stringify(result.errors, null, 2).slice(0, 4000));
    throw new Error('the generated OpenAPI document is invalid');
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function main() {
  const mode = process.argv[2] || 'generate';
  const text = await generate();
  if (mode === 'check') {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('public/openapi.json is stale: run `npm run build` and commit it');
      process.exit(1);
    }
    console.log('public/openapi.json is current and valid');
    return;
  }
  fs.writeFileSync(target, text);
  console.log(
    `[openapi] wrote public/openapi.json (${Object.keys(JSON.parse(text).paths).length} paths, valid OpenAPI ${JSON.parse(text).openapi})`,
  );
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
