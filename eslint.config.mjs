import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      'coverage/',
      'jest.config.js',
      'test/support/summary-reporter.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The domain core is pure: plain data in, plain data out.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@mikro-orm/*',
            'type-graphql',
            'graphql',
            'graphql-*',
            '@apollo/*',
            'dataloader',
            'pg',
            '**/persistence/**',
            '**/graphql/**',
            '**/services/**',
          ],
        },
      ],
    },
  },
);
