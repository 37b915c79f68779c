/**
 * Spans are half-open ranges of UTF-16 code-unit offsets into a document's text.
 * JavaScript strings are UTF-16 too, so an offset indexes the string directly, and the
 * LSP layer converts to line/character only at the edge (see lineIndex.ts).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function spanCovers(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset <= outer.end;
}

export function spanContains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function spanText(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
