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

/**
 * Widens a span to whole lines when nothing but white space shares its lines, so that deleting it
 * leaves no blank line behind. Otherwise returns the span unchanged.
 */
export function wholeLineSpan(text: string, s: Span): Span {
  let start = s.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return s;
  let end = s.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') return s;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end };
}
