// The fast unit tier (`npm run test:unit`, the inner loop): the unit tests beside their modules and
// the case workflow on Temporal's time-skipping test server with in-memory activities. No
// PostgreSQL and no Temporal dev server: scripts/test-unit.mjs starts neither.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: [
    '<rootDir>/domain',
    '<rootDir>/workflows',
    '<rootDir>/activities',
    '<rootDir>/api',
    '<rootDir>/platform',
    '<rootDir>/notifications',
  ],
  testMatch: ['**/*.test.ts'],
};
