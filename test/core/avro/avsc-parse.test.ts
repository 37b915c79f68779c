// The JSON front end: JSON syntax errors on exact spans, and an Avro AST whose every node keeps
// the span of its JSON text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAvpr, parseAvsc, type AvroSchema, type EnumSchema, type RecordSchema } from '../../../server/src/core/avro/index';
import { applyFix, check, expectMarks } from './helpers';

const slice = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

test('JSON syntax errors are reported on the offending token', () => {
  expectMarks(`
    {"type": "record" "name": "R", "fields": []}
                      ^^^^^^ syntax/json-comma-expected
    `);
  expectMarks(`
    {"type": 'int'}
             ^^^^^ syntax/json-invalid-symbol
    `);
  // One report for an unclosed document (at its end), not one per unclosed bracket.
  const open = '{"type": "record", "name": "R", "fields": [';
  assert.deepEqual(
    check(open).diagnostics.map((d) => [d.code, d.span.start, d.span.end]),
    [['syntax/json-close-bracket-expected', open.length, open.length]],
  );
  expectMarks(`
    {"type": "string"} {"type": "int"}
                       ^ syntax/json-end-of-file-expected
    `);
});

test('an empty file reports a missing value', () => {
  const { diagnostics } = check('');
  assert.deepEqual(diagnostics.map((d) => d.code), ['syntax/json-value-expected']);
});

test('a trailing comma is an error with a fix, a comment a warning', () => {
  const { text, diagnostics } = expectMarks(`
    {"type": "enum", "name": "E", "symbols": ["A", "B",], // the suits
                                                      ^ syntax/json-trailing-comma
                                                          ^^^^^^^^^^^^ syntax/json-comment
     /* block */ "default": "A",}
     ^^^^^^^^^^^ syntax/json-comment
                               ^ syntax/json-trailing-comma
    `);
  assert.equal(diagnostics.find((d) => d.code === 'syntax/json-comment')!.severity, 'warning');
  let fixed = text;
  for (const d of [...diagnostics].sort((a, b) => b.span.start - a.span.start)) fixed = applyFix(fixed, d.fixes![0]!);
  assert.deepEqual(check(fixed).diagnostics, []);
  assert.doesNotThrow(() => JSON.parse(fixed));
});

test('a duplicate key warns, points at the first one, and the last one wins', () => {
  const { text, diagnostics } = expectMarks(`
    {"type": "fixed", "name": "F", "size": 1, "size": 16}
                                              ^^^^^^ syntax/json-duplicate-key
    `);
  assert.equal(slice(text, diagnostics[0]!.related![0]!.span), '"size"');
  const f = parseAvsc(text).schema!;
  assert.equal(f.kind === 'fixed' && f.size?.kind === 'number' ? f.size.value : undefined, 16);
});

test('strings with escapes decode and keep the literal span', () => {
  const text = '{"type": "record", "name": "R", "doc": "a\\tb \\u00e9", "fields": []}';
  const r = parseAvsc(text).schema as RecordSchema;
  assert.equal(r.doc!.text, 'a\tb é');
  assert.equal(slice(text, r.doc!.span), '"a\\tb \\u00e9"');
});

test('every part of a record keeps its span', () => {
  const text = `{"type": "record", "name": "Order", "namespace": "shop.v1", "aliases": ["OldOrder"], "doc": "An order",
 "fields": [
  {"name": "id", "type": "string", "doc": "key", "aliases": ["key"], "order": "ignore"},
  {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}, "default": "\\u0000"},
  {"name": "state", "type": {"type": "enum", "name": "State", "symbols": ["NEW", "PAID"], "default": "NEW"}},
  {"name": "lines", "type": {"type": "array", "items": {"type": "map", "values": ["null", "State"]}}, "x-meta": 1}
 ]}`;
  const file = parseAvsc(text);
  assert.deepEqual(file.diagnostics, []);
  const r = file.schema as RecordSchema;
  assert.equal(r.kind, 'record');
  assert.equal(slice(text, r.span), text);
  assert.equal(slice(text, r.typeName!.span), '"record"');
  assert.equal(slice(text, r.name!.span), '"Order"');
  assert.equal(slice(text, r.namespaceAttr!.span), '"shop.v1"');
  assert.equal(r.fullName, 'shop.v1.Order');
  assert.equal(r.namespace, 'shop.v1');
  assert.deepEqual(r.aliases.map((a) => slice(text, a.span)), ['"OldOrder"']);
  assert.equal(slice(text, r.doc!.span), '"An order"');
  assert.equal(slice(text, r.fieldsSpan), text.slice(text.indexOf('[\n'), text.lastIndexOf(']') + 1));
  const [id, total, state, lines] = r.fields;
  assert.equal(slice(text, id!.span), '{"name": "id", "type": "string", "doc": "key", "aliases": ["key"], "order": "ignore"}');
  assert.equal(slice(text, id!.name!.span), '"id"');
  assert.equal(slice(text, id!.type!.span), '"string"');
  assert.equal(slice(text, id!.doc!.span), '"key"');
  assert.equal(slice(text, id!.aliases[0]!.span), '"key"');
  assert.equal(slice(text, id!.order!.span), '"ignore"');
  const dec = total!.type!;
  assert.equal(dec.kind, 'primitive');
  assert.equal(slice(text, dec.logicalType!.span), '"decimal"');
  assert.deepEqual(dec.props.map((p) => [p.key, slice(text, p.keySpan), slice(text, p.value.span)]), [
    ['precision', '"precision"', '9'],
    ['scale', '"scale"', '2'],
  ]);
  assert.equal(slice(text, total!.default!.span), '"\\u0000"');
  const e = state!.type as EnumSchema;
  assert.equal(e.fullName, 'shop.v1.State');
  assert.deepEqual(e.symbols.map((s) => slice(text, s.span)), ['"NEW"', '"PAID"']);
  assert.equal(slice(text, e.symbolsSpan), '["NEW", "PAID"]');
  assert.equal(slice(text, e.default!.span), '"NEW"');
  const arr = lines!.type!;
  assert.ok(arr.kind === 'array' && arr.items?.kind === 'map' && arr.items.values?.kind === 'union');
  const ref = (arr.items.values as AvroSchema & { kind: 'union' }).branches[1]!;
  assert.ok(ref.kind === 'reference');
  assert.equal(slice(text, ref.span), '"State"');
  assert.equal(ref.fullName, 'shop.v1.State');
  assert.deepEqual(lines!.props.map((p) => [p.key, slice(text, p.span)]), [['x-meta', '"x-meta": 1']]);
});

