/**
 * A single-file text fixture with inline markers, for tests of the pure core (lexer, parser):
 *
 *   $0               the cursor (at most one)
 *   // ^^^ label     marks the columns of the carets on the line above, with a label
 *   // | label       marks the empty span at the bar's column (e.g. where a missing `;` goes)
 *
 * The `//` before a marker is optional, so a marker can also point at column 0 or 1. Marker
 * lines are removed; caret columns count the line above as written (with any `$0` in it).
 * A single leading line break is dropped so fixtures can start on the line after the backtick.
 *
 * Also here: `assertSpansNested`, the span invariant of any tree whose nodes carry a `span`.
 */
import assert from 'node:assert/strict';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Mark {
  readonly span: Span;
  readonly label: string;
}

export interface TextFixture {
  readonly text: string;
  readonly cursor: number | undefined;
  readonly marks: readonly Mark[];
}

const MARKER = /^(\s*(?:\/\/)?\s*)(\^+|\|)(?:\s+(.*?))?\s*$/;

export function textFixture(source: string): TextFixture {
  const lines = (source.startsWith('\n') ? source.slice(1) : source).split('\n');
  const kept: string[] = [];
  const keptStarts: number[] = [];
  /** Per kept line, the columns (as written) where a `$0` was removed. */
  const removedAt: number[][] = [];
  const marks: Mark[] = [];
  let cursor: number | undefined;
  let offset = 0;
  for (const line of lines) {
    const m = MARKER.exec(line);
    if (m && kept.length > 0) {
      const above = kept.length - 1;
      const col = m[1]!.length;
      const shift = 2 * removedAt[above]!.filter((c) => c < col).length;
      const start = keptStarts[above]! + col - shift;
      const width = m[2] === '|' ? 0 : m[2]!.length;
      assert.ok(col - shift <= kept[above]!.length, `marker beyond the end of the line: ${line}`);
      marks.push({ span: { start, end: start + width }, label: m[3] ?? '' });
      continue;
    }
    const removed: number[] = [];
    let out = '';
    let rest = line;
    for (let i = rest.indexOf('$0'); i >= 0; i = rest.indexOf('$0')) {
      out += rest.slice(0, i);
      removed.push(out.length + 2 * removed.length);
      assert.equal(cursor, undefined, 'fixture has two cursors');
      cursor = offset + out.length;
      rest = rest.slice(i + 2);
    }
    out += rest;
    keptStarts.push(offset);
    kept.push(out);
    removedAt.push(removed);
    offset += out.length + 1;
  }
  return { text: kept.join('\n'), cursor, marks };
}

/** `line:col` (both 1-based) of an offset, for readable assertion messages. */
export function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

function isSpan(v: unknown): v is Span {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Span).start === 'number' &&
    typeof (v as Span).end === 'number' &&
    Object.keys(v).length === 2
  );
}

/**
 * Walks every object reachable from `root` (iteratively, so deep trees are fine) and checks that
 * each `span` lies in [0, length] with start <= end, inside the span of the nearest enclosing
 * object that has one, and that every other span-valued property lies inside its object's span.
 * Returns how many spans it checked.
 */
export function assertSpansNested(root: object, length: number): number {
  let checked = 0;
  const stack: { value: unknown; outer: Span; path: string }[] = [
    { value: root, outer: { start: 0, end: length }, path: '$' },
  ];
  const check = (s: Span, outer: Span, path: string) => {
    checked++;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length)) {
      assert.fail(`${path}: span ${s.start}-${s.end} is not a valid range of a text of length ${length}`);
    }
    if (s.start < outer.start || s.end > outer.end) {
      assert.fail(`${path}: span ${s.start}-${s.end} is outside its parent's span ${outer.start}-${outer.end}`);
    }
  };
  while (stack.length > 0) {
    const { value, outer, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], outer, path: `${path}[${i}]` });
      continue;
    }
    if (typeof value !== 'object' || value === null || isSpan(value)) continue;
    let own = outer;
    const rec = value as Record<string, unknown>;
    if (isSpan(rec.span)) {
      check(rec.span, outer, `${path}.span`);
      own = rec.span;
    }
    for (const [key, v] of Object.entries(rec)) {
      if (key === 'span') continue;
      if (isSpan(v)) check(v, own, `${path}.${key}`);
      else if (typeof v === 'object' && v !== null) stack.push({ value: v, outer: own, path: `${path}.${key}` });
    }
  }
  return checked;
}
