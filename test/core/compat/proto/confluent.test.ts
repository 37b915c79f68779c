/**
 * The CONFLUENT profile, one fixture pair per Difference type of Confluent Schema Registry's
 * Protobuf differ (see server/src/core/compat/proto/confluent/diff.ts), with:
 * - `differences`: every difference type the differ finds from old to new, compatible or not;
 * - `backward` / `forward`: the incompatible ones a subject in that mode reports (FULL: both);
 * - carets in the new schema, labelled `CODE MODE`, where each such finding must land (findings
 *   about the file as a whole have no caret).
 * The expectations follow Confluent's code (protobuf-provider .../protobuf/diff), including its
 * quirks: adding a message breaks FORWARD, a label change is only seen when both sides write one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfluentProto, type ConfluentMode } from '../../../../server/src/core/compat/proto/confluent/check';
import { diffSchemas } from '../../../../server/src/core/compat/proto/confluent/diff';
import type { ProtoImage } from '../../../../server/src/core/compat/proto/image';
import { allMessages } from '../../../../server/src/core/compat/proto/pairs';
import { inlineImage } from './inline';

interface Case {
  readonly name: string;
  readonly old: string;
  readonly new: string;
  readonly differences: readonly string[];
  readonly backward: readonly string[];
  readonly forward: readonly string[];
}

const P3 = 'syntax = "proto3";\npackage shop;\n';
const P2 = 'syntax = "proto2";\npackage shop;\n';

const CASES: readonly Case[] = [
  {
    name: 'package changed',
    old: `${P3}message Order { int32 id = 1; }`,
    new: `syntax = "proto3";
  package store;
//^^^^^^^^^^^^^^ PACKAGE_CHANGED BACKWARD
//^^^^^^^^^^^^^^ PACKAGE_CHANGED FORWARD
message Order { int32 id = 1; }`,
    differences: ['PACKAGE_CHANGED'],
    backward: ['PACKAGE_CHANGED'],
    forward: ['PACKAGE_CHANGED'],
  },
  {
    name: 'message added: compatible backward, and breaks forward (old readers lack it)',
    old: `${P3}message Order { int32 id = 1; }`,
    new: `${P3}message Order { int32 id = 1; }
message Refund { int32 id = 1; }
//      ^^^^^^ MESSAGE_REMOVED FORWARD`,
    differences: ['MESSAGE_ADDED'],
    backward: [],
    forward: ['MESSAGE_REMOVED'],
  },
  {
    name: 'nested message removed',
    old: `${P3}message Order { message Line { int32 sku = 1; } int32 id = 1; }`,
    new: `${P3}message Order { int32 id = 1; }
//      ^^^^^ MESSAGE_REMOVED BACKWARD`,
    differences: ['MESSAGE_REMOVED'],
    backward: ['MESSAGE_REMOVED'],
    forward: [],
  },
  {
    name: 'messages reordered: their indexes move, which the wire format tolerates',
    old: `${P3}message A { int32 x = 1; }\nmessage B { int32 y = 1; }`,
    new: `${P3}message B { int32 y = 1; }\nmessage A { int32 x = 1; }`,
    differences: ['MESSAGE_MOVED', 'MESSAGE_MOVED'],
    backward: [],
    forward: [],
  },
  {
    name: 'enum added and another removed',
    old: `${P3}enum Color { RED = 0; }\nmessage M { int32 x = 1; }`,
    new: `${P3}enum Size { SMALL = 0; }\nmessage M { int32 x = 1; }`,
    differences: ['ENUM_ADDED', 'ENUM_REMOVED'],
    backward: [],
    forward: [],
  },
  {
    name: 'enum constants added, renamed and removed',
    old: `${P3}enum Color { RED = 0; GREEN = 1; BLUE = 2; }`,
    new: `${P3}enum Color { RED = 0; LIME = 1; PINK = 3; }`,
    differences: ['ENUM_CONST_ADDED', 'ENUM_CONST_CHANGED', 'ENUM_CONST_REMOVED'],
    backward: [],
    forward: [],
  },
  {
    name: 'field added, another removed (no reservation needed), another renamed',
    old: `${P3}message M { int32 a = 1; string b = 2; bool c = 3; }`,
    new: `${P3}message M { int32 a = 1; bool flag = 3; bytes d = 4; }`,
    differences: ['FIELD_ADDED', 'FIELD_NAME_CHANGED', 'FIELD_REMOVED'],
    backward: [],
    forward: [],
  },
  {
    name: 'scalar became a message',
    old: `${P3}message Money { int64 units = 1; }\nmessage M { int64 price = 1; }`,
    new: `${P3}message Money { int64 units = 1; }
message M { Money price = 1; }
//          ^^^^^ FIELD_KIND_CHANGED BACKWARD
//          ^^^^^ FIELD_KIND_CHANGED FORWARD`,
    differences: ['FIELD_KIND_CHANGED'],
    backward: ['FIELD_KIND_CHANGED'],
    forward: ['FIELD_KIND_CHANGED'],
  },
  {
    name: 'scalar kind out of its group (int32 to string)',
    old: `${P3}message M { int32 code = 1; }`,
    new: `${P3}message M { string code = 1; }
//          ^^^^^^ FIELD_SCALAR_KIND_CHANGED BACKWARD
//          ^^^^^^ FIELD_SCALAR_KIND_CHANGED FORWARD`,
    differences: ['FIELD_SCALAR_KIND_CHANGED'],
    backward: ['FIELD_SCALAR_KIND_CHANGED'],
    forward: ['FIELD_SCALAR_KIND_CHANGED'],
  },
  {
    name: 'scalar changes within Confluent\'s groups: int32 to int64, enum to uint32, bytes to string, sint32 to sint64',
    old: `${P3}enum E { E0 = 0; }\nmessage M { int32 a = 1; E b = 2; bytes c = 3; sint32 d = 4; }`,
    new: `${P3}enum E { E0 = 0; }\nmessage M { int64 a = 1; uint32 b = 2; string c = 3; sint64 d = 4; }`,
    differences: [],
    backward: [],
    forward: [],
  },
  {
    name: 'map value kind changed',
    old: `${P3}message M { map<string, int32> counts = 1; }`,
    new: `${P3}message M { map<string, string> counts = 1; }
//          ^^^^^^^^^^^^^^^^^^^ FIELD_SCALAR_KIND_CHANGED BACKWARD
//          ^^^^^^^^^^^^^^^^^^^ FIELD_SCALAR_KIND_CHANGED FORWARD`,
    differences: ['FIELD_SCALAR_KIND_CHANGED'],
    backward: ['FIELD_SCALAR_KIND_CHANGED'],
    forward: ['FIELD_SCALAR_KIND_CHANGED'],
  },
  {
    name: 'message field to another message',
    old: `${P3}message A { int32 x = 1; }\nmessage B { int32 x = 1; }\nmessage M { A item = 1; }`,
    new: `${P3}message A { int32 x = 1; }\nmessage B { int32 x = 1; }
message M { B item = 1; }
//          ^ FIELD_NAMED_TYPE_CHANGED BACKWARD
//          ^ FIELD_NAMED_TYPE_CHANGED FORWARD`,
    differences: ['FIELD_NAMED_TYPE_CHANGED'],
    backward: ['FIELD_NAMED_TYPE_CHANGED'],
    forward: ['FIELD_NAMED_TYPE_CHANGED'],
  },
  {
    name: 'numeric label changed where both sides write a label',
    old: `${P2}message M { optional int32 n = 1; }`,
    new: `${P2}message M { repeated int32 n = 1; }
//          ^^^^^^^^ FIELD_NUMERIC_LABEL_CHANGED BACKWARD
//          ^^^^^^^^ FIELD_NUMERIC_LABEL_CHANGED FORWARD`,
    differences: ['FIELD_NUMERIC_LABEL_CHANGED'],
    backward: ['FIELD_NUMERIC_LABEL_CHANGED'],
    forward: ['FIELD_NUMERIC_LABEL_CHANGED'],
  },
  {
    name: 'a proto3 field without a label becoming repeated goes unseen',
    old: `${P3}message M { int32 n = 1; }`,
    new: `${P3}message M { repeated int32 n = 1; }`,
    differences: [],
    backward: [],
    forward: [],
  },
  {
    name: 'string label changed: compatible',
    old: `${P2}message M { optional string s = 1; }`,
    new: `${P2}message M { repeated string s = 1; }`,
    differences: ['FIELD_STRING_OR_BYTES_LABEL_CHANGED'],
    backward: [],
    forward: [],
  },
  {
    name: 'required field added',
    old: `${P2}message M { optional int32 a = 1; }`,
    new: `${P2}message M { optional int32 a = 1; required int32 b = 2; }
//                                ^^^^^^^^ REQUIRED_FIELD_ADDED BACKWARD
//                                ^^^^^^^^ REQUIRED_FIELD_REMOVED FORWARD`,
    differences: ['REQUIRED_FIELD_ADDED'],
    backward: ['REQUIRED_FIELD_ADDED'],
    forward: ['REQUIRED_FIELD_REMOVED'],
  },
  {
    name: 'required field removed',
    old: `${P2}message M { optional int32 a = 1; required int32 b = 2; }`,
    new: `${P2}message M { optional int32 a = 1; }
//      ^ REQUIRED_FIELD_REMOVED BACKWARD
//      ^ REQUIRED_FIELD_ADDED FORWARD`,
    differences: ['REQUIRED_FIELD_REMOVED'],
    backward: ['REQUIRED_FIELD_REMOVED'],
    forward: ['REQUIRED_FIELD_ADDED'],
  },
  {
    name: 'oneof added with new fields, another deleted with all its fields',
    old: `${P3}message M { int32 a = 1; oneof old { string x = 2; string y = 3; } }`,
    new: `${P3}message M { int32 a = 1; oneof fresh { string p = 4; string q = 5; } }`,
    differences: ['ONEOF_ADDED', 'ONEOF_FIELD_ADDED', 'ONEOF_FIELD_ADDED', 'ONEOF_REMOVED'],
    backward: [],
    forward: [],
  },
  {
    name: 'oneof member removed while the oneof stays',
    old: `${P3}message M { oneof choice { string x = 1; int32 y = 2; } }`,
    new: `${P3}message M { oneof choice { string x = 1; } }
//      ^ ONEOF_FIELD_REMOVED BACKWARD`,
    differences: ['ONEOF_FIELD_REMOVED'],
    backward: ['ONEOF_FIELD_REMOVED'],
    forward: [],
  },
  {
    name: 'oneof member moved to the top level: compatible backward, an existing oneof gains it forward',
    old: `${P3}message M { oneof choice { string x = 1; int32 y = 2; } }`,
    new: `${P3}message M { string x = 1; oneof choice { int32 y = 2; } }
//                              ^^^^^^ FIELD_MOVED_TO_EXISTING_ONEOF FORWARD`,
    differences: ['ONEOF_FIELD_MOVED_TO_TOP_LEVEL'],
    backward: [],
    forward: ['FIELD_MOVED_TO_EXISTING_ONEOF'],
  },
  {
    name: 'two top-level fields moved into a new oneof',
    old: `${P3}message M { string x = 1; int32 y = 2; }`,
    new: `${P3}message M { oneof choice { string x = 1; int32 y = 2; } }
//                ^^^^^^ MULTIPLE_FIELDS_MOVED_TO_ONEOF BACKWARD`,
    differences: ['MULTIPLE_FIELDS_MOVED_TO_ONEOF', 'ONEOF_ADDED'],
    backward: ['MULTIPLE_FIELDS_MOVED_TO_ONEOF'],
    forward: [],
  },
  {
    name: 'a top-level field moved into an existing oneof',
    old: `${P3}message M { string x = 1; oneof choice { int32 y = 2; } }`,
    new: `${P3}message M { oneof choice { string x = 1; int32 y = 2; } }
//                ^^^^^^ FIELD_MOVED_TO_EXISTING_ONEOF BACKWARD`,
    differences: ['FIELD_MOVED_TO_EXISTING_ONEOF'],
    backward: ['FIELD_MOVED_TO_EXISTING_ONEOF'],
    forward: [],
  },
  {
    name: 'one field alone wrapped in a new oneof: nothing becomes exclusive',
    old: `${P3}message M { string x = 1; }`,
    new: `${P3}message M { oneof choice { string x = 1; } }`,
    differences: ['ONEOF_ADDED'],
    backward: [],
    forward: [],
  },
  {
    name: 'a message type of the same local name from another file is compared by structure',
    old: `${P3}message Money { int64 units = 1; }\nmessage M { Money price = 1; }`,
    new: `//- main.proto
${P3}import "money.proto";
message M { shared.Money price = 1; }
//- money.proto
syntax = "proto3";
package shared;
message Money { int64 units = 1; }`,
    differences: ['MESSAGE_MOVED', 'MESSAGE_REMOVED'],
    backward: ['MESSAGE_REMOVED'],
    forward: [],
  },
  {
    name: 'and when that structure changed incompatibly, the field says so too',
    old: `${P3}message Money { int64 units = 1; }\nmessage M { Money price = 1; }`,
    new: `//- main.proto
${P3}import "money.proto";
message M { shared.Money price = 1; }
//          ^^^^^^^^^^^^ FIELD_NAMED_TYPE_CHANGED BACKWARD
//          ^^^^^^^^^^^^ FIELD_NAMED_TYPE_CHANGED FORWARD
//- money.proto
syntax = "proto3";
package shared;
message Money { string units = 1; }
//              ^^^^^^ FIELD_SCALAR_KIND_CHANGED BACKWARD
//              ^^^^^^ FIELD_SCALAR_KIND_CHANGED FORWARD`,
    differences: ['FIELD_NAMED_TYPE_CHANGED', 'FIELD_SCALAR_KIND_CHANGED', 'MESSAGE_MOVED', 'MESSAGE_REMOVED'],
    backward: ['FIELD_NAMED_TYPE_CHANGED', 'FIELD_SCALAR_KIND_CHANGED', 'MESSAGE_REMOVED'],
    forward: ['FIELD_NAMED_TYPE_CHANGED', 'FIELD_SCALAR_KIND_CHANGED'],
  },
];

function main(image: ProtoImage) {
  return image.fileByPath.get('main.proto')!;
}

function sideFor(image: ProtoImage) {
  const index = new Map(image.files.flatMap((f) => [...allMessages(f)]).map((m) => [m.fullName, m]));
  return { file: main(image), messages: (n: string) => index.get(n) };
}

const sorted = (xs: readonly string[]) => [...xs].sort();

for (const c of CASES) {
  test(`confluent: ${c.name}`, () => {
    const before = inlineImage(c.old).image;
    const { image: after, fixture } = inlineImage(c.new);
    assert.deepEqual(sorted(diffSchemas(sideFor(before), sideFor(after)).map((d) => d.type)), sorted(c.differences), 'differences old -> new');

    const expectedPlaces = new Set(fixture.annotations.map((a) => `${a.uri}@${a.span.start}-${a.span.end} ${a.label}`));
    const seenPlaces = new Set<string>();
    for (const mode of ['BACKWARD', 'FORWARD'] as const) {
      const findings = checkConfluentProto([before], after, mode);
      assert.deepEqual(sorted([...new Set(findings.map((f) => f.code))]), sorted([...new Set(mode === 'BACKWARD' ? c.backward : c.forward)]), mode);
      for (const f of findings) {
        assert.match(f.message, new RegExp(`Confluent ${mode} check at #/`));
        if (f.anchor === 'file') continue;
        const place = `${f.uri}@${f.span.start}-${f.span.end} ${f.code} ${mode}`;
        assert.ok(expectedPlaces.has(place), `${mode} ${f.code} lands at ${f.span.start}-${f.span.end} (${f.anchor}): ${f.message}`);
        seenPlaces.add(place);
      }
    }
    assert.deepEqual([...expectedPlaces].filter((p) => !seenPlaces.has(p)), [], 'every caret gets its finding');

    const full = checkConfluentProto([before], after, 'FULL');
    assert.deepEqual(sorted([...new Set(full.map((f) => f.code))]), sorted([...new Set([...c.backward, ...c.forward])]), 'FULL is both directions');
    assert.deepEqual(checkConfluentProto([before], after, 'NONE'), []);
  });
}

test('confluent: the transitive modes check every earlier version, the others only the latest', () => {
  const v1 = inlineImage(`${P3}message M { int32 a = 1; }`).image;
  const v2 = inlineImage(`${P3}message M { int64 a = 1; }`).image;
  const v3 = inlineImage(`${P3}message M { string a = 1; int64 b = 2; }`).image;
  const v3again = inlineImage(`${P3}message M { int64 a = 1; bool b = 2; }`).image;
  const codes = (mode: ConfluentMode, current: ProtoImage) => checkConfluentProto([v1, v2], current, mode).map((f) => f.code);
  assert.deepEqual(codes('BACKWARD', v3), ['FIELD_SCALAR_KIND_CHANGED']);
  assert.deepEqual(codes('BACKWARD', v3again), []);
  assert.deepEqual(codes('BACKWARD_TRANSITIVE', v3again), []);
  // v1 had no field 2 at all, v2 neither: a compatible addition either way.
  const v4 = inlineImage(`${P3}message M { int64 a = 1; }\nmessage N { int32 x = 1; }`).image;
  assert.deepEqual(codes('FORWARD', v4), ['MESSAGE_REMOVED']);
  const findings = checkConfluentProto([v1, v2], v3, 'FULL_TRANSITIVE');
  // The same finding against both versions is reported once per version it concerns.
  assert.deepEqual(
    findings.map((f) => f.message.replace(/.*(against version \d of 2)\)$/, '$1')).sort(),
    ['against version 1 of 2', 'against version 1 of 2', 'against version 2 of 2', 'against version 2 of 2'],
  );
  assert.deepEqual(checkConfluentProto([], v3, 'FULL_TRANSITIVE'), []);
});
