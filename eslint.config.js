// Lint: ESLint's and typescript-eslint's recommended rules, plus the project's own boundary — runtime code
// in src/ uses web APIs only, so Node builtins are an error there.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `any` is confined to the places that read untyped JSON and error causes; each is deliberate.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'fs',
            'path',
            'http',
            'https',
            'os',
            'crypto',
            'child_process',
            'url',
            'util',
            'stream',
            'events',
            'buffer',
            'net',
          ].map((name) => ({ name, message: 'src/ is runtime code: web APIs only.' })),
          patterns: [{ group: ['node:*'], message: 'src/ is runtime code: web APIs only.' }],
        },
      ],
    },
  },
);
