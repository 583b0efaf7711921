// typescript-eslint on the server code; Prettier owns formatting. The web app has its own block.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'docs/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read the environment through @ticketing/config',
        },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@ticketing/*/*'], message: 'import libs by their root alias only' }] },
      ],
    },
  },
  {
    // Test harnesses, scripts and config loading are where the environment is read on purpose.
    files: [
      'libs/config/**',
      'libs/testing/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'bench/**',
      '**/bench/**',
      'scripts/**',
      'test/**',
    ],
    rules: { 'no-restricted-syntax': 'off', 'no-console': 'off' },
  },
  {
    // The web app's build config runs in Node outside the services; its dev proxy target is an env choice.
    files: ['apps/web/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
