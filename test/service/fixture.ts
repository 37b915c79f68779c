/**
 * The fixture mini-language of the service tests, and the one place that understands its markers.
 *
 *   //- path/to/file.proto     starts a file (its import path is `path/to/file.proto`)
 *   $0                         the cursor; two `$0` in one file mark a selection
 *   // ^^^ label               an annotation: marks the columns of the carets on the line above it,
 *                              with an optional label; the annotation line itself is removed.
 *                              Columns count the line above without its `$0` markers, so carets
 *                              sit under the word when the marker comes after the word's start
 *
 * Text before the first `//-` line (or all of it, when there is none) is the file `main.proto`.
 * A single leading line break is dropped so fixtures can start on the line after the backtick, and
 * every file ends with exactly one line break.
 */
import { ProtoProject } from '../../server/src/core/proto/project';
import { LineIndex, type Position, type Range } from '../../server/src/core/text/lineIndex';
import type { Span } from '../../server/src/core/text/span';

export interface FixtureFile {
  readonly path: string;
  readonly uri: string;
  /** The text with every marker and annotation line removed. */
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

export interface Annotation {
  readonly uri: string;
  readonly span: Span;
  readonly range: Range;
  readonly label: string;
}

export interface Fixture {
  readonly project: ProtoProject;
  readonly files: readonly FixtureFile[];
  /** The file holding the cursor, else the first file. */
  readonly uri: string;
  readonly text: string;
  readonly offset: number;
  readonly position: Position;
  /** The selection between two `$0` markers; an empty range at the cursor otherwise. */
  readonly range: Range;
  /** Every annotation of every file, in file order. */
  readonly annotations: readonly Annotation[];
  file(path: string): FixtureFile;
}

export const FIXTURE_ROOT = 'file:///ws/';

export function uriOf(path: string): string {
  return FIXTURE_ROOT + path;
}

const ANNOTATION = /^(\s*\/\/\s*)(\^+)(?:\s+(.*?))?\s*$/;

interface RawFile {
  path: string;
  lines: string[];
}

function splitFiles(source: string): RawFile[] {
  const text = source.startsWith('\n') ? source.slice(1) : source;
  const files: RawFile[] = [];
  let current: RawFile | undefined;
  for (const line of text.split('\n')) {
    const header = /^\/\/-\s+(\S+)\s*$/.exec(line);
    if (header) {
      current = { path: header[1]!, lines: [] };
      files.push(current);
      continue;
    }
    if (!current) {
      current = { path: 'main.proto', lines: [] };
      files.push(current);
    }
    current.lines.push(line);
  }
  // Every file ends with exactly one line break, whatever the blank lines before the next header.
  for (const f of files) {
    while (f.lines.length > 0 && f.lines[f.lines.length - 1]!.trim() === '') f.lines.pop();
    f.lines.push('');
  }
  return files;
}

/** Removes annotation lines and `$0` markers, returning the clean text and where they were. */
function clean(raw: RawFile): { text: string; cursors: number[]; marks: Mark[] } {
  const kept: string[] = [];
  const cursorsAt: { line: number; col: number }[] = [];
  const marks: Mark[] = [];
  for (const line of raw.lines) {
    const m = ANNOTATION.exec(line);
    if (m && kept.length > 0) {
      marks.push({ line: kept.length - 1, col: m[1]!.length, width: m[2]!.length, label: m[3] ?? '' });
      continue;
    }
    let out = '';
    let rest = line;
    for (let i = rest.indexOf('$0'); i >= 0; i = rest.indexOf('$0')) {
      out += rest.slice(0, i);
      cursorsAt.push({ line: kept.length, col: out.length });
      rest = rest.slice(i + 2);
    }
    kept.push(out + rest);
  }
  const text = kept.join('\n');
  const index = new LineIndex(text);
  return { text, cursors: cursorsAt.map((c) => index.lineStart(c.line) + c.col), marks };
}

interface Mark {
  line: number;
  col: number;
  width: number;
  label: string;
}

export function fixture(source: string): Fixture {
  const project = new ProtoProject();
  const files: FixtureFile[] = [];
  let cursorUri: string | undefined;
  let cursors: number[] = [];
  for (const raw of splitFiles(source)) {
    const uri = uriOf(raw.path);
    const c = clean(raw);
    const index = new LineIndex(c.text);
    const annotations = c.marks.map((m): Annotation => {
      const start = index.lineStart(m.line) + m.col;
      const s = { start, end: start + m.width };
      return { uri, span: s, range: index.rangeOf(s), label: m.label };
    });
    files.push({ path: raw.path, uri, text: c.text, annotations });
    project.setFile({ uri, importPath: raw.path, text: c.text });
    if (c.cursors.length > 0) {
      if (cursorUri) throw new Error('fixture has cursors in two files');
      cursorUri = uri;
      cursors = c.cursors;
    }
  }
  const main = files.find((f) => f.uri === cursorUri) ?? files[0];
  if (!main) throw new Error('empty fixture');
  const index = new LineIndex(main.text);
  const offset = cursors[0] ?? 0;
  const end = cursors[1] ?? offset;
  return {
    project,
    files,
    uri: main.uri,
    text: main.text,
    offset,
    position: index.positionAt(offset),
    range: { start: index.positionAt(offset), end: index.positionAt(end) },
    annotations: files.flatMap((f) => f.annotations),
    file(path: string): FixtureFile {
      const f = files.find((x) => x.path === path);
      if (!f) throw new Error(`no fixture file ${path}`);
      return f;
    },
  };
}

/** A text edit in LSP shape, as the service returns them. */
export interface LspTextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Applies edits (non-overlapping, any order) to a text: the document after a completion or a fix. */
export function applyEdits(text: string, edits: readonly LspTextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({ span: index.spanOf(e.range), newText: e.newText }))
    .sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of spans) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** Renders a location as `path:line:col-line:col` (0-based, as LSP), for compact expectations. */
export function showLocation(uri: string, range: Range): string {
  const path = uri.startsWith(FIXTURE_ROOT) ? uri.slice(FIXTURE_ROOT.length) : uri;
  return `${path}:${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
