import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeOnly = ['better-sqlite3', 'node-hid', 'serialport', '@serialport/*', '@elgato-stream-deck/*', 'usb', 'ws', 'obs-websocket-js', 'obs-websocket-js/*'];

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
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', ...nodeOnly, '**/core/store/**', '**/core/server/**', '**/native/**'] }],
    },
  },
  {
    // native/ implements hardware and simulators: never React or Electron.
    files: ['native/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'electron', 'zustand', 'recharts'] }] },
  },
  {
    // The core is plain Node (DESIGN §1): it never imports electron.
    files: ['electron/core/**/*.ts', 'electron/bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron', 'react', 'react-dom'] }] },
  },
);
