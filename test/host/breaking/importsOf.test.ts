// The import scan that orders files and finds a side's dependencies is written out by hand for
// speed; it must find exactly what the regular expression it replaced finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importsOf } from '../../../server/src/host/breaking/protoImage';

const REFERENCE = /(?:^|[;}])\s*import\s+(?:(?:public|weak)\s+)?(?:"([^"\n]*)"|'([^'\n]*)')/gm;
const reference = (text: string) => [...text.matchAll(REFERENCE)].map((m) => (m[1] ?? m[2])!);

test('the scan agrees with the expression on statements, comments, strings and odd blanks', () => {
  const texts = [
    'import "a.proto";',
    'syntax = "proto3"; import "a.proto"; import public "b.proto";\nimport weak \'c.proto\';',
    '// import "in/comment.proto";\n/* x */ import "after/block.proto";\n}import "brace.proto";',
    'import"no/space.proto";\nimport publicx "p.proto";\nimport public"q.proto";\nreimport "r.proto";',
    'import "unterminated.proto\n";\nimport \'mixed.proto";\nimport "cr\r.proto";',
    ';\n\n   import\n\t"multi/line.proto";\r\nimport\u00a0"nbsp.proto";\u2028import "ls.proto";',
    'import "import.proto"; import "x";import "y";',
    '',
    'import',
    'import "',
  ];
  for (const text of texts) assert.deepEqual(importsOf(text), reference(text), JSON.stringify(text));
});

test('the scan agrees with the expression on 20,000 random statements', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (xs: readonly string[]) => xs[Math.floor(next() * xs.length)]!;
  const some = (xs: readonly string[], most: number) => {
    let out = '';
    for (let i = Math.floor(next() * (most + 1)); i > 0; i--) out += pick(xs);
    return out;
  };
  const BEFORE = ['', 'x', ';', '}', '{', '"', '*/', 'message M ', '\n', '\r', '\u2028', '\u2029'];
  const BLANKS = [' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '\v'];
  const WORDS = ['', '', 'public', 'weak', 'publicx', 'wea'];
  const QUOTES = ['"', "'", ''];
  const PATH = ['a', '/', '.proto', '\n', '\r', '"', "'", ' ', 'import'];
  for (let n = 0; n < 20000; n++) {
    let text = '';
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
      const q = pick(QUOTES);
      text += pick(BEFORE) + some(BLANKS, 3) + pick(['import', 'import', 'imports', 'Import']) + some(BLANKS, 2);
      text += pick(WORDS) + some(BLANKS, 2) + q + some(PATH, 4) + (next() < 0.8 ? q || pick(QUOTES) : '') + pick(['', ';', '\n', ' x']);
    }
    assert.deepEqual(importsOf(text), reference(text), JSON.stringify(text));
  }
});

test('the scan agrees with the expression on every .proto file of the corpus', () => {
  const root = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
  let files = 0;
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.proto')) {
        const text = readFileSync(p, 'utf8');
        assert.deepEqual(importsOf(text), reference(text), p);
        files++;
      }
    }
  };
  visit(root);
  assert.ok(files > 10000, `only ${files} files`);
});
