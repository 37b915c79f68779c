import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectDiagnostics } from '../checkFixture';

test('duplicate names in a message, a package and a service', () => {
  expectDiagnostics(`
syntax = "proto3";
package p;
message A {
  int32 x = 1;
  string x = 2;
  //     ^ names/duplicate
  oneof choice { int32 y = 3; }
  message y {}
  //      ^ names/duplicate
  message choice {}
  //      ^^^^^^ names/duplicate
}
message A {}
//      ^ names/duplicate
service S {
  rpc R(A) returns (A);
  rpc R(A) returns (A);
  //  ^ names/duplicate
}
enum S { S_ZERO = 0; }
//   ^ names/duplicate
`);
});

test('enum values are siblings of their enum, so two enums of one scope cannot share a value name', () => {
  const fx = expectDiagnostics(`
syntax = "proto3";
package p;
enum E { E_A = 0; }
enum F { E_A = 0; }
//       ^^^ names/duplicate
message M {
  enum G { UNKNOWN = 0; }
  enum H { UNKNOWN = 0; }
  //       ^^^^^^^ names/duplicate
}
enum G { UNKNOWN = 0; }
`);
  const d = fx.diagnostics()[0]!;
  assert.match(d.message, /^`E_A` is already defined in `p`: enum values are siblings of their enum/);
  assert.equal(d.related?.[0]?.message, 'the enum value `E_A` is defined here');
});

test('a map field declares an entry message that can clash with a nested type', () => {
  const fx = expectDiagnostics(`
syntax = "proto3";
message M {
  map<string, int32> foo_bar = 1;
  message FooBarEntry {}
  //      ^^^^^^^^^^^ names/duplicate
}
message N {
  message ValuesEntry {}
  map<string, int32> values = 1;
  //                 ^^^^^^ names/duplicate
}
`);
  const [a, b] = fx.diagnostics();
  assert.match(a!.message, /already the entry message of map field `foo_bar`/);
  assert.match(b!.message, /^map field `values` needs a message named `ValuesEntry`/);
});

test('a group declares a lowercased field and a message', () => {
  expectDiagnostics(`
syntax = "proto2";
message M {
  optional group Foo = 1 {}
  optional int32 foo = 2;
  //             ^^^ names/duplicate
  message Foo {}
  //      ^^^ names/duplicate
}
`);
});

test('symbols clash with the same full name in a file this one imports', () => {
  const fx = expectDiagnostics(`
//- a.proto
syntax = "proto3";
package p;
message A {}
enum Q { Q0 = 0; }
//- b.proto
syntax = "proto3";
package p;
import "a.proto";
message A {}
//      ^ names/duplicate
message Q0 {}
//      ^^ names/duplicate
message B { A a = 1; }
//- c.proto
syntax = "proto3";
package p;
// Not imported by a.proto or b.proto, so protoc never builds them together.
message A {}
`);
  const d = fx.diagnostics('b.proto')[0]!;
  assert.equal(d.message, '`p.A` is already defined as message `p.A` in "a.proto": rename it or remove one of the definitions');
  assert.equal(d.related?.[0]?.uri, fx.file('a.proto').uri);
});

test('a package clashes with a message of the same full name in a dependency', () => {
  expectDiagnostics(`
//- a.proto
syntax = "proto3";
package p;
message Thing {}
//- b.proto
syntax = "proto3";
package p.Thing;
//      ^^^^^^^ names/duplicate
import "a.proto";
message B { p.Thing t = 1; }
`);
});
