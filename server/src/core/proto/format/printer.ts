/**
 * Lays out a Protobuf token stream: it decides, for every gap between two tokens or comments,
 * whether it becomes nothing, one space, or a line break with some indentation. It never adds,
 * drops or reorders a token or a comment, so the result lexes to the same stream as the input.
 *
 * The layout follows `buf format` where that needs no token changes: one declaration per line,
 * `{` on the declaration's line, compact options on one line unless they were written over
 * several, and blank lines kept (at most one in a row). Text-format aggregates (`{ a: 1 }` option
 * values) keep their line structure and are only reindented, because their layout is often
 * deliberate (tables, URL templates) and rewriting them would mean changing tokens.
 *
 * Decisions read only the original line structure in a few places (comments, aggregates, string
 * concatenation, multi-line option lists), and in each of them the output keeps the break it
 * chose, so formatting twice gives the same text.
 */
import type { Comment } from '../ast';
import type { Token } from '../lexer';

type FrameType = 'file' | 'block' | 'agg' | 'aggList' | 'bracket' | 'paren' | 'angle';

interface Item {
  readonly start: number;
  readonly end: number;
  readonly token?: Token;
  readonly comment?: Comment;
  /** Line breaks between the previous item (or the file start) and this one. */
  readonly breaks: number;
  /** Whether any white space separates this item from the previous one. */
  readonly spaced: boolean;
}

interface Frame {
  readonly type: FrameType;
  /** The indent of a closer on its own line. */
  readonly outer: number;
  /** The indent of the frame's content lines. */
  readonly inner: number;
  /** A `[...]` option list written over several lines: one option a line. */
  readonly multiline: boolean;
  /** The next token starts a statement (block) or an option (bracket). */
  atStart: boolean;
  /** The item index of the opener. */
  readonly opener: number;
}

type Sep =
  | { readonly nl: true; readonly indent: number; readonly blank: boolean; /** Pad to this column instead. */ readonly align?: number }
  | { readonly nl: false; readonly text: string };

const NONE: Sep = { nl: false, text: '' };
const SPACE: Sep = { nl: false, text: ' ' };

/** Words a type name can follow, so a `.` after them (and a space) starts a fully qualified name. */
const BEFORE_TYPE = new Set(['optional', 'required', 'repeated', 'stream', 'extend']);

const CLOSER_OF: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };

export interface LayoutInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly comments: readonly Comment[];
  /** One level of indentation. */
  readonly indent: string;
}

/** Returns the formatted text, or an error message when the brackets do not balance. */
export function layout(input: LayoutInput): { text: string } | { error: string } {
  const items = buildItems(input.text, input.tokens, input.comments);
  const structure = analyse(items);
  if ('error' in structure) return structure;
  return { text: new Printer(input, items, structure).print() };
}

function buildItems(text: string, tokens: readonly Token[], comments: readonly Comment[]): Item[] {
  const items: Item[] = [];
  let ti = 0;
  let ci = 0;
  let prevEnd = 0;
  for (;;) {
    const tok = tokens[ti];
    const tokenNext = tok !== undefined && tok.kind !== 'eof';
    const com = comments[ci];
    if (!tokenNext && !com) break;
    const useToken = tokenNext && (!com || tok.span.start < com.span.start);
    const start = useToken ? tok.span.start : com!.span.start;
    const end = useToken ? tok.span.end : com!.span.end;
    let breaks = 0;
    for (let p = prevEnd; p < start; p++) {
      const c = text.charCodeAt(p);
      if (c === 10 || (c === 13 && text.charCodeAt(p + 1) !== 10)) breaks++;
    }
    items.push({
      start,
      end,
      token: useToken ? tok : undefined,
      comment: useToken ? undefined : com,
      breaks,
      spaced: start > prevEnd,
    });
    if (useToken) ti++;
    else ci++;
    prevEnd = end;
  }
  return items;
}

function sym(item: Item | undefined): string | undefined {
  return item?.token?.kind === 'symbol' ? item.token.text : undefined;
}

interface Structure {
  /** For each opener item, the kind of frame it opens. */
  readonly openType: ReadonlyMap<number, FrameType>;
  /** Brackets whose content gaps hold a line break. */
  readonly multiline: ReadonlySet<number>;
}

/** What kind of frame an opener starts, from the frame it sits in and the token before it. */
function frameTypeOf(opener: string, top: FrameType, prevSym: string | undefined): FrameType {
  const inAgg = top === 'agg' || top === 'aggList';
  switch (opener) {
    case '{':
      return inAgg || prevSym === '=' || prevSym === ':' ? 'agg' : 'block';
    case '[':
      return inAgg ? 'aggList' : 'bracket';
    case '<':
      return inAgg ? 'agg' : 'angle';
    default:
      return 'paren';
  }
}

