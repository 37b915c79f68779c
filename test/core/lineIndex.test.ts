import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/lineIndex';

/** Line starts as LSP defines line breaks (\n, \r\n, lone \r), one character at a time. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    } else if (c === '\n') starts.push(i + 1);
  }
  return starts;
}

function startsOf(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.offsetAt({ line, character: 0 }));
}

test('line breaks: \\n, \\r\\n and a lone \\r each end a line', () => {
  const cases: [string, number[]][] = [
    ['', [0]],
    ['abc', [0]],
    ['a\nb', [0, 2]],
    ['a\r\nb', [0, 3]],
    ['a\rb', [0, 2]],
    ['\r\r\n\n', [0, 1, 3, 4]],
    ['a\n\r', [0, 2, 3]],
    ['\n', [0, 1]],
    ['x\r', [0, 2]],
  ];
  for (const [text, starts] of cases) assert.deepEqual(startsOf(new LineIndex(text)), starts, JSON.stringify(text));
});

test('random texts of line breaks and characters index like a character-by-character scan', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = ['\n', '\r', 'a', ' ', '\u2028', 'é'];
  for (let n = 0; n < 2000; n++) {
    const text = Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const index = new LineIndex(text);
    const starts = lineStarts(text);
    assert.deepEqual(startsOf(index), starts, JSON.stringify(text));
    for (let offset = 0; offset <= text.length; offset++) {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
      assert.deepEqual(index.positionAt(offset), { line, character: offset - starts[line]! }, `${JSON.stringify(text)} @${offset}`);
    }
  }
});
