// Cross-file named types: a reference to a type another file defines resolves through the
// registry, and updating one file re-indexes only that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AvroRegistry, checkAvro, fileToJson, parseAvdl, parseAvsc } from '../../../server/src/core/avro/index';
import { corpusDir, errors } from './helpers';

const address = '{"type": "record", "name": "Address", "namespace": "com.acme", "fields": [{"name": "city", "type": "string"}]}';
const order = '{"type": "record", "name": "Order", "namespace": "com.acme", "fields": [{"name": "ship", "type": "Address"}, {"name": "bill", "type": ["null", "com.acme.Address"], "default": null}]}';

test('an unknown type is reported only when no file defines it', () => {
  const registry = new AvroRegistry();
  const orderFile = parseAvsc(order, 'file:///order.avsc');
  assert.deepEqual(checkAvro(orderFile, registry, { uri: 'file:///order.avsc' }).map((d) => d.code), ['avro/unknown-type', 'avro/unknown-type']);
  registry.setFile('file:///address.avsc', parseAvsc(address, 'file:///address.avsc'));
  assert.deepEqual(checkAvro(orderFile, registry, { uri: 'file:///order.avsc' }), []);
  registry.removeFile('file:///address.avsc');
  assert.equal(checkAvro(orderFile, registry, { uri: 'file:///order.avsc' }).length, 2);
});

test('lookup, definitionsIn, resolve and referencesTo', () => {
  const registry = new AvroRegistry();
  const a = parseAvsc(address, 'a');
  const o = parseAvsc(order, 'o');
  registry.setFile('a', a);
  registry.setFile('o', o);
  assert.deepEqual(registry.lookup('com.acme.Address').map((d) => d.uri), ['a']);
  assert.deepEqual(registry.definitionsIn('o').map((d) => d.fullName), ['com.acme.Order']);
  const refs = registry.referencesTo('com.acme.Address');
  assert.deepEqual(refs.map((r) => [r.uri, order.slice(r.reference.span.start, r.reference.span.end)]), [
    ['o', '"Address"'],
    ['o', '"com.acme.Address"'],
  ]);
  assert.equal(registry.resolve(refs[0]!.reference, 'o')!.schema, registry.lookup('com.acme.Address')[0]!.schema);
  assert.deepEqual(registry.dependents('a'), ['o']);
  assert.deepEqual(registry.dependents('o'), []);
  assert.deepEqual(registry.uris().sort(), ['a', 'o']);
});

test('a definition in the same file wins over one elsewhere', () => {
  const registry = new AvroRegistry();
  const local = '{"type": "record", "name": "R", "fields": [{"name": "x", "type": {"type": "enum", "name": "E", "symbols": ["A"]}}, {"name": "y", "type": "E"}]}';
  registry.setFile('other', parseAvsc('{"type": "fixed", "name": "E", "size": 1}'));
  registry.setFile('local', parseAvsc(local));
  const [ref] = registry.referencesTo('E');
  assert.equal(ref!.uri, 'local');
  assert.equal(registry.resolve(ref!.reference, 'local')!.uri, 'local');
  assert.deepEqual(checkAvro(parseAvsc(local), registry, { uri: 'local' }), []);
});

test('the registry copy of the checked file is ignored, so its stale definitions do not hide errors', () => {
  const registry = new AvroRegistry();
  registry.setFile('f', parseAvsc('[{"type": "enum", "name": "E", "symbols": ["A"]}, "E"]'));
  const edited = parseAvsc('["null", "E"]');
  assert.deepEqual(checkAvro(edited, registry, { uri: 'f' }).map((d) => d.code), ['avro/unknown-type']);
});

test('updating a file replaces its definitions and leaves other files untouched', () => {
  const registry = new AvroRegistry();
  const a = parseAvsc(address);
  const o = parseAvsc(order);
  registry.setFile('a', a);
  registry.setFile('o', o);
  registry.setFile('a', parseAvsc(address.replace('Address', 'Location')));
  assert.deepEqual(registry.lookup('com.acme.Address'), []);
  assert.equal(registry.lookup('com.acme.Location').length, 1);
  assert.equal(registry.file('o'), o, 'the other file keeps its parsed tree');
  assert.equal(errors(checkAvro(o, registry, { uri: 'o' })).length, 2);
});

test('the same full name in two files is listed twice and either resolves', () => {
  const registry = new AvroRegistry();
  registry.setFile('x', parseAvsc(address));
  registry.setFile('y', parseAvsc(address));
  assert.deepEqual(registry.lookup('com.acme.Address').map((d) => d.uri), ['x', 'y']);
  registry.removeFile('x');
  assert.deepEqual(registry.lookup('com.acme.Address').map((d) => d.uri), ['y']);
});

test('IDL files resolve names from imported .avsc files through the registry', () => {
  const registry = new AvroRegistry();
  registry.setFile('address.avsc', parseAvsc(address));
  const idl = parseAvdl('namespace com.acme;\nschema Customer;\nimport schema "address.avsc";\nrecord Customer { Address home; }');
  assert.deepEqual(idl.imports.map((i) => [i.kind, i.path.value]), [['schema', 'address.avsc']]);
  assert.deepEqual(checkAvro(idl, registry), []);
  assert.deepEqual(fileToJson(idl, registry), {
    type: 'record',
    name: 'com.acme.Customer',
    fields: [{ name: 'home', type: { type: 'record', name: 'com.acme.Address', fields: [{ name: 'city', type: 'string' }] } }],
  });
});

test('the corpus schemas split across files are valid together', () => {
  const dir = join(corpusDir, 'avro', 'avsc', 'lang', 'java', 'avro', 'src', 'test', 'resources', 'multipleFile');
  const registry = new AvroRegistry();
  const files = ['ApplicationEvent.avsc', 'DocumentInfo.avsc', 'MyResponse.avsc'].map((name) => {
    const file = parseAvsc(readFileSync(join(dir, name), 'utf8'), name);
    registry.setFile(name, file);
    return [name, file] as const;
  });
  for (const [name, file] of files) assert.deepEqual(errors(checkAvro(file, registry, { uri: name })), [], name);
  const alone = files.find(([n]) => n === 'ApplicationEvent.avsc')![1];
  assert.deepEqual(checkAvro(alone, undefined).map((d) => d.code), ['avro/unknown-type']);
});
