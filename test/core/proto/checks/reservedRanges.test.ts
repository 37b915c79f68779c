import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('reserved ranges must be positive, run forward and not overlap', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message A {
  reserved 0;
  //       ^ reserved/invalid-range
  reserved 4 to 2;
  //       ^^^^^^ reserved/invalid-range
  reserved 10 to 20, 15 to 25;
  //                 ^^^^^^^^ reserved/overlap
  reserved 30 to max;
  reserved 40;
  //       ^^ reserved/overlap
}
`);
  const swap = fx.diagnostics().find((d) => d.message.includes('ends before it starts'))!;
  assert.match(applyFix(fx.text, swap), /reserved 2 to 4;/);
  assert.equal(fx.diagnostics().find((d) => d.code === 'reserved/overlap')!.message, 'reserved range 15 to 25 overlaps 10 to 20: merge the ranges or make them disjoint');
});

test('reserved names: identifiers only, and each once', () => {
  expectDiagnostics(`
syntax = "proto3";
message A {
  reserved "foo", "a b";
  //              ^^^^^ reserved/invalid-name warning
  reserved "foo";
  //       ^^^^^ reserved/duplicate-name
}
`);
});

test('extension ranges: bounds, overlaps with each other and with reserved ranges', () => {
  expectDiagnostics(`
syntax = "proto2";
message A {
  extensions 100 to 200, 150 to 300;
  //                     ^^^^^^^^^^ extensions/overlap
  extensions 10 to 5;
  //         ^^^^^^^ extensions/invalid-range
  extensions 0;
  //         ^ extensions/invalid-range
  reserved 1000;
  extensions 900 to max;
  //         ^^^^^^^^^^ extensions/overlaps-reserved
}
`);
});

test('enum reserved ranges may be negative and reach the int32 maximum', () => {
  expectDiagnostics(`
syntax = "proto3";
enum E {
  E_ZERO = 0;
  reserved -5 to -1, 3 to 1;
  //                 ^^^^^^ reserved/invalid-range
  reserved 2 to max;
  reserved 10;
  //       ^^ reserved/overlap
  reserved "1a";
  //       ^^^^ reserved/invalid-name warning
}
`);
});
