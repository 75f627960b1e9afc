// Lint: typescript-eslint with type information, so floating promises (an unawaited activity,
// timer or query) are errors, as in Temporal's samples.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'prisma/generated/',
      '.data/',
      '.tools/',
      // The project's scratch folder (bench logs, profiles, the test run's files): not sources.
      '.tmp/',
      '**/dist/',
      'coverage/',
      '**/*.js',
      '**/*.mjs',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The front ends (admin/, portal/): React's rules of hooks. An effect that depends on less than
  // it reads says why, next to it.
  {
    files: ['admin/**/*.{ts,tsx}', 'portal/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Event handlers (onClick={async () => …}) are async and catch their own errors.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
    },
  },
  // react-admin types records, filters and providers with `any` (RaRecord, DataProvider); the back
  // office follows the library's types rather than restating them.
  { files: ['admin/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