test('full names follow the spec algorithm', () => {
  const text = `{"type": "record", "name": "Example", "fields": [
    {"name": "inheritNull", "type": {"type": "enum", "name": "Simple", "symbols": ["a"]}},
    {"name": "explicit", "type": {"type": "fixed", "name": "Simple", "namespace": "explicit", "size": 12}},
    {"name": "fullName", "type": {"type": "record", "name": "a.full.Name", "namespace": "ignored", "fields": [
      {"name": "inherit", "type": {"type": "enum", "name": "Understanding", "symbols": ["d"]}}]}}]}`;
  const r = parseAvsc(text).schema as RecordSchema;
  const names = r.fields.map((f) => (f.type as { fullName?: string }).fullName);
  assert.deepEqual(names, ['Simple', 'explicit.Simple', 'a.full.Name']);
  const inner = r.fields[2]!.type as RecordSchema;
  assert.equal(inner.namespace, 'a.full');
  assert.equal((inner.fields[0]!.type as EnumSchema).fullName, 'a.full.Understanding');
});

test('the object form of a primitive keeps the "type" span and its attributes', () => {
  const text = '{"type": "string", "avro.java.string": "String"}';
  const s = parseAvsc(text).schema!;
  assert.ok(s.kind === 'primitive' && s.typeName);
  assert.equal(slice(text, s.typeName.span), '"string"');
  assert.deepEqual(s.props.map((p) => p.key), ['avro.java.string']);
});

test('a protocol file parses types and messages with spans', () => {
  const text = `{"protocol": "Greeter", "namespace": "com.acme", "doc": "Hi",
 "types": [{"type": "record", "name": "Greeting", "fields": [{"name": "message", "type": "string"}]},
           {"type": "error", "name": "Curse", "fields": [{"name": "message", "type": "string"}]}],
 "messages": {
   "hello": {"doc": "Say hello.", "request": [{"name": "greeting", "type": "Greeting"}], "response": "Greeting", "errors": ["Curse"]},
   "ping": {"request": [], "response": "null", "one-way": true}}}`;
  const file = parseAvpr(text);
  assert.deepEqual(check(text, 'avpr').diagnostics, []);
  const p = file.protocol!;
  assert.equal(p.fullName, 'com.acme.Greeter');
  assert.equal(slice(text, p.name!.span), '"Greeter"');
  assert.deepEqual(p.types.map((t) => (t as RecordSchema).fullName), ['com.acme.Greeting', 'com.acme.Curse']);
  assert.equal((p.types[1] as RecordSchema).error, true);
  const [hello, ping] = p.messages;
  assert.equal(slice(text, hello!.name.span), '"hello"');
  assert.equal(hello!.doc!.text, 'Say hello.');
  assert.equal(slice(text, hello!.request[0]!.name!.span), '"greeting"');
  assert.equal(slice(text, hello!.response!.span), '"Greeting"');
  assert.equal(slice(text, hello!.errors[0]!.span), '"Curse"');
  assert.equal(slice(text, ping!.oneWay!.span), 'true');
});

test('a protocol in a .avsc file and a schema in a .avpr file are reported', () => {
  expectMarks(`
    {"protocol": "P", "messages": {}}
     ^^^^^^^^^^ avro/protocol-in-schema-file
    `);
  expectMarks(
    `
    {"type": "int"}
    ^ avro/schema-in-protocol-file
    `,
    'avpr',
  );
});

test('pathological nesting is reported instead of overflowing the stack', () => {
  const text = '['.repeat(100000);
  const { diagnostics } = check(text);
  assert.deepEqual(diagnostics.map((d) => d.code), ['syntax/nesting-too-deep']);
  const ok = `${'{"type": "array", "items": '.repeat(100)}"int"${'}'.repeat(100)}`;
  assert.deepEqual(check(ok).diagnostics, []);
});
