/**
 * Formatting for .avsc: jsonc-parser's formatter, which changes only white space, so content and
 * key order stay exactly as written. Objects and arrays are laid out one member per line, indented
 * by the editor's options. A file with JSON syntax errors is left alone.
 */
import { format, parseTree, type ParseError } from 'jsonc-parser';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../core/text/lineIndex';
import { guard } from '../proto/guard';
import { indentUnit } from '../proto/formatting';

export function formatAvsc(text: string, options: FormattingOptions): TextEdit[] {
  return guard('avro formatting', [], () => {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    if (errors.length > 0) return [];
    const unit = indentUnit(options);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const edits = format(text, undefined, {
      insertSpaces: unit !== '\t',
      tabSize: unit === '\t' ? options.tabSize : unit.length,
      eol,
      insertFinalNewline: options.insertFinalNewline ?? true,
      keepLines: false,
    });
    // jsonc-parser 3.3 reads a line break indented exactly 200 columns from one past the end of
    // its cache of them, and gives the edit no text: that text is the break and 200 indentation characters.
    const at200 = eol + (unit === '\t' ? '\t' : ' ').repeat(200);
    const index = new LineIndex(text);
    return edits.map((e) => ({ range: index.rangeOf({ start: e.offset, end: e.offset + e.length }), newText: e.content ?? at200 }));
  });
}
