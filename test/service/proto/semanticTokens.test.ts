import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProto } from '../../../server/src/core/proto/parser';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import {
  semanticTokens,
  semanticTokensLegend,
  TOKEN_MODIFIERS,
  TOKEN_TYPES,
} from '../../../server/src/service/proto/semanticTokens';
import { fixture } from '../fixture';

/** Decodes LSP semantic tokens into `text type mod,mod` lines. */
function decode(text: string, data: readonly number[]): string[] {
  assert.equal(data.length % 5, 0);
  const index = new LineIndex(text);
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dLine, dChar, length, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dLine;
    char = dLine === 0 ? char + dChar : dChar;
    const start = index.offsetAt({ line, character: char });
    const names = TOKEN_MODIFIERS.filter((_, bit) => mods & (1 << bit));
    out.push([text.slice(start, start + length), TOKEN_TYPES[type], ...(names.length ? [names.join(',')] : [])].join(' '));
  }
  return out;
}

function tokensOf(source: string): string[] {
  const f = fixture(source);
  const state = f.project.get(f.uri)!;
  return decode(state.text, semanticTokens(state.parse, state.text, f.project.link(f.uri)));
}

const FILES = `
//- main.proto
syntax = "proto3";
package acme.v1;
import "google/protobuf/timestamp.proto";
import "dep.proto";
option java_package = "com.acme";
message message {
  option deprecated = true;
  int32 option = 1;
  repeated Outer.Inner to = 2 [deprecated = true, (opt) = { max: 1 to: MAX flag: true }];
  map<string, Kind> max = 3;
  google.protobuf.Timestamp at = 4;
  oneof stream { string returns = 5; }
  reserved 10 to max;
}
enum Kind { KIND_UNSPECIFIED = 0; option = 1 [deprecated = true]; }
service Svc { rpc rpc(message) returns (stream .acme.v1.message); }
//- dep.proto
syntax = "proto3";
package acme.v1;
import "google/protobuf/descriptor.proto";
message Outer { message Inner {} }
extend google.protobuf.FieldOptions { Outer opt = 5000; }
//- google/protobuf/timestamp.proto
syntax = "proto3";
package google.protobuf;
message Timestamp {}
//- google/protobuf/descriptor.proto
syntax = "proto2";
package google.protobuf;
message FieldOptions { extensions 1000 to max; }
`;

test('keywords used as names are names; keywords are keywords only where the grammar has them', () => {
  const tokens = tokensOf(FILES);
  const lines = (from: string, count: number) => {
    const at = tokens.indexOf(from);
    assert.ok(at >= 0, `no token ${from}`);
    return tokens.slice(at, at + count);
  };
  assert.deepEqual(lines('message keyword', 2), ['message keyword', 'message class declaration,deprecated']);
  assert.deepEqual(lines('int32 type defaultLibrary', 2), ['int32 type defaultLibrary', 'option property declaration']);
  assert.deepEqual(lines('repeated keyword', 4), ['repeated keyword', 'Outer class', 'Inner class', 'to property declaration,deprecated']);
  assert.deepEqual(lines('map keyword', 4), ['map keyword', 'string type defaultLibrary', 'Kind enum', 'max property declaration']);
  assert.deepEqual(lines('oneof keyword', 4), ['oneof keyword', 'stream property declaration', 'string type defaultLibrary', 'returns property declaration']);
  assert.deepEqual(lines('reserved keyword', 4), ['reserved keyword', '10 number', 'to keyword', 'max keyword']);
  // The rpc is the file's last statement: nothing after it is classified.
  assert.deepEqual(tokens.slice(tokens.indexOf('rpc keyword')), [
    'rpc keyword',
    'rpc method declaration',
    'message class deprecated',
    'returns keyword',
    'stream keyword',
    'acme namespace',
    'v1 namespace',
    'message class deprecated',
  ]);
});

test('declarations, references, options and values get their own types', () => {
  const tokens = tokensOf(FILES);
  for (const expected of [
    'acme namespace declaration',
    'java_package decorator defaultLibrary',
    '"com.acme" string',
    'deprecated decorator defaultLibrary',
    'true keyword',
    'opt decorator',
    'MAX enumMember',
    'flag property',
    'google namespace',
    'protobuf namespace',
    'Timestamp class defaultLibrary',
    'Kind enum declaration',
    'KIND_UNSPECIFIED enumMember declaration',
    'option enumMember declaration,deprecated',
    'Svc interface declaration',
    '= operator',
  ]) {
    assert.ok(tokens.includes(expected), `missing ${expected}`);
  }
  // In the aggregate, `max` and `to` are field names, not keywords.
  const agg = tokens.slice(tokens.indexOf('opt decorator'));
  assert.deepEqual(agg.slice(1, 6), ['= operator', 'max property', '1 number', 'to property', 'MAX enumMember']);
});

test('without link results, type references are plain types with namespaces', () => {
  const text = 'message A { foo.bar.Baz b = 1; }';
  assert.deepEqual(decode(text, semanticTokens(parseProto(text), text)), [
    'message keyword',
    'A class declaration',
    'foo namespace',
    'bar namespace',
    'Baz type',
    'b property declaration',
    '= operator',
    '1 number',
  ]);
});

test('comments are tokens, one a line', () => {
  const text = '// one\nmessage A { /* two\n  three */ }\n';
  assert.deepEqual(decode(text, semanticTokens(parseProto(text), text)), [
    '// one comment',
    'message keyword',
    'A class declaration',
    '/* two comment',
    '  three */ comment',
  ]);
});

test('proto2 groups, extensions, extend blocks and editions', () => {
  const text = 'edition = "2024";\nexport message A {\n  extensions 10 to max;\n  message G { int32 x = 1; }\n}\nextend A { int32 e = 10; }\n';
  assert.deepEqual(decode(text, semanticTokens(parseProto(text), text)), [
    'edition keyword',
    '= operator',
    '"2024" string',
    'export keyword',
    'message keyword',
    'A class declaration',
    'extensions keyword',
    '10 number',
    'to keyword',
    'max keyword',
    'message keyword',
    'G class declaration',
    'int32 type defaultLibrary',
    'x property declaration',
    '= operator',
    '1 number',
    'extend keyword',
    'A type',
    'int32 type defaultLibrary',
    'e property declaration',
    '= operator',
    '10 number',
  ]);
  const g = 'syntax = "proto2";\nmessage A { optional group Result = 1 { required string url = 2; } }\n';
  const decoded = decode(g, semanticTokens(parseProto(g), g));
  assert.deepEqual(decoded.slice(5, 9), ['optional keyword', 'group keyword', 'Result class declaration', '= operator']);
});

test('the legend lists every type and modifier, and broken input never throws', () => {
  assert.deepEqual(semanticTokensLegend.tokenTypes, [...TOKEN_TYPES]);
  assert.deepEqual(semanticTokensLegend.tokenModifiers, [...TOKEN_MODIFIERS]);
  for (const text of ['', 'message', 'message A { int32 = ; }', '}{', 'option (a = {', 'rpc x(', '"open']) {
    const data = semanticTokens(parseProto(text), text);
    assert.equal(data.length % 5, 0);
    decode(text, data);
  }
});
