/**
 * @title Mocha configuration running TypeScript tests through tsx with a timeout
 * @tags testing, mocha, configuration, mocharc, tsx, typescript
 * @stack mocha, javascript
 */
module.exports = {
  spec: ['test/**/*.test.ts'],
  'node-option': ['import=tsx'],
  timeout: 5000,
  reporter: 'spec',
  exit: true,
};
