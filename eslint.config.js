// ESLint (flat config): TypeScript and Svelte rules, and the direction dependencies point (STYLE.md).
// Formatting is Prettier's job alone (eslint-config-prettier turns off ESLint's formatting rules).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** A module a folder must not import, with the reason the lint message gives. */
const forbid = (group, message) => ({ group, message });

const SHARED_IS_PURE = [
  forbid(
    ['node:*', 'fs', 'path', 'better-sqlite3', 'socket.io', 'socket.io/*', 'svelte', 'svelte/*', 'fastify', '@fastify/*'],
    'shared/ is pure: no I/O, database, sockets or Svelte',
  ),
  forbid(['**/server/**', '**/client/**'], 'shared/ imports nothing from server/ or client/'),
];
const CLIENT_THROUGH_PROTOCOL = [
  forbid(['**/server/**', 'better-sqlite3', 'fastify', '@fastify/*', 'node:*'], 'client/ reaches the server only through shared/protocol'),
];
const SERVER_NOT_CLIENT = [forbid(['**/client/**'], 'server/ never imports client code')];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'test-results/', 'wt-boot.mjs'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // socket.io calls one shared listener per event with the socket as `this` (no closure per viewer): it is named `socket`.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['socket'] }],
      // Unused names are mistakes, except an argument kept for its position or a rest sibling left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
  },
  {
    // A variable a closure reads before its one assignment (a shutdown hook set up first) stays `let`.
    // (Svelte files keep the Svelte config's own rule: `let { ... } = $props()` is the documented form.)
    files: ['**/*.ts', '**/*.js'],
    ignores: ['**/*.svelte.ts'],
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Prettier wraps code at 140 but leaves long strings, comments and markup text alone: those are kept to 140 here, except
    // a URL, an import, and a test's name (a sentence the runner prints whole and an engineer searches for as it reads).
    // ESLint core's max-len; ESLint 11 moves it to @stylistic/eslint-plugin as @stylistic/max-len.
    rules: {
      'max-len': [
        'error',
        {
          code: 140,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignorePattern: String.raw`^\s*import\s.+\sfrom\s.+;$|^\s*(test|it|describe)(\.\w+)*\(['"\x60]`,
        },
      ],
    },
  },
  // Test helpers hand back whatever JSON a server sent; the tests' own assertions are its type.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', { patterns: SHARED_IS_PURE }] } },
  { files: ['client/src/**'], rules: { 'no-restricted-imports': ['error', { patterns: CLIENT_THROUGH_PROTOCOL }] } },
  { files: ['server/**'], rules: { 'no-restricted-imports': ['error', { patterns: SERVER_NOT_CLIENT }] } },
);
