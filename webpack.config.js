// Two builds: the app (one entry per surface, with a gzip budget) and the host simulators used by the
// demo and the end-to-end tests (no budget; never shipped).
//
// Source maps of the app are not served to users: a production build writes them "hidden" (no
// sourceMappingURL comment in the scripts) to dist/sourcemaps/app/, outside dist/app/, the folder that
// is served; they stay with the developer (load them in the browser's devtools by hand, or give them
// to an error reporter). No devtool may use eval: the pages' CSP has no 'unsafe-eval'
// (scripts/hosting.ts), and the demo serves a development build under the same CSP.

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

/** gzip KB of the Outlook pane's initial JavaScript, office.js excluded (92 KB with the first view; the approval UI comes next). */
const PANE_BUDGET_KB = 150;

const SOURCEMAPS = path.resolve(__dirname, 'dist/sourcemaps');

/** Empties a folder before each build (output.clean cleans only output.path). */
class CleanFolderPlugin {
  constructor(dir) {
    this.dir = dir;
  }
  apply(compiler) {
    compiler.hooks.emit.tap('CleanFolderPlugin', () => fs.rmSync(this.dir, { recursive: true, force: true }));
  }
}

/** Copies a folder's files into the output as they are (the Outlook ribbon's icons, served at /icons/). */
class CopyFolderPlugin {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('CopyFolderPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFolderPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of fs.readdirSync(this.from)) {
          compilation.fileDependencies.add(path.join(this.from, file));
          compilation.emitAsset(`${this.to}/${file}`, new RawSource(fs.readFileSync(path.join(this.from, file))));
        }
      });
    });
  }
}

const common = (mode) => ({
  mode,
  devtool: mode === 'production' ? 'source-map' : 'cheap-module-source-map',
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  stats: 'errors-warnings',
  performance: { hints: false },
});

module.exports = (_env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const app = {
    ...common(mode),
    name: 'app',
    // The Outlook pane is its own entry: office.js is not bundled (a <script> from config.json's
    // officeJsUrl, which Outlook's own CDN serves), and the tab never loads it.
    entry: { tab: './src/ui/tab/index.tsx', pane: './src/ui/pane/index.tsx' },
    ...(mode === 'production' && { devtool: 'hidden-source-map' }),
    output: {
      path: path.resolve(__dirname, 'dist/app'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Relative to output.path: beside dist/app/, never in it (see the top of this file).
      ...(mode === 'production' && { sourceMapFilename: path.relative(path.resolve(__dirname, 'dist/app'), path.join(SOURCEMAPS, 'app', '[file].map')) }),
      clean: true,
    },
    module: { rules: [tsRule(true)] },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/ui/tab/tab.html', filename: 'tab.html', chunks: ['tab'] }),
      new HtmlWebpackPlugin({ template: './src/ui/pane/pane.html', filename: 'pane.html', chunks: ['pane'] }),
      // The pane's budget counts its own JavaScript only: office.js is loaded from Microsoft's CDN.
      new BundleBudgetPlugin({ tab: 250, pane: PANE_BUDGET_KB }),
      new CopyFolderPlugin(path.resolve(__dirname, 'manifest/icons'), 'icons'),
      ...(mode === 'production' ? [new CleanFolderPlugin(path.join(SOURCEMAPS, 'app'))] : []),
    ],
  };
  const simulatorEntries = {};
  const simulatorPages = [];
  // The start page is a template the demo server fills in per request, so it is not built here.
  for (const [name, dir, page] of [
    ['teams', 'simulators/teams-host', 'teams.html'],
    ['outlook', 'simulators/outlook-host', 'outlook.html'],
    // The start page's "Kanalen och Planner" view of what landed in the emulator.
    ['landed', 'simulators/landed', 'landed.html'],
  ]) {
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
