// The event model both formats lower into: presence, packing and enum openness per syntax and
// edition, which oneofs and unions are event unions, variant tags, spans, and dependencies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AvroRegistry, parseAvsc } from '../../../server/src/core/avro/index';
import { lowerAvro, lowerProto, type EventModel, type EventUnion, type Field, type RecordType } from '../../../server/src/core/model/index';
import { avroModel, protoModel, protoProject } from './helpers';

function record(model: EventModel, fullName: string): RecordType {
  const t = [...model.types.values()].find((x) => x.fullName === fullName);
  assert.ok(t && t.kind === 'record', `no record ${fullName}`);
  return t;
}

function fields(model: EventModel, fullName: string): Record<string, Pick<Field, 'presence'> & { packed?: boolean; delimited?: boolean; kind: string }> {
  return Object.fromEntries(
    record(model, fullName).fields.map((f) => [
      f.name,
      { presence: f.presence, kind: f.type.kind, ...(f.packed !== undefined ? { packed: f.packed } : {}), ...(f.delimited ? { delimited: true } : {}) },
    ]),
  );
}

function unions(model: EventModel): { name: string; kind: string; variants: string[]; nullable?: boolean }[] {
  return model.files.flatMap((f) =>
    f.unions.map((u: EventUnion) => ({ name: u.name, kind: u.kind, variants: u.variants.map((v) => v.name), ...(u.nullable ? { nullable: true } : {}) })),
  );
}

test('proto3: implicit scalars, explicit optional, message and oneof fields; repeated scalars packed unless told otherwise', () => {
  const model = protoModel({
    'p.proto': `syntax = "proto3";
package p;
message M {}
message A {
  string s = 1;
  optional int32 o = 2;
  M m = 3;
  oneof k { string x = 4; M y = 5; }
  repeated int32 packed = 6;
  repeated int32 unpacked = 7 [packed = false];
  repeated string names = 8;
  map<string, M> byName = 9;
}`,
  });
  assert.deepEqual(fields(model, 'p.A'), {
    s: { presence: 'implicit', kind: 'scalar' },
    o: { presence: 'explicit', kind: 'scalar' },
    m: { presence: 'explicit', kind: 'named' },
    x: { presence: 'explicit', kind: 'scalar' },
    y: { presence: 'explicit', kind: 'named' },
    packed: { presence: 'implicit', kind: 'list', packed: true },
    unpacked: { presence: 'implicit', kind: 'list', packed: false },
    names: { presence: 'implicit', kind: 'list' },
    byName: { presence: 'implicit', kind: 'map' },
  });
});

test('proto2: explicit and required fields, unpacked by default, groups delimited, enums closed', () => {
  const model = protoModel({
    'p.proto': `syntax = "proto2";
package p;
enum E { E_A = 1; }
message A {
  optional string s = 1;
  required int64 r = 2;
  repeated int32 n = 3;
  repeated int32 p = 4 [packed = true];
  optional group G = 5 { optional int32 x = 6; }
  optional E e = 7;
}`,
  });
  assert.deepEqual(fields(model, 'p.A'), {
    s: { presence: 'explicit', kind: 'scalar' },
    r: { presence: 'required', kind: 'scalar' },
    n: { presence: 'implicit', kind: 'list', packed: false },
    p: { presence: 'implicit', kind: 'list', packed: true },
    g: { presence: 'explicit', kind: 'named', delimited: true },
    e: { presence: 'explicit', kind: 'named' },
  });
  const e = [...model.types.values()].find((t) => t.fullName === 'p.E');
  assert.equal(e?.kind === 'enum' && e.open, false);
});

test('editions: features decide presence, packing, message encoding and enum openness, field over file', () => {
  const model = protoModel({
    'p.proto': `edition = "2023";
package p;
option features.field_presence = IMPLICIT;
enum Open { OPEN_ZERO = 0; }
enum Closed { option features.enum_type = CLOSED; CLOSED_ONE = 1; }
message M {}
message A {
  string s = 1;
  string e = 2 [features.field_presence = EXPLICIT];
  int32 r = 3 [features.field_presence = LEGACY_REQUIRED];
  repeated int32 n = 4;
  repeated int32 x = 5 [features.repeated_field_encoding = EXPANDED];
  M d = 6 [features.message_encoding = DELIMITED];
}`,
  });
  assert.deepEqual(fields(model, 'p.A'), {
    s: { presence: 'implicit', kind: 'scalar' },
    e: { presence: 'explicit', kind: 'scalar' },
    r: { presence: 'required', kind: 'scalar' },
    n: { presence: 'implicit', kind: 'list', packed: true },
    x: { presence: 'implicit', kind: 'list', packed: false },
    d: { presence: 'explicit', kind: 'named', delimited: true },
  });
  const open = (name: string) => {
    const t = [...model.types.values()].find((x) => x.fullName === name);
    return t?.kind === 'enum' && t.open;
  };
  assert.deepEqual([open('p.Open'), open('p.Closed')], [true, false]);
});

