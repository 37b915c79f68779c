import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('an open enum starts at zero; a closed one need not', () => {
  const fx = expectDiagnostics(`
//- open.proto
syntax = "proto3";
enum OrderStatus {
  CREATED = 1;
  //        ^ proto3/enum-first-value-zero
}
enum Inline { A = 1; }
//                ^ proto3/enum-first-value-zero
//- closed.proto
syntax = "proto2";
enum C { C1 = 1; }
//- editions.proto
edition = "2023";
enum Open { O1 = 1; }
//               ^ proto3/enum-first-value-zero
enum Closed { option features.enum_type = CLOSED; K1 = 1; }
`);
  const [block, inline] = fx.diagnostics('open.proto');
  const text = fx.file('open.proto').text;
  assert.match(applyFix(text, block!), /enum OrderStatus \{\n {2}ORDER_STATUS_UNSPECIFIED = 0;\n {2}CREATED = 1;/);
  assert.match(applyFix(text, inline!), /enum Inline \{ INLINE_UNSPECIFIED = 0; A = 1; \}/);
});

test('duplicate numbers need allow_alias, and allow_alias needs an alias', () => {
  const fx = expectDiagnostics(`
syntax = "proto3";
enum E {
  E_ZERO = 0;
  E_ONE = 1;
  E_UNO = 1;
  //      ^ enums/duplicate-number
}
enum F {
  option allow_alias = true;
  //     ^^^^^^^^^^^ enums/unnecessary-alias
  F_ZERO = 0;
  F_ONE = 1;
}
enum G {
  option allow_alias = true;
  G_ZERO = 0;
  G_NONE = 0;
}
enum J {
  option allow_alias = false;
  //     ^^^^^^^^^^^ enums/unnecessary-alias
  J_ZERO = 0;
}
`);
  const dup = fx.diagnostics()[0]!;
  assert.equal(dup.message, '`E_UNO` uses the same number 1 as `E_ONE`: give it another number (2 is free), or set `option allow_alias = true;` in `E` if it is meant as an alias');
  assert.match(applyFix(fx.text, dup, 0), /E_UNO = 2;/);
  assert.match(applyFix(fx.text, dup, 1), /enum E \{\n {2}option allow_alias = true;\n {2}E_ZERO = 0;/);
  const unnecessary = fx.diagnostics()[1]!;
  assert.match(applyFix(fx.text, unnecessary), /enum F \{\n {2}F_ZERO = 0;/);
});

test('value names that clash once the enum prefix is stripped', () => {
  expectDiagnostics(`
syntax = "proto3";
enum G { G_ZERO = 0; G_FOO = 1; FOO = 2; }
//                              ^^^ enums/name-conflict
enum H { H_UNSPECIFIED = 0; H_FOO_BAR = 1; H_FOOBAR = 2; }
enum L { L_UNSPECIFIED = 0; Lfoo = 1; L_FOO = 2; }
//                                    ^^^^^ enums/name-conflict
enum Alias { option allow_alias = true; ALIAS_X = 0; X = 0; }
//- legacy.proto
syntax = "proto2";
enum P {
  option deprecated_legacy_json_field_conflicts = true;
  P_FOO = 1;
  FOO = 2;
//^^^ enums/name-conflict warning
}
`);
});

test('empty enums, reserved numbers and names, and values outside int32', () => {
  expectDiagnostics(`
syntax = "proto3";
enum I {}
//   ^ enums/empty
enum K {
  K0 = 0;
  reserved 1, 3 to 5;
  reserved "KX";
  KX = 7;
//^^ enums/reserved-name
  KY = 4;
  //   ^ enums/reserved-number
  KZ = 2147483648;
  //   ^^^^^^^^^^ enums/number-out-of-range
  KW = -2147483648;
}
`);
});
