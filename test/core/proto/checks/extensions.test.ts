import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('extension numbers must be in a declared extension range of the extendee', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message A { extensions 100 to 200; }
message B { optional int32 x = 1; }
extend A {
  optional int32 a = 100;
  optional int32 c = 300;
  //                 ^^^ extensions/number-not-in-range
}
extend B {
  optional int32 d = 5;
  //                 ^ extensions/number-not-in-range
}
`);
  const [notIn, none] = fx.diagnostics();
  assert.equal(notIn!.message, '`A` does not declare 300 as an extension number: use a number in 100 to 200');
  assert.match(applyFix(fx.text, notIn!), /optional int32 c = 101;/);
  assert.match(none!.message, /^`B` declares no extension ranges, so it cannot be extended/);
});

test('two extensions of one message cannot share a number; across files protoc only warns', () => {
  const fx = expectDiagnostics(`
//- base.proto
syntax = "proto2";
package base;
message A { extensions 100 to 200; }
extend A { optional int32 a = 100; }
//- user.proto
syntax = "proto2";
package user;
import "base.proto";
extend base.A {
  optional int32 b = 100;
  //                 ^^^ fields/duplicate-number warning
  optional int32 c = 101;
  optional int32 d = 101;
  //                 ^^^ fields/duplicate-number
}
`);
  const [across] = fx.diagnostics('user.proto');
  assert.equal(across!.message, 'extension number 100 of `base.A` is already used by `a` in "base.proto": give `b` another number');
  assert.equal(across!.related?.[0]?.uri, fx.file('base.proto').uri);
  const local = fx.diagnostics('user.proto')[1]!;
  assert.equal(local.severity, 'error');
  assert.match(applyFix(fx.file('user.proto').text, local), /optional int32 d = 102;/);
});

test('custom options extend the descriptor option messages; extensions are not required', () => {
  expectDiagnostics(`
syntax = "proto2";
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions {
  optional string a = 50000;
  required string b = 50001;
//^^^^^^^^ extensions/required
  optional string c = 19500;
  //                  ^^^^^ fields/reserved-implementation-range
  optional string d = 999;
  //                  ^^^ extensions/number-not-in-range
}
`);
});

test('message sets allow extension numbers up to the int32 maximum', () => {
  expectDiagnostics(`
syntax = "proto2";
message Set {
  option message_set_wire_format = true;
  extensions 4 to max;
}
message Item {
  extend Set { optional Item item = 1000000000; }
}
`);
});
