/**
 * JSON text -> JsonValue with spans, through jsonc-parser's error-tolerant parser. Avro JSON is
 * strict JSON: trailing commas are errors (Jackson, Python and avsc all reject them) and comments
 * are warnings (Avro Java enables comments in its parser; Python, avsc and the registries'
 * other clients do not).
 */
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';
import type { JsonMember, JsonValue } from './json';

// jsonc-parser declares its token kinds as const enums, which isolatedModules cannot import.
const TOKEN_OPEN_BRACE = 1;
const TOKEN_CLOSE_BRACE = 2;
const TOKEN_OPEN_BRACKET = 3;
const TOKEN_CLOSE_BRACKET = 4;
const TOKEN_COMMA = 5;
const TOKEN_LINE_COMMENT = 12;
const TOKEN_BLOCK_COMMENT = 13;
const TOKEN_LINE_BREAK = 14;
const TOKEN_TRIVIA = 15;
const TOKEN_EOF = 17;

const ERROR_MESSAGES: Record<string, [code: string, message: string]> = {
  InvalidSymbol: ['syntax/json-invalid-symbol', 'unexpected text; JSON allows only objects, arrays, double-quoted strings, numbers, true, false and null'],
  InvalidNumberFormat: ['syntax/json-invalid-number', 'invalid number; write a JSON number such as 12, -3 or 1.5e3'],
  PropertyNameExpected: ['syntax/json-property-name-expected', 'expected a property name in double quotes'],
  ValueExpected: ['syntax/json-value-expected', 'expected a JSON value'],
  ColonExpected: ['syntax/json-colon-expected', 'expected a colon after the property name'],
  CommaExpected: ['syntax/json-comma-expected', 'expected a comma before this value'],
  CloseBraceExpected: ['syntax/json-close-brace-expected', 'expected a closing brace to end the object'],
  CloseBracketExpected: ['syntax/json-close-bracket-expected', 'expected a closing bracket to end the array'],
  EndOfFileExpected: ['syntax/json-end-of-file-expected', 'unexpected text after the end of the JSON value; a file holds one value'],
  InvalidCommentToken: ['syntax/json-comment', 'comments are not JSON'],
  UnexpectedEndOfComment: ['syntax/json-unterminated-comment', 'unterminated comment; close it with */'],
  UnexpectedEndOfString: ['syntax/json-unterminated-string', 'unterminated string; close it with a double quote'],
  UnexpectedEndOfNumber: ['syntax/json-invalid-number', 'incomplete number; add digits after the sign, dot or exponent'],
  InvalidUnicode: ['syntax/json-invalid-escape', 'invalid unicode escape; write \\u followed by four hex digits'],
  InvalidEscapeCharacter: ['syntax/json-invalid-escape', 'invalid escape; JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX'],
  InvalidCharacter: ['syntax/json-invalid-character', 'control character in a string; escape it, e.g. \\n or \\t'],
};

export interface JsonParseResult {
  readonly value?: JsonValue;
  readonly diagnostics: Diagnostic[];
}

/** `uri` names the document in related information (the first of two duplicate keys). */
export function parseJsonText(text: string, uri = ''): JsonParseResult {
  const tooDeep = findTooDeep(text);
  if (tooDeep) {
    // jsonc-parser and every walk over the tree recurse; a pathological nesting would overflow the stack.
    const message = `nesting deeper than ${MAX_DEPTH} levels; no schema needs that, check for a runaway bracket`;
    return { diagnostics: [diagnostic('syntax/nesting-too-deep', 'error', message, tooDeep)] };
  }
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch {
    return { diagnostics: [diagnostic('syntax/json-invalid-symbol', 'error', 'the JSON parser failed on this text', { start: 0, end: 0 })] };
  }
  const diagnostics: Diagnostic[] = [];
  let lastEnd = -1;
  for (const e of errors) {
    const [code, message] = ERROR_MESSAGES[printParseErrorCode(e.error)] ?? ['syntax/json-invalid-symbol', 'invalid JSON'];
    const start = Math.min(e.offset, text.length);
    const s: Span = { start, end: Math.min(text.length, start + e.length) };
    // An error right after the previous one is the parser's recovery talking: one cause, one report.
    if (lastEnd >= 0 && start >= lastEnd - 1 && text.slice(lastEnd, start).trim() === '' && start <= lastEnd + 200) {
      lastEnd = Math.max(lastEnd, s.end);
      continue;
    }
    lastEnd = s.end;
    diagnostics.push(diagnostic(code, 'error', message, s));
  }
  diagnostics.push(...scanNonStandard(text));
  const value = root ? lowerNode(root, text, uri, diagnostics) : undefined;
  return { value, diagnostics };
}

