// The TypeScript printer: identifiers clear of keywords, globals and each other; imports by
// symbol, deduplicated, aliased on a clash, type-only when only types are used, in stable order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeWriter, Imports, NameScope, propertyKey } from '../../../server/src/core/codegen/printer';
import { propertyNames, specifier } from '../../../server/src/core/codegen/naming';
import type { RecordType } from '../../../server/src/core/model/index';

test('names: keywords and globals get a trailing underscore, repeats a $n suffix, invalid characters become _', () => {
  const scope = new NameScope();
  const claimed = ['Order', 'Order', 'class', 'Date', 'Promise', 'string', 'Order', '9lives', 'a-b', 'class'].map((n) => scope.claim(n));
  assert.deepEqual(claimed, ['Order', 'Order$1', 'class_', 'Date_', 'Promise_', 'string_', 'Order$2', '_9lives', 'a_b', 'class_$1']);
  assert.equal(scope.has('Order$1'), true);
  assert.equal(scope.has('Free'), false);
});

test('imports: one statement per module, values and types merged, type-only when possible, aliases on a clash', () => {
  const scope = new NameScope();
  scope.claim('Result');
  const imports = new Imports(scope);
  assert.equal(imports.type('./event-schemas-runtime.js', 'Result'), 'Result$1');
  assert.equal(imports.type('./event-schemas-runtime.js', 'Result'), 'Result$1');
  assert.equal(imports.type('./event-schemas-runtime.js', 'DecodeError'), 'DecodeError');
  assert.equal(imports.value('./event-schemas-runtime.js', 'assertNever'), 'assertNever');
  assert.equal(imports.type('../money_pb.js', 'Money'), 'Money');
  assert.equal(imports.type('protobufjs', 'Root'), 'Root');
  assert.equal(imports.value('./x.js', 'both'), 'both');
  assert.equal(imports.type('./x.js', 'both'), 'both');
  assert.deepEqual(imports.lines(), [
    'import type { Root } from "protobufjs";',
    'import type { Money } from "../money_pb.js";',
    'import { type DecodeError, type Result as Result$1, assertNever } from "./event-schemas-runtime.js";',
    'import { both } from "./x.js";',
  ]);
});

test('import specifiers between generated modules are relative, with .js extensions', () => {
  assert.equal(specifier('a/b/x_pb.ts', 'a/c/y_pb.ts'), '../c/y_pb.js');
  assert.equal(specifier('a/b/x_pb.ts', 'a/b/y_pb.ts'), './y_pb.js');
  assert.equal(specifier('x_pb.ts', 'event-schemas-runtime.ts'), './event-schemas-runtime.js');
  assert.equal(specifier('a/b/c/x_pb.ts', 'event-schemas-runtime.ts'), '../../../event-schemas-runtime.js');
});

test('property keys are quoted only when they must be', () => {
  assert.deepEqual(['orderId', 'class', 'a-b', '__proto__', '$unknown'].map(propertyKey), ['orderId', 'class', '"a-b"', '"__proto__"', '$unknown']);
});

test('property names: lowerCamelCase for Protobuf, as written for Avro, collisions told apart', () => {
  const source = { uri: 'file:///x', span: { start: 0, end: 0 } };
  const field = (name: string, oneof?: number) => ({ name, position: 0, type: { kind: 'scalar', scalar: 'string' } as const, presence: 'implicit' as const, aliases: [], source, ...(oneof !== undefined ? { oneof } : {}) });
  const base = { id: 'x', name: 'R', fullName: 'R', namespace: '', scope: [], aliases: [], source, kind: 'record' as const };
  const proto: RecordType = { ...base, format: 'protobuf', fields: [field('order_id'), field('orderId'), field('reason_code', 0), field('Inner')], oneofs: [{ name: 'the_reason', fields: ['reason_code'], source }] };
  const names = propertyNames(proto, ['Inner']);
  assert.deepEqual([...names.fields.values()], ['orderId', 'orderId_', 'reasonCode', 'Inner_']);
  assert.deepEqual([...names.oneofs.values()], ['theReason']);
  const avro: RecordType = { ...base, format: 'avro', fields: [field('order_id'), field('__proto__')], oneofs: [] };
  assert.deepEqual([...propertyNames(avro).fields.values()], ['order_id', '__proto___']);
});

test('doc comments cannot be closed early and keep paragraphs', () => {
  const w = new CodeWriter();
  w.doc('One line */ with a terminator');
  w.doc('\nFirst\n\nSecond\n');
  w.doc(undefined);
  w.block('interface X', () => w.line('readonly a: string;'));
  assert.equal(w.toString(), ['/** One line *\\/ with a terminator */', '/**', ' * First', ' *', ' * Second', ' */', 'interface X {', '  readonly a: string;', '}', ''].join('\n'));
});