/** Matches brackets once up front, so the printer knows how each list is laid out before it starts. */
function analyse(items: readonly Item[]): Structure | { error: string } {
  const openType = new Map<number, FrameType>();
  const multiline = new Set<number>();
  const stack: { type: FrameType; opener: number; char: string }[] = [{ type: 'file', opener: -1, char: '' }];
  let prevSym: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const top = stack[stack.length - 1]!;
    if (i > 0 && item.breaks > 0 && top.type === 'bracket') multiline.add(top.opener);
    const tok = item.token;
    if (!tok) continue;
    const s = tok.kind === 'symbol' ? tok.text : undefined;
    if (s !== undefined && s in CLOSER_OF) {
      const type = frameTypeOf(s, top.type, prevSym);
      openType.set(i, type);
      stack.push({ type, opener: i, char: s });
    } else if (s === '}' || s === ']' || s === ')' || s === '>') {
      if (stack.length === 1 || CLOSER_OF[top.char] !== s) {
        return { error: `unbalanced \`${s}\` at offset ${item.start}: fix the syntax errors before formatting` };
      }
      stack.pop();
    }
    prevSym = s;
  }
  const open = stack[stack.length - 1]!;
  if (stack.length > 1) {
    return { error: `\`${open.char}\` at offset ${items[open.opener]!.start} is not closed: fix the syntax errors before formatting` };
  }
  return { openType, multiline };
}

class Printer {
  private readonly out: string[] = [];
  private readonly frames: Frame[] = [{ type: 'file', outer: 0, inner: 0, multiline: false, atStart: true, opener: -1 }];
  private readonly eol: string;
  private lineIndent = 0;
  private column = 0;
  /** Index of the last token item, and of the one before it. */
  private prevTok = -1;
  private prevPrevTok = -1;
  /** The item index of the `}` that closed the last body. */
  private lastClosedBlock = -1;
  /** Comments placed on a line of their own. */
  private readonly ownLine = new Set<number>();
  /**
   * The last item, when it is a trailing line comment (or a line aligned under one): its column
   * in the input and in the output, so the comment's continuation lines stay under it.
   */
  private trailer: { item: number; from: number; to: number } | undefined;

  constructor(
    private readonly input: LayoutInput,
    private readonly items: readonly Item[],
    private readonly structure: Structure,
  ) {
    this.eol = detectEol(input.text);
  }

  print(): string {
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items[i]!;
      const sep = i === 0 ? NONE : item.comment ? this.commentSep(i) : this.tokenSep(i);
      this.emitSep(sep);
      if (item.comment) {
        if (sep.nl || i === 0) this.ownLine.add(i);
        const from = this.columnIn(item.start);
        const to = this.column;
        this.emitComment(item);
        const aligned = sep.nl && sep.align !== undefined;
        this.trailer = !item.comment.block && from !== undefined && (aligned || !sep.nl) ? { item: i, from, to } : undefined;
      } else {
        this.trailer = undefined;
        this.emitText(item.token!.text);
        this.afterToken(i);
      }
    }
    return this.out.length === 0 ? '' : this.out.join('') + this.eol;
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  /** The indent a line gets when it starts at this point, inside the frame at `k`. */
  private indentAt(k = this.frames.length - 1): number {
    const f = this.frames[k]!;
    switch (f.type) {
      case 'file':
      case 'block':
        return f.atStart ? f.inner : f.inner + 1;
      case 'bracket':
        if (!f.multiline) return this.indentAt(k - 1);
        return f.atStart ? f.inner : f.inner + 1;
      case 'agg':
      case 'aggList':
        return f.inner;
      default:
        return this.indentAt(k - 1);
    }
  }

  private isOpener(i: number): boolean {
    return this.structure.openType.has(i);
  }

  private isCloser(i: number): boolean {
    const s = sym(this.items[i]);
    return s === '}' || s === ']' || s === ')' || s === '>';
  }

  /**
   * Blank lines survive (one at most) except at the start or end of a body. A blank line between
   * a `{` and a comment stays: it decides whether protoc reads the comment as the body's trailing
   * comment or as a detached one.
   */
  private blank(i: number): boolean {
    const item = this.items[i]!;
    return item.breaks >= 2 && (!this.isOpener(i - 1) || item.comment !== undefined) && !this.isCloser(i);
  }

  private nl(i: number, indent: number): Sep {
    return { nl: true, indent, blank: this.blank(i) };
  }

