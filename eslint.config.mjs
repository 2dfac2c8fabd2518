// Lint rules for theory-load: typescript-eslint's recommended set, import bands, and no
// console output outside the few entry points that own a stream.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'playwright-report/',
      'test-results/',
      'blob-report/',
      'load-results/',
      'spec/.output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', ['parent', 'sibling', 'index'], 'type'],
          'newlines-between': 'always',
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Entry points own stdout/stderr; everything else is quiet and uses `debug`.
    files: ['simulator/main.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'reporters/console-*.ts'],
    rules: { 'no-console': 'off' },
  },
);
