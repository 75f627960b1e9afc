// Jest runs TypeScript through SWC (fast, no type check: `npm run typecheck` does that).
// Unit tests sit beside their module; tests that cross parts live in tests/.
const ESM_ONLY = ['bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'min-dash'].join('|');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/domain', '<rootDir>/workflows', '<rootDir>/activities', '<rootDir>/api', '<rootDir>/platform', '<rootDir>/notifications', '<rootDir>/tests'],
  // tests/record-histories.ts rewrites tests/histories/ (workflows/README.md, "Recorded histories"):
  // it runs only when asked for, with RECORD_HISTORIES=1.
  testMatch: ['**/*.test.ts', ...(process.env.RECORD_HISTORIES ? ['**/tests/record-histories.ts'] : [])],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // flatbush ships ES modules only; its package also carries a UMD build Jest can load.
  moduleNameMapper: { '^flatbush$': '<rootDir>/node_modules/flatbush/flatbush.js' },
  transform: {
    // The bootstrap's .mjs helpers are reused by tests that manage their own PostgreSQL.
    '^.+\\.(ts|mjs)$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // bpmn-moddle and the helpers it and bpmnlint load ship ES modules only (tests/bpmn-consistency.test.ts).
    [`/node_modules/(${ESM_ONLY})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY})/)`],
  testTimeout: 60_000,
  // Two workers on the two cores `npm test` is made for: each has a database of its own (the
  // global set-up copies the seeded one; tests/support/use-worker-database.ts picks it) and the
  // suites already give their workers task queues of their own on the shared Temporal server.
  maxWorkers: 2,
  setupFiles: ['<rootDir>/tests/support/use-worker-database.ts'],
  // The longest suites first, so that none of them starts last and runs on alone (tests/support/test-sequencer.js).
  testSequencer: '<rootDir>/tests/support/test-sequencer.js',
  // The case workflow is bundled once per run, not once per suite (tests/support/workflow-bundle.ts).
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};
