// Completion in .avsc and .avdl: keys, types, logical types, symbols, keywords, by position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/service/avro/completion';
import { applyEdits } from '../fixture';
import { avroFixture, noThrow } from './fixture';

function complete(source: string): { items: CompletionItem[]; f: ReturnType<typeof avroFixture> } {
  const f = avroFixture(source);
  return { items: noThrow(() => completion(f.project, f.uri, f.position)).items, f };
}

function labels(source: string): string[] {
  return complete(source).items.map((i) => i.label);
}

/** The document after accepting the item labelled `label` (snippet placeholders left as written). */
function accept(source: string, label: string): string {
  const { items, f } = complete(source);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label}; got ${items.map((i) => i.label).join(', ')}`);
  return applyEdits(f.text, [item.textEdit as TextEdit]);
}

const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];

test('keys of a record that are not written yet, as snippets with a comma when a member follows', () => {
  assert.deepEqual(labels('{"type": "record", "name": "R", $0}'), ['namespace', 'doc', 'aliases', 'fields']);
  assert.equal(accept('{"type": "record", $0"name": "R"}', 'fields'), '{"type": "record", "fields": [$1],"name": "R"}\n');
  assert.equal(accept('{"type": "record", "na$0"}', 'name'), '{"type": "record", "name": "$1"}\n');
  // Editing a key that already has its colon replaces the key only.
  assert.equal(accept('{"type": "record", "fi$0": []}', 'fields'), '{"type": "record", "fields": []}\n');
});

test('keys depend on the kind: enum, fixed, array, decimal, a field, an object without type', () => {
  assert.deepEqual(labels('{"type": "enum", "name": "E", $0}'), ['namespace', 'doc', 'aliases', 'symbols', 'default']);
  assert.deepEqual(labels('{"type": "fixed", $0}'), ['name', 'namespace', 'doc', 'aliases', 'size', 'logicalType']);
  assert.deepEqual(labels('{"type": "array", $0}'), ['items']);
  assert.deepEqual(labels('{"type": "bytes", "logicalType": "decimal", $0}'), ['precision', 'scale']);
  assert.deepEqual(labels('{"type": "record", "name": "R", "fields": [{"name": "a", $0}]}'), ['type', 'default', 'doc', 'order', 'aliases']);
  assert.deepEqual(labels('{"type": "record", "name": "R", "fields": [{"name": "a", "type": {$0}}]}'), ['type']);
});

test('a field type offers primitives, named types by their shortest name, templates and logical types', () => {
  const source = `
