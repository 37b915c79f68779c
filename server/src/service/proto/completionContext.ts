/**
 * Where the cursor is, for completion, read from the token stream rather than the syntax tree:
 * while a declaration is half typed the tree may not contain it yet, but the tokens before the
 * cursor always exist. A stack of the braces before the cursor gives the enclosing blocks, and
 * the tokens since the last `;`, `{` or `}` give the statement being typed.
 */
import type { Token } from '../../core/proto/lexer';
import type { ProtoFileState } from '../../core/proto/project';
import type { Span } from '../../core/text/span';

export type BlockKind = 'top' | 'message' | 'enum' | 'service' | 'oneof' | 'extend' | 'rpc' | 'aggregate' | 'unknown';

export interface Block {
  readonly kind: BlockKind;
  /** The declared name (message, group, enum, service), when it was written. */
  readonly name?: string;
  /** The offset of the block's `{`, or 0 for the file. */
  readonly open: number;
}

/** One element of the statement before the cursor: a (dotted) name, a symbol, or a literal. */
export interface Item {
  readonly kind: 'name' | 'symbol' | 'literal';
  readonly text: string;
  readonly span: Span;
}

export interface CompletionContext {
  /** Enclosing blocks, outermost (the file) first. */
  readonly blocks: readonly Block[];
  readonly block: Block;
  /** The statement's elements before the word being completed. */
  readonly before: readonly Item[];
  /** The word being completed: a dotted name, a number, or the inside of a string. */
  readonly word: Span;
  /** The word's text up to the cursor. */
  readonly prefix: string;
  /** Set when the cursor is inside a string literal (the word is its content). */
  readonly inString: boolean;
  /** Set inside `[...]` of a field, enum value or extension range: the elements since `[` or `,`. */
  readonly compactOptions?: readonly Item[];
  /** The token right after the word, for deciding whether to add a closing `)` or `;`. */
  readonly next?: Token;
  readonly inComment: boolean;
}

function isName(t: Token | undefined): boolean {
  return t?.kind === 'ident';
}

function isDot(t: Token | undefined): boolean {
  return t?.kind === 'symbol' && t.text === '.';
}

function isSym(t: Token | undefined, text: string): boolean {
  return t?.kind === 'symbol' && t.text === text;
}

function isTerminated(t: Token): boolean {
  return t.text.length >= 2 && t.text[t.text.length - 1] === t.text[0] && t.text[t.text.length - 2] !== '\\';
}

/** The index of the first token that ends at or after the offset. */
function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.span.end < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function completionContext(state: ProtoFileState, offset: number): CompletionContext {
  const tokens = state.parse.tokens;
  const text = state.text;
  const inComment = state.ast.comments.some(
    (c) => offset > c.span.start && (c.block ? offset < c.span.end || !text.startsWith('*/', c.span.end - 2) : offset <= c.span.end),
  );
  const i = tokenIndexAt(tokens, offset);
  const at = tokens[i];
  // `at` touches the cursor from the left when it starts before it (it ends at or after it).
  const touching = at && at.kind !== 'eof' && at.span.start < offset ? at : undefined;

  if (touching?.kind === 'string' && (offset < touching.span.end || !isTerminated(touching))) {
    const contentEnd = isTerminated(touching) ? touching.span.end - 1 : touching.span.end;
    const word = { start: touching.span.start + 1, end: Math.max(touching.span.start + 1, contentEnd) };
    return finish(state, tokens, i, i + 1, word, offset, true, inComment);
  }
  if (!touching || !(touching.kind === 'ident' || touching.kind === 'int' || isDot(touching))) {
    const firstAfter = touching ? i + 1 : i;
    return finish(state, tokens, firstAfter, firstAfter, { start: offset, end: offset }, offset, false, inComment);
  }
  if (touching.kind === 'int') return finish(state, tokens, i, i + 1, touching.span, offset, false, inComment);
  // A dotted name: `acme.or|`, `.acme.|`, `a.|b`. Only adjacent tokens join, so `repeated .a` stays two.
  let last = i;
  if (isDot(touching) && isName(tokens[i + 1]) && tokens[i + 1]!.span.start === offset) last = i + 1;
  let first = i;
  while (first > 0) {
    const cur = tokens[first]!;
    const prev = tokens[first - 1]!;
    if (prev.span.end !== cur.span.start) break;
    if ((isName(cur) && isDot(prev)) || (isDot(cur) && isName(prev))) first--;
    else break;
  }
  const word = { start: tokens[first]!.span.start, end: tokens[last]!.span.end };
  return finish(state, tokens, first, last + 1, word, offset, false, inComment);
}

