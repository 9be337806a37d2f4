/** One suite, two databases: TEST_DB=postgres (npm run test:pg) or SQLite (npm test). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/tests/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  testTimeout: 180000,
  // Each file boots its own Strapi on its own database; files run one after another.
  maxWorkers: 1,
  verbose: false,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
};
