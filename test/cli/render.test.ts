// The text renderer on hand-made findings: caret placement under tabs, wide characters,
// multi-line and empty spans, control characters, and colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { buildReport } from '../../server/src/cli/report';
import { renderText } from '../../server/src/cli/render/text';
import { renderJson } from '../../server/src/cli/render/json';
import { colorEnabled } from '../../server/src/cli/io';

const cwd = '/ws';

/** Renders one diagnostic on `text`, whose span is marked by the first `[[` ... `]]` pair. */
function render(marked: string, extra: Partial<Diagnostic> = {}, color = false): string {
  const start = marked.indexOf('[[');
  const text = marked.replace('[[', '').replace(']]', '');
  const end = marked.indexOf(']]') - 2;
  const d: Diagnostic = { code: 'test/code', severity: 'error', message: 'bad thing', span: { start, end }, ...extra };
  const report = buildReport([{ path: '/ws/a.proto', text, diagnostics: [d] }], () => undefined, cwd);
  return renderText(report, { color });
}

test('carets sit under the span, after a tab in the line', () => {
  assert.equal(
    render('message A {\n\t[[Nope]] n = 1;\n}\n'),
    [
      'error[test/code]: bad thing',
      ' --> a.proto:2:2',
      '  |',
      '2 |     Nope n = 1;',
      '  |     ^^^^',
      '',
      '1 error, 0 warnings in 1 file',
      '',
    ].join('\n'),
  );
});

test('wide characters take two columns, combining marks none', () => {
  const out = render('// 注文 e\u0301 [[x]]\n');
  // `// ` 3, `注文` 4, ` é ` 3: the caret is in column 11.
  assert.ok(out.includes(`1 | // 注文 e\u0301 x\n  | ${' '.repeat(10)}^\n`), out);
});

test('a span over several lines is underlined to the end of its first line', () => {
  const out = render('message A {\n  [[oneof e {\n  }]]\n}\n');
  assert.ok(out.includes('2 |   oneof e {\n  |   ^^^^^^^^^\n'), out);
});

test('an empty span at the end of a line gets one caret after the text', () => {
  const out = render('message A {\n  int32 a = 1[[]]\n}\n');
  assert.ok(out.includes('2 |   int32 a = 1\n  |              ^\n'), out);
});

test('the gutter widens with the line number, and empty lines carry no trailing space', () => {
  const out = render('\n'.repeat(9) + '[[]]\n');
  assert.ok(out.includes('  --> a.proto:10:1\n   |\n10 |\n   | ^\n'), out);
});

test('help lines come from fix titles and notes from related places', () => {
  const out = render('import [["x.proto"]];\n', {
    severity: 'warning',
    fixes: [{ title: 'Remove unused import', edits: [] }],
    related: [{ uri: 'file:///elsewhere.proto', span: { start: 0, end: 1 }, message: 'first imported here' }],
  });
  assert.ok(
    out.includes('1 | import "x.proto";\n  |        ^^^^^^^^^\n  = help: remove unused import\n  = note: first imported here\n'),
    out,
  );
  assert.ok(out.endsWith('0 errors, 1 warning in 1 file\n'), out);
});

test('control characters from the file never reach the terminal', () => {
  const out = render('import "\x1b[31m[[x]]";\n', { message: 'import "\x1b[31m" is odd' });
  assert.ok(!out.includes('\x1b'), JSON.stringify(out));
  assert.ok(out.includes('import "\\x1b[31m" is odd'), out);
  assert.ok(out.includes('1 | import "\ufffd[31mx";\n  |              ^\n'), out);
});

test('colours wrap the severity, the gutter and the carets only when asked', () => {
  const out = render('[[x]]\n', {}, true);
  assert.ok(out.startsWith('\x1b[1;31merror[test/code]\x1b[0m\x1b[1m: bad thing\x1b[0m\n'), JSON.stringify(out));
  assert.ok(out.includes('\x1b[1;31m^\x1b[0m'), JSON.stringify(out));
  assert.ok(!render('[[x]]\n').includes('\x1b'));
});

test('JSON escapes what it must and keeps the contract field order', () => {
  const text = 'a\n"b"\n';
  const d: Diagnostic = { code: 'c/d', severity: 'hint', message: 'say "hi"\n', span: { start: 2, end: 5 } };
  const report = buildReport([{ path: '/ws/sub/x.avsc', text, diagnostics: [d] }], () => undefined, cwd);
  assert.equal(
    renderJson(report),
    '{"diagnostics":[{"file":"sub/x.avsc","range":{"start":{"line":1,"character":0},"end":{"line":1,"character":3}},' +
      '"severity":"hint","code":"c/d","message":"say \\"hi\\"\\n","source":"event-schemas"}]}\n',
  );
});

test('colours need a terminal and no NO_COLOR', () => {
  assert.equal(colorEnabled(true, {}), true);
  assert.equal(colorEnabled(true, { NO_COLOR: '' }), true);
  assert.equal(colorEnabled(true, { NO_COLOR: '1' }), false);
  assert.equal(colorEnabled(false, {}), false);
  assert.equal(colorEnabled(undefined, {}), false);
});
