// Fails the build when an entry's initial JavaScript, gzipped, grows past its budget, and prints the
// sizes of every entry and lazy chunk. Budgets are gzip KB (1 KB = 1024 bytes), as DESIGN.md states them.

const zlib = require('node:zlib');

class BundleBudgetPlugin {
  /** @param {Record<string, number>} budgetsKb entry name -> gzip KB */
  constructor(budgetsKb) {
    this.budgetsKb = budgetsKb;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleBudgetPlugin', (compilation) => {
      // ANALYSE runs after minification, while the sources are still in memory.
      compilation.hooks.processAssets.tap(
        { name: 'BundleBudgetPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => this.check(compiler, compilation),
      );
    });
  }

  check(compiler, compilation) {
    const gzipKb = (file) => {
      const asset = compilation.getAsset(file);
      return asset ? zlib.gzipSync(asset.source.buffer(), { level: 9 }).length / 1024 : 0;
    };
    const lines = [];
    const initialFiles = new Set();
    for (const [name, entrypoint] of compilation.entrypoints) {
      const files = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
      files.forEach((f) => initialFiles.add(f));
      const kb = files.reduce((sum, f) => sum + gzipKb(f), 0);
      const budget = this.budgetsKb[name];
      lines.push(`  entry ${name}: ${kb.toFixed(1)} KB gzip initial JS${budget ? ` (budget ${budget} KB)` : ''}`);
      if (budget && kb > budget) {
        compilation.errors.push(
          new Error(
            `Bundle budget: entry "${name}" has ${kb.toFixed(1)} KB gzip of initial JavaScript, over its budget of ${budget} KB. ` +
              'Load what only some views need lazily (import()).',
          ),
        );
      }
    }
    for (const chunk of compilation.chunks) {
      for (const f of chunk.files) {
        if (f.endsWith('.js') && !initialFiles.has(f)) lines.push(`  lazy  ${f}: ${gzipKb(f).toFixed(1)} KB gzip`);
      }
    }
    console.log(`Bundle sizes (${compiler.options.name ?? 'build'}):\n${lines.join('\n')}`);
  }
}

module.exports = { BundleBudgetPlugin };
