import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProto } from '../../../server/src/core/proto/parser';
import { foldingRanges } from '../../../server/src/service/proto/folding';

/** Folding ranges as `start-end kind` strings (0-based lines), for compact expectations. */
function folds(text: string): string[] {
  return foldingRanges(parseProto(text), text).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ' ' + r.kind : ''}`);
}

test('folds bodies, aggregates, long option lists, comments and imports', () => {
  const text = `// Licence line one
// licence line two
syntax = "proto3";
import "a.proto";
import "b.proto";
// between imports
import public "c.proto";
option (x) = {
  a: 1
};
/* a block
   comment */
message Order {
  int32 id = 1 [
    deprecated = true
  ];
  oneof state {
    string open = 2;
  }
  message Item { int32 n = 1; }
  enum Kind {
    KIND_UNSPECIFIED = 0;
  }
}
service Orders {
  rpc Get(Order) returns (Order) {
    option deprecated = true;
  }
}
extend Order {
  int32 extra = 100;
}
`;
  assert.deepEqual(folds(text), [
    '0-1 comment',
    '3-6 imports',
    '7-8',
    '10-11 comment',
    '12-22',
    '13-14',
    '16-17',
    '20-21',
    '24-27',
    '25-26',
    '29-30',
  ]);
});

test('a single comment line, a trailing comment run and a one-line body do not fold', () => {
  const text = 'message A {} // one\n// lone\n\nmessage B { int32 a = 1; } // trailing\nmessage C {\n}\nimport "x.proto";\n';
  assert.deepEqual(folds(text), []);
});

test('line comments separated by a blank line fold separately', () => {
  assert.deepEqual(folds('// a\n// b\n\n// c\n// d\nmessage A {}\n'), ['0-1 comment', '3-4 comment']);
});

test('broken files still fold where their braces balance, and stray closers are ignored', () => {
  const text = 'message A {\n  int32 a = ;\n  ]\n  message B {\n    int32 b = 1;\n  }\n}\nmessage C {\n  int32 c = 1;\n';
  assert.deepEqual(folds(text), ['0-5', '3-4']);
  for (const broken of ['', '{', '}}}', 'message {\n\n', '/* open\n\n']) {
    assert.doesNotThrow(() => folds(broken));
  }
  assert.deepEqual(folds('/* open\n\n'), ['0-2 comment']);
});

test('CRLF line breaks count as one line', () => {
  assert.deepEqual(folds('message A {\r\n  int32 a = 1;\r\n  int32 b = 2;\r\n}\r\n'), ['0-2']);
});
