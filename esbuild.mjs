// Bundles every entry point into dist/. `vscode` stays external: the editor provides it.
// The well-known types are copied next to the bundles so imports of google/protobuf/*.proto
// resolve with no configuration, from the `protoc` package that ships them.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

const entries = {
  extension: 'client/src/extension.ts',
  server: 'server/src/lsp/main.ts',
  cli: 'server/src/cli/main.ts',
};

const wktSource = join(dirname(require.resolve('protoc/package.json')), 'include', 'google', 'protobuf');
rmSync('dist/wkt', { recursive: true, force: true });
mkdirSync('dist/wkt/google', { recursive: true });
cpSync(wktSource, 'dist/wkt/google/protobuf', { recursive: true });

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
