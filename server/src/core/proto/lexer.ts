/**
 * The Protobuf lexer. Hand-written because the parser needs exact spans for every token and must
 * keep going after bad characters: each lexical error becomes a diagnostic and lexing continues.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';
import type { Comment } from './ast';

export type TokenKind = 'ident' | 'int' | 'float' | 'string' | 'symbol' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for strings, quotes and escapes included). */
  readonly text: string;
  readonly span: Span;
  /** The decoded value of a string literal. */
  readonly value?: string;
  /** True when a line break separates this token from the previous one (for attaching comments). */
  readonly newlineBefore: boolean;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

const enum Ch {
  Tab = 9,
  LF = 10,
  VT = 11,
  FF = 12,
  CR = 13,
  Space = 32,
  DQuote = 34,
  SQuote = 39,
  Star = 42,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Backslash = 92,
  Underscore = 95,
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Ch.Underscore;
}
function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const SYMBOLS = new Set(['{', '}', '(', ')', '[', ']', '<', '>', ';', ',', '=', '.', '-', '+', ':', '/']);
/** SYMBOLS by character code, for the lexer's inner loop. */
const IS_SYMBOL = new Uint8Array(128);
for (const s of SYMBOLS) IS_SYMBOL[s.charCodeAt(0)] = 1;

export interface LexOptions {
  /** Record the comments (the default); batch work that never reads them leaves the list empty. */
  readonly comments?: boolean;
}

export function lex(text: string, options: LexOptions = {}): LexResult {
  const keepComments = options.comments !== false;
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const diagnostics: Diagnostic[] = [];
  let pos = 0;
  let newlineBefore = true;
  const len = text.length;
  // The next line feed and carriage return at or after the last search (text.length when none).
  let nextLF = -1;
  let nextCR = -1;

  const push = (kind: TokenKind, start: number, end: number, value?: string) => {
    tokens.push({ kind, text: text.slice(start, end), span: { start, end }, value, newlineBefore });
    newlineBefore = false;
  };
  // Passed down rather than written inline in the loop: a closure over the loop's `start` would
  // make every iteration, each blank included, allocate a scope for it.
  const pushString = (start: number, end: number, value: string) => push('string', start, end, value);

  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (c === Ch.LF || c === Ch.CR) {
      newlineBefore = true;
      pos++;
      continue;
    }
    if (c === Ch.Space || c === Ch.Tab || c === Ch.VT || c === Ch.FF) {
      pos++;
      continue;
    }
    const start = pos;
    if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Slash) {
      // Comments are much of a file's text: jump to the line's end rather than step through it.
      if (nextLF < pos) nextLF = indexOrEnd(text, '\n', pos);
      if (nextCR < pos) nextCR = indexOrEnd(text, '\r', pos);
      pos = nextLF < nextCR ? nextLF : nextCR;
      if (keepComments) comments.push({ span: { start, end: pos }, block: false });
      continue;
    }
    if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Star) {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) {
        pos = len;
        diagnostics.push(
          diagnostic('syntax/unterminated-comment', 'error', 'block comment is not closed: add `*/`', {
            start,
            end: Math.min(start + 2, len),
          }),
        );
      } else {
        pos = close + 2;
      }
      if (keepComments) comments.push({ span: { start, end: pos }, block: true });
      continue;
    }
    if (isIdentStart(c)) {
      pos++;
      while (pos < len && isIdentPart(text.charCodeAt(pos))) pos++;
      push('ident', start, pos);
      continue;
    }
    if (isDigit(c) || (c === Ch.Dot && isDigit(text.charCodeAt(pos + 1)))) {
      pos = lexNumber(text, pos, diagnostics, push);
      continue;
    }
    if (c === Ch.DQuote || c === Ch.SQuote) {
      pos = lexString(text, pos, diagnostics, pushString);
      continue;
    }
    if (c < 128 && IS_SYMBOL[c] === 1) {
      pos++;
      push('symbol', start, pos);
      continue;
    }
    // Consume a whole run of unexpected characters so one stray paste gives one diagnostic.
    const cp = text.codePointAt(pos)!;
    pos += cp > 0xffff ? 2 : 1;
    while (pos < len) {
      const n = text.charCodeAt(pos);
      if (
        isIdentPart(n) ||
        n <= Ch.Space ||
        n === Ch.DQuote ||
        n === Ch.SQuote ||
        n === Ch.Slash ||
        (n < 128 && IS_SYMBOL[n] === 1)
      )
        break;
      pos++;
    }
    const bad = text.slice(start, pos);
    diagnostics.push(
      diagnostic(
        'syntax/invalid-character',
        'error',
        `unexpected character${bad.length > 1 ? 's' : ''} ${JSON.stringify(bad.length > 20 ? bad.slice(0, 20) + '…' : bad)}`,
        { start, end: pos },
      ),
    );
  }
  // The same properties in the same order as every other token: one shape for the parser to read.
  tokens.push({ kind: 'eof', text: '', span: { start: len, end: len }, value: undefined, newlineBefore: true });
  return { tokens, comments, diagnostics };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

