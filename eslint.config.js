// Lint: TypeScript's recommended rules, React hooks rules, and the layer boundaries of DESIGN.md
// enforced rather than hoped for: the domain imports no React, Graph, MSAL, teams-js or office.js,
// and no I/O globals; only the graph port knows the Graph client.

const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

const nodeGlobals = { console: 'readonly', process: 'readonly', setTimeout: 'readonly', URL: 'readonly' };

const sdkImports = [
  { group: ['react', 'react-*', '@fluentui/*'], message: 'The domain holds no UI.' },
  { group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-types'], message: 'Only src/graph knows Graph.' },
  { group: ['@azure/msal-browser'], message: 'Only src/auth knows MSAL.' },
  { group: ['@microsoft/teams-js'], message: 'Only src/host knows teams-js.' },
  { group: ['idb-keyval'], message: 'Only src/store knows IndexedDB.' },
  { group: ['../*'], message: 'The domain depends on nothing outside itself.' },
];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module', globals: nodeGlobals } },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sdkImports }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'Office', message: 'office.js belongs in src/host.' },
        { name: 'localStorage', message: 'The domain does no I/O.' },
        { name: 'indexedDB', message: 'The domain does no I/O.' },
        { name: 'window', message: 'The domain runs without a DOM.' },
        { name: 'document', message: 'The domain runs without a DOM.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the clock in: the domain reads no time itself.' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Pass the clock in: the domain reads no time itself.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    ignores: ['src/app/services.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@microsoft/microsoft-graph-client'], message: 'Use the graph port (src/graph).' },
            { group: ['@azure/msal-browser'], message: 'Use the token provider port (src/auth).' },
            { group: ['@microsoft/teams-js'], message: 'Use the host port (src/host).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Office', message: 'office.js belongs in src/host.' }],
    },
  },
);
