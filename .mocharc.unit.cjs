// Unit tests: plain Node, TypeScript through tsx, mirroring src/.
module.exports = {
  spec: ['test/unit/**/*.test.ts'],
  'node-option': ['import=tsx'],
  timeout: 20000,
  reporter: 'spec',
  exit: true,
};
