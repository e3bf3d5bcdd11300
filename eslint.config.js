import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests index into arrays they just built; a wrong guess fails the test anyway.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The engine runs in a plain Node process (utilityProcess, child_process, CLI): never Electron.
    files: [
      'electron/engine/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/web/**/*.ts',
      'electron/common/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                '引擎、命令行和网页宿主不得依赖 electron（engine, CLI and web host must not import electron).',
            },
          ],
          patterns: [
            {
              group: ['electron/*', '**/main/**', '**/preload/**', '**/renderer/**'],
              message:
                'The engine side must not import Electron, the main process, the preload or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer only knows the browser, React and the shared contract.
    files: ['renderer/**/*.{ts,tsx}', 'electron/web/bridge/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the archive through window.huihan only.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer must not import Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: [
                '**/electron/**',
                '!**/electron/web/bridge/**',
                '**/bench/**',
                '**/scripts/**',
                '**/e2e/**',
              ],
              message: 'The renderer may import only from renderer/ and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is the contract: it imports nothing from the other parts, and no Node built-ins.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is host-neutral.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ must run in the browser too.' })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports nothing from the other parts.',
            },
          ],
        },
      ],
    },
  },
);
