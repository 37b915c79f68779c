/**
 * Fixture tests for the semantic checks: a multi-file schema written inline (see
 * test/service/fixture.ts for the mini-language: `//- path.proto` starts a file, `// ^^^ label`
 * marks the columns above it). Here a label is a diagnostic code, optionally followed by
 * `warning`, `info` or `hint` (error is the default).
 *
 * `expectDiagnostics` compares EVERY diagnostic of every fixture file (parse, link and checks) with
 * the annotations, code and exact span, so a false positive fails a test as surely as a miss.
 * Imports of `google/protobuf/...` are answered from the protoc package's include folder.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../server/src/core/diagnostics/diagnostic';
import type { ProtoProject } from '../../../server/src/core/proto/project';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { fixture, type Fixture } from '../../service/fixture';

export const WKT_ROOT = join(__dirname, '..', '..', '..', 'node_modules', 'protoc', 'include');

/** Adds every `google/protobuf/...` file the project's files import, transitively, from WKT_ROOT. */
export function loadWellKnownTypes(project: ProtoProject): void {
  const queue = [...project.uris()];
  while (queue.length) {
    const uri = queue.pop()!;
    for (const path of project.unresolvedImports(uri)) {
      if (!path.startsWith('google/protobuf/')) continue;
      let text: string;
      try {
        text = readFileSync(join(WKT_ROOT, path), 'utf8');
      } catch {
        continue;
      }
      const wktUri = `file:///wkt/${path}`;
      project.setFile({ uri: wktUri, importPath: path, text });
      queue.push(wktUri);
    }
  }
}

export interface CheckFixture extends Fixture {
  /** Every diagnostic of the fixture file at `path` (main.proto by default). */
  diagnostics(path?: string): readonly Diagnostic[];
}

export function checkFixture(source: string): CheckFixture {
  const fx = fixture(source);
  loadWellKnownTypes(fx.project);
  return {
    ...fx,
    diagnostics: (path = fx.files[0]!.path) => fx.project.diagnostics(fx.file(path).uri),
  };
}

function parseLabel(label: string): { code: string; severity: string } {
  const [code = '', severity = 'error'] = label.trim().split(/\s+/);
  return { code, severity };
}

function show(index: LineIndex, path: string, d: { code: string; severity: string; span: { start: number; end: number } }, message = '') {
  const a = index.positionAt(d.span.start);
  const b = index.positionAt(d.span.end);
  const sev = d.severity === 'error' ? '' : ` ${d.severity}`;
  return `${path}:${a.line + 1}:${a.character}-${b.line + 1}:${b.character} ${d.code}${sev}${message ? `  (${message})` : ''}`;
}

/**
 * Asserts that the diagnostics of all fixture files are exactly the annotated ones. Returns the
 * fixture so a test can look further (messages, fixes).
 */
export function expectDiagnostics(source: string): CheckFixture {
  const fx = checkFixture(source);
  const expected: string[] = [];
  const actual: string[] = [];
  const messages = new Map<string, string>();
  for (const f of fx.files) {
    const index = new LineIndex(f.text);
    for (const a of f.annotations) expected.push(show(index, f.path, { ...parseLabel(a.label), span: a.span }));
    for (const d of fx.project.diagnostics(f.uri)) {
      const line = show(index, f.path, d);
      actual.push(line);
      messages.set(line, d.message);
    }
  }
  expected.sort();
  actual.sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    const detail = actual.map((l) => `${l}  (${messages.get(l)})`);
    assert.deepEqual(actual, expected, `diagnostics differ; actual with messages:\n  ${detail.join('\n  ')}`);
  }
  return fx;
}

/** The text after applying the first fix of `d` to `text`. */
export function applyFix(text: string, d: Diagnostic, which = 0): string {
  const fix = d.fixes?.[which];
  assert.ok(fix, `diagnostic ${d.code} has no fix ${which}`);
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
