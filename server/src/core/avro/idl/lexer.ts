/**
 * Avro IDL tokens. Keywords are not special here: the grammar lets most of them be identifiers,
 * so the parser decides by context. Doc comments (`/** ... *\/`) are kept apart and attached to
 * the token that follows them; other comments are dropped.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';

export type TokenKind = 'ident' | 'string' | 'int' | 'float' | 'symbol' | 'eof';

export interface DocComment {
  /** The comment's text with the markers and the common indentation or star column removed. */
  readonly text: string;
  readonly span: Span;
}

export interface Token {
  readonly kind: TokenKind;
  /** The source text (identifiers with their backticks). */
  readonly text: string;
  /** Identifiers: the name without backticks. Strings: the decoded value. */
  readonly value: string;
  /** Identifiers: a part was escaped with backticks, so the word is never a keyword. */
  readonly escaped?: boolean;
  /** Integers: the exact value. */
  readonly integer?: bigint;
  /** Floats: the value. */
  readonly number?: number;
  readonly span: Span;
  /** Doc comments between the previous token and this one. */
  readonly docs: readonly DocComment[];
  readonly newlineBefore: boolean;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
}

const SYMBOLS = '(){}[]:;,@=.-?<>';
const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /[\p{XID_Continue}]/u;
const HEX_FLOAT = /^[+-]?0[xX]([0-9a-fA-F]+\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP][+-]?[0-9]+[fFdD]?/;
const DEC_FLOAT = /^[+-]?(([0-9]+\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?|[0-9]+([eE][+-]?[0-9]+[fFdD]?|[fFdD]))/;
const SPECIAL_FLOAT = /^[+-]?(NaN|Infinity)/;
const INTEGER = /^-?(0[xX][0-9a-fA-F]+|[1-9][0-9]*|0[0-7]*)[lL]?/;

export function lexIdl(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private docs: DocComment[] = [];
  private newline = true;

  constructor(private readonly text: string) {}

  private error(code: string, message: string, span: Span): void {
    this.diagnostics.push(diagnostic(code, 'error', message, span));
  }

  private push(kind: TokenKind, start: number, end: number, value: string, extra?: Partial<Token>): void {
    this.tokens.push({ kind, text: this.text.slice(start, end), value, span: { start, end }, docs: this.docs, newlineBefore: this.newline, ...extra });
    this.docs = [];
    this.newline = false;
  }

  run(): LexResult {
    const text = this.text;
    // U+001A (SUB) ends an IDL file; whatever follows it is ignored, as in Avro Java.
    const sub = text.indexOf('\u001a');
    const end = sub < 0 ? text.length : sub;
    while (this.pos < end) {
      const c = text[this.pos]!;
      if (c === '\n') {
        this.newline = true;
        this.pos++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
        this.pos++;
      } else if (c === '/' && text[this.pos + 1] === '/') {
        const nl = text.indexOf('\n', this.pos);
        this.pos = nl < 0 || nl > end ? end : nl;
      } else if (c === '/' && text[this.pos + 1] === '*') {
        this.comment(end);
      } else if (c === '"') {
        this.string(end);
      } else if (c === '`' || ID_START.test(c)) {
        this.identifier(end);
      } else if (/[0-9.+-]/.test(c) && this.number(end)) {
        // consumed
      } else if (SYMBOLS.includes(c)) {
        this.push('symbol', this.pos, this.pos + 1, c);
        this.pos++;
      } else {
        this.invalidRun(end);
      }
    }
    this.push('eof', end, end, '');
    return { tokens: this.tokens, diagnostics: this.diagnostics };
  }

  /** A run of characters that start no token: one diagnostic for the run. */
  private invalidRun(end: number): void {
    const start = this.pos;
    while (this.pos < end) {
      const c = this.text[this.pos]!;
      if (/\s/.test(c) || c === '"' || c === '`' || c === '/' || SYMBOLS.includes(c) || /[0-9.+-]/.test(c) || ID_START.test(c)) break;
      const cp = this.text.codePointAt(this.pos)!;
      this.pos += cp > 0xffff ? 2 : 1;
    }
    if (this.pos === start) this.pos++;
    const run = this.text.slice(start, this.pos);
    this.error('syntax/invalid-character', `unexpected ${run.length > 1 ? 'characters' : 'character'} ${JSON.stringify(run)}; remove ${run.length > 1 ? 'them' : 'it'}`, { start, end: this.pos });
  }

  private comment(end: number): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', start + 2);
    if (close < 0 || close + 2 > end) {
      this.error('syntax/unterminated-comment', 'unterminated comment; close it with */', { start, end: Math.min(start + 2, end) });
      this.pos = end;
      return;
    }
    const stop = close + 2;
    const raw = this.text.slice(start, stop);
    if (raw.startsWith('/**') && raw !== '/**/') {
      this.docs = [...this.docs, { text: stripDoc(raw.slice(3, -2)), span: { start, end: stop } }];
    }
    if (raw.includes('\n')) this.newline = true;
    this.pos = stop;
  }

  private string(end: number): void {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    let value = '';
    for (;;) {
      if (i >= end || text[i] === '\n' || text[i] === '\r') {
        i = Math.min(i, end);
        this.error('syntax/unterminated-string', 'unterminated string; close it with a double quote', { start, end: i });
        this.push('string', start, i, value);
        this.pos = i;
        return;
      }
      const c = text[i]!;
      if (c === '"') break;
      if (c !== '\\') {
        value += c;
        i++;
        continue;
      }
      const e = text[i + 1] ?? '';
      const simple: Record<string, string> = { n: '\n', r: '\r', b: '\b', f: '\f', t: '\t', '\\': '\\', "'": "'", '"': '"' };
      if (e in simple) {
        value += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (/[0-7]/.test(e)) {
        // Java octal escapes: up to three digits, the first of three at most 3.
        const m = /^([0-3][0-7]{2}|[0-7]{1,2})/.exec(text.slice(i + 1))!;
        value += String.fromCharCode(parseInt(m[0], 8));
        i += 1 + m[0].length;
      } else {
        this.error('syntax/invalid-escape', `invalid escape \\${e}; use \\n, \\t, \\", \\\\, \\uXXXX or an octal escape`, { start: i, end: Math.min(i + 2, end) });
        value += e;
        i += 2;
      }
    }
    this.push('string', start, i + 1, value);
    this.pos = i + 1;
  }

  private identifier(end: number): void {
    const text = this.text;
    const start = this.pos;
    let i = start;
    let value = '';
    let escaped = false;
    for (;;) {
      if (text[i] === '`') {
        const close = text.indexOf('`', i + 1);
        const part = close < 0 || close > end ? '' : text.slice(i + 1, close);
        if (!isIdentifierPart(part)) {
          this.error('syntax/invalid-character', 'a backtick must enclose one identifier, as in `record`', { start: i, end: close < 0 || close > end ? i + 1 : close + 1 });
          if (close < 0 || close > end) {
            i++;
            break;
          }
        }
        value += part;
        escaped = true;
        i = close + 1;
      } else {
        let j = i;
        const first = text.codePointAt(j)!;
        if (!ID_START.test(String.fromCodePoint(first))) break;
        j += first > 0xffff ? 2 : 1;
        while (j < end) {
          const cp = text.codePointAt(j)!;
          if (!ID_CONTINUE.test(String.fromCodePoint(cp))) break;
          j += cp > 0xffff ? 2 : 1;
        }
        value += text.slice(i, j);
        i = j;
      }
      // Dots and dashes join parts into one identifier token (`org.acme.Foo`, `java-class`).
      const sep = text[i];
      const after = text[i + 1];
      if ((sep === '.' || sep === '-') && i + 1 < end && after !== undefined && (after === '`' || ID_START.test(String.fromCodePoint(text.codePointAt(i + 1)!)))) {
        value += sep;
        i++;
        continue;
      }
      break;
    }
    if (i === start) i = start + 1;
    this.push('ident', start, i, value, escaped ? { escaped } : undefined);
    this.pos = i;
  }

  /** A number literal at the position; false when the text there is not one (a lone `-` or `.`). */
  private number(end: number): boolean {
    const rest = this.text.slice(this.pos, Math.min(end, this.pos + 400));
    const candidates: { kind: 'int' | 'float'; text: string }[] = [];
    for (const [kind, re] of [
      ['float', HEX_FLOAT],
      ['float', DEC_FLOAT],
      ['float', SPECIAL_FLOAT],
      ['int', INTEGER],
    ] as const) {
      const m = re.exec(rest);
      if (m) candidates.push({ kind, text: m[0] });
    }
    if (candidates.length === 0) return false;
    const best = candidates.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const start = this.pos;
    let stop = start + best.text.length;
    // Digits or letters glued to a number (`09`, `12abc`) make it malformed.
    const tail = /^[0-9A-Za-z_]+/.exec(this.text.slice(stop, end));
    if (tail) {
      stop += tail[0].length;
      this.error('syntax/invalid-number', `invalid number ${JSON.stringify(this.text.slice(start, stop))}`, { start, end: stop });
    }
    if (best.kind === 'int') {
      this.push('int', start, stop, best.text, { integer: parseInteger(best.text) });
    } else {
      this.push('float', start, stop, best.text, { number: parseFloatLiteral(best.text) });
    }
    this.pos = stop;
    return true;
  }
}

function isIdentifierPart(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s);
}

