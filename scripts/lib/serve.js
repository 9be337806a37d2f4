#!/usr/bin/env node
// A second app instance for multi-instance tests: boots the compiled app on the database
// named by the environment (DATABASE_URL or DATABASE_FILENAME) and prints "LISTENING <url>".
const { bootStrapi, listen } = require('./boot');

(async () => {
  const env = {};
  for (const key of ['DATABASE_URL', 'DATABASE_FILENAME']) if (process.env[key]) env[key] = process.env[key];
  // Instances of one deployment share its secrets (.env): an administrator signed in on one is
  // signed in on the other, as behind a load balancer. Without inherited ones, bootStrapi makes new.
  for (const key of [
    'APP_KEYS',
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
  ])
    if (process.env[key]) env[key] = process.env[key];
  const app = await bootStrapi({ env, drop: async () => undefined }, env);
  const url = await listen(app);
  process.stdout.write(`LISTENING ${url}\n`);
  const stop = async () => {
    await app.destroy().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
