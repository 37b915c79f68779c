import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('editions replace labels, groups, packed and quoted reserved names', () => {
  const fx = expectDiagnostics(`
edition = "2023";
message M {
  optional int32 a = 1;
//^^^^^^^^ editions/optional-label
  required int32 b = 2;
//^^^^^^^^ editions/required-label
  required int32 b2 = 7 [deprecated = true];
//^^^^^^^^ editions/required-label
  group G = 3 {}
//^^^^^ editions/group
  reserved "foo", bar;
  //       ^^^^^ editions/reserved-name-string
  repeated int32 c = 4 [packed = false];
  //                    ^^^^^^ editions/packed
  int32 d = 5 [ctype = CORD];
}
`);
  const of = (code: string) => fx.diagnostics().filter((d) => d.code === code);
  const [optional] = of('editions/optional-label');
  const [required, required2] = of('editions/required-label');
  const [reserved] = of('editions/reserved-name-string');
  const [packed] = of('editions/packed');
  assert.match(applyFix(fx.text, optional!), /\n {2}int32 a = 1;/);
  assert.match(applyFix(fx.text, required!), /\n {2}int32 b = 2 \[features\.field_presence = LEGACY_REQUIRED\];/);
  assert.match(applyFix(fx.text, required2!), /int32 b2 = 7 \[deprecated = true, features\.field_presence = LEGACY_REQUIRED\];/);
  assert.match(applyFix(fx.text, reserved!), /reserved foo, bar;/);
  assert.match(applyFix(fx.text, packed!), /\[features\.repeated_field_encoding = EXPANDED\]/);
});

test('ctype is gone from edition 2024', () => {
  expectDiagnostics(`
edition = "2024";
message M {
  string d = 5 [ctype = CORD];
  //            ^^^^^ editions/ctype
}
`);
});

test('proto2 and proto3 write reserved names as strings', () => {
  expectDiagnostics(`
syntax = "proto3";
message M { reserved foo; }
//                   ^^^ reserved/identifier-name
`);
});

test('field presence: not on oneof members, repeated fields or extensions, never implicit on messages', () => {
  expectDiagnostics(`
edition = "2023";
message M {
  M e = 6 [features.field_presence = IMPLICIT];
  //                ^^^^^^^^^^^^^^ editions/invalid-field-presence
  M e2 = 9 [features.field_presence = LEGACY_REQUIRED];
  oneof o { int32 f = 7 [features.field_presence = EXPLICIT]; }
  //                              ^^^^^^^^^^^^^^ editions/invalid-field-presence
  repeated int32 h = 8 [features.field_presence = EXPLICIT];
  //                             ^^^^^^^^^^^^^^ editions/invalid-field-presence
  extensions 100 to 200;
}
extend M { int32 x = 100 [features.field_presence = IMPLICIT]; }
//                                 ^^^^^^^^^^^^^^ editions/invalid-field-presence
`);
});

test('encodings only where they apply', () => {
  expectDiagnostics(`
edition = "2023";
message M {
  int32 i = 10 [features.repeated_field_encoding = PACKED];
  //                     ^^^^^^^^^^^^^^^^^^^^^^^ editions/invalid-repeated-field-encoding
  repeated M r = 2 [features.repeated_field_encoding = PACKED];
  //                         ^^^^^^^^^^^^^^^^^^^^^^^ editions/invalid-repeated-field-encoding
  repeated M r2 = 3 [features.repeated_field_encoding = EXPANDED];
  repeated int32 r3 = 4 [features.repeated_field_encoding = EXPANDED];
  int32 j = 11 [features.message_encoding = DELIMITED];
  //                     ^^^^^^^^^^^^^^^^ editions/invalid-message-encoding
  map<string, int32> mm = 5 [features.message_encoding = DELIMITED];
  //                                  ^^^^^^^^^^^^^^^^ editions/invalid-message-encoding
  M child = 6 [features.message_encoding = DELIMITED];
  string k = 12 [features.utf8_validation = NONE];
  int32 l = 13 [features.utf8_validation = NONE];
  //                     ^^^^^^^^^^^^^^^ editions/invalid-utf8-validation
  map<string, int32> m2 = 14 [features.utf8_validation = NONE];
}
`);
});

