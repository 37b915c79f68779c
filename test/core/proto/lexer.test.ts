import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from '../../../server/src/core/proto/lexer';

const kinds = (text: string) => lex(text).tokens.map((t) => `${t.kind}:${t.text}`);

test('lexes identifiers, numbers, strings and symbols with spans', () => {
  assert.deepEqual(kinds('message Foo { int32 a = 0x1F; }'), [
    'ident:message', 'ident:Foo', 'symbol:{', 'ident:int32', 'ident:a', 'symbol:=', 'int:0x1F', 'symbol:;', 'symbol:}', 'eof:',
  ]);
  const t = lex('  "a\\tb"').tokens[0]!;
  assert.deepEqual([t.span.start, t.span.end, t.value], [2, 8, 'a\tb']);
});

test('lexes floats, exponents and leading-dot numbers', () => {
  assert.deepEqual(kinds('1.5 .5 1e10 2E-3 7'), ['float:1.5', 'float:.5', 'float:1e10', 'float:2E-3', 'int:7', 'eof:']);
});

test('keeps comments apart and marks line breaks', () => {
  const r = lex('// a\nfoo /* b */ bar');
  assert.equal(r.comments.length, 2);
  assert.deepEqual(r.tokens.map((t) => t.newlineBefore), [true, false, true]);
});

test('reports lexical errors and keeps going', () => {
  const r = lex('a "open\nb 09 0x c # d \\q');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.span.start, d.span.end]),
    [
      ['syntax/unterminated-string', 2, 7],
      ['syntax/invalid-number', 10, 12],
      ['syntax/invalid-number', 13, 15],
      ['syntax/invalid-character', 18, 19],
      ['syntax/invalid-character', 22, 23],
    ],
  );
  assert.ok(r.tokens.some((t) => t.text === 'd'));
});

test('decodes escapes', () => {
  assert.equal(lex(String.raw`"\x41\101\u00e9\U0001F600\n"`).tokens[0]!.value, 'AAé😀\n');
});

test('an unterminated block comment is one diagnostic', () => {
  const r = lex('a /* never closed');
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.code, 'syntax/unterminated-comment');
});
