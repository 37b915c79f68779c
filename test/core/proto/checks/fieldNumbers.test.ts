import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('field numbers out of range and in the implementation range', () => {
  expectDiagnostics(`
syntax = "proto2";
message A {
  optional int32 a = 0;
  //                 ^ fields/number-out-of-range
  optional int32 b = 536870912;
  //                 ^^^^^^^^^ fields/number-out-of-range
  optional int32 c = 19000;
  //                 ^^^^^ fields/reserved-implementation-range
  optional int32 d = 19999;
  //                 ^^^^^ fields/reserved-implementation-range
  optional int32 e = 536870911;
  optional int32 f = 18999;
  optional int32 g = 0x10;
}
`);
});

test('duplicate field numbers point at the later number and offer the next free one', () => {
  const fx = expectDiagnostics(`
syntax = "proto3";
message A {
  int32 a = 1;
  reserved 2, 4 to 5;
  int32 b = 3;
  oneof o {
    string c = 1;
    //         ^ fields/duplicate-number
  }
  int32 d = 3;
  //        ^ fields/duplicate-number
}
`);
  const [first, second] = fx.diagnostics();
  assert.equal(first!.message, 'field number 1 is already used by `a` in `A`: give `c` another number');
  assert.equal(first!.related?.[0]?.message, '`a` uses 1');
  assert.equal(first!.fixes?.[0]?.title, 'Use the next free number 6');
  assert.match(applyFix(fx.text, second!), /int32 d = 6;/);
});

test('the next free number skips reserved, extension and implementation ranges', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message A {
  reserved 1 to 18999;
  extensions 20000 to 20005;
  optional int32 a = 20006;
  optional int32 b = 20006;
  //                 ^^^^^ fields/duplicate-number
}
`);
  assert.equal(fx.diagnostics()[0]!.fixes?.[0]?.title, 'Use the next free number 20007');
});

test('reserved numbers and names cannot be used', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message A {
  reserved 5, 10 to 20;
  reserved "foo", "bar";
  optional int32 foo = 5;
  //             ^^^ fields/reserved-name
  //                   ^ fields/reserved-number
  optional int32 g = 12;
  //                 ^^ fields/reserved-number
  optional group Bar = 1 {}
  //             ^^^ fields/reserved-name
  optional int32 ok = 21;
}
`);
  const d = fx.diagnostics().find((x) => x.code === 'fields/reserved-number')!;
  assert.equal(d.message, 'field `foo` uses number 5, which is reserved in `A`: use another number or remove the reservation');
  assert.equal(d.related?.[0]?.message, '5 is reserved here');
});

test('fields inside an extension range', () => {
  expectDiagnostics(`
syntax = "proto2";
message A {
  extensions 100 to 200;
  optional int32 h = 150;
  //                 ^^^ fields/number-in-extension-range
}
`);
});

test('groups and nested messages have their own numbering', () => {
  expectDiagnostics(`
syntax = "proto2";
message A {
  optional int32 a = 1;
  optional group G = 2 {
    optional int32 a = 1;
    optional int32 b = 1;
    //                 ^ fields/duplicate-number
  }
  message N { optional int32 a = 1; }
}
`);
});
