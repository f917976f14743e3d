// Lint: typed rules for the whole tree, and the layer boundary (vscode only at the host edge).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeOnlyAtTheEdge = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'Only src/extension.ts, src/host/ and src/webview/ may import vscode; the core talks through ports (src/core/ports.ts).' }],
  }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-test/**', 'dist-vsix/**', '.cache/**', 'test-output/**', 'test/fixtures/validation/**', 'test/fixtures/workspaces/**', 'test/fixtures/examples/**', 'test/fixtures/reference-projects/**', 'examples/**', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-syntax': ['error', {
        selector: "SwitchStatement > MemberExpression.discriminant[property.name='command']",
        message: 'Route protocol messages through the typed handler table, not a switch on a command string.',
      }],
    },
  },
  { files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts', 'webview-ui/**/*.ts'], rules: vscodeOnlyAtTheEdge },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