  private commentSep(i: number): Sep {
    const item = this.items[i]!;
    const t = this.trailer;
    if (t && t.item === i - 1 && item.breaks === 1 && !item.comment!.block && this.columnIn(item.start) === t.from && /^ *$/.test(this.input.indent)) {
      // `int32 a = 1;  // starts here\n               // and goes on` keeps its column.
      return { nl: true, indent: this.indentAt(), blank: false, align: t.to };
    }
    if (item.breaks > 0) return this.nl(i, this.indentAt());
    return !item.spaced && this.isOpener(i - 1) ? NONE : SPACE;
  }

  private tokenSep(i: number): Sep {
    const item = this.items[i]!;
    const b = sym(item);
    const natural = this.naturalSep(i);
    const prev = this.items[i - 1]!;
    if (!prev.comment) return natural;
    // A comment ending its line keeps the line break after it.
    if (item.breaks > 0) {
      if (natural.nl) return natural;
      // A body's `{` pushed down by a comment lines up with its declaration.
      const f = this.top;
      if (this.structure.openType.get(i) === 'block' && (f.type === 'block' || f.type === 'file')) return this.nl(i, f.inner);
      return this.nl(i, this.indentAt());
    }
    // A block comment and the token after it stay on one line: moving the token down would turn
    // the comment into the trailing comment of whatever precedes it.
    if (natural.nl) return SPACE;
    if (natural === NONE && (b === ';' || b === ',' || this.isCloser(i))) return NONE;
    return item.spaced ? SPACE : natural;
  }

  /** The separator before a token as if no comment stood before it. */
  private naturalSep(i: number): Sep {
    const item = this.items[i]!;
    const f = this.top;
    const a = this.items[this.prevTok];
    const b = item.token!;
    if (this.isCloser(i)) {
      switch (f.type) {
        case 'block':
          return this.prevTok === f.opener && i - 1 === f.opener ? NONE : this.nl(i, f.outer);
        case 'bracket':
          return f.multiline ? this.nl(i, f.outer) : NONE;
        case 'agg':
        case 'aggList':
          if (item.breaks > 0) return this.nl(i, f.outer);
          return b.text === ']' || !item.spaced ? NONE : SPACE;
        default:
          return NONE;
      }
    }
    switch (f.type) {
      case 'file':
      case 'block':
        if (f.atStart) {
          // `};` closes a body with a stray semicolon; keep it on the brace's line.
          if (b.text === ';' && b.kind === 'symbol' && this.prevTok === i - 1 && this.lastClosedBlock === i - 1) return NONE;
          return this.nl(i, f.inner);
        }
        return this.concatBreak(i) ?? this.spaceSep(a, b, item);
      case 'bracket':
        if (f.multiline && f.atStart) return this.nl(i, f.inner);
        return this.concatBreak(i) ?? this.spaceSep(a, b, item);
      case 'agg':
      case 'aggList':
        if (item.breaks > 0) return this.nl(i, a?.token?.kind === 'string' && b.kind === 'string' ? f.inner + 1 : f.inner);
        return aggSpace(a?.token, b, item.spaced);
      default:
        return this.spaceSep(a, b, item);
    }
  }

  /**
   * Adjacent strings written on separate lines stay on separate lines, and the first of them
   * moves to a line of its own, so the pieces line up.
   */
  private concatBreak(i: number): Sep | undefined {
    const item = this.items[i]!;
    const b = item.token!;
    if (b.kind !== 'string') return undefined;
    const a = this.items[this.prevTok]?.token;
    if (a?.kind === 'string') return item.breaks > 0 ? this.nl(i, this.indentAt()) : undefined;
    let breaks = 0;
    for (let j = i + 1; j < this.items.length; j++) {
      const next = this.items[j]!;
      breaks += next.breaks;
      if (next.token) return next.token.kind === 'string' && breaks > 0 ? this.nl(i, this.indentAt()) : undefined;
    }
    return undefined;
  }

  /** The column of an offset in the input, or undefined when tabs make columns ambiguous. */
  private columnIn(offset: number): number | undefined {
    const src = this.input.text;
    let start = offset;
    while (start > 0 && src[start - 1] !== '\n' && src[start - 1] !== '\r') start--;
    const prefix = src.slice(start, offset);
    return prefix.includes('\t') ? undefined : prefix.length;
  }

