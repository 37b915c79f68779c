import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProto } from '../../../server/src/core/proto/parser';
import { collectSymbols, type SymbolKind } from '../../../server/src/core/proto/symbols';

const TEXT = `syntax = "proto2";
package a.b;
message M {
  optional int32 f = 1;
  oneof o { string s = 2; }
  map<string, int32> m = 3;
  optional group G = 4 { optional int32 x = 1; }
  enum E { V = 0; }
  extend M { optional int32 ext = 100; }
  message N {}
}
enum Top { T = 0; }
service S { rpc R(M) returns (M); }
extend M { optional int32 top_ext = 101; }
`;

test('every declaration is a symbol, in source order, packages first', () => {
  const all = collectSymbols('mem:/a.proto', parseProto(TEXT).ast).all;
  assert.deepEqual(
    all.map((s) => `${s.kind} ${s.fullName}`),
    [
      'package a',
      'package a.b',
      'message a.b.M',
      'field a.b.M.f',
      'oneof a.b.M.o',
      'field a.b.M.s',
      'field a.b.M.m',
      'field a.b.M.g',
      'message a.b.M.G',
      'field a.b.M.G.x',
      'enum a.b.M.E',
      'enumValue a.b.M.V',
      'extension a.b.M.ext',
      'message a.b.M.N',
      'enum a.b.Top',
      'enumValue a.b.T',
      'service a.b.S',
      'rpc a.b.S.R',
      'extension a.b.top_ext',
    ],
  );
});

test('with only some kinds, the others are left out and the rest keep their names and order', () => {
  const ast = parseProto(TEXT).ast;
  const only: ReadonlySet<SymbolKind> = new Set(['message', 'enum', 'service']);
  const some = collectSymbols('mem:/a.proto', ast, undefined, only).all;
  const every = collectSymbols('mem:/a.proto', ast).all.filter((s) => only.has(s.kind));
  assert.deepEqual(
    some.map((s) => [s.kind, s.name, s.fullName]),
    every.map((s) => [s.kind, s.name, s.fullName]),
  );
  assert.equal(some.length, 6);
});
