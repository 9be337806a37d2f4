#!/usr/bin/env node
// `npm run typecheck`: every TypeScript project of the app, tests, example and workspaces, checked by
// `tsc --noEmit`, as many at once as the machine has cores. One after another they took six minutes of
// a CI run on two cores; each tsc is single-threaded. A workspace's projects are read from its own
// `typecheck` script, so `npm run typecheck` inside a workspace and here check the same things.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function projects() {
  const list = ['tsconfig.json', 'tests/tsconfig.json', 'examples/street-site/tsconfig.json'];
  for (const pattern of rootPackage.workspaces) {
    const parent = path.join(root, pattern.replace(/\/\*$/, ''));
    for (const name of fs.readdirSync(parent).sort()) {
      const file = path.join(parent, name, 'package.json');
      if (!fs.existsSync(file)) continue;
      const script = JSON.parse(fs.readFileSync(file, 'utf8')).scripts?.typecheck ?? '';
      for (const [, p] of script.matchAll(/tsc -p (\S+)/g)) list.push(path.relative(root, path.join(parent, name, p)));
    }
  }
  return list;
}

function check(project) {
  const started = Date.now();
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', project], {
      cwd: root,
    });
    let output = '';
    tsc.stdout.on('data', (d) => (output += d));
    tsc.stderr.on('data', (d) => (output += d));
    tsc.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? 'ok  ' : 'FAIL'} ${project} (${seconds} s)\n${output}`);
      resolve(code === 0);
    });
  });
}

async function main() {
  const queue = projects();
  const lanes = Math.max(1, Math.min(os.cpus().length, Number(process.env.TYPECHECK_JOBS) || Infinity));
  let failed = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) if (!(await check(p))) failed += 1;
    }),
  );
  if (failed) {
    console.error(`${failed} project(s) failed the type check`);
    process.exit(1);
  }
}

main();
