// Bundles every entry point into dist/. `vscode` stays external: the editor provides it.
// The well-known types are copied next to the bundles so imports of google/protobuf/*.proto
// resolve with no configuration, from the `protoc` package that ships them.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

const entries = {
  extension: 'client/src/extension.ts',
  server: 'server/src/lsp/main.ts',
  cli: 'server/src/cli/main.ts',
  // Loaded by tsserver, which passes in its own `typescript`: the plugin imports none itself.
  tsplugin: 'server/src/tsplugin/index.ts',
};

const wktSource = join(dirname(require.resolve('protoc/package.json')), 'include', 'google', 'protobuf');
rmSync('dist/wkt', { recursive: true, force: true });
mkdirSync('dist/wkt/google', { recursive: true });
cpSync(wktSource, 'dist/wkt/google/protobuf', { recursive: true });

// tsserver loads a plugin by package name from <extension>/node_modules, so a two-file package
// there points at the bundle (it also serves the extension development host and the tsserver
// tests). `vsce package --no-dependencies` never packs node_modules/, so the `package` script adds
// these two files to the VSIX afterwards (scripts/vsix-tsplugin.mjs).
const pluginPackage = 'node_modules/event-schemas-tsplugin';
mkdirSync(pluginPackage, { recursive: true });
writeFileSync(join(pluginPackage, 'package.json'), JSON.stringify({ name: 'event-schemas-tsplugin', private: true, main: 'index.js' }) + '\n');
writeFileSync(join(pluginPackage, 'index.js'), "module.exports = require('../../dist/tsplugin.js');\n");

const options = {
  entryPoints: entries,
  bundle: true,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // Prefer ES module builds: jsonc-parser's `main` is a UMD file whose inner requires esbuild
  // cannot see, so bundling it through `main` fails at runtime with "Cannot find module './impl/format'".
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  banner: { js: '' },
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