test('only a oneof of messages is an envelope; tags come from type names, or field names when members share one', () => {
  const model = protoModel({
    'other.proto': 'syntax = "proto3";\npackage other;\nmessage Created {}\n',
    'p.proto': `syntax = "proto3";
package p;
import "google/protobuf/timestamp.proto";
import "other.proto";
message Created {}
message Deleted {}
message Envelope { oneof event { Created created = 1; Deleted deleted = 2; } }
message Mixed { oneof event { Created created = 1; string note = 2; } }
message WithTime { oneof event { Created created = 1; google.protobuf.Timestamp at = 2; } }
message Shared { oneof event { Created first_created = 1; Created second_created = 2; Deleted deleted = 3; } }
message SameName { oneof event { Created created = 1; other.Created other_created = 2; } }
message Two {
  oneof first { Created a = 1; }
  oneof second { Deleted b = 2; }
}
message Outer { message Inner { oneof event { Deleted deleted = 1; } } }`,
  });
  assert.deepEqual(unions(model), [
    { name: 'Envelope', kind: 'envelope', variants: ['Created', 'Deleted'] },
    { name: 'Shared', kind: 'envelope', variants: ['FirstCreated', 'SecondCreated', 'Deleted'] },
    { name: 'SameName', kind: 'envelope', variants: ['Created', 'OtherCreated'] },
    { name: 'TwoFirst', kind: 'envelope', variants: ['Created'] },
    { name: 'TwoSecond', kind: 'envelope', variants: ['Deleted'] },
    { name: 'Outer_Inner', kind: 'envelope', variants: ['Deleted'] },
  ]);
});

