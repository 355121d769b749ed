// House rules that check themselves (`npm run lint`, part of `npm test`).
// Layers: domain ← app/views ← adapters (bot, store, report, scheduler, server). The boundary rules below
// resolve each import to its file, so a rule cannot be dodged by a different relative path.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Node built-ins that do I/O or keep time: the pure domain gets none of them ("now" is an argument). */
const ioBuiltins = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'timers',
  'timers/promises',
  'readline',
  'os',
  'process',
].flatMap((m) => [m, `node:${m}`]);

const botSdk = ['botbuilder', 'botbuilder-*', 'botframework-*'];
const agentsSdk = ['@microsoft/agents-*'];

/**
 * The store behind its port: the application, its views, the domain, the jobs, the documents and the
 * channel see it through src/app/port only, not even by type; main.ts wires a store in.
 */
const storeImports = {
  group: ['**/store/*', '**/store/**'],
  allowTypeImports: false,
  message:
    'Only main.ts (and the command-line tools) import src/store, type imports included: use the port (src/app/port) the application owns.',
};

/**
 * A bare `new Error(...)` thrown, or handed on as a rejection (`Promise.reject(...)`, a promise's
 * `reject(...)`, also inside a condition such as `reject(e ?? new Error(...))`). Only src/errors,
 * where the named errors are made, may build one.
 */
const bareErrors = [
  "ThrowStatement NewExpression[callee.name='Error']",
  "CallExpression[callee.object.name='Promise'][callee.property.name='reject'] NewExpression[callee.name='Error']",
  "CallExpression[callee.name='reject'] NewExpression[callee.name='Error']",
];
const bareErrorMessage =
  'Throw or reject with one of the named errors (StoreFileError, ConfigError, …; src/errors/codedError.ts) or add one that says what failed, with its code in src/errors/catalogue.ts.';
const bareErrorRules = bareErrors.map((selector) => ({ selector, message: bareErrorMessage }));
/** An error class of our own: its code in the error catalogue, through CodedError (src/errors/codedError.ts). */
const ownErrorRule = {
  selector: "ClassDeclaration[superClass.name='Error'], ClassExpression[superClass.name='Error']",
  message: 'Extend CodedError (src/errors/codedError.ts) and give the class its code in src/errors/catalogue.ts.',
};

export default tseslint.config(
  {
    // The boundary fixtures break the rules on purpose; test/lint/boundaries.test.ts lints each as the file it names.
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'test-artifacts/',
      'data/store/',
      'bench/results/',
      'test/fixtures/boundaries/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  // Short functions (STYLE.md, "Short functions"): every line counts, comments and blank lines too, so a
  // long function cannot hide behind them. Tests are left out: their describe blocks are long by nature.
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  // Production code: no `any`, and errors that say what they are (a named error a caller can catch by
  // kind, with its code in the error catalogue, src/errors), whether thrown or handed on as a rejection.
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/errors/**'],
    rules: { 'no-restricted-syntax': ['error', ...bareErrorRules, ownErrorRule] },
  },
  // The domain imports nothing outside itself, so its errors extend Error and spell their catalogue code.
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...bareErrorRules] },
  },
  // Each bot SDK has its one folder: botbuilder in src/bot, the Microsoft 365 Agents SDK in src/bot-agents
  // (BOT_SDK picks one). The rest of the bot runs on either unchanged, and neither folder reaches into the other.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**', 'src/bot-agents/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: botSdk, message: 'Only src/bot imports the Bot Framework SDK (STYLE.md, layout).' },
            { group: agentsSdk, message: 'Only src/bot-agents imports the Microsoft 365 Agents SDK.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bot/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: agentsSdk, message: 'Only src/bot-agents imports the Microsoft 365 Agents SDK.' },
            storeImports,
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/bot',
              from: './src/bot-agents',
              message: 'The SDK folders do not share code: put it in src/channel.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bot-agents/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: botSdk, message: 'Only src/bot imports the Bot Framework SDK (STYLE.md, layout).' },
            storeImports,
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/bot-agents',
              from: './src/bot',
              message: 'The SDK folders do not share code: put it in src/channel.',
            },
          ],
        },
      ],
    },
  },
  // The application and its views see the outside world through ports (src/app/ports.ts, src/app/port):
  // no bot internals and nothing of src/store, not even a type. The domain, the jobs, the documents and
  // the channel code reach the store the same way.
  {
    files: [
      'src/app/**/*.ts',
      'src/views/**/*.ts',
      'src/domain/**/*.ts',
      'src/scheduler/**/*.ts',
      'src/report/**/*.ts',
      'src/channel/**/*.ts',
    ],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./src/app', './src/views'],
              from: ['./src/bot', './src/bot-agents', './src/channel'],
              message: 'src/app and src/views never import the bot layer: it calls them, not the other way round.',
            },
            {
              target: ['./src/app', './src/views'],
              from: './src/report',
              message:
                'src/app and src/views never import src/report: the documents render the views, not the other way round.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            storeImports,
            { group: botSdk, message: 'Only src/bot imports the Bot Framework SDK (STYLE.md, layout).' },
            { group: agentsSdk, message: 'Only src/bot-agents imports the Microsoft 365 Agents SDK.' },
          ],
        },
      ],
    },
  },
  // Tests may import anything, and read JSON as it comes; fakes implement async ports synchronously.
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // The pure domain: nothing outside src/domain, no I/O, no clock.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./src/domain'],
              from: ['./src'],
              except: ['./domain'],
              message: 'src/domain is pure: it imports only from src/domain (STYLE.md, "Dependencies point one way").',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ioBuiltins.map((name) => ({
            name,
            message: 'src/domain does no I/O and keeps no time: take the data and "now" as arguments.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'fetch', 'process'].map((name) => ({
          name,
          message: 'src/domain does no I/O and keeps no time: take the data and "now" as arguments.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/domain takes "now" as an argument.' },
      ],
    },
  },
);
