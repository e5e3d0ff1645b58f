import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { clientLayers } from './eslint/client-layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-results*/**',
      '*-report/**',
      'dist-*/**',
      'bench/results/**',
      '.tmp/**',
      // Files that must fail lint (tests/unit/lint/client-layers.test.ts lints them on purpose).
      'tests/unit/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // One import direction: domain imports nothing of ours; UI never touches Dexie; sync never imports React.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/client/**', '**/server/**', 'react', 'dexie', 'fastify', 'kysely'],
              message: 'domain is isomorphic and imports nothing of ours',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/client/features/**/*.{ts,tsx}',
      'src/client/ui/**/*.{ts,tsx}',
      'src/client/app/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'components go through hooks and repositories in client/data' },
            { name: 'dexie-react-hooks', message: 'use the hooks in client/data' },
          ],
          patterns: [{ group: ['**/server/**'], message: 'the client never imports server code' }],
        },
      ],
    },
  },
  {
    files: ['src/client/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand/react', '**/features/**', '**/ui/**'],
              message: 'the sync engine is plain TypeScript',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/client/**', 'react'], message: 'the server never imports client code' }] },
      ],
    },
  },
  // Server layers: routes and http → services → repositories → domain.
  {
    files: ['src/server/services/**/*.ts', 'src/server/repositories/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/**', 'react'], message: 'the server never imports client code' },
            {
              group: ['**/http/**', '**/routes/**', 'fastify', '@fastify/*'],
              message:
                'services and repositories do not speak HTTP: throw a domain error (services/errors.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/repositories/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/**', 'react'], message: 'the server never imports client code' },
            {
              group: ['**/http/**', '**/routes/**', 'fastify', '@fastify/*'],
              message:
                'services and repositories do not speak HTTP: throw a domain error (services/errors.ts)',
            },
            { group: ['**/services/**'], message: 'repositories are below services: they never import them' },
          ],
        },
      ],
    },
  },
  ...clientLayers,
);
