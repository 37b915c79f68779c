// Comments everywhere: a comment of each kind is put in every gap between two tokens of a file
// that uses every construct, and the formatter must keep each one between the same two tokens,
// on or off a line of its own as it was, with the same doc comments on every declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lex } from '../../../server/src/core/proto/lexer';
import { parseProto } from '../../../server/src/core/proto/parser';
import { CORPUS, formatProblem } from './formatInvariants';

const EVERYTHING = `// file comment

syntax = "proto2";
package acme.orders.v1;
import "google/protobuf/any.proto";
import public "other.proto";
option java_package = "com.acme";
option (acme.file_opt) = { a: 1 b: "x" c { d: [1, 2] } e < f: -1 > };
message Order {
  optional int32 id = 1 [deprecated = true, (acme.field).x = -1];
  repeated .acme.orders.v1.Item items = 2;
  map<string, int32> counts = 3;
  optional group Extra = 4 { optional string note = 1; }
  oneof state { string open = 5; int64 closed = 6; }
  reserved 10 to 12, 20 to max;
  reserved "old";
  extensions 100 to 199 [verification = UNVERIFIED];
  message Item {}
  enum Kind { KIND_UNSPECIFIED = 0; KIND_BIG = 1 [deprecated = true]; }
  option (acme.msg) = "part one "
    "part two";
}
extend Order { optional string extra = 100; }
service Orders {
  rpc Place(Order) returns (stream Order);
  rpc Get(Order) returns (Order) { option (google.api.http) = { get: "/v1/{id}" }; }
}
`;

const variants: Record<string, (n: number) => string> = {
  'a block comment after each token': (n) => ` /*b${n}*/`,
  'a block comment glued to each token': (n) => `/*g${n}*/`,
  'a line comment after each token': (n) => ` //l${n}\n`,
  'a block comment on its own line before each token': (n) => `\n/*c${n}*/ `,
  'a line comment on its own line before each token': (n) => `\n//o${n}\n`,
  'a multi-line block comment after each token': (n) => ` /* m${n}\n   * more\n   */`,
};

/** The text with `comment(n)` inserted after the n-th token. */
function withComments(text: string, comment: (n: number) => string): string {
  let out = '';
  let pos = 0;
  lex(text)
    .tokens.filter((t) => t.kind !== 'eof')
    .forEach((t, n) => {
      // After a `/` (in a type URL) a glued comment would lex as a line comment.
      out += text.slice(pos, t.span.end) + (t.text === '/' ? ' ' : '') + comment(n);
      pos = t.span.end;
    });
  return out + text.slice(pos);
}

const sources: [string, string][] = [
  ['a file with every construct', EVERYTHING],
  ['descriptor.proto', readFileSync(join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'descriptor.proto'), 'utf8')],
  [
    'unittest_custom_options.proto',
    readFileSync(join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'unittest_custom_options.proto'), 'utf8'),
  ],
];

for (const [source, text] of sources) {
  for (const [variant, comment] of Object.entries(variants)) {
    test(`keeps ${variant} in ${source}`, () => {
      const input = withComments(text, comment);
      const tokens = lex(text).tokens.length;
      assert.equal(lex(input).comments.length, lex(text).comments.length + tokens - 1);
      assert.deepEqual(
        parseProto(input).diagnostics.filter((d) => d.severity === 'error'),
        [],
        'the commented input should still parse',
      );
      assert.equal(formatProblem(input), undefined);
    });
  }
}
