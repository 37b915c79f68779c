import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProto } from '../../../server/src/core/proto/format';
import { formatDocument, indentUnit, whitespaceEdits } from '../../../server/src/service/proto/formatting';
import { applyEdits } from '../fixture';

const twoSpaces = { tabSize: 2, insertSpaces: true };

test('edits turn the document into the formatted text', () => {
  const text = 'syntax="proto3";\nmessage A{int32 a=1;\n\n\n  string b = 2;}\n';
  const edits = formatDocument(text, twoSpaces);
  assert.equal(applyEdits(text, edits), 'syntax = "proto3";\nmessage A {\n  int32 a = 1;\n\n  string b = 2;\n}\n');
});

test('edits touch only the white space that changes', () => {
  const text = 'message A {\n  int32 a = 1;\n  int32   b=2;\n  int32 c = 3;\n}\n';
  const edits = formatDocument(text, twoSpaces);
  assert.deepEqual(edits, [
    { range: { start: { line: 2, character: 7 }, end: { line: 2, character: 10 } }, newText: ' ' },
    { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, newText: ' ' },
    { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 12 } }, newText: ' ' },
  ]);
});

test('no edits for a formatted document, a broken one, or an empty one', () => {
  assert.deepEqual(formatDocument('message A {\n  int32 a = 1;\n}\n', twoSpaces), []);
  assert.deepEqual(formatDocument('message A { int32 a = ; }', twoSpaces), []);
  assert.deepEqual(formatDocument('message A {', twoSpaces), []);
  assert.deepEqual(formatDocument('', twoSpaces), []);
});

test('follows the editor indentation settings', () => {
  assert.equal(indentUnit({ tabSize: 4, insertSpaces: true }), '    ');
  assert.equal(indentUnit({ tabSize: 4, insertSpaces: false }), '\t');
  assert.equal(indentUnit({ tabSize: 0, insertSpaces: true }), '  ');
  const text = 'message A { int32 a = 1; }';
  assert.equal(applyEdits(text, formatDocument(text, { tabSize: 4, insertSpaces: true })), 'message A {\n    int32 a = 1;\n}\n');
  assert.equal(applyEdits(text, formatDocument(text, { tabSize: 8, insertSpaces: false })), 'message A {\n\tint32 a = 1;\n}\n');
});

test('a CRLF document gets CRLF line breaks and stays CRLF', () => {
  const text = 'message A {\r\n int32 a = 1;   \r\n}';
  assert.equal(applyEdits(text, formatDocument(text, twoSpaces)), 'message A {\r\n  int32 a = 1;\r\n}\r\n');
});

test('whitespaceEdits refuses texts that differ in more than white space', () => {
  assert.equal(whitespaceEdits('a b', 'a c'), undefined);
  assert.equal(whitespaceEdits('a b', 'a b c'), undefined);
  assert.deepEqual(whitespaceEdits('a  b\n', 'a b'), [
    { span: { start: 1, end: 3 }, newText: ' ' },
    { span: { start: 4, end: 5 }, newText: '' },
  ]);
});

test('the edits for a real file reproduce the formatter output exactly', () => {
  const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
  for (const rel of ['protobuf/src/google/protobuf/unittest.proto', 'googleapis/head/google/pubsub/v1/pubsub.proto']) {
    const text = readFileSync(join(corpus, rel), 'utf8');
    const expected = formatProto(text);
    assert.ok('text' in expected);
    const edits = formatDocument(text, twoSpaces);
    assert.ok(edits.length > 0);
    assert.equal(applyEdits(text, edits), expected.text, rel);
  }
});
