import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixture, showLocation } from './fixture';

test('files, cursor and import paths', () => {
  const f = fixture(`
//- a/b.proto
message B {}
//- main.proto
import "a/b.proto";
message M { B$0 b = 1; }
`);
  assert.deepEqual(f.files.map((x) => [x.path, x.uri, x.text]), [
    ['a/b.proto', 'file:///ws/a/b.proto', 'message B {}\n'],
    ['main.proto', 'file:///ws/main.proto', 'import "a/b.proto";\nmessage M { B b = 1; }\n'],
  ]);
  assert.equal(f.uri, 'file:///ws/main.proto');
  assert.deepEqual(f.position, { line: 1, character: 13 });
  assert.equal(f.text.slice(f.offset - 1, f.offset), 'B');
  assert.equal(f.project.uriForImport('a/b.proto'), 'file:///ws/a/b.proto');
});

test('text without a header is main.proto; no cursor means the start of the first file', () => {
  const f = fixture('message A {}');
  assert.equal(f.uri, 'file:///ws/main.proto');
  assert.equal(f.text, 'message A {}\n');
  assert.equal(f.offset, 0);
});

test('two cursors mark a selection', () => {
  const f = fixture('message A {\n  $0string a = 1;\n  int32 b = 2;$0\n}\n');
  assert.deepEqual(f.range, { start: { line: 1, character: 2 }, end: { line: 2, character: 14 } });
});

test('annotations mark the line above, by column without the cursor markers, and are removed', () => {
  const f = fixture(`
message A { Mo$0ney m = 1; }
//          ^^^^^ ref
//                ^ name
`);
  assert.equal(f.text, 'message A { Money m = 1; }\n');
  assert.deepEqual(
    f.annotations.map((a) => [a.label, f.text.slice(a.span.start, a.span.end), showLocation(a.uri, a.range)]),
    [
      ['ref', 'Money', 'main.proto:0:12-0:17'],
      ['name', 'm', 'main.proto:0:18-0:19'],
    ],
  );
});

test('applyEdits applies edits in any order', () => {
  const text = 'ab\ncd\n';
  const at = (line: number, character: number) => ({ line, character });
  assert.equal(
    applyEdits(text, [
      { range: { start: at(0, 0), end: at(0, 1) }, newText: 'X' },
      { range: { start: at(1, 2), end: at(1, 2) }, newText: '!' },
      { range: { start: at(0, 2), end: at(1, 0) }, newText: ' ' },
    ]),
    'Xb cd!\n',
  );
});