test('every element keeps the uri and span of its source text', () => {
  const text = `syntax = "proto3";
package p;
// The envelope.
message E {
  string id = 1;
  oneof event {
    // A is first.
    A a = 2;
  }
}
message A { int64 n = 1; }
enum Color { COLOR_RED = 0; }
`;
  const model = protoModel({ 'p.proto': text });
  const at = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  const [file] = model.files;
  const union = file!.unions[0]!;
  assert.equal(union.source.uri, file!.uri);
  assert.match(at(union.source.span), /^oneof event \{/);
  assert.equal(at(union.variants[0]!.source.span), 'A a = 2;');
  assert.equal(union.variants[0]!.doc, 'A is first.');
  const e = record(model, 'p.E');
  assert.equal(e.doc, 'The envelope.');
  assert.equal(at(e.fields[0]!.source.span), 'string id = 1;');
  const color = [...model.types.values()].find((t) => t.fullName === 'p.Color')!;
  assert.ok(color.kind === 'enum');
  assert.deepEqual(color.values.map((v) => [v.name, v.number, at(v.source.span)]), [['COLOR_RED', 0, 'COLOR_RED = 0;']]);
});

test('types from imported files are lowered when used, and imports feed the dependencies', () => {
  const model = protoModel({
    'a.proto': 'syntax = "proto3";\npackage a;\nimport "b.proto";\nmessage A { b.B b = 1; }\n',
    'b.proto': 'syntax = "proto3";\npackage b;\nimport "c.proto";\nmessage B { c.C c = 1; }\nmessage Unused {}\n',
    'c.proto': 'syntax = "proto3";\npackage c;\nmessage C {}\n',
  });
  const byPath = Object.fromEntries(model.files.map((f) => [f.path, f]));
  assert.deepEqual(byPath['a.proto']!.types, ['protobuf:a.A']);
  assert.deepEqual(byPath['b.proto']!.types, ['protobuf:b.B', 'protobuf:b.Unused']);
  assert.deepEqual(byPath['a.proto']!.dependencies.map((d) => d.uri.replace('file:///schemas/', '')), ['b.proto', 'c.proto']);
  const { project, uris } = protoProject({
    'a.proto': 'syntax = "proto3";\npackage a;\nimport "b.proto";\nmessage A { b.B b = 1; }\n',
    'b.proto': 'syntax = "proto3";\npackage b;\nmessage B {}\nmessage Unused {}\n',
  });
  // Only a.proto is an input: b.proto contributes just the type a.proto uses.
  const partial = lowerProto(project, [uris[0]!]);
  assert.deepEqual(partial.files.map((f) => [f.path, f.types]), [
    ['a.proto', ['protobuf:a.A']],
    ['b.proto', ['protobuf:b.B']],
  ]);
});

test('broken Protobuf input lowers without throwing; unresolved types stay visible', () => {
  const { project, uris } = protoProject({ 'p.proto': 'syntax = "proto3";\npackage p;\nmessage A { Missing m = 1; string = 2; int32 n = ; oneof o { B' });
  const model = lowerProto(project, uris);
  const a = record(model, 'p.A');
  assert.deepEqual(a.fields.map((f) => [f.name, f.type.kind]), [['m', 'unresolved']]);
});

test('Avro: top-level unions of records, record fields holding two or more records, nullable ones', () => {
  const rec = (name: string) => ({ type: 'record', name, fields: [] });
  const model = avroModel({
    'acme/order-events.avsc': JSON.stringify([rec('a.Placed'), rec('a.Shipped')]),
    'acme/mixed.avsc': JSON.stringify([rec('b.One'), 'string']),
    'acme/holder.avsc': JSON.stringify({
      type: 'record',
      name: 'c.Holder',
      fields: [
        { name: 'event_body', type: [rec('c.X'), rec('c.Y')] },
        { name: 'maybe', type: ['null', rec('c.Z'), 'c.X'] },
        { name: 'single', type: ['null', 'c.Y'] },
        { name: 'mixed', type: ['c.X', 'int'] },
      ],
    }),
  });
  assert.deepEqual(unions(model), [
    { name: 'OrderEvents', kind: 'topLevel', variants: ['Placed', 'Shipped'] },
    { name: 'HolderEventBody', kind: 'recordField', variants: ['X', 'Y'] },
    { name: 'HolderMaybe', kind: 'recordField', variants: ['Z', 'X'], nullable: true },
  ]);
  const holder = record(model, 'c.Holder');
  assert.deepEqual(holder.fields.map((f) => f.type.kind), ['union', 'union', 'optional', 'union']);
});

test('Avro: records of one simple name in two namespaces are tagged by their full names; names resolve across files', () => {
  const model = avroModel({
    'defs.avsc': JSON.stringify({ type: 'record', name: 'x.Event', fields: [{ name: 'n', type: 'long' }] }),
    'events.avsc': JSON.stringify(['x.Event', { type: 'record', name: 'y.Event', fields: [] }]),
  });
  assert.deepEqual(unions(model), [{ name: 'Events', kind: 'topLevel', variants: ['XEvent', 'YEvent'] }]);
  const events = model.files.find((f) => f.path === 'events.avsc')!;
  assert.deepEqual(events.dependencies.map((d) => d.uri.replace('file:///schemas/', '')), ['defs.avsc']);
});

test('Avro: logical types on the right base are kept, on the wrong base ignored (as Avro does)', () => {
  const model = avroModel({
    'r.avsc': JSON.stringify({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'ok', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'wrong', type: { type: 'string', logicalType: 'date' } },
        { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 } },
      ],
    }),
  });
  assert.deepEqual(
    record(model, 'R').fields.map((f) => (f.type.kind === 'logical' ? [f.type.logical, f.type.props] : f.type.kind)),
    [['timestamp-millis', {}], 'scalar', ['decimal', { precision: 4, scale: 2 }]],
  );
});

test('broken Avro input lowers without throwing', () => {
  const registry = new AvroRegistry();
  registry.setFile('file:///x.avsc', parseAvsc('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Nope"}, {"name": ', 'file:///x.avsc'));
  const model = lowerAvro(registry, [{ uri: 'file:///x.avsc', path: 'x.avsc' }]);
  assert.deepEqual(record(model, 'R').fields.map((f) => [f.name, f.type.kind]), [['a', 'unresolved']]);
});