test('implicit presence: no defaults and no closed enums, whether set on the field or the file', () => {
  expectDiagnostics(`
edition = "2023";
option features.field_presence = IMPLICIT;
enum C { option features.enum_type = CLOSED; C1 = 1; }
message M {
  int32 a = 1 [default = 5];
  //           ^^^^^^^ editions/implicit-presence-default
  C c = 2;
//^ editions/implicit-presence-closed-enum
  string s = 3 [features.field_presence = EXPLICIT, default = "x"];
  C c2 = 4 [features.field_presence = EXPLICIT];
  M m = 5;
  repeated C cs = 6;
}
`);
});

test('feature values, availability by edition and targets', () => {
  expectDiagnostics(`
//- a.proto
edition = "2023";
option features.enforce_naming_style = STYLE2024;
//              ^^^^^^^^^^^^^^^^^^^^ editions/feature-not-available
message M {
  option features.field_presence = EXPLICIT;
  //              ^^^^^^^^^^^^^^ editions/feature-target
  int32 d = 5 [features.field_presence = BOGUS];
  //                                     ^^^^^ editions/invalid-feature-value
  int32 e = 6 [features.enum_type = OPEN];
  //                    ^^^^^^^^^ editions/feature-target
}
enum E { option features.enum_type = CLOSED; E1 = 1; }
//- b.proto
edition = "2024";
option features.enforce_naming_style = STYLE2024;
option features.default_symbol_visibility = EXPORT_ALL;
option features.json_format = LEGACY_BEST_EFFORT;
`);
});

test('features belong to editions files only', () => {
  expectDiagnostics(`
syntax = "proto3";
option features.enum_type = CLOSED;
//     ^^^^^^^^ editions/features-outside-editions
message M { int32 a = 1 [features.field_presence = EXPLICIT]; }
//                       ^^^^^^^^ editions/features-outside-editions
`);
});

test('file options that an edition removed', () => {
  expectDiagnostics(`
//- e2024.proto
edition = "2024";
option java_multiple_files = true;
//     ^^^^^^^^^^^^^^^^^^^ editions/option-removed
option cc_enable_arenas = true;
//- e2023.proto
edition = "2023";
option java_multiple_files = true;
`);
});

test('from edition 2024 names follow the style guide unless STYLE_LEGACY opts out', () => {
  const fx = expectDiagnostics(`
edition = "2024";
package acme.Orders;
//      ^^^^^^^^^^^ editions/naming-style
message order_placed {
//      ^^^^^^^^^^^^ editions/naming-style
  int32 orderId = 1;
  //    ^^^^^^^ editions/naming-style
  int32 line_2 = 2;
  //    ^^^^^^ editions/naming-style
  int32 v2_count = 3;
  oneof Choice { int32 a = 4; }
  //    ^^^^^^ editions/naming-style
}
enum status { STATUS_UNSPECIFIED = 0; Active = 1; }
//   ^^^^^^ editions/naming-style
//                                    ^^^^^^ editions/naming-style
service orders { rpc place_order(order_placed) returns (order_placed); }
//      ^^^^^^ editions/naming-style
//                   ^^^^^^^^^^^ editions/naming-style
message Legacy {
  option features.enforce_naming_style = STYLE_LEGACY;
  int32 fooBar = 1;
  message inner { int32 X = 1; }
}
message Mixed {
  oneof o {
    option features.enforce_naming_style = STYLE_LEGACY;
    int32 o_1 = 1;
  }
  int32 HTTP = 2 [features.enforce_naming_style = STYLE_LEGACY];
}
`);
  assert.equal(
    fx.diagnostics().find((d) => d.message.includes('orderId'))!.message,
    'field name `orderId` should be lower_snake_case, as edition 2024 requires: rename it, or set features.enforce_naming_style = STYLE_LEGACY',
  );
});

test('edition 2023 does not enforce naming style', () => {
  expectDiagnostics(`
edition = "2023";
message order_placed { int32 orderId = 1; }
`);
});
