// Two builds: the app (one entry per surface, with a gzip budget) and the host simulators used by the
// demo and the end-to-end tests (no budget; never shipped).

const path = require('node:path');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { BundleBudgetPlugin } = require('./scripts/bundle-budget');

const tsRule = (griffel) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: [
    // Griffel compiles our makeStyles at build time, so the style compiler stays out of the bundle.
    ...(griffel ? [{ loader: '@griffel/webpack-loader' }] : []),
    { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
  ],
});

const common = (mode) => ({
  mode,
  devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  stats: 'errors-warnings',
  performance: { hints: false },
});

module.exports = (_env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const app = {
    ...common(mode),
    name: 'app',
    entry: { tab: './src/ui/tab/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist/app'), filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    module: { rules: [tsRule(true)] },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/ui/tab/tab.html', filename: 'tab.html', chunks: ['tab'] }),
      new BundleBudgetPlugin({ tab: 250 }),
    ],
  };
  const simulatorEntries = {};
  const simulatorPages = [];
  // The start page is a template the demo server fills in per request, so it is not built here.
  for (const [name, dir, page] of [['teams', 'simulators/teams-host', 'teams.html']]) {
    const entry = ['host.ts', 'start.ts', 'index.ts'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (entry) simulatorEntries[name] = `./${entry}`;
    if (fs.existsSync(path.join(dir, 'index.html'))) {
      simulatorPages.push(new HtmlWebpackPlugin({ template: `./${dir}/index.html`, filename: page, chunks: entry ? [name] : [] }));
    }
  }
  const simulators = {
    ...common(mode),
    name: 'simulators',
    entry: simulatorEntries,
    output: { path: path.resolve(__dirname, 'dist/simulators'), filename: '[name].[contenthash:8].js', clean: true },
    module: { rules: [tsRule(false)] },
    plugins: simulatorPages,
  };
  return Object.keys(simulatorEntries).length ? [app, simulators] : [app];
};
