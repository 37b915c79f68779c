// The VSIX as `npm run package` builds it holds the plugin where tsserver looks for it, and
// tsserver loads it from an unpacked copy of that VSIX, as VS Code does after installing it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatedModule, runtime } from '../core/handlers/program';
import { pluginIsBuilt, repoRoot, semanticDiagnostics, TsServer } from './tsserver';

let tmp: string;

before(() => {
  if (!pluginIsBuilt()) assert.equal(spawnSync('npm', ['run', 'build'], { cwd: repoRoot }).status, 0);
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'es-vsix-')));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Every entry of a zip file, read with the zip library vsce itself uses. */
async function unzip(path: string): Promise<Map<string, Buffer>> {
  const fromVsce = createRequire(require.resolve('@vscode/vsce/package.json'));
  const yauzl = fromVsce('yauzl');
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (err: Error | null, zip: any) => {
      if (err) return reject(err);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: any) => {
        zip.openReadStream(entry, (e: Error | null, stream: NodeJS.ReadableStream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

test('the packaged extension carries the plugin package, and tsserver loads the plugin from it', async () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(tmp, 'out.vsix');
  // The `package` script itself, writing elsewhere.
  const script: string = manifest.scripts.package.replaceAll('event-schemas.vsix', vsix);
  const res = spawnSync('sh', ['-c', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH}` },
  });
  assert.equal(res.status, 0, res.stdout + res.stderr);

  const entries = await unzip(vsix);
  const packaged = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
  assert.deepEqual(packaged.contributes.typescriptServerPlugins, [{ name: 'event-schemas-tsplugin', enableForWorkspaceTypeScriptVersions: true }]);
  for (const name of ['extension/dist/tsplugin.js', 'extension/node_modules/event-schemas-tsplugin/package.json', 'extension/node_modules/event-schemas-tsplugin/index.js']) {
    assert.ok(entries.has(name), name);
  }
  assert.equal([...entries.keys()].filter((n) => n.includes('node_modules/')).length, 2, 'nothing else from node_modules');

  // Unpack as VS Code installs it, and point tsserver at it the way VS Code does.
  const extension = join(tmp, 'installed');
  for (const [name, data] of entries) {
    if (!name.startsWith('extension/')) continue;
    const p = join(extension, name.slice('extension/'.length));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
  const ws = join(tmp, 'ws');
  mkdirSync(join(ws, 'src', 'gen'), { recursive: true });
  writeFileSync(join(ws, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true } }));
  writeFileSync(join(ws, 'src', 'gen', 'runtime.ts'), runtime);
  writeFileSync(join(ws, 'src', 'gen', 'orders.ts'), generatedModule('OrderEvent', ['OrderPlaced']));
  const main = join(ws, 'src', 'main.ts');
  writeFileSync(main, 'import { decodeOrderEvent } from "./gen/orders";\ndecodeOrderEvent(new Uint8Array());\n');
  const logFile = join(tmp, 'tsserver.log');
  const server = new TsServer({ probe: extension, logFile });
  try {
    server.notify('open', { file: main });
    assert.deepEqual((await semanticDiagnostics(server, main)).map((d) => d.code), [79003]);
  } finally {
    await server.close();
  }
  // Had the unpacked extension failed, tsserver would have gone on to the repository's own copy
  // next to its install; the log shows it stopped at the first place it looked.
  const attempts = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('Loading event-schemas-tsplugin from'));
  assert.equal(attempts.length, 1, attempts.join('\n'));
  assert.ok(attempts[0]!.includes(`from ${extension} `), attempts[0]);
});

test('the bundle carries no copy of TypeScript: tsserver hands the plugin its own', () => {
  const bundle = readFileSync(join(repoRoot, 'dist', 'tsplugin.js'), 'utf8');
  assert.ok(bundle.length < 300_000, `dist/tsplugin.js is ${bundle.length} bytes`);
  assert.doesNotMatch(bundle, /require\(["']typescript["']\)/);
  assert.doesNotMatch(bundle, /function createProgram\(/);
});
