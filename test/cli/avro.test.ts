// Avro through the bundled CLI: .avsc and .avdl files checked as one workspace, exact JSON
// locations, IDL imports resolved relative to the file and never read outside the PATH roots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brief, cliJson, ensureBuilt, removeWorkspaces, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const money = `{"type": "record", "name": "Money", "namespace": "acme.common", "fields": [
  {"name": "currency", "type": "string"},
  {"name": "units", "type": "long"}
]}
`;

const order = `{
  "type": "record",
  "name": "OrderPlaced",
  "namespace": "acme.orders",
  "fields": [
    {"name": "id", "type": "string"},
    {"name": "total", "type": "acme.common.Money"},
    {"name": "count", "type": "int", "default": "three"}
  ]
}
`;

test('a name defined in another .avsc resolves, and a bad default is located exactly', () => {
  const ws = workspace({ 'schemas/money.avsc': money, 'schemas/order.avsc': order });
  const res = cliJson(['check', 'schemas'], ws);
  assert.equal(res.code, 1);
  assert.deepEqual(brief(res.json), ['schemas/order.avsc:7:48 error avro/default-type-mismatch']);
  assert.deepEqual(res.json.diagnostics[0]!.range, { start: { line: 7, character: 48 }, end: { line: 7, character: 55 } });
});

test('a file named alone sees the schemas beside it but reports only itself', () => {
  const ws = workspace({ 'money.avsc': money.replace('"long"', '"lng"'), 'order.avsc': order.replace(', "default": "three"', '') });
  const res = cliJson(['check', 'order.avsc'], ws);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);
  const both = cliJson(['check'], ws);
  assert.deepEqual(brief(both.json), ['money.avsc:2:28 error avro/unknown-type']);
});

test('broken JSON is a syntax error', () => {
  const ws = workspace({ 'x.avsc': '{"type": "record", "name": "X", "fields": [\n' });
  const res = cliJson(['check'], ws);
  assert.equal(res.code, 1);
  assert.ok(res.json.diagnostics.length > 0);
  for (const d of res.json.diagnostics) assert.match(d.code, /^syntax\//);
});

test('Protobuf and Avro findings share one sorted report', () => {
  const ws = workspace({
    'b.avsc': '{"type": "enum", "name": "E", "symbols": ["A", "A"]}\n',
    'a.proto': 'syntax = "proto3";\npackage a;\nmessage A { Nope n = 1; }\n',
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(
    res.json.diagnostics.map((d) => d.file),
    ['a.proto', 'b.avsc'],
  );
  assert.equal(res.code, 1);
});

test('.avdl files are checked too: syntax and semantic errors with exact ranges, same JSON contract', () => {
  const ws = workspace({
    'p.avdl': 'protocol P {\n  record R { int count = "three"; }\n  record S { strin s; }\n}\n',
    'm.avsc': money,
  });
  const res = cliJson(['check'], ws);
  assert.equal(res.code, 1);
  assert.deepEqual(brief(res.json), ['p.avdl:1:25 error avro/default-type-mismatch', 'p.avdl:2:13 error avro/unknown-type']);
  assert.deepEqual(res.json.diagnostics[0]!.range, { start: { line: 1, character: 25 }, end: { line: 1, character: 32 } });
  assert.equal(res.json.diagnostics[1]!.source, 'event-schemas');
  assert.equal(res.stderr, '');
});

test('IDL imports resolve relative to the file, and only what a file imports is visible to it', () => {
  const ws = workspace({
    'common/money.avsc': money,
    'orders/orders.avdl': '@namespace("acme.orders")\nprotocol Orders {\n  import schema "../common/money.avsc";\n  import idl "status.avdl";\n  record Order { acme.common.Money total; Status status; }\n}\n',
    'orders/status.avdl': 'namespace acme.orders;\nenum Status { NEW, PAID }\n',
    'orders/alone.avdl': 'namespace acme.orders;\nrecord Alone { acme.common.Money m; }\n',
  });
  const res = cliJson(['check'], ws);
  assert.deepEqual(brief(res.json), ['orders/alone.avdl:1:15 error avro/unknown-type']);
  assert.equal(res.code, 1);
  // A file named alone follows its imports within its own folder only.
  const one = cliJson(['check', 'orders/orders.avdl'], ws);
  assert.deepEqual(brief(one.json), ['orders/orders.avdl:2:16 error resolve/unknown-import', 'orders/orders.avdl:4:17 error avro/unknown-type']);
  assert.match(one.json.diagnostics[0]!.message, /is outside the folders being checked and is not read; check a folder that holds both files/);
});

test('an import that is missing, or outside the PATH roots, is an error on its path and is not read', () => {
  const ws = workspace({
    'outside.avsc': '{"type": "record", "name": "Outside", "fields": []}\n',
    'api/p.avdl': 'protocol P {\n  import schema "../outside.avsc";\n  import idl "nope.avdl";\n  record R { Outside o; }\n}\n',
  });
  const res = cliJson(['check', 'api'], ws);
  assert.equal(res.code, 1);
  assert.deepEqual(brief(res.json), ['api/p.avdl:1:16 error resolve/unknown-import', 'api/p.avdl:2:13 error resolve/unknown-import', 'api/p.avdl:3:13 error avro/unknown-type']);
  assert.match(res.json.diagnostics[0]!.message, /"\.\.\/outside\.avsc" is outside the folders being checked/);
  assert.match(res.json.diagnostics[1]!.message, /"nope\.avdl" was not found; the path is relative to this file's folder/);
  // Checking from the parent folder puts the file inside the roots.
  assert.deepEqual(brief(cliJson(['check', '.'], ws).json), ['api/p.avdl:2:13 error resolve/unknown-import']);
});

test('a symlink that leads out of the PATH roots is not followed by an import', () => {
  const ws = workspace({ 'secret/s.avsc': '{"type": "record", "name": "Secret", "fields": []}\n', 'api/p.avdl': 'protocol P {\n  import schema "link.avsc";\n  record R { Secret s; }\n}\n' });
  symlinkSync(join(ws, 'secret', 's.avsc'), join(ws, 'api', 'link.avsc'));
  const res = cliJson(['check', 'api/p.avdl'], ws);
  assert.deepEqual(brief(res.json), ['api/p.avdl:1:16 error resolve/unknown-import', 'api/p.avdl:2:13 error avro/unknown-type']);
});