  private spaceSep(aItem: Item | undefined, b: Token, item: Item): Sep {
    const a = aItem?.token;
    if (!a) return NONE;
    const as = a.kind === 'symbol' ? a.text : undefined;
    const bs = b.kind === 'symbol' ? b.text : undefined;
    if (bs === ';' || bs === ',' || bs === ')' || bs === ']' || bs === '>') return NONE;
    if (as === '(' || as === '[' || as === '<' || as === '.' || as === '-' || as === '+') return NONE;
    if (bs === '<') return NONE;
    if (bs === '(') {
      // `rpc Foo(Req)` but `returns (Resp)` and `option (ext)`.
      const before = this.items[this.prevPrevTok]?.token;
      return a.kind === 'ident' && before?.kind === 'ident' && before.text === 'rpc' ? NONE : SPACE;
    }
    if (bs === '.') {
      // `(ext).field` and `a.b`, but the leading dot of `repeated .pkg.Type`.
      if (as === ')') return NONE;
      if (a.kind === 'ident') return item.spaced && BEFORE_TYPE.has(a.text) ? SPACE : NONE;
    }
    return SPACE;
  }

  private afterToken(i: number): void {
    const tok = this.items[i]!.token!;
    const f = this.top;
    const type = this.structure.openType.get(i);
    if (type !== undefined) {
      const parentIsBody = f.type === 'block' || f.type === 'file';
      const outer = (type === 'block' || type === 'bracket') && parentIsBody ? f.inner : this.lineIndent;
      if (f.type === 'block' || f.type === 'file' || f.type === 'bracket') f.atStart = false;
      this.frames.push({
        type,
        outer,
        inner: outer + 1,
        multiline: type === 'bracket' && this.structure.multiline.has(i),
        atStart: true,
        opener: i,
      });
    } else if (this.isCloser(i)) {
      const closed = this.frames.pop()!;
      if (closed.type === 'block') {
        this.top.atStart = true;
        this.lastClosedBlock = i;
      }
    } else if (tok.kind === 'symbol' && tok.text === ';' && (f.type === 'block' || f.type === 'file')) {
      f.atStart = true;
    } else if (tok.kind === 'symbol' && tok.text === ',' && f.type === 'bracket') {
      f.atStart = true;
    } else if (f.type === 'block' || f.type === 'file' || f.type === 'bracket') {
      f.atStart = false;
    }
    this.prevPrevTok = this.prevTok;
    this.prevTok = i;
  }

  private emitSep(sep: Sep): void {
    if (!sep.nl) {
      this.out.push(sep.text);
      this.column += sep.text.length;
      return;
    }
    const pad = sep.align !== undefined ? ' '.repeat(sep.align) : this.input.indent.repeat(sep.indent);
    this.out.push(sep.blank ? this.eol + this.eol : this.eol, pad);
    this.lineIndent = sep.indent;
    this.column = pad.length;
  }

  private emitText(text: string): void {
    this.out.push(text);
    this.column += text.length;
  }

  /**
   * Writes a comment with its trailing white space trimmed. The lines after the first of a block
   * comment move by as many columns as its first line moved, so a ` * ` column stays aligned.
   */
  private emitComment(item: Item): void {
    const src = this.input.text;
    const lines = src.slice(item.start, item.end).split(/\r\n|\r|\n/);
    let lineStart = item.start;
    while (lineStart > 0 && src[lineStart - 1] !== '\n' && src[lineStart - 1] !== '\r') lineStart--;
    const prefix = src.slice(lineStart, item.start);
    const delta = this.column - prefix.length;
    const canShift = !prefix.includes('\t') && lines.slice(1).every((l) => !/^ *\t/.test(l));
    const shifted = lines.map((line, n) => {
      let l = line.replace(/[ \t\f\v]+$/, '');
      if (n === 0 || !canShift || l === '') return l;
      if (delta > 0) l = ' '.repeat(delta) + l;
      else if (delta < 0) l = l.slice(Math.min(-delta, /^ */.exec(l)![0].length));
      return l;
    });
    const text = shifted.join(this.eol);
    this.out.push(text);
    const lastBreak = text.lastIndexOf(this.eol);
    this.column = lastBreak < 0 ? this.column + text.length : text.length - lastBreak - this.eol.length;
  }
}

/** Space inside a text-format aggregate: normalise around `:` and separators, else keep what was written. */
function aggSpace(a: Token | undefined, b: Token, spaced: boolean): Sep {
  const as = a?.kind === 'symbol' ? a.text : undefined;
  const bs = b.kind === 'symbol' ? b.text : undefined;
  if (bs === ':' || bs === ',' || bs === ';' || bs === ']') return NONE;
  if (as === '[') return NONE;
  if (as === ':' || as === ',' || as === ';') return SPACE;
  if (bs === '{' || bs === '<') return SPACE;
  return spaced ? SPACE : NONE;
}

/** The line break the document already uses, so formatting never mixes styles. */
function detectEol(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}
