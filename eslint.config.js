// Lint: typescript-eslint's recommended rules (relaxed where the code base has a reason) and the
// walls between the floors (docs/architecture.md), one `no-restricted-imports` block per folder.
// test/unit/architecture.test.ts checks the same walls and also finds import loops.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const wall = (message, group) => ({ group, message });
/** main/ folders reached by relative paths (`../../app/desk`), not shared/ipc */
const mainFolders = (message, names) => ({ regex: `^(\\.\\./)+(${names.join('|')})/`, message });
const electron = wall('only main/shell imports electron', ['electron', 'electron/*']);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'test-output/',
      '.electron-native/',
      '.tmp/',
      '.scratch/',
      'renderer/dist/',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // casts at the edges (better-sqlite3 rows, IPC) are explicit `as`; `any` stays rare but allowed
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      // full-width spaces are part of Chinese text in strings and templates
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // `let x = fallback; try { x = … }` reads clearly; not worth a rule
      'no-useless-assignment': 'off',
    },
  },
  {
    files: ['main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            wall('main/domain is pure: no database, services, shell, UI or I/O', [
              '**/db/*',
              '**/services/*',
              '**/shell/*',
              '**/reports/*',
              'react',
              'react-dom',
              'kysely',
              'better-sqlite3',
              'node:fs',
              'fs',
              'node:child_process',
            ]),
            electron,
          ],
        },
      ],
    },
  },
  {
    files: ['main/reports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            mainFolders('main/reports never imports services, app or ipc (services import reports)', [
              'services',
              'app',
              'ipc',
            ]),
            electron,
          ],
        },
      ],
    },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            mainFolders('services take a BookHost; they never import the app, ipc, cli, shell or serve', [
              'app',
              'ipc',
              'cli',
              'shell',
              'serve',
            ]),
            electron,
          ],
        },
      ],
    },
  },
  {
    files: [
      'main/db/**/*.ts',
      'main/import/**/*.ts',
      'main/ipc/**/*.ts',
      'main/app/**/*.ts',
      'main/cli/**/*.ts',
      'main/serve/**/*.ts',
      'main/print/**/*.ts',
      'main/workers/**/*.ts',
      'main/demo/**/*.ts',
      'main/lib/**/*.ts',
      'shared/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron] }] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            wall('the renderer is untrusted: it imports only shared/ and its own files', [
              '**/main/*',
              'better-sqlite3',
              'kysely',
              'node:*',
            ]),
            electron,
          ],
        },
      ],
    },
  },
);