/** Decimal, hex (`0x`) and octal (leading `0`) integers with an optional `L`, as Java's Long.decode. */
export function parseInteger(text: string): bigint {
  let t = text.replace(/[lL]$/, '');
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  let v: bigint;
  if (/^0[xX]/.test(t)) v = BigInt(t);
  else if (/^0[0-7]+$/.test(t)) v = BigInt(`0o${t.slice(1)}`);
  else v = BigInt(t);
  return negative ? -v : v;
}

function parseFloatLiteral(text: string): number {
  const t = text.replace(/[fFdD]$/, '');
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[+-]/, '');
  if (body === 'NaN') return NaN;
  if (body === 'Infinity') return sign * Infinity;
  const hex = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/.exec(body);
  if (hex) {
    const digits = hex[1]! + hex[2]!;
    const mantissa = digits === '' ? 0 : parseInt(digits, 16);
    return sign * mantissa * 2 ** (Number(hex[3]) - 4 * hex[2]!.length);
  }
  return sign * Number(body);
}

/**
 * The text of a doc comment without its markers, as Avro Java makes it: when the first line starts
 * with one or two stars and every later line starts (after indentation) with the same stars, the
 * stars and one space after them go; otherwise the indentation the later lines share goes.
 */
export function stripDoc(inner: string): string {
  const text = inner.trim();
  const lines = text.split(/\r\n|\n|\r/);
  const stars = /^\*{1,2}/.exec(lines[0]!)?.[0];
  const unindented = lines.map((l) => l.replace(/^[ \t]*/, ''));
  if (stars && unindented.every((l) => l.startsWith(stars))) {
    return unindented.map((l) => l.slice(stars.length).replace(/^[ \t]/, '')).join('\n');
  }
  if (lines.length === 1) return text;
  let indent = /^[ \t]*/.exec(lines[1]!)![0];
  while (!lines.slice(1).every((l) => l.startsWith(indent))) indent = indent.slice(0, -1);
  return [lines[0]!, ...lines.slice(1).map((l) => l.slice(indent.length))].join('\n');
}
