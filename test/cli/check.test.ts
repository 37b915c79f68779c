// `event-schemas check` end to end: the bundled CLI on real folders, asserting exit codes and the
// JSON contract of DESIGN.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brief, cli, cliJson, ensureBuilt, removeWorkspaces, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const money = `syntax = "proto3";
package acme.common.v1;

message Money {
  string currency = 1;
  int64 units = 2;
}
`;

const orders = `syntax = "proto3";
package acme.orders.v1;

import "acme/common/v1/money.proto";

message OrderPlaced {
  string order_id = 1;
  acme.common.v1.Money total = 2;
}
`;

test('clean files exit 0 with an empty diagnostics list', () => {
  const ws = workspace({ 'acme/common/v1/money.proto': money, 'acme/orders/v1/orders.proto': orders });
  const res = cli(['check', '--format', 'json'], ws);
  assert.equal(res.stdout, '{"diagnostics":[]}\n');
  assert.equal(res.stderr, '');
  assert.equal(res.code, 0);
});

test('a syntax error exits 1 and is reported with its file, 0-based range and code', () => {
  const ws = workspace({ 'bad.proto': 'syntax = "proto3";\n\nmessage A {\n  string name = 1\n}\n' });
  const res = cliJson(['check', 'bad.proto'], ws);
  assert.equal(res.code, 1);
  const [only, ...more] = res.json.diagnostics;
  assert.deepEqual(more, []);
  const { message, ...located } = only!;
  // The missing `;` is an empty span right after `1`.
  assert.deepEqual(located, {
    file: 'bad.proto',
    range: { start: { line: 3, character: 17 }, end: { line: 3, character: 17 } },
    severity: 'error',
    code: 'syntax/missing-semicolon',
    source: 'event-schemas',
  });
  assert.match(message, /`;`/);
  assert.equal(
    res.stdout,
    JSON.stringify({ diagnostics: [{ file: 'bad.proto', range: located.range, severity: 'error', code: located.code, message, source: 'event-schemas' }] }) + '\n',
  );
});

test('a lexical error has an exact span', () => {
  const ws = workspace({ 'a.proto': 'syntax = "proto3";\nimport "x.proto\n' });
  const res = cliJson(['check'], ws);
  assert.equal(res.code, 1);
  const unterminated = res.json.diagnostics.find((d) => d.code === 'syntax/unterminated-string');
  assert.deepEqual(unterminated, {
    file: 'a.proto',
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } },
    severity: 'error',
    code: 'syntax/unterminated-string',
    message: 'string is not closed before the end of the line',
    source: 'event-schemas',
  });
});

test('warnings alone exit 0', () => {
  const ws = workspace({
    'a.proto': 'syntax = "proto3";\npackage a;\n\nimport "google/protobuf/timestamp.proto";\n\nmessage A {}\n',
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(brief(res.json), ['a.proto:3:7 warning resolve/unused-import']);
  assert.equal(res.code, 0);
});

test('well-known types resolve with no configuration', () => {
  const ws = workspace({
    'a.proto': `syntax = "proto3";
package a;

import "google/protobuf/timestamp.proto";
import "google/protobuf/struct.proto";

