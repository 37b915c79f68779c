// Formatting of .avsc and the code actions of .avsc and .avdl: the core's fixes as quick fixes,
// imports for IDL names other files define, and "Add default".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { parseAvsc } from '../../../server/src/core/avro/index';
import { codeActions } from '../../../server/src/service/avro/codeActions';
import { formatAvsc } from '../../../server/src/service/avro/formatting';
import { applyEdits } from '../fixture';
import { avroFixture, noThrow } from './fixture';

const options = { tabSize: 2, insertSpaces: true };

test('formatting lays out one member per line and keeps content and key order', () => {
  const text = '{"name":"Order","type":"record","fields":[{"type":["null","string"],"name":"note","default":null}]}';
  const out = applyEdits(text, noThrow(() => formatAvsc(text, options)));
  assert.equal(
    out,
    '{\n  "name": "Order",\n  "type": "record",\n  "fields": [\n    {\n      "type": [\n        "null",\n        "string"\n      ],\n      "name": "note",\n      "default": null\n    }\n  ]\n}\n',
  );
  assert.deepEqual(JSON.parse(out), JSON.parse(text));
  assert.deepEqual(noThrow(() => formatAvsc(out, options)), [], 'formatting twice changes nothing');
  const tabs = applyEdits(text, noThrow(() => formatAvsc(text, { tabSize: 4, insertSpaces: false })));
  assert.match(tabs, /^\{\n\t"name"/);
});

test('formatting indents every level of a deep schema, 200 columns included', () => {
  // jsonc-parser gives no text for a line break indented exactly 200 columns.
  const text = '{"type": "array", "items": '.repeat(210) + '"int"' + '}'.repeat(210);
  for (const [opts, unit] of [[options, '  '], [{ tabSize: 4, insertSpaces: true }, '    '], [{ tabSize: 4, insertSpaces: false }, '\t']] as const) {
    const edits = noThrow(() => formatAvsc(text, opts));
    assert.ok(edits.every((e) => typeof e.newText === 'string'));
    const lines = applyEdits(text, edits).split('\n');
    for (let level = 1; level <= 210; level++) assert.equal(lines[2 * level - 1], `${unit.repeat(level)}"type": "array",`, `level ${level}`);
  }
});

test('formatting leaves broken JSON alone', () => {
  assert.deepEqual(noThrow(() => formatAvsc('{"type": "record", "fields": [}', options)), []);
});

function actions(source: string, only?: string[]): { list: CodeAction[]; f: ReturnType<typeof avroFixture> } {
  const f = avroFixture(source);
  return { list: noThrow(() => codeActions(f.project, f.uri, f.range, only ? { only } : {})), f };
}

function applied(f: ReturnType<typeof avroFixture>, a: CodeAction): string {
  return applyEdits(f.text, a.edit!.changes![f.uri]! as TextEdit[]);
}

test("the core's fixes become quick fixes: a misspelt primitive, a union default matching a later branch", () => {
  const typo = actions('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "strng$0"}]}');
  assert.deepEqual(typo.list.map((a) => [a.title, a.kind, a.isPreferred, a.diagnostics?.[0]?.code]), [['Change to "string"', 'quickfix', true, 'avro/unknown-type']]);
  assert.equal(applied(typo.f, typo.list[0]!), '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "string"}]}\n');

  const later = actions('{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "string"], "default": "x$0"}]}', ['quickfix']);
  assert.deepEqual(later.list.map((a) => a.title), ['Move string first in the union']);
  const fixed = applied(later.f, later.list[0]!);
  assert.equal(fixed, '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["string", "null"], "default": "x"}]}\n');
});

test('IDL: an unknown type another file defines can be imported, with the path relative to the file', () => {
  const source = `
//- api/orders.avdl
@namespace("acme")
protocol Orders {
  import schema "status.avsc";
  record Order { Mon$0ey total; }
}
//- common/money.avsc
{"type": "record", "name": "Money", "namespace": "acme", "fields": []}
//- api/status.avsc
{"type": "enum", "name": "Status", "namespace": "acme", "symbols": ["A"]}
`;
  const { list, f } = actions(source, ['quickfix']);
  assert.deepEqual(list.map((a) => [a.title, a.isPreferred, a.diagnostics?.[0]?.code]), [['Import schema "../common/money.avsc"', true, 'avro/unknown-type']]);
  assert.equal(applied(f, list[0]!).split('\n').slice(2, 4).join('\n'), '  import schema "status.avsc";\n  import schema "../common/money.avsc";');
  const bare = actions('//- a.avdl\nnamespace acme;\nrecord A { Mo$0ney m; }\n//- m.avdl\nnamespace acme;\nrecord Money {}\n', ['quickfix']);
  assert.equal(applied(bare.f, bare.list[0]!), 'namespace acme;\nimport idl "m.avdl";\nrecord A { Money m; }\n');
});

test('"Add default" on a field without one: the zero of its type, after "type" in JSON, after the name in IDL', () => {
  const json = actions('{"type": "record", "name": "R", "fields": [{"name": "ta$0gs", "type": {"type": "map", "values": "int"}, "doc": "d"}]}', ['refactor']);
  assert.deepEqual(json.list.map((a) => [a.title, a.kind]), [['Add default {} to "tags"', 'refactor.rewrite']]);
  assert.equal(applied(json.f, json.list[0]!), '{"type": "record", "name": "R", "fields": [{"name": "tags", "type": {"type": "map", "values": "int"}, "default": {}, "doc": "d"}]}\n');

  const record = actions(`
{"type": "record", "name": "R", "fields": [
  {"name": "inner$0", "type": {"type": "record", "name": "I", "fields": [{"name": "n", "type": ["null", "long"]}, {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B"], "default": "B"}}]}}
]}`, ['refactor.rewrite']);
  assert.equal(record.list[0]?.title, 'Add default {"n": null, "e": "B"} to "inner"');
  const after = applied(record.f, record.list[0]!);
  assert.deepEqual(parseAvsc(after).diagnostics, []);

  const idl = actions('//- a.avdl\nrecord A { union { string, null } no$0te; }\n', ['refactor']);
  assert.equal(applied(idl.f, idl.list[0]!), 'record A { union { string, null } note = ""; }\n');

  assert.deepEqual(actions('{"type": "record", "name": "R", "fields": [{"name": "a$0", "type": "int", "default": 1}]}').list, []);
  assert.deepEqual(actions('{"type": "record", "name": "R", "fields": [{"name": "a$0", "type": "Unknown"}]}', ['refactor']).list, []);
  assert.deepEqual(actions('{"type": "record", "name": "R", "fields": [{"name": "a$0", "type": "int"}]}', ['quickfix']).list, []);
});
