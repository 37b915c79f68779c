import { test } from 'node:test';
import assert from 'node:assert/strict';
import { references } from '../../../server/src/service/proto/references';
import { fixture, showLocation } from '../fixture';

/** Finds references from `$0`; every `^^^` annotation is an expected location (`decl` marks the declaration). */
function checkReferences(source: string): void {
  const f = fixture(source);
  const show = (locs: { uri: string; range: Parameters<typeof showLocation>[1] }[]) =>
    locs.map((l) => showLocation(l.uri, l.range)).sort();
  const all = f.annotations.map((a) => ({ uri: a.uri, range: a.range }));
  const withoutDecl = f.annotations.filter((a) => a.label !== 'decl').map((a) => ({ uri: a.uri, range: a.range }));
  assert.deepEqual(show(references(f.project, f.uri, f.position, true)), show(all), 'with the declaration');
  assert.deepEqual(show(references(f.project, f.uri, f.position, false)), show(withoutDecl), 'without the declaration');
}

const files = `
//- acme/money.proto
syntax = "proto3";
package acme;
message Money { int64 units = 1; }
//      ^^^^^ decl
message Price { Money amount = 1; }
//              ^^^^^
//- acme/order.proto
syntax = "proto3";
package acme;
import "acme/money.proto";
message Order {
  Money total = 1;
//^^^^^
  repeated .acme.Money parts = 2;
//         ^^^^^^^^^^^
  map<string, acme.Money> by_currency = 3;
//            ^^^^^^^^^^
}
//- other.proto
syntax = "proto3";
package other;
message Money {}
message X { Money m = 1; }
`;

test('references to a message from its declaration, across files and qualifications', () => {
  checkReferences(files.replace('message Money { int64', 'message Mo$0ney { int64'));
});

test('references from a reference give the same answer', () => {
  checkReferences(files.replace('  Money total', '  Mon$0ey total'));
});

test('a same-named message in another package is a different symbol', () => {
  checkReferences(`
//- a.proto
package a;
message Money {}
message X { Money m = 1; }
//- b.proto
package b;
message Mon$0ey {}
//      ^^^^^ decl
message Y { Money m = 1; }
//          ^^^^^
`);
});

test('rpc types, extendees and option names are references', () => {
  checkReferences(`
//- google/protobuf/descriptor.proto
package google.protobuf;
message FieldOptions { extensions 1000 to max; }
//- main.proto
package svc;
import "google/protobuf/descriptor.proto";
message Req {}
//      ^^^ decl
service S {
  rpc A(Req) returns (Req);
//      ^^^
//                    ^^^
  rpc B(stream R$0eq) returns (google.protobuf.FieldOptions);
//             ^^^
}
`);
  checkReferences(`
//- google/protobuf/descriptor.proto
package google.protobuf;
message FieldOptions { extensions 1000 to max; }
//- main.proto
package svc;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { bool secr$0et = 50001; }
//                                         ^^^^^^ decl
message M {
  string a = 1 [(secret) = true];
//               ^^^^^^
  string b = 2 [(svc.secret) = true];
//               ^^^^^^^^^^
}
`);
});

test('fields and enum values have only their declaration', () => {
  checkReferences(`
message M { string na$0me = 1; }
//                 ^^^^ decl
`);
});

test('nothing under the cursor gives no references', () => {
  checkReferences('message M { strin$0g name = 1; }\n');
  const f = fixture('message M {}\n');
  assert.deepEqual(references(f.project, 'file:///none.proto', f.position, true), []);
});