message A {
  google.protobuf.Timestamp at = 1;
  google.protobuf.Struct attributes = 2;
}
`,
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);
});

test('buf.yaml v2 modules are the import roots, so imports resolve across modules', () => {
  const files = {
    'proto/acme/orders/v1/orders.proto': orders,
    'vendor/acme/common/v1/money.proto': money,
  };
  const configured = workspace({ ...files, 'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n  - path: vendor\n' });
  const res = cliJson(['check', 'proto'], configured);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);

  // The same tree without buf.yaml: the PATH folder is the only root and the import is missing.
  const bare = workspace(files);
  const without = cliJson(['check', 'proto'], bare);
  assert.deepEqual(brief(without.json), [
    'proto/acme/orders/v1/orders.proto:3:7 error resolve/unknown-import',
    'proto/acme/orders/v1/orders.proto:7:2 error resolve/unknown-type',
  ]);
  assert.equal(without.code, 1);
});

test('a buf.yaml found above a file inside PATH is used, per file', () => {
  const ws = workspace({
    'schemas/v1/buf.yaml': 'version: v2\nmodules:\n  - path: proto\n',
    'schemas/v1/proto/acme/common/v1/money.proto': money,
    'schemas/v1/proto/acme/orders/v1/orders.proto': orders,
    'schemas/v2/buf.yaml': 'version: v2\nmodules:\n  - path: proto\n',
    'schemas/v2/proto/acme/common/v1/money.proto': money,
    'schemas/v2/proto/acme/orders/v1/orders.proto': orders.replace('string order_id = 1;', 'string order_id = 1;\n  Missing m = 3;'),
  });
  const res = cliJson(['check', 'schemas'], ws);
  assert.deepEqual(brief(res.json), ['schemas/v2/proto/acme/orders/v1/orders.proto:7:2 error resolve/unknown-type']);
});

test('buf.work.yaml directories are the import roots', () => {
  const ws = workspace({
    'buf.work.yaml': 'version: v1\ndirectories:\n  - orders\n  - common\n',
    'orders/acme/orders/v1/orders.proto': orders,
    'common/acme/common/v1/money.proto': money,
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);
});

test('-I folders are the import roots when there is no buf configuration', () => {
  const ws = workspace({ 'src/acme/orders/v1/orders.proto': orders, 'lib/acme/common/v1/money.proto': money });
  const res = cliJson(['check', 'src', '-I', 'src', '-I', 'lib'], ws);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);
  const joined = cliJson(['check', 'src', '-Isrc', '--proto_path=lib'], ws);
  assert.deepEqual(joined.json.diagnostics, []);
  const missing = cliJson(['check', 'src'], ws);
  assert.deepEqual(brief(missing.json), [
    'src/acme/orders/v1/orders.proto:3:7 error resolve/unknown-import',
    'src/acme/orders/v1/orders.proto:7:2 error resolve/unknown-type',
  ]);
});

test('an import climbing out of the root with .. is not read from outside it', () => {
  const ws = workspace({
    'outside.proto': 'syntax = "proto3";\npackage outside;\nmessage Secret {}\n',
    'root/a.proto': 'syntax = "proto3";\npackage a;\nimport "../outside.proto";\nmessage A { outside.Secret s = 1; }\n',
  });
  const res = cliJson(['check', 'root'], ws);
  assert.deepEqual(brief(res.json), [
    'root/a.proto:2:7 error resolve/unknown-import',
    'root/a.proto:3:12 error resolve/unknown-type',
  ]);
  assert.match(res.json.diagnostics[0]!.message, /"\.\.\/outside\.proto" was not found/);
});

test('a symlink out of the root is not followed for imports', () => {
  const ws = workspace({
    'outside/secret.proto': 'syntax = "proto3";\npackage outside;\nmessage Secret {}\n',
    'root/a.proto': 'syntax = "proto3";\npackage a;\nimport "link/secret.proto";\nmessage A { outside.Secret s = 1; }\n',
  });
  symlinkSync(join(ws, 'outside'), join(ws, 'root', 'link'));
  const res = cliJson(['check', 'root'], ws);
  assert.deepEqual(brief(res.json), [
    'root/a.proto:2:7 error resolve/unknown-import',
    'root/a.proto:3:12 error resolve/unknown-type',
  ]);
});

test('only files under PATH are reported, not the files they import', () => {
  const ws = workspace({
    'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n  - path: vendor\n',
    'proto/acme/orders/v1/orders.proto': orders,
    // An unused import in the imported file would be a warning if it were checked.
    'vendor/acme/common/v1/money.proto': money.replace('\nmessage', '\nimport "google/protobuf/empty.proto";\n\nmessage'),
  });
  const res = cliJson(['check', 'proto'], ws);
  assert.deepEqual(res.json.diagnostics, []);
  const all = cliJson(['check', '.'], ws);
  assert.deepEqual(brief(all.json), ['vendor/acme/common/v1/money.proto:3:7 warning resolve/unused-import']);
});

test('findings are sorted by file, then position, with paths relative to the current folder', () => {
  const ws = workspace({
    'b.proto': 'syntax = "proto3";\npackage b;\nmessage B { Nope x = 1; Gone y = 2; }\n',
    'a/z.proto': 'syntax = "proto3";\npackage z;\nmessage Z { Nah x = 1; }\n',
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(brief(res.json), [
    'a/z.proto:2:12 error resolve/unknown-type',
    'b.proto:2:12 error resolve/unknown-type',
    'b.proto:2:24 error resolve/unknown-type',
  ]);
  const fromBelow = cliJson(['check', '..'], join(ws, 'a'));
  assert.deepEqual(
    fromBelow.json.diagnostics.map((d) => d.file),
    ['z.proto', '../b.proto', '../b.proto'].sort(),
  );
});

test('node_modules, .git and dist are skipped', () => {
  const broken = 'message {';
  const ws = workspace({
    'a.proto': 'syntax = "proto3";\npackage a;\n',
    'node_modules/dep/x.proto': broken,
    '.git/y.proto': broken,
    'dist/z.proto': broken,
    'sub/dist/w.proto': broken,
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);
});

test('JSON output is one object even when no schema file is found', () => {
  const ws = workspace({ 'README.md': '# nothing here\n' });
  mkdirSync(join(ws, 'empty'));
  for (const path of ['.', 'empty']) {
    const res = cli(['check', path, '--format=json'], ws);
    assert.equal(res.stdout, '{"diagnostics":[]}\n');
    assert.equal(res.code, 0);
  }
});

test('a missing PATH is an I/O error: exit 2, nothing on stdout', () => {
  const ws = workspace({ 'a.proto': 'syntax = "proto3";\n' });
  const res = cli(['check', 'a.proto', 'nope', '--format', 'json'], ws);
  assert.equal(res.code, 2);
  assert.equal(res.stdout, '');
  assert.match(res.stderr, /nope does not exist/);
});

test('a PATH that is not a schema file, and a missing -I folder, are errors', () => {
  const ws = workspace({ 'notes.txt': 'hello\n', 'a.proto': 'syntax = "proto3";\n' });
  const txt = cli(['check', 'notes.txt'], ws);
  assert.equal(txt.code, 2);
  assert.match(txt.stderr, /notes\.txt is not a schema file/);
  const root = cli(['check', '-I', 'missing'], ws);
  assert.equal(root.code, 2);
  assert.match(root.stderr, /import root missing is not a folder/);
});

test('an unreadable buf.yaml is reported on stderr with exit 2, after the findings', () => {
  const ws = workspace({ 'buf.yaml': 'version: v2\nmodules: [\n', 'a.proto': 'syntax = "proto3";\npackage a;\nmessage A { Nope n = 1; }\n' });
  const res = cliJson(['check'], ws);
  assert.equal(res.code, 2);
  assert.deepEqual(brief(res.json), ['a.proto:2:12 error resolve/unknown-type']);
  assert.match(res.stderr, /buf\.yaml/);
});