export const MAX_DEPTH = 256;

/** The bracket that opens one level too many, if any. */
function findTooDeep(text: string): Span | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== TOKEN_EOF; kind = scanner.scan()) {
    if (kind === TOKEN_OPEN_BRACE || kind === TOKEN_OPEN_BRACKET) {
      if (++depth > MAX_DEPTH) return { start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + 1 };
    } else if (kind === TOKEN_CLOSE_BRACE || kind === TOKEN_CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Comments and trailing commas, which the tree does not keep. */
function scanNonStandard(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: Span | undefined;
  for (let kind = scanner.scan(); kind !== TOKEN_EOF; kind = scanner.scan()) {
    const start = Math.min(scanner.getTokenOffset(), text.length);
    const s = { start, end: Math.min(text.length, start + scanner.getTokenLength()) };
    if (kind === TOKEN_LINE_COMMENT || kind === TOKEN_BLOCK_COMMENT) {
      out.push(
        diagnostic(
          'syntax/json-comment',
          'warning',
          'comments are not JSON; Avro Java skips them but Python, avsc and other Avro libraries reject the file',
          s,
          { fixes: [{ title: 'Remove the comment', edits: [{ span: s, newText: '' }] }] },
        ),
      );
      continue;
    }
    if (kind === TOKEN_LINE_BREAK || kind === TOKEN_TRIVIA) continue;
    if (pendingComma && (kind === TOKEN_CLOSE_BRACE || kind === TOKEN_CLOSE_BRACKET)) {
      out.push(
        diagnostic('syntax/json-trailing-comma', 'error', 'trailing comma; JSON allows no comma before a closing bracket or brace', pendingComma, {
          fixes: [{ title: 'Remove the trailing comma', edits: [{ span: pendingComma, newText: '' }], preferred: true }],
        }),
      );
    }
    pendingComma = kind === TOKEN_COMMA ? s : undefined;
  }
  return out;
}

function spanOf(n: Node): Span {
  return { start: n.offset, end: n.offset + n.length };
}

function lowerNode(n: Node, text: string, uri: string, diagnostics: Diagnostic[]): JsonValue {
  const span = spanOf(n);
  switch (n.type) {
    case 'null':
      return { kind: 'null', span };
    case 'boolean':
      return { kind: 'boolean', value: n.value === true, span };
    case 'number': {
      const literal = text.slice(span.start, span.end);
      const integer = /^-?(0|[1-9][0-9]*)$/.test(literal) ? BigInt(literal) : undefined;
      return { kind: 'number', value: typeof n.value === 'number' ? n.value : Number(literal), text: literal, integer, span };
    }
    case 'string':
      return { kind: 'string', value: typeof n.value === 'string' ? n.value : '', span };
    case 'array':
      return { kind: 'array', items: (n.children ?? []).map((c) => lowerNode(c, text, uri, diagnostics)), span };
    case 'object':
    case 'property': {
      const members: JsonMember[] = [];
      const firstByKey = new Map<string, Span>();
      for (const p of n.children ?? []) {
        const keyNode = p.children?.[0];
        if (!keyNode || keyNode.type !== 'string') continue;
        const key = typeof keyNode.value === 'string' ? keyNode.value : '';
        const keySpan = spanOf(keyNode);
        const valueNode = p.children?.[1];
        const value = valueNode ? lowerNode(valueNode, text, uri, diagnostics) : undefined;
        members.push({ key, keySpan, value, span: { start: keySpan.start, end: value ? value.span.end : keySpan.end } });
        const first = firstByKey.get(key);
        if (first) {
          diagnostics.push(
            diagnostic('syntax/json-duplicate-key', 'warning', `duplicate key "${key}"; Avro uses the last one, remove the other`, keySpan, {
              related: [{ uri, span: first, message: `first "${key}"` }],
            }),
          );
        } else firstByKey.set(key, keySpan);
      }
      return { kind: 'object', members, span };
    }
  }
}
