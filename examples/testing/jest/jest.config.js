/**
 * @title Jest configuration for TypeScript with ts-jest and coverage thresholds
 * @tags testing, jest, configuration, ts-jest, coverage
 * @stack jest, javascript
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
  coverageThreshold: { global: { branches: 80, functions: 85, lines: 85, statements: 85 } },
};