function lexNumber(
  text: string,
  start: number,
  diagnostics: Diagnostic[],
  emit: (kind: 'int' | 'float', start: number, end: number) => void,
): number {
  let pos = start;
  const len = text.length;
  let kind: 'int' | 'float' = 'int';
  if (text.charCodeAt(pos) === Ch.Zero && (text[pos + 1] === 'x' || text[pos + 1] === 'X')) {
    pos += 2;
    const digitsStart = pos;
    while (pos < len && isHexDigit(text.charCodeAt(pos))) pos++;
    if (pos === digitsStart) {
      diagnostics.push(
        diagnostic('syntax/invalid-number', 'error', 'hexadecimal number has no digits after `0x`', {
          start,
          end: pos,
        }),
      );
    }
  } else {
    while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === Ch.Dot) {
      kind = 'float';
      pos++;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      const save = pos;
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      if (isDigit(text.charCodeAt(pos))) {
        kind = 'float';
        while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      } else {
        pos = save;
      }
    }
    const body = text.slice(start, pos);
    if (kind === 'int' && body.length > 1 && body[0] === '0' && /[89]/.test(body)) {
      diagnostics.push(
        diagnostic('syntax/invalid-number', 'error', `invalid octal number ${body}: octal digits are 0-7`, {
          start,
          end: pos,
        }),
      );
    }
  }
  // `1foo` is one bad token, not a number followed by an identifier.
  if (pos < len && (isIdentStart(text.charCodeAt(pos)) || isDigit(text.charCodeAt(pos)))) {
    const suffixStart = pos;
    while (pos < len && isIdentPart(text.charCodeAt(pos))) pos++;
    diagnostics.push(
      diagnostic(
        'syntax/invalid-number',
        'error',
        `invalid number ${text.slice(start, pos)}: unexpected ${JSON.stringify(text.slice(suffixStart, pos))} after the digits`,
        { start, end: pos },
      ),
    );
  }
  emit(kind, start, pos);
  return pos;
}

function lexString(
  text: string,
  start: number,
  diagnostics: Diagnostic[],
  emit: (start: number, end: number, value: string) => void,
): number {
  const quote = text.charCodeAt(start);
  const len = text.length;
  let pos = start + 1;
  let value = '';
  // Plain characters are taken a run at a time, not one by one: most strings have no escape at all.
  let run = pos;
  for (;;) {
    if (pos >= len || text.charCodeAt(pos) === Ch.LF || text.charCodeAt(pos) === Ch.CR) {
      value += text.slice(run, pos);
      diagnostics.push(
        diagnostic('syntax/unterminated-string', 'error', 'string is not closed before the end of the line', {
          start,
          end: pos,
        }),
      );
      break;
    }
    const c = text.charCodeAt(pos);
    if (c === quote) {
      value += text.slice(run, pos);
      pos++;
      break;
    }
    if (c === 0) {
      value += text.slice(run, pos);
      diagnostics.push(
        diagnostic('syntax/invalid-string', 'error', 'string contains a NUL character: write it as `\\0`', {
          start: pos,
          end: pos + 1,
        }),
      );
      pos++;
      run = pos;
      continue;
    }
    if (c !== Ch.Backslash) {
      pos++;
      continue;
    }
    value += text.slice(run, pos);
    const escStart = pos;
    pos++;
    const e = text[pos];
    if (e !== undefined && e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
      pos++;
    } else if (e === 'x' || e === 'X') {
      pos++;
      const hexStart = pos;
      while (pos < len && pos - hexStart < 2 && isHexDigit(text.charCodeAt(pos))) pos++;
      if (pos === hexStart) {
        diagnostics.push(
          diagnostic('syntax/invalid-escape', 'error', 'escape `\\x` needs one or two hexadecimal digits', {
            start: escStart,
            end: pos,
          }),
        );
      } else {
        value += String.fromCharCode(parseInt(text.slice(hexStart, pos), 16));
      }
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const octStart = pos;
      while (pos < len && pos - octStart < 3 && text[pos]! >= '0' && text[pos]! <= '7') pos++;
      value += String.fromCharCode(parseInt(text.slice(octStart, pos), 8) & 0xff);
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      pos++;
      const hexStart = pos;
      while (pos < len && pos - hexStart < n && isHexDigit(text.charCodeAt(pos))) pos++;
      const cp = parseInt(text.slice(hexStart, pos), 16);
      if (pos - hexStart !== n || !(cp <= 0x10ffff)) {
        diagnostics.push(
          diagnostic('syntax/invalid-escape', 'error', `escape \`\\${e}\` needs ${n} hexadecimal digits of a valid code point`, {
            start: escStart,
            end: pos,
          }),
        );
      } else {
        value += String.fromCodePoint(cp);
      }
    } else {
      const shown = e === undefined || e === '\n' || e === '\r' ? '' : e;
      diagnostics.push(
        diagnostic('syntax/invalid-escape', 'error', `invalid escape \`\\${shown}\` in string`, {
          start: escStart,
          end: Math.min(pos + (shown ? 1 : 0), len),
        }),
      );
      if (shown) pos++;
    }
    run = pos;
  }
  emit(start, pos, value);
  return pos;
}
