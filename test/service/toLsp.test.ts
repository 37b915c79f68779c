import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { fixToWorkspaceEdit, toLspDiagnostics } from '../../server/src/service/toLsp';

const text = 'syntax = "proto3";\nimport "a.proto";\nmessage A {}\n';
const other = 'message Old {}\n\nmessage B {}\n';

test('converts code, severity, range, source and tags', () => {
  const [d] = toLspDiagnostics(
    [diagnostic('resolve/unused-import', 'warning', 'import "a.proto" is not used: remove it', { start: 26, end: 35 }, { tags: ['unnecessary'] })],
    text,
    'file:///x.proto',
  );
  assert.deepEqual(d, {
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 16 } },
    severity: DiagnosticSeverity.Warning,
    code: 'resolve/unused-import',
    source: 'event-schemas',
    message: 'import "a.proto" is not used: remove it',
    tags: [DiagnosticTag.Unnecessary],
  });
});

test('maps every severity and the deprecated tag', () => {
  const ds = toLspDiagnostics(
    (['error', 'warning', 'info', 'hint'] as const).map((s) => diagnostic('x/y', s, 'm', { start: 0, end: 1 }, { tags: ['deprecated'] })),
    text,
    'file:///x.proto',
  );
  assert.deepEqual(ds.map((d) => d.severity), [1, 2, 3, 4]);
  assert.deepEqual(ds[0]!.tags, [DiagnosticTag.Deprecated]);
});

test('related information in other files uses their text, and the first character when unknown', () => {
  const [d] = toLspDiagnostics(
    [
      diagnostic('x/dup', 'error', 'm', { start: 45, end: 46 }, {
        related: [
          { uri: 'file:///x.proto', span: { start: 37, end: 49 }, message: 'here' },
          { uri: 'file:///other.proto', span: { start: 16, end: 28 }, message: 'there' },
          { uri: 'file:///gone.proto', span: { start: 16, end: 28 }, message: 'lost' },
        ],
      }),
    ],
    text,
    'file:///x.proto',
    (uri) => (uri === 'file:///other.proto' ? other : undefined),
  );
  assert.deepEqual(
    d!.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.location.range.end.character]),
    [
      ['file:///x.proto', 2, 0, 12],
      ['file:///other.proto', 2, 0, 12],
      ['file:///gone.proto', 0, 0, 0],
    ],
  );
});

test('positions past the end of the text clamp', () => {
  const [d] = toLspDiagnostics([diagnostic('x/y', 'error', 'm', { start: 500, end: 900 })], 'ab\ncd', 'file:///x.proto');
  assert.deepEqual(d!.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
});

test('a fix becomes a workspace edit; edits in files of unknown text refuse', () => {
  const fix = { title: 'Add import', edits: [{ span: { start: 35, end: 35 }, newText: '\nimport "b.proto";' }] };
  assert.deepEqual(fixToWorkspaceEdit(fix, text, 'file:///x.proto'), {
    changes: { 'file:///x.proto': [{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } }, newText: '\nimport "b.proto";' }] },
  });
  const elsewhere = { title: 't', edits: [{ uri: 'file:///other.proto', span: { start: 0, end: 7 }, newText: 'x' }] };
  assert.equal(fixToWorkspaceEdit(elsewhere, text, 'file:///x.proto'), undefined);
  assert.deepEqual(fixToWorkspaceEdit(elsewhere, text, 'file:///x.proto', () => other)?.changes?.['file:///other.proto']?.[0]?.range.end, {
    line: 0,
    character: 7,
  });
});
