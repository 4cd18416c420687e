import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Package names go in `paths` (exact module names): as gitignore-style `patterns`, "electron" would
// also match the relative path of the shared contract in electron/core/contract.
const noPackages = (names) => names.map((name) => ({ name, message: `${name} does not belong in this layer (DESIGN §2)` }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The renderer runs in a browser or a sandboxed window: no Node, no native modules, no electron.
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noPackages(['electron', 'better-sqlite3', 'node-hid', 'serialport', 'usb', 'ws', 'obs-websocket-js']),
          patterns: ['node:*', '@serialport/*', '@elgato-stream-deck/*', 'obs-websocket-js/*', '**/core/store/**', '**/core/server/**', '**/core/engine/**', '**/native/**'],
        },
      ],
    },
  },
  {
    // native/ implements hardware and simulators: never React or Electron.
    files: ['native/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noPackages(['react', 'react-dom', 'electron', 'zustand', 'recharts']) }] },
  },
  {
    // The core is plain Node (DESIGN §1): it never imports electron.
    files: ['electron/core/**/*.ts', 'electron/bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noPackages(['electron', 'react', 'react-dom']) }] },
  },
);