//- money.avsc
{"type": "record", "name": "Money", "namespace": "acme", "fields": []}
//- other.avsc
{"type": "enum", "name": "Color", "namespace": "paint", "symbols": ["RED"]}
//- main.avsc
{"type": "record", "name": "R", "namespace": "acme", "fields": [{"name": "a", "type": $0}]}
`;
  const got = labels(source);
  assert.deepEqual(got.slice(0, 8), PRIMITIVES);
  for (const l of ['Money', 'R', 'paint.Color', 'record', 'enum', 'fixed', 'array', 'map', 'decimal (bytes)', 'timestamp-millis (long)', 'uuid (string)', '["null", …]']) {
    assert.ok(got.includes(l), `${l} in ${got.join(', ')}`);
  }
  assert.equal(accept(source, 'paint.Color'), '{"type": "record", "name": "R", "namespace": "acme", "fields": [{"name": "a", "type": "paint.Color"}]}\n');
  assert.equal(
    accept(source, 'timestamp-millis (long)'),
    '{"type": "record", "name": "R", "namespace": "acme", "fields": [{"name": "a", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}\n',
  );
  // Inside a string the whole string is replaced.
  assert.equal(accept(source.replace('"type": $0', '"type": "Mo$0"'), 'Money'), '{"type": "record", "name": "R", "namespace": "acme", "fields": [{"name": "a", "type": "Money"}]}\n');
});

test('a type being typed without a name yet is not offered as a named type (an empty label)', () => {
  const got = labels('{"type": "record", "name": "R", "fields": [{"name": "a", "type": $0}, {"name": "b", "type": {"type": "record", "name": "');
  assert.ok(got.includes('R'), got.join(', '));
  assert.ok(!got.includes(''), got.join(', '));
  assert.ok(!labels('{"type": "record", "name": "a.", "fields": [{"name": "f", "type": $0}]}').includes(''));
});

test('a union member is a schema position too; a comma is added when another member follows', () => {
  assert.equal(accept('{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", $0 "int"]}]}', 'string'), '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "string", "int"]}]}\n');
});

test('"type" of a schema object takes type keywords; "logicalType" prefers the ones that fit', () => {
  assert.deepEqual(labels('{"type": $0}'), [...PRIMITIVES, 'record', 'enum', 'fixed', 'array', 'map']);
  const items = complete('{"type": "long", "logicalType": $0}').items;
  const best = items.filter((i) => i.sortText!.startsWith('0')).map((i) => i.label);
  assert.deepEqual(best, ['time-micros', 'timestamp-millis', 'timestamp-micros', 'timestamp-nanos', 'local-timestamp-millis', 'local-timestamp-micros', 'local-timestamp-nanos']);
});

test('defaults: the zero of the type first, enum symbols, booleans; an enum default takes its symbols', () => {
  const field = (type: string) => `{"type": "record", "name": "R", "fields": [{"name": "a", "type": ${type}, "default": $0}]}`;
  assert.deepEqual(labels(field('{"type": "enum", "name": "E", "symbols": ["X", "Y"]}')), ['X', 'Y']);
  assert.equal(complete(field('{"type": "enum", "name": "E", "symbols": ["X", "Y"], "default": "Y"}')).items.find((i) => i.preselect)?.label, 'Y');
  assert.deepEqual(labels(field('["null", "string"]')), ['null']);
  assert.deepEqual(labels(field('"boolean"')), ['true', 'false']);
  assert.deepEqual(labels(field('{"type": "array", "items": "int"}')), ['[]']);
  assert.deepEqual(labels('{"type": "enum", "name": "E", "symbols": ["A", "B"], "default": $0}'), ['A', 'B']);
  assert.deepEqual(labels('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "order": $0}]}'), ['ascending', 'descending', 'ignore']);
});

test('an empty .avsc offers whole schemas', () => {
  assert.equal(accept('$0', 'record'), '{"type": "record", "name": "$1", "fields": [$0]}\n');
  assert.deepEqual(labels('$0{"type": "record", "name": "R", "fields": []}'), []);
});

test('nothing after a complete value, and nothing inside names or docs', () => {
  assert.deepEqual(labels('{"type": "record" $0}'), []);
  assert.deepEqual(labels('{"type": "record", "name": "R$0"}'), []);
  assert.deepEqual(labels('{"type": "record", "doc": "some $0"}'), []);
});

const idl = (body: string) => `
//- main.avdl
@namespace("acme")
protocol P {
  import schema "money.avsc";
  enum Status { NEW, DONE } = NEW;
${body}
}
//- money.avsc
{"type": "record", "name": "Money", "namespace": "acme", "fields": []}
//- hidden.avsc
{"type": "record", "name": "Hidden", "namespace": "acme", "fields": []}
`;

test('IDL: a field starts with a type: keywords, logical keywords, templates and the named types the file sees', () => {
  const got = labels(idl('  record R {\n    $0\n  }'));
  for (const l of [...PRIMITIVES, 'date', 'timestamp_ms', 'uuid', 'decimal', 'array', 'map', 'union', 'Money', 'Status', 'R']) assert.ok(got.includes(l), `${l} in ${got.join(', ')}`);
  assert.ok(!got.includes('Hidden'), 'a type the file does not import is not offered');
  assert.ok(!got.includes('record'), 'records cannot nest in IDL');
  assert.equal(accept(idl('  record R {\n    Mo$0\n  }'), 'Money').split('\n')[5], '    Money');
});

test('IDL: after a type comes a name; inside array<, map<, union { and parameters types again', () => {
  assert.deepEqual(labels(idl('  record R {\n    string $0\n  }')), []);
  assert.ok(labels(idl('  record R {\n    array<$0>\n  }')).includes('Money'));
  assert.ok(labels(idl('  record R {\n    union { null, $0 }\n  }')).includes('long'));
  assert.ok(labels(idl('  void send(Money m, $0);')).includes('Status'));
});

test('IDL: protocol level keywords, top level keywords, annotations, import kinds, throws', () => {
  const protocolLevel = labels(idl('  $0'));
  for (const l of ['record', 'enum', 'fixed', 'error', 'import', 'void', 'Money']) assert.ok(protocolLevel.includes(l), l);
  assert.deepEqual(labels('//- s.avdl\n$0'), ['protocol', 'namespace', 'schema', 'record', 'enum', 'fixed', 'error', 'import']);
  assert.deepEqual(labels('//- s.avdl\nnamespace a;\nrecord A {}\n$0'), ['record', 'enum', 'fixed', 'error', 'import']);
  assert.deepEqual(labels(idl('  record R { @$0 string s; }')), ['namespace', 'aliases', 'order', 'logicalType']);
  assert.deepEqual(labels(idl('  import $0')), ['idl', 'protocol', 'schema']);
  assert.deepEqual(labels(idl('  error Oops {}\n  void f() throws $0;')), ['Oops']);
});

test('IDL: defaults offer the zero value and enum symbols; an enum default offers bare symbols', () => {
  assert.deepEqual(labels(idl('  record R { Status s = $0; }')), ['"NEW"', '"DONE"']);
  assert.deepEqual(labels(idl('  record R { Money? m = $0; }')), ['null']);
  assert.deepEqual(labels('//- e.avdl\nenum E { A, B } = $0;'), ['A', 'B']);
});