/** `first` is the index of the word's first token (or of the token after the cursor), `nextIndex` the token after the word. */
function finish(
  state: ProtoFileState,
  tokens: readonly Token[],
  first: number,
  nextIndex: number,
  word: Span,
  offset: number,
  inString: boolean,
  inComment: boolean,
): CompletionContext {
  const blocks: Block[] = [{ kind: 'top', open: 0 }];
  let stmtStart = 0;
  for (let k = 0; k < first; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'symbol') continue;
    if (t.text === ';') stmtStart = k + 1;
    else if (t.text === '{') {
      const top = blocks[blocks.length - 1]!;
      blocks.push(top.kind === 'aggregate' ? { kind: 'aggregate', open: t.span.start } : classify(tokens.slice(stmtStart, k), t.span.start));
      stmtStart = k + 1;
    } else if (t.text === '}') {
      if (blocks.length > 1) blocks.pop();
      stmtStart = k + 1;
    }
  }
  const stmt = tokens.slice(stmtStart, first);
  const before = items(stmt);
  let compactOptions: Item[] | undefined;
  let depth = 0;
  let lastOpen = -1;
  for (let k = 0; k < before.length; k++) {
    const it = before[k]!;
    if (it.kind !== 'symbol') continue;
    if (it.text === '[') {
      depth++;
      if (depth === 1) lastOpen = k;
    } else if (it.text === ']') depth = Math.max(0, depth - 1);
  }
  if (depth > 0 && lastOpen >= 0) {
    const inside = before.slice(lastOpen + 1);
    let lastComma = -1;
    inside.forEach((it, n) => {
      if (it.kind === 'symbol' && it.text === ',') lastComma = n;
    });
    compactOptions = inside.slice(lastComma + 1);
  }
  const next = tokens[nextIndex];
  return {
    blocks,
    block: blocks[blocks.length - 1]!,
    before,
    word,
    prefix: state.text.slice(word.start, Math.min(offset, word.end)),
    inString,
    compactOptions,
    next: next && next.kind !== 'eof' ? next : undefined,
    inComment,
  };
}

/** Collapses adjacent dotted names (`.a.b`) into one name item; `(a.b)` is three items. */
function items(tokens: readonly Token[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'ident' || (isDot(t) && isName(tokens[k + 1]) && tokens[k + 1]!.span.start === t.span.end)) {
      const start = t.span.start;
      let end = t.span.end;
      let textOut = t.text;
      while (k + 1 < tokens.length) {
        const a = tokens[k + 1]!;
        if (a.span.start !== end) break;
        const lastIsDot = textOut.endsWith('.');
        if ((lastIsDot && isName(a)) || (!lastIsDot && isDot(a))) {
          textOut += a.text;
          end = a.span.end;
          k++;
        } else break;
      }
      out.push({ kind: 'name', text: textOut, span: { start, end } });
    } else if (t.kind === 'symbol') out.push({ kind: 'symbol', text: t.text, span: t.span });
    else if (t.kind !== 'eof') out.push({ kind: 'literal', text: t.text, span: t.span });
  }
  return out;
}

function classify(stmt: readonly Token[], open: number): Block {
  const firstText = stmt[0]?.kind === 'ident' ? stmt[0].text : undefined;
  const nameAfter = (n: number) => (stmt[n]?.kind === 'ident' ? stmt[n]!.text : undefined);
  if (stmt.some((t) => isSym(t, '[')) && !stmt.some((t) => isSym(t, ']'))) return { kind: 'aggregate', open };
  switch (firstText) {
    case 'message':
      return { kind: 'message', name: nameAfter(1), open };
    case 'enum':
      return { kind: 'enum', name: nameAfter(1), open };
    case 'service':
      return { kind: 'service', name: nameAfter(1), open };
    case 'oneof':
      return { kind: 'oneof', name: nameAfter(1), open };
    case 'extend':
      return { kind: 'extend', open };
    case 'rpc':
      return { kind: 'rpc', name: nameAfter(1), open };
    case 'option':
      return { kind: 'aggregate', open };
    default:
      break;
  }
  const group = stmt.findIndex((t) => t.kind === 'ident' && t.text === 'group');
  if (group >= 0 && group <= 1) return { kind: 'message', name: nameAfter(group + 1), open };
  if (stmt.some((t) => isSym(t, '=') || isSym(t, ':'))) return { kind: 'aggregate', open };
  return { kind: 'unknown', open };
}
