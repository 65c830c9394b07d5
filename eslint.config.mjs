// ESLint for the whole repository (`npm run lint`; test/unit/repository/lint.test.ts runs it in the unit lane).
// Three parts: the recommended checks of @eslint/js and typescript-eslint (syntax only, not type-aware, so the
// run stays a few seconds), the folder boundaries (which code may import what), and a few @stylistic rules
// that hold today's style (2 spaces, single quotes, semicolons, trailing commas, lines up to 160 characters)
// instead of a formatter: Prettier with the same settings rewrites 116 of the 179 source files.
// @ts-check
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];

/** Unused names are errors, except those starting with `_` (an argument kept for its position, a skipped element). */
const UNUSED = { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' };

/** A rule's `no-restricted-imports` options: the modules named, and import paths matching each regex. */
const restrict = (paths, patterns) => ({ paths, patterns });
const CONNECTION = 'The language service is pure: the server (server/src/server.ts) owns the connection and VS Code.';

/** The boundaries between folders, by the import strings their files may not use. */
const boundaries = [
  {
    dir: 'server/src/service',
    options: restrict(
      [
        { name: 'vscode', message: CONNECTION },
        { name: 'vscode-languageserver', message: CONNECTION },
        { name: 'vscode-languageserver/node', message: CONNECTION },
      ],
      [
        { regex: '^vscode-languageserver/', message: CONNECTION },
        { regex: '(^|/)client/', message: 'The language service does not know the client: what both need lives in protocol/ or the service.' },
      ],
    ),
  },
  {
    dir: 'client/src',
    options: restrict([], [{ regex: '(^|/)server/src(/|$)', message: 'The client talks to the server only through protocol/ (the typed requests).' }]),
  },
  {
    dir: 'protocol',
    options: restrict([], [{ regex: '(^|/)client(/|$)', message: 'protocol/ is shared by client and server: it cannot import the client.' }]),
  },
  {
    // Webview scripts run in the page, loaded by a <script> tag: they import nothing (and are parsed as scripts,
    // where an import statement is a syntax error).
    dir: 'media',
    options: restrict([], [{ regex: '.*', message: 'A webview script imports nothing: it gets what it needs from messages.' }]),
  },
];

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'out-*/', 'examples/', '$shared/', '.vscode-test/', 'test-results/', 'bench/results/', 'test/fixtures/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  { files: TS, extends: [tseslint.configs.recommended] },
  {
    rules: {
      'no-unused-vars': ['error', UNUSED],
    },
  },
  {
    files: TS,
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
    },
  },
  {
    // The LSP's own pattern: `export namespace XRequest { export const type = new RequestType(…) }`.
    files: ['protocol/**/*.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },

  // ---- where each file runs ----------------------------------------------------------------------------------
  {
    files: JS,
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['**/*.js'],
    ignores: ['media/**'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'A webview script imports nothing.' },
        { selector: 'CallExpression[callee.name="require"]', message: 'A webview script imports nothing.' },
      ],
    },
  },
  {
    // The journeys and screenshots drive a browser: functions passed to evaluate() run in the page.
    files: ['test/journeys/**', 'test/editor/*.mjs', 'scripts/start.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // ---- boundaries ----------------------------------------------------------------------------------------
  ...boundaries.flatMap(({ dir, options }) => [
    { files: TS.map(glob => `${dir}/${glob}`), rules: { '@typescript-eslint/no-restricted-imports': ['error', options] } },
    { files: JS.map(glob => `${dir}/${glob}`), rules: { 'no-restricted-imports': ['error', options] } },
  ]),

  // ---- today's style -------------------------------------------------------------------------------------
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, flatTernaryExpressions: true, offsetTernaryExpressions: true }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/member-delimiter-style': 'error',
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/arrow-parens': ['error', 'as-needed'],
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-tabs': 'error',
      // Enforced on strings and templates too: a long message or test row can be split, and the issue asks for
      // every line to fit. A URL cannot be split.
      '@stylistic/max-len': ['error', { code: 160, tabWidth: 2, ignoreUrls: true }],
    },
  },
);
