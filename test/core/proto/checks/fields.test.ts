import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostics } from '../checkFixture';

test('map keys are integral or string scalars', () => {
  const fx = expectDiagnostics(`
syntax = "proto3";
enum E { Z = 0; }
message M {
  map<float, int32> a = 1;
  //  ^^^^^ maps/invalid-key-type
  map<bytes, int32> b = 2;
  //  ^^^^^ maps/invalid-key-type
  map<E, int32> c = 3;
  //  ^ maps/invalid-key-type
  map<M, int32> d = 4;
  //  ^ maps/invalid-key-type
  map<double, M> e = 5;
  //  ^^^^^^ maps/invalid-key-type
  map<sfixed64, E> f = 6;
  map<bool, bytes> g = 7;
  map<string, M> h = 8;
}
`);
  assert.equal(fx.diagnostics()[2]!.message, 'map keys cannot be an enum (`E`): use an integer type, bool or string');
});

test('oneofs: members take no label, and a oneof has at least one field', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message M {
  oneof o { optional int32 a = 1; }
  //        ^^^^^^^^ oneof/label
  oneof p { }
  //    ^ oneof/empty
}
`);
  assert.match(applyFix(fx.text, fx.diagnostics().find((d) => d.code === 'oneof/label')!), /oneof o \{ int32 a = 1; \}/);
});

test('JSON names: default clashes are errors in proto3 and warnings in proto2; custom clashes always errors', () => {
  const fx = expectDiagnostics(`
//- p3.proto
syntax = "proto3";
message M {
  int32 foo_bar = 1;
  int32 fooBar = 2;
  //    ^^^^^^ fields/json-name-conflict
  int32 a = 3 [json_name = "fooBar"];
  //    ^ fields/json-name-conflict
  int32 b = 4 [json_name = "x"];
  int32 x = 5;
  //    ^ fields/json-name-conflict
  int32 FooBar = 6;
  int32 c = 7 [json_name = "[c]"];
  //                       ^^^^^ fields/invalid-json-name
}
//- p2.proto
syntax = "proto2";
message M {
  optional int32 foo_bar = 1;
  optional int32 fooBar = 2;
  //             ^^^^^^ fields/json-name-conflict warning
  optional int32 a = 3 [json_name = "x"];
  optional int32 b = 4 [json_name = "x"];
  //             ^ fields/json-name-conflict
  extensions 100 to 200;
}
extend M { optional int32 e = 100 [json_name = "ee"]; }
//                                 ^^^^^^^^^ extensions/json-name
//- legacy.proto
syntax = "proto3";
message L {
  option deprecated_legacy_json_field_conflicts = true;
  int32 foo_bar = 1;
  int32 fooBar = 2;
}
`);
  assert.equal(
    fx.diagnostics('p3.proto')[0]!.message,
    'the default JSON name "fooBar" of `fooBar` is also the default JSON name of `foo_bar`: rename a field or set a distinct json_name',
  );
});

test('defaults must match the field type', () => {
  expectDiagnostics(`
syntax = "proto2";
enum E { Z = 0; O = 1; }
message M {
  optional int32 a = 1 [default = 2147483648];
  //                              ^^^^^^^^^^ defaults/invalid-value
  optional int32 b = 2 [default = "x"];
  //                              ^^^ defaults/invalid-value
  optional uint32 c = 3 [default = -1];
  //                               ^^ defaults/invalid-value
  optional float d = 4 [default = inf];
  optional bool e = 5 [default = 1];
  //                             ^ defaults/invalid-value
  optional string f = 6 [default = 5];
  //                               ^ defaults/invalid-value
  optional bytes g = 7 [default = "\\xff"];
  optional E h = 8 [default = Q];
  //                          ^ defaults/unknown-enum-value
  optional E i = 9 [default = 1];
  //                          ^ defaults/invalid-value
  optional double j = 10 [default = -inf];
  optional int64 k = 11 [default = -9223372036854775808];
  optional int32 l = 12 [default = 1.5];
  //                               ^^^ defaults/invalid-value
  optional uint64 q = 17 [default = 0xFFFFFFFFFFFFFFFF];
  optional E u = 21 [default = O];
  optional double n = 22 [default = nan];
  repeated int32 r = 23 [default = 1];
  //                     ^^^^^^^ defaults/not-allowed
  optional M m = 24 [default = 1];
  //                 ^^^^^^^ defaults/not-allowed
}
`);
});

test('options are set once, unless repeated', () => {
  expectDiagnostics(`
syntax = "proto2";
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions {
  repeated string tags = 50000;
  optional string owner = 50001;
}
message M {
  option (tags) = "a";
  option (tags) = "b";
  option (owner) = "x";
  option (owner) = "y";
  //     ^^^^^^^ options/duplicate
  optional int32 i = 9 [default = 1, default = 2];
  //                                 ^^^^^^^ options/duplicate
}
`);
});

test('packed only on repeated scalars, lazy only on message and map fields', () => {
  const fx = expectDiagnostics(`
syntax = "proto2";
message M {
  optional int32 a = 1 [packed = true];
  //                    ^^^^^^ fields/invalid-packed
  repeated string b = 2 [packed = true];
  //                     ^^^^^^ fields/invalid-packed
  repeated int32 c = 3 [packed = true];
  repeated int32 d = 4 [packed = false];
  map<string, int32> e = 5 [packed = true];
  //                        ^^^^^^ fields/invalid-packed
  optional int32 f = 6 [lazy = true, deprecated = true];
  //                    ^^^^ fields/invalid-lazy
  optional group G = 7 [lazy = true] {}
  //                    ^^^^ fields/invalid-lazy
  optional M msg = 8 [lazy = true];
  map<string, M> h = 9 [unverified_lazy = true];
}
`);
  assert.match(applyFix(fx.text, fx.diagnostics().find((d) => d.code === 'fields/invalid-lazy')!), /optional int32 f = 6 \[deprecated = true\];/);
});

test('enum map values need an enum that starts at zero', () => {
  expectDiagnostics(`
syntax = "proto2";
enum Late { LATE_ONE = 1; LATE_ZERO = 0; }
enum Good { GOOD_ZERO = 0; }
message M {
  map<string, Late> a = 1;
  //          ^^^^ maps/enum-value-first-not-zero
  map<string, Good> b = 2;
  optional Late c = 3;
}
`);
});

test('a label on a oneof member is reported once, whatever the syntax', () => {
  expectDiagnostics(`
//- p3.proto
syntax = "proto3";
message M { oneof o { required int32 a = 1; } }
//                    ^^^^^^^^ oneof/label
//- ed.proto
edition = "2023";
message M { oneof o { optional int32 a = 1; } }
//                    ^^^^^^^^ oneof/label
//- p2.proto
syntax = "proto2";
message M { extensions 1 to 9; }
extend M { required int32 x = 1; }
//         ^^^^^^^^ extensions/required
`);
});
