/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type-checking happens once in `npm run typecheck`; tests only transpile, which keeps them fast.
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 30000,
};
