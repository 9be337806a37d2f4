/** Browser tests: the built admin panel in Debian's Chromium (npm run test:e2e). */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/tests/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 300000,
};
