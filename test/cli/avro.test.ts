// Avro through the bundled CLI: .avsc files checked as one workspace, exact JSON locations, and
// formats this version cannot check yet skipped with a note instead of a failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, cli, cliJson, ensureBuilt, removeWorkspaces, workspace } from './run';

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

test('.avdl files are skipped with a note, and do not change the exit code', () => {
  const ws = workspace({ 'p.avdl': 'protocol P { record R { string s; } }\n', 'm.avsc': money });
  const res = cli(['check', '--format', 'json'], ws);
  assert.equal(res.stdout, '{"diagnostics":[]}\n');
  assert.equal(res.stderr, 'event-schemas: note: skipped 1 .avdl file: this version does not check .avdl yet\n');
  assert.equal(res.code, 0);
});
