// Adds the TypeScript server plugin's package to a VSIX: extension/node_modules/event-schemas-tsplugin/
// {package.json,index.js}, as the build writes them (esbuild.mjs). tsserver loads plugins by package
// name from <extension>/node_modules only, and `vsce package --no-dependencies` never packs
// node_modules/, so the two files go in after vsce. The zip libraries are vsce's own.
//
// Usage: node scripts/vsix-tsplugin.mjs event-schemas.vsix
import { createRequire } from 'node:module';
import { createWriteStream, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const vsix = process.argv[2];
if (!vsix || !existsSync(vsix)) {
  console.error(`usage: node scripts/vsix-tsplugin.mjs FILE.vsix (got ${vsix ?? 'nothing'})`);
  process.exit(2);
}
const pluginDir = 'node_modules/event-schemas-tsplugin';
const added = ['package.json', 'index.js'].map((name) => {
  const path = join(pluginDir, name);
  if (!existsSync(path)) {
    console.error(`${path} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
  return { name: `extension/${pluginDir}/${name}`, data: readFileSync(path) };
});

const fromVsce = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce/package.json'));
const yauzl = fromVsce('yauzl');
const yazl = fromVsce('yazl');

const out = new yazl.ZipFile();
const temp = `${vsix}.tmp`;
const written = new Promise((resolve, reject) => {
  out.outputStream.pipe(createWriteStream(temp)).on('close', resolve).on('error', reject);
});

await new Promise((resolve, reject) => {
  yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
    if (err) return reject(err);
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      if (added.some((a) => a.name === entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => {
          out.addBuffer(Buffer.concat(chunks), entry.fileName, { mtime: entry.getLastModDate() });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
});
for (const a of added) out.addBuffer(a.data, a.name);
out.end();
await written;
renameSync(temp, vsix);
console.log(`added ${added.map((a) => a.name).join(', ')} to ${vsix}`);
