/**
 * The image: what a descriptor would say about each element after protoc's resolution (types,
 * kinds after editions features, presence, synthetic oneofs, map entries, groups, json names,
 * open and closed enums, C++ and Java string settings), and that both ways of building it (from
 * a linked project, from texts) agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProtoImageFromTexts } from '../../../../server/src/core/compat/proto/fromTexts';
import type { ImageField, ImageFile, ProtoImage } from '../../../../server/src/core/compat/proto/image';
import { allExtensions, allMessages } from '../../../../server/src/core/compat/proto/pairs';
import { WKT_ROOT } from '../../proto/checkFixture';
import { inlineImage } from './inline';

function field(file: ImageFile, path: string): ImageField {
  const dot = path.lastIndexOf('.');
  const m = [...allMessages(file)].find((x) => x.nestedName === path.slice(0, dot));
  const f = m?.fields.find((x) => x.name === path.slice(dot + 1));
  assert.ok(f, path);
  return f;
}

const SCHEMAS = {
  'p3.proto': `syntax = "proto3";
package t;
import "google/protobuf/timestamp.proto";
enum E { E0 = 0; }
message M {
  int32 plain = 1;
  optional int32 opt = 2;
  repeated string list = 3;
  map<string, M> by_key = 4;
  google.protobuf.Timestamp at = 5;
  E e = 6;
  oneof pick { string a = 7; M b = 8; }
  string renamed = 9 [json_name = "other"];
  int64 big = 10 [jstype = JS_STRING];
  string text = 11 [ctype = CORD];
}`,
  'p2.proto': `syntax = "proto2";
package t2;
option java_string_check_utf8 = true;
enum F { F1 = 1; F2 = 2; }
message N {
  optional int32 a = 1;
  required string b = 2;
  optional group Inner_Group = 3 { optional int32 c = 1; }
  optional F f = 4 [default = F2];
  extensions 100 to max;
}
extend N { optional N ext = 100; }`,
  'ed.proto': `edition = "2023";
package ed;
option features.field_presence = IMPLICIT;
option features.utf8_validation = NONE;
enum Open { O0 = 0; }
enum Shut { option features.enum_type = CLOSED; S0 = 0; }
message Q {
  option features.json_format = LEGACY_BEST_EFFORT;
  int32 implicit = 1;
  int32 explicit = 2 [features.field_presence = EXPLICIT];
  int32 required = 3 [features.field_presence = LEGACY_REQUIRED];
  Q delimited = 4 [features.message_encoding = DELIMITED];
  string s = 5;
  string checked = 6 [features.utf8_validation = VERIFY];
}`,
};

function source(): string {
  return Object.entries(SCHEMAS)
    .map(([path, text]) => `//- ${path}\n${text}`)
    .join('\n');
}

function check(image: ProtoImage) {
  const p3 = image.fileByPath.get('p3.proto')!;
  assert.equal(p3.syntax, 'proto3');
  assert.deepEqual([field(p3, 'M.plain').cardinality, field(p3, 'M.opt').cardinality], ['implicit', 'explicit']);
  assert.deepEqual(field(p3, 'M.opt').oneof, { ...field(p3, 'M.opt').oneof!, name: '_opt', synthetic: true });
  assert.deepEqual([field(p3, 'M.list').cardinality, field(p3, 'M.by_key').cardinality], ['repeated', 'map']);
  assert.equal(field(p3, 'M.by_key').typeName, 't.M.ByKeyEntry');
  const entry = [...allMessages(p3)].find((m) => m.name === 'ByKeyEntry')!;
  assert.ok(entry.isMapEntry);
  assert.deepEqual(entry.fields.map((f) => [f.name, f.number, f.kind, f.typeName]), [
    ['key', 1, 'string', undefined],
    ['value', 2, 'message', 't.M'],
  ]);
  assert.deepEqual([field(p3, 'M.at').kind, field(p3, 'M.at').typeName, field(p3, 'M.at').cardinality], ['message', 'google.protobuf.Timestamp', 'explicit']);
  assert.deepEqual([field(p3, 'M.e').kind, field(p3, 'M.e').typeName, field(p3, 'M.e').cardinality], ['enum', 't.E', 'implicit']);
  assert.deepEqual([field(p3, 'M.a').oneof?.name, field(p3, 'M.a').cardinality], ['pick', 'explicit']);
  assert.deepEqual([field(p3, 'M.by_key').jsonName, field(p3, 'M.renamed').jsonName], ['byKey', 'other']);
  assert.equal(field(p3, 'M.big').jstype, 'JS_STRING');
  assert.deepEqual([field(p3, 'M.text').cppStringType, field(p3, 'M.list').cppStringType], ['CORD', 'STRING']);
  assert.deepEqual([field(p3, 'M.text').utf8Validation, field(p3, 'M.text').javaUtf8Validation], ['VERIFY', 'VERIFY']);

  const p2 = image.fileByPath.get('p2.proto')!;
  assert.deepEqual([field(p2, 'N.a').cardinality, field(p2, 'N.b').cardinality, field(p2, 'N.b').label], ['explicit', 'required', 'required']);
  const group = field(p2, 'N.inner_group');
  assert.deepEqual([group.kind, group.typeName, group.number], ['group', 't2.N.Inner_Group', 3]);
  assert.ok([...allMessages(p2)].find((m) => m.name === 'Inner_Group')!.isGroup);
  assert.equal(field(p2, 'N.f').defaultValue?.value.text, 'F2');
  assert.deepEqual([field(p2, 'N.b').utf8Validation, field(p2, 'N.b').javaUtf8Validation], ['NONE', 'VERIFY']);
  const ext = [...allExtensions(p2)][0]!;
  assert.deepEqual([ext.fullName, ext.extendee, ext.number, ext.cardinality], ['t2.ext', 't2.N', 100, 'explicit']);
  const n = [...allMessages(p2)].find((m) => m.name === 'N')!;
  assert.deepEqual(n.extensionRanges.map((r) => [r.start, r.end, r.max]), [[100, 536870911, true]]);
  assert.equal(p2.enums[0]!.closed, true);
  assert.equal(n.jsonFormat, 'LEGACY_BEST_EFFORT');

  const ed = image.fileByPath.get('ed.proto')!;
  assert.deepEqual(
    ['implicit', 'explicit', 'required'].map((f) => field(ed, `Q.${f}`).cardinality),
    ['implicit', 'explicit', 'required'],
  );
  assert.deepEqual([field(ed, 'Q.delimited').kind, field(ed, 'Q.delimited').cardinality], ['group', 'explicit']);
  assert.deepEqual([field(ed, 'Q.s').utf8Validation, field(ed, 'Q.checked').utf8Validation], ['NONE', 'VERIFY']);
  assert.deepEqual(ed.enums.map((e) => [e.name, e.closed]), [
    ['Open', false],
    ['Shut', true],
  ]);
  assert.equal(ed.messages[0]!.jsonFormat, 'LEGACY_BEST_EFFORT');
  assert.ok(ed.enums[1]!.enumTypeSpan && ed.messages[0]!.jsonFormatSpan, 'features set on the element have a span');
}

test('the image resolves what a descriptor would say, built from a linked project', () => {
  check(inlineImage(source()).image);
});

test('built from texts, one file at a time, the image is the same', () => {
  const texts = new Map(Object.entries(SCHEMAS).map(([p, t]) => [`mem:///${p}`, t]));
  const fromProject = inlineImage(source()).image;
  const wkt = fromProject.files.filter((f) => f.isImport);
  const image = buildProtoImageFromTexts(
    [...Object.keys(SCHEMAS).map((path) => ({ uri: `mem:///${path}`, path })), ...wkt.map((f) => ({ uri: f.uri, path: f.path, isImport: true }))],
    (uri) => texts.get(uri) ?? readFileSync(join(WKT_ROOT, wkt.find((f) => f.uri === uri)!.path), 'utf8'),
  );
  check(image);
});
