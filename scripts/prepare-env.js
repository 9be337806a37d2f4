#!/usr/bin/env node
// First run: write .env from .env.example, replacing every <random> with a fresh secret.
// An existing .env keeps its secrets, so they stay stable across restarts; it only gains variables
// added since it was written (DEMO_STAFF_PASSWORD).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const target = path.join(root, '.env');
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
// Passwords people type: letters, digits and the two characters Strapi's admin password rule wants.
const PASSWORDS = ['ADMIN_PASSWORD', 'DEMO_STAFF_PASSWORD'];
function password() {
  return `Ws${crypto.randomBytes(9).toString('base64url')}9!`;
}

// A .env written before a password variable existed gets it appended (secrets already there stay).
function addMissingPasswords() {
  const current = fs.readFileSync(target, 'utf8');
  const missing = ['DEMO_STAFF_PASSWORD'].filter((key) => !new RegExp(`^${key}=`, 'm').test(current));
  if (!missing.length) return;
  fs.appendFileSync(
    target,
    `${current.endsWith('\n') ? '' : '\n'}${missing.map((key) => `${key}=${password()}`).join('\n')}\n`,
  );
  console.log(`[prepare-env] added ${missing.join(', ')} to .env`);
}

function writeEnv() {
  const template = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const secret = (key) => (PASSWORDS.includes(key) ? password() : crypto.randomBytes(24).toString('base64'));
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

if (!fs.existsSync(target)) writeEnv();
else addMissingPasswords();
