// Imports and references never read outside the configured roots: not through `..`, not
// through a symlink that points out of a root, not through an absolute path. The language
// server and the CLI answer such imports as not found.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeWorkspace, startServer, type TestServer } from '../lsp/client';

const secret = 'syntax = "proto3";\npackage secret;\nmessage Secret { string password = 1; }\n';

function layout(): string {
  const outer = makeWorkspace({});
  const ws = join(outer, 'ws');
  const files: Record<string, string> = {
    'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n',
    'proto/app/a.proto':
      'syntax = "proto3";\npackage app;\n\nimport "../../outside/secret.proto";\nimport "link/secret.proto";\nimport "' +
      join(outer, 'outside', 'secret.proto') +
      '";\n\nmessage A {\n  secret.Secret s = 1;\n}\n',
    'secret.proto': secret,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, rel)), { recursive: true });
    writeFileSync(join(ws, rel), text);
  }
  mkdirSync(join(outer, 'outside'), { recursive: true });
  writeFileSync(join(outer, 'outside', 'secret.proto'), secret);
  // A symlinked folder inside the root whose target lies outside every root.
  symlinkSync(join(outer, 'outside'), join(ws, 'proto', 'app', 'link'));
  symlinkSync(join(outer, 'outside'), join(ws, 'proto', 'link'));
  return ws;
}

let server: TestServer;
let ws: string;
before(async () => {
  ws = layout();
  server = await startServer({}, { root: ws });
});
after(async () => {
  await server.stop();
});

test('the language server reports every escaping import as not found', async () => {
  const uri = server.uri('proto/app/a.proto');
  const got = server.diagnostics(uri);
  await server.open('proto/app/a.proto', (await import('node:fs')).readFileSync(join(ws, 'proto/app/a.proto'), 'utf8'));
  const diags = (await got).diagnostics;
  const unknownImports = diags.filter((d) => d.code === 'resolve/unknown-import').map((d) => d.range.start.line);
  assert.deepEqual(unknownImports, [3, 4, 5]);
  assert.ok(diags.some((d) => d.code === 'resolve/unknown-type' && d.range.start.line === 8));
});

test('definition and workspace symbols never reach files outside the roots', async () => {
  await server.waitReady();
  const defs: any[] = await server.connection.sendRequest('textDocument/definition', {
    textDocument: { uri: server.uri('proto/app/a.proto') },
    position: { line: 8, character: 10 },
  });
  assert.deepEqual(defs, []);
  const symbols: any[] = await server.connection.sendRequest('workspace/symbol', { query: 'Secret' });
  // ws/secret.proto lies outside the buf module root (proto/), so it is not indexed either.
  assert.deepEqual(symbols.map((s) => s.location.uri), []);
});

test('the CLI reports the same imports as not found', () => {
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const res = spawnSync(process.execPath, [cli, 'check', 'proto', '--format', 'json'], { cwd: ws, encoding: 'utf8' });
  const out = JSON.parse(res.stdout) as { diagnostics: { code: string; range: { start: { line: number } } }[] };
  const lines = out.diagnostics.filter((d) => d.code === 'resolve/unknown-import').map((d) => d.range.start.line);
  assert.deepEqual(lines, [3, 4, 5]);
  assert.equal(res.status, 1);
});
