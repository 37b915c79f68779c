import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('proto3: no required, defaults, groups, extension ranges or non-option extensions', () => {
  const fx = expectDiagnostics(`
syntax = "proto3";
import "google/protobuf/descriptor.proto";
message M {
  required int32 a = 1;
//^^^^^^^^ proto3/required
  int32 b = 2 [default = 3, deprecated = true];
  //           ^^^^^^^ proto3/default
  optional group G = 3 {}
  //       ^^^^^ proto3/group
  extensions 100 to 200, 300;
  //         ^^^^^^^^^^^^^^^ proto3/extension-range
}
extend M { int32 x = 150; }
//     ^ proto3/extend
extend google.protobuf.FieldOptions { string my_option = 50000; }
`);
  const [required, def] = fx.diagnostics();
  assert.match(applyFix(fx.text, required!), /\n {2}int32 a = 1;/);
  assert.match(applyFix(fx.text, def!), /int32 b = 2 \[deprecated = true\];/);
});

test('proto3 messages cannot use closed enums, from proto2 files or closed in editions', () => {
  expectDiagnostics(`
//- p2.proto
syntax = "proto2";
package q;
enum Closed { C = 1; }
//- ed.proto
edition = "2023";
package q;
enum AlsoClosed { option features.enum_type = CLOSED; A0 = 0; }
enum Open { O = 0; }
//- main.proto
syntax = "proto3";
import "p2.proto";
import "ed.proto";
message M {
  q.Closed c = 1;
//^^^^^^^^ proto3/closed-enum
  map<string, q.AlsoClosed> m = 2;
  //          ^^^^^^^^^^^^ proto3/closed-enum
  q.Open o = 3;
}
`);
});

test('proto2: fields need a label, except oneof members and maps', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message M {
  int32 a = 1;
//^^^^^ proto2/missing-label
  map<string, int32> m = 2;
  oneof o { int32 b = 3; }
  extensions 10 to 20;
}
extend M { int32 x = 10; }
//         ^^^^^ proto2/missing-label
`);
  assert.match(applyFix(fx.text, fx.diagnostics()[0]!), /optional int32 a = 1;/);
});

test('a file without syntax is proto2, with a warning', () => {
  expectDiagnostics(`
  message M { optional int32 a = 1; }
//^^^^^^^ file/missing-syntax warning
`);
});

test('syntax first, once, with a known value; one package', () => {
  const fx = expectDiagnostics(`
//- late.proto
package a;
  syntax = "proto3";
//^^^^^^ file/syntax-not-first
//- twice.proto
syntax = "proto3";
  syntax = "proto2";
//^^^^^^ file/duplicate-syntax
package a;
package b;
//      ^ file/duplicate-package
//- unknown.proto
syntax = "proto4";
//       ^^^^^^^^ file/unknown-syntax
//- edition.proto
edition = "2022";
//        ^^^^^^ file/unknown-edition
//- unstable.proto
edition = "2026";
//        ^^^^^^ file/unstable-edition warning
`);
  assert.equal(applyFix(fx.file('late.proto').text, fx.diagnostics('late.proto')[0]!), 'syntax = "proto3";\n\npackage a;\n');
});
