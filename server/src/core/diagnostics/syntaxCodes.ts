/** Codes of the lexers and parsers: Protobuf, Avro JSON (.avsc, .avpr) and Avro IDL (.avdl). */
import { stage, type CodeInfo } from './codeTypes';

const s = stage('syntax');

export const SYNTAX_CODES: Readonly<Record<string, CodeInfo>> = {
  // Shared by the Protobuf and the Avro IDL grammars
  'syntax/unexpected-token': s.error('a token the grammar does not allow here (Protobuf, Avro IDL)', 'write what the message says is expected, or remove the stray token'),
  'syntax/missing-semicolon': s.error('a statement is not ended by `;`', 'add the `;`'),
  'syntax/missing-brace': s.error('a `{` block is not closed by `}` (Protobuf, Avro IDL)', 'add the `}` where the block ends'),
  'syntax/invalid-character': s.error('a character that starts no token, such as `$` or a stray backtick', 'remove the character'),
  'syntax/invalid-escape': s.error('a bad escape sequence in a string literal', 'use a valid escape such as `\\n`, `\\\\`, `\\"`, `\\xHH` or `\\uXXXX`'),
  'syntax/invalid-number': s.error('a malformed number: a bad octal or hex literal, or letters after the digits', 'write a decimal, `0x` hex or `0`-prefixed octal number'),
  'syntax/unterminated-string': s.error('a string literal is not closed before the end of its line', 'add the closing quote on the same line'),
  'syntax/unterminated-comment': s.error('a `/*` block comment is not closed', 'add `*/`'),
  'syntax/nesting-too-deep': s.error('declarations, types or JSON values nested deeper than any real schema', 'flatten the nesting; the rest of the file is not checked'),
  // Protobuf only
  'syntax/invalid-string': s.error('a Protobuf string literal contains a raw NUL character', 'write it as `\\0`'),
  'syntax/missing-name': s.error('a declaration lacks its name: a message, enum, service, oneof, field, rpc or extend target', 'write the name after the keyword'),
  'syntax/missing-field-number': s.error('a field lacks `= number`', 'add `= N` with an unused field number'),
  'syntax/missing-enum-number': s.error('an enum value lacks `= number`', 'add `= N`'),
  'syntax/missing-bracket': s.error('compact options are written without their `[ ]`', 'wrap the options in `[` and `]`'),
  'syntax/map-not-allowed': s.error('a map field with a label, inside a oneof, or in an extend block', 'remove the label, or move the map field into a message body'),
  // Avro JSON (.avsc, .avpr)
  'syntax/json-invalid-symbol': s.error('text that is not JSON', 'write objects, arrays, double-quoted strings, numbers, true, false or null'),
  'syntax/json-invalid-number': s.error('a malformed or incomplete JSON number', 'write a JSON number such as 12, -3 or 1.5e3'),
  'syntax/json-property-name-expected': s.error('an object key is missing or not double-quoted', 'write the key in double quotes'),
  'syntax/json-value-expected': s.error('a JSON value is missing', 'write the value, or remove the separator before it'),
  'syntax/json-colon-expected': s.error('a colon is missing after an object key', 'add `:` after the key'),
  'syntax/json-comma-expected': s.error('a comma is missing between two values or members', 'add `,` between them'),
  'syntax/json-close-brace-expected': s.error('a JSON object is not closed', 'add the `}`'),
  'syntax/json-close-bracket-expected': s.error('a JSON array is not closed', 'add the `]`'),
  'syntax/json-end-of-file-expected': s.error('text after the top-level JSON value; a file holds one value', 'remove the extra text, or put both values in a union array'),
  'syntax/json-unterminated-comment': s.error('a block comment in JSON is not closed', 'add `*/`, or better remove the comment'),
  'syntax/json-unterminated-string': s.error('a JSON string is not closed', 'add the closing double quote'),
  'syntax/json-invalid-escape': s.error('a bad escape sequence in a JSON string', 'use `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` or `\\uXXXX`'),
  'syntax/json-invalid-character': s.error('a raw control character inside a JSON string', 'escape it, e.g. `\\n` or `\\t`'),
  'syntax/json-trailing-comma': s.error('a comma before a closing bracket or brace', 'remove the comma'),
  'syntax/json-comment': s.warning('a comment in JSON: Avro Java skips it, Python, avsc and other libraries reject the file', 'remove the comment; put text in a "doc" attribute'),
  'syntax/json-duplicate-key': s.warning('a key given twice in one JSON object; the last one wins', 'remove one of the two'),
};
