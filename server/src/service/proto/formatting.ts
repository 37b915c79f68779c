/**
 * Document formatting for the editor. The core formatter changes only white space, so the old and
 * the new text hold the same non-blank characters in the same order; walking both at once pairs
 * up every run of white space, and each run that differs becomes one small edit. Small edits keep
 * the cursor, selections and breakpoints-like decorations where they were, which a whole-document
 * replacement would not.
 */
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { formatProto } from '../../core/proto/format';
import { LineIndex } from '../../core/text/lineIndex';

/** The indent unit the editor asks for: tabs, or `tabSize` spaces (2 when the size is unusable). */
export function indentUnit(options: Pick<FormattingOptions, 'tabSize' | 'insertSpaces'>): string {
  if (!options.insertSpaces) return '\t';
  const size = Number.isInteger(options.tabSize) && options.tabSize >= 1 && options.tabSize <= 16 ? options.tabSize : 2;
  return ' '.repeat(size);
}

/** Edits that format the whole document; none when it has syntax errors or is already formatted. */
export function formatDocument(text: string, options: FormattingOptions): TextEdit[] {
  try {
    const result = formatProto(text, { indent: indentUnit(options) });
    if ('error' in result || result.text === text) return [];
    const index = new LineIndex(text);
    const edits = whitespaceEdits(text, result.text) ?? [{ span: { start: 0, end: text.length }, newText: result.text }];
    return edits.map((e) => ({ range: index.rangeOf(e.span), newText: e.newText }));
  } catch {
    return [];
  }
}

interface OffsetEdit {
  readonly span: { readonly start: number; readonly end: number };
  readonly newText: string;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

/**
 * The edits that turn `before` into `after` when the two differ only in white space, or
 * undefined when they differ in anything else.
 */
export function whitespaceEdits(before: string, after: string): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const i0 = i;
    const j0 = j;
    while (i < before.length && isSpace(before.charCodeAt(i))) i++;
    while (j < after.length && isSpace(after.charCodeAt(j))) j++;
    if (before.slice(i0, i) !== after.slice(j0, j)) {
      edits.push({ span: { start: i0, end: i }, newText: after.slice(j0, j) });
    }
    if (i === before.length || j === after.length) {
      return i === before.length && j === after.length ? edits : undefined;
    }
    if (before.charCodeAt(i) !== after.charCodeAt(j)) return undefined;
    i++;
    j++;
  }
}
