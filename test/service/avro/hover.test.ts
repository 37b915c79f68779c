import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/service/avro/hover';
import { avroFixture, noThrow } from './fixture';

/** Hovers at `$0`; a `^^^` annotation in the cursor's file is the expected range. */
function checkHover(source: string, expected: string | null): void {
  const f = avroFixture(source);
  const res = noThrow(() => hover(f.project, f.uri, f.position));
  if (expected === null) {
    assert.equal(res, null);
    return;
  }
  assert.ok(res, 'expected a hover');
  assert.equal((res.contents as MarkupContent).value, expected);
  const mark = f.annotations.find((a) => a.uri === f.uri);
  if (mark) assert.deepEqual(res.range, mark.range);
}

const money = `
//- common/money.avsc
{"type": "record", "name": "Money", "namespace": "acme.common", "doc": "An amount in minor units.", "aliases": ["Amount"],
 "fields": [{"name": "currency", "type": "string"}, {"name": "units", "type": "long"}]}
`;

test('a reference in another file shows the definition: kind, full name, aliases, file and doc', () => {
  checkHover(
    `${money}
//- orders/order.avsc
{"type": "record", "name": "Order", "namespace": "acme.orders", "fields": [
  {"name": "total", "type": "acme.common.Mo$0ney"}
//                          ^^^^^^^^^^^^^^^^^^^
]}
`,
    [
      '```avroidl\nrecord acme.common.Money\n```',
      'record `acme.common.Money` · 2 fields · aliases `acme.common.Amount` · in `../common/money.avsc`',
      'An amount in minor units.',
    ].join('\n\n'),
  );
});

test('a definition name shows the type; an enum lists its symbols and default', () => {
  checkHover(
    `
{"type": "enum", "name": "Sta$0tus", "namespace": "acme", "symbols": ["NEW", "PAID"], "default": "NEW"}
//                       ^^^^^^^^
`,
    '```avroidl\nenum acme.Status { NEW, PAID }\n```\n\nenum `acme.Status` · default "NEW"',
  );
});

test('a fixed shows its size and logical type', () => {
  checkHover(
    '{"type": "fixed", "name": "Amo$0unt", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 2}',
    '```avroidl\nfixed Amount(8)\n```\n\nfixed(8) `Amount` · logical type `decimal(18, 2)`',
  );
});

test('a field shows its type, default, owner and doc; a field without default says what that costs', () => {
  checkHover(
    `
{"type": "record", "name": "R", "namespace": "n", "fields": [
  {"name": "ta$0gs", "type": {"type": "array", "items": "string"}, "default": [], "doc": "Labels.", "order": "ignore"},
//         ^^^^^^
  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}
]}
`,
    '```avroidl\narray<string> tags = []\n```\n\nfield of record `n.R` · order ignore\n\nLabels.',
  );
  checkHover(
    `
{"type": "record", "name": "R", "namespace": "n", "fields": [
  {"name": "a$0t", "type": {"type": "long", "logicalType": "timestamp-millis"}}
]}
`,
    '```avroidl\nlong (timestamp-millis) at\n```\n\nfield of record `n.R` · no default: readers of data written without this field fail',
  );
});

test('an enum symbol, and a default that names one, show the symbol and its enum', () => {
  const schema = (cursorInDefault: boolean) => `
{"type": "record", "name": "R", "fields": [
  {"name": "s", "type": {"type": "enum", "name": "E", "symbols": ["A", ${cursorInDefault ? '"B"' : '"$0B"'}], "default": "A"}, "default": ${cursorInDefault ? '"$0B"' : '"A"'}}
]}
`;
  checkHover(schema(false), '```avroidl\nE.B\n```\n\nsymbol 2 of 2 in enum `E`');
  checkHover(schema(true), '```avroidl\nE.B\n```\n\nsymbol 2 of 2 in enum `E`');
});

test('primitive types and logical types explain themselves', () => {
  checkHover('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "lo$0ng"}]}', '```avroidl\nlong\n```\nprimitive type `long`: 64-bit signed integer');
  checkHover(
    '{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "int", "logicalType": "da$0te"}}]}',
    '```avroidl\nint (date)\n```\nlogical type `date` on `int`: days since the Unix epoch (1970-01-01); it annotates int',
  );
});

test('an unknown reference says so', () => {
  checkHover('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Nop$0e"}]}', '```avroidl\nNope\n```\nunknown type `Nope`');
});

test('IDL: a reference, a field and a message, from the same tree as JSON', () => {
  const idl = (body: string) => `
//- main.avdl
@namespace("acme")
protocol Orders {
  /** Where to ship. */
  record Address { string city; }
  record Order { Address? ship = null; }
  ${body}
}
`;
  checkHover(idl('Order place(Addr$0ess to) throws Failed;\n  error Failed { string why; }'), '```avroidl\nrecord acme.Address\n```\n\nrecord `acme.Address` · 1 field\n\nWhere to ship.');
  checkHover(idl('Order pla$0ce(Address to) throws Failed;\n  error Failed { string why; }'), '```avroidl\nacme.Order place(acme.Address to) throws acme.Failed\n```\n\nmessage');
  checkHover(
    `
//- main.avdl
namespace acme;
record Order { Address? sh$0ip = null; }
record Address { string city; }
`,
    '```avroidl\nunion { null, acme.Address } ship = null\n```\n\nfield of record `acme.Order`',
  );
});

test('IDL: an import shows the file it resolves to', () => {
  checkHover(
    `
//- main.avdl
protocol P {
  import schema "common/mo$0ney.avsc";
}
${money}`,
    '```avroidl\nimport schema "common/money.avsc";\n```\nresolves to `common/money.avsc`',
  );
  checkHover('//- main.avdl\nprotocol P { import idl "nope$0.avdl"; }', '```avroidl\nimport idl "nope.avdl";\n```\nnot found');
});

test('nothing to say between names', () => {
  checkHover('{"type": "record", $0 "name": "R", "fields": []}', null);
});
