#!/usr/bin/env node
// First run: write .env from .env.example, replacing every <random> with a fresh secret.
// An existing .env is left alone, so secrets stay stable across restarts.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const target = path.join(root, '.env');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
if (!fs.existsSync(target)) writeEnv();

function writeEnv() {
const template = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
const secret = (key) =>
  key === 'ADMIN_PASSWORD'
    ? `Ws${crypto.randomBytes(9).toString('base64url')}9!`
    : crypto.randomBytes(24).toString('base64');
const out = template
  .split('\n')
  .map((line) => {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (!m || !m[2].includes('<random>')) return line;
    return `${m[1]}=${m[2].replace(/<random>/g, () => secret(m[1]))}`;
  })
  .join('\n');
fs.writeFileSync(target, out, { mode: 0o600 });
console.log('[prepare-env] wrote .env with fresh secrets');
}
