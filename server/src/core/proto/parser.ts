/**
 * The Protobuf parser: hand-written recursive descent over the lexer's tokens, accepting proto2,
 * proto3 and editions alike (what is legal for a file's syntax is checked later, not here).
 *
 * It never gives up. After an error it reports one diagnostic on the token that is wrong (or
 * right after the previous token, when what is missing belongs at the end of a line) and skips
 * ahead to a point where parsing can resume: the next `;` at the same nesting level, the `}`
 * that closes the current block, or a token at the start of a line that can begin a
 * declaration. Everything that did parse stays in the tree, so the editor keeps working on a
 * file that is half typed. Each loop consumes a token or ends, so any input terminates.
 *
 * One mistake should be one diagnostic, so where the grammar alone cannot tell what was meant,
 * the layout decides: lines indented under a broken declaration belong to it, a body indented
 * under a header without `{` is still its body, and a declaration that cannot be inside the
 * current block (`message M {` inside an enum) shows where its `}` was forgotten.
 *
 * Keywords are contextual, as in protoc: `message`, `option`, `to`, `max`, ... are also valid
 * names, so the parser decides by looking one or two tokens ahead.
 */
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';
import type {
  Comment,
  Constant,
  Docs,
  EmptyDecl,
  EnumDecl,
  EnumElement,
  EnumValueDecl,
  ExtendDecl,
  ExtensionsDecl,
  FieldDecl,
  GroupDecl,
  ImportDecl,
  IntLiteral,
  Label,
  MapFieldDecl,
  MessageDecl,
  MessageElement,
  Name,
  NumberRange,
  OneofDecl,
  OneofElement,
  OptionDecl,
  OptionName,
  OptionNamePart,
  PackageDecl,
  ParseResult,
  ReservedDecl,
  RpcDecl,
  ServiceDecl,
  SyntaxDecl,
  TopLevelDecl,
  TypeRef,
} from './ast';
import { DocComments, NO_DOCS } from './docs';
import { lex, type Token } from './lexer';

export interface ParseOptions {
  /**
   * Attach doc comments to declarations (the default). Batch work that never shows them (the
   * CLI's checks, breaking-change images) skips the work and the strings.
   */
  readonly docs?: boolean;
  /**
   * Keep the file's comments in `ast.comments` (the default). Batch work that reads neither them
   * nor doc comments leaves the list empty: googleapis has a comment every few tokens.
   */
  readonly comments?: boolean;
}

export function parseProto(text: string, options: ParseOptions = {}): ParseResult {
  const withDocs = options.docs !== false;
  const lexed = lex(text, { comments: withDocs || options.comments !== false });
  const parser = new Parser(text, lexed.tokens, lexed.comments, lexed.diagnostics, withDocs);
  const body = parser.parseFile();
  const diagnostics = parser.diagnostics;
  // In file order: an unclosed block is only known at the end, but its diagnostic sits at its `{`.
  if (diagnostics.length > 1) diagnostics.sort((a, b) => a.span.start - b.span.start);
  // Tokens are most of a parse's memory and only the open file's features need them, so they
  // are not kept: the first reader lexes the text again, which is cheap.
  let tokens: readonly Token[] | undefined;
  return {
    ast: { kind: 'file', body, span: { start: 0, end: text.length }, comments: lexed.comments },
    get tokens() {
      return (tokens ??= lex(text).tokens);
    },
    diagnostics,
  };
}

/** Where the parser is; it decides which tokens may start a declaration when resynchronising. */
const enum Ctx {
  Top,
  Message,
  Oneof,
  Extend,
  Enum,
  Service,
  Rpc,
}

const TOP_KEYWORDS = new Set([
  'syntax',
  'edition',
  'package',
  'import',
  'option',
  'message',
  'enum',
  'service',
  'extend',
  'export',
  'local',
]);

/** Line-initial keywords that end an unclosed `{ ... }` option value: text format never has `keyword name`. */
const AGGREGATE_BREAKERS = new Set([
  'message',
  'enum',
  'service',
  'extend',
  'import',
  'package',
  'syntax',
  'edition',
  'option',
  'rpc',
]);

/** Deeper bodies are skipped with a diagnostic, so hostile input cannot exhaust the stack (protoc stops at 32). */
const MAX_NESTING = 100;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_SPAN: Span = { start: 0, end: 0 };
/**
 * Most declarations have no compact options; they share one empty list. Not frozen: every check
 * loops over options, and a frozen array among the plain ones makes V8 give up its fast loop over
 * arrays there and allocate an iterator result per element (400 MB on googleapis `breaking`).
 * `readonly` keeps it empty.
 */
const NO_OPTIONS: readonly OptionDecl[] = [];
/** Stands in for the comment attacher when docs are not wanted. */
const NO_DOC_COMMENTS: Pick<DocComments, 'docs'> = { docs: () => NO_DOCS };

class Parser {
  readonly diagnostics: Diagnostic[];
  private readonly errorStarts = new Set<number>();
  private readonly docs: Pick<DocComments, 'docs'>;
  private readonly last: number;
  private pos = 0;
  private nesting = 0;
  /** One unclosed block at the end of the file is one mistake, however many blocks it leaves open. */
  private unclosedReported = false;
  private nestingReported = false;
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly toks: readonly Token[],
    comments: readonly Comment[],
    lexDiagnostics: readonly Diagnostic[],
    withDocs: boolean,
  ) {
    // The lexer may flag one token twice (e.g. `09x`); a place gets one diagnostic, the first.
    this.diagnostics = [];
    for (const d of lexDiagnostics) {
      if (this.errorStarts.has(d.span.start)) continue;
      // A byte order mark opening the file is not a character of the schema (protoc skips it too).
      if (d.span.start === 0 && d.span.end === 1 && text.charCodeAt(0) === 0xfeff) continue;
      this.errorStarts.add(d.span.start);
      this.diagnostics.push(d);
    }
    this.docs = withDocs ? new DocComments(text, toks, comments) : NO_DOC_COMMENTS;
    this.last = toks.length - 1;
  }

  // ---------------------------------------------------------------- tokens

  private get cur(): Token {
    return this.toks[this.pos]!;
  }

  private peek(k: number): Token {
    const i = this.pos + k;
    return this.toks[i < this.last ? i : this.last]!;
  }

  private advance(): Token {
    const t = this.toks[this.pos]!;
    if (this.pos < this.last) this.pos++;
    return t;
  }

  private at(symbol: string): boolean {
    const t = this.toks[this.pos]!;
    return t.kind === 'symbol' && t.text === symbol;
  }

  private eat(symbol: string): Token | undefined {
    return this.at(symbol) ? this.advance() : undefined;
  }

  private atWord(word: string): boolean {
    const t = this.toks[this.pos]!;
    return t.kind === 'ident' && t.text === word;
  }

  /** The end of the last consumed token. */
  private prevEnd(): number {
    return this.pos > 0 ? this.toks[this.pos - 1]!.span.end : 0;
  }

  private startOf(index: number): number {
    return this.toks[index]!.span.start;
  }

  // ---------------------------------------------------------------- diagnostics

  private error(code: string, message: string, span: Span, fixes?: readonly Fix[]): void {
    if (this.errorStarts.has(span.start)) return;
    this.errorStarts.add(span.start);
    this.diagnostics.push(diagnostic(code, 'error', message, span, fixes ? { fixes } : undefined));
  }

  /**
   * Reports that the current token is not what the grammar needs here. When that token starts
   * another line, the thing is missing at the end of this one, so that is where the diagnostic goes.
   */
  private expected(code: string, what: string): void {
    const t = this.cur;
    if (t.newlineBefore || t.kind === 'eof') {
      const at = this.prevEnd();
      this.error(code, `expected ${what}`, { start: at, end: at });
    } else {
      this.error(code, `expected ${what}`, t.span);
    }
  }

  private unexpected(what: string): void {
    const t = this.cur;
    this.error('syntax/unexpected-token', `unexpected ${describe(t)}: expected ${what}`, t.span);
  }

  private missingSemicolon(what: string, ctx: Ctx, first: number): void {
    const t = this.cur;
    // An unclosed string ran to the end of its line, taking the `;` with it: it is already reported.
    if (this.pos > 0 && isUnclosedString(this.toks[this.pos - 1]!)) return;
    if (t.newlineBefore || t.kind === 'eof' || (t.kind === 'symbol' && t.text === '}')) {
      // The declaration looks complete and the next one starts on its own line: only the `;` is missing.
      const at = this.prevEnd();
      const span = { start: at, end: at };
      this.error('syntax/missing-semicolon', `expected \`;\` after ${what}`, span, [
        { title: 'Insert `;`', edits: [{ span, newText: ';' }], preferred: true },
      ]);
      return;
    }
    this.unexpected(`\`;\` after ${what}`);
    this.recover(ctx, first);
  }

  /**
   * Skips the rest of a broken declaration, whose first token is `tokens[first]`: up to and
   * including the next `;` at this nesting level, up to (not including) the `}` that closes the
   * current block, past a balanced `{ ... }`, or up to a token at the start of a line that can
   * begin a declaration here.
   *
   * Lines indented deeper than the declaration belong to it: when its header is broken (say
   * `messa` typed over `message M {`), its indented body and the `}` under the header go too,
   * instead of surfacing as a cascade of misplaced fields and a stray `}`.
   */
  private recover(ctx: Ctx, first: number): void {
    const column = this.column(this.startOf(first));
    let indentedBody = false;
    for (let i = first + 1; i < this.pos && !indentedBody; i++) {
      const t = this.toks[i]!;
      indentedBody = t.newlineBefore && this.column(t.span.start) > column;
    }
    let braces = 0;
    let parens = 0;
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') return;
      if (t.newlineBefore && braces === 0 && parens === 0) {
        const c = this.column(t.span.start);
        if (c > column) {
          indentedBody = true;
        } else if (indentedBody) {
          if (c === column && isSymbol(t, '}')) this.advance();
          return;
        } else if (startsDeclaration(ctx, t)) {
          return;
        }
      }
      if (t.kind === 'symbol') {
        switch (t.text) {
          case ';':
            if (braces === 0 && parens === 0 && !indentedBody) {
              this.advance();
              return;
            }
            break;
          case '{':
            braces++;
            break;
          case '}':
            if (braces === 0) {
              if (!indentedBody) return;
              break;
            }
            braces--;
            if (braces === 0 && !indentedBody) {
              this.advance();
              if (parens === 0) return;
              continue;
            }
            break;
          case '(':
          case '[':
            parens++;
            break;
          case ')':
          case ']':
            if (parens > 0) parens--;
            break;
        }
      }
      this.advance();
    }
  }

  /**
   * Skips a declaration whose first token is already wrong. A word is consumed first: it may be
   * one that can start a declaration (`export` without `message`), where `recover` would stop at once.
   */
  private skipUnexpected(ctx: Ctx): void {
    const first = this.pos;
    if (this.cur.kind === 'ident') this.advance();
    this.recover(ctx, first);
  }

  // ---------------------------------------------------------------- node endings

  /** Ends a `;`-terminated declaration: sets its span, and its docs with the trailing comment after the `;`. */
  private finish<N extends { span: Span; docs: Docs }>(node: N, first: number, what: string, ctx: Ctx): N {
    if (this.at(';')) {
      const semi = this.pos;
      node.span = { start: this.startOf(first), end: this.advance().span.end };
      node.docs = this.docs.docs(first, semi);
      return node;
    }
    node.span = { start: this.startOf(first), end: this.prevEnd() };
    node.docs = this.docs.docs(first, -1);
    this.missingSemicolon(what, ctx, first);
    return node;
  }

  /** Gives up on a declaration after its error was reported: it keeps what parsed, the rest is skipped. */
  private abandon(first: number, ctx: Ctx): { span: Span; docs: Docs } {
    const span = { start: this.startOf(first), end: Math.max(this.prevEnd(), this.startOf(first)) };
    const docs = this.docs.docs(first, -1);
    this.recover(ctx, first);
    return { span, docs };
  }

  // ---------------------------------------------------------------- file

  parseFile(): TopLevelDecl[] {
    const body: TopLevelDecl[] = [];
    while (this.cur.kind !== 'eof') {
      const start = this.pos;
      const decl = this.parseTopLevel();
      if (decl) body.push(decl);
      if (this.pos === start) this.advance();
    }
    return body;
  }

  private parseTopLevel(): TopLevelDecl | undefined {
    const t = this.cur;
    if (t.kind === 'symbol') {
      if (t.text === ';') return this.parseEmpty();
      if (t.text === '}') {
        this.error('syntax/unexpected-token', 'unexpected `}`: no block is open here, remove it', t.span);
        this.advance();
        return undefined;
      }
    } else if (t.kind === 'ident') {
      switch (t.text) {
        case 'syntax':
        case 'edition':
          return this.parseSyntax();
        case 'package':
          return this.parsePackage();
        case 'import':
          return this.parseImport();
        case 'option':
          return this.parseOptionStatement(Ctx.Top);
        case 'message':
          return this.parseMessage(this.pos, Ctx.Top);
        case 'enum':
          return this.parseEnum(this.pos, Ctx.Top);
        case 'service':
          return this.parseService();
        case 'extend':
          return this.parseExtend(Ctx.Top);
        case 'export':
        case 'local': {
          const decl = this.parseVisibility(Ctx.Top);
          if (decl) return decl;
          break;
        }
      }
    }
    this.unexpected('a declaration such as `message`, `enum`, `service`, `import` or `option`');
    this.skipUnexpected(Ctx.Top);
    return undefined;
  }

  /** Editions 2024 `export`/`local` before a message or enum: accepted, and kept only in the span. */
  private parseVisibility(ctx: Ctx): MessageDecl | EnumDecl | undefined {
    const next = this.peek(1);
    if (next.kind !== 'ident' || isSymbol(this.peek(2), '=')) return undefined;
    const first = this.pos;
    if (next.text === 'message') {
      this.advance();
      return this.parseMessage(first, ctx);
    }
    if (next.text === 'enum') {
      this.advance();
      return this.parseEnum(first, ctx);
    }
    return undefined;
  }

  private parseEmpty(): EmptyDecl {
    return { kind: 'empty', span: this.advance().span, docs: NO_DOCS };
  }

  private parseSyntax(): SyntaxDecl {
    const first = this.pos;
    const kw = this.advance();
    const keyword = kw.text === 'edition' ? 'edition' : 'syntax';
    const node: Mutable<SyntaxDecl> = { kind: 'syntax', keyword, keywordSpan: kw.span, span: NO_SPAN, docs: NO_DOCS };
    if (!this.eat('=')) {
      this.expected('syntax/unexpected-token', `\`=\` after \`${keyword}\``);
      return Object.assign(node, this.abandon(first, Ctx.Top));
    }
    const value = this.cur;
    if (value.kind !== 'string') {
      this.expected(
        'syntax/unexpected-token',
        keyword === 'edition' ? 'the edition as a string, such as "2023"' : 'the syntax as a string: "proto2" or "proto3"',
      );
      return Object.assign(node, this.abandon(first, Ctx.Top));
    }
    this.advance();
    node.value = value.value ?? '';
    node.valueSpan = value.span;
    return this.finish(node, first, `the ${keyword} declaration`, Ctx.Top);
  }

  private parsePackage(): PackageDecl {
    const first = this.pos;
    this.advance();
    const name = this.parseDottedName(false);
    if (!name) {
      this.expected('syntax/missing-name', 'a package name after `package`');
      return { kind: 'package', ...this.abandon(first, Ctx.Top) };
    }
    return this.finish<Mutable<PackageDecl>>({ kind: 'package', name, span: NO_SPAN, docs: NO_DOCS }, first, 'the package declaration', Ctx.Top);
  }

  private parseImport(): ImportDecl {
    const first = this.pos;
    this.advance();
    const node: Mutable<ImportDecl> = { kind: 'import', span: NO_SPAN, docs: NO_DOCS };
    const m = this.cur;
    if (m.kind === 'ident' && isModifier(m.text)) {
      this.advance();
      node.modifier = { value: m.text, span: m.span };
    }
    const path = this.cur;
    if (path.kind !== 'string') {
      this.expected('syntax/unexpected-token', 'the imported file as a string, such as "google/protobuf/timestamp.proto"');
      return Object.assign(node, this.abandon(first, Ctx.Top));
    }
    this.advance();
    node.path = path.value ?? '';
    node.pathSpan = path.span;
    return this.finish(node, first, 'the import', Ctx.Top);
  }

  // ---------------------------------------------------------------- options and values

  private parseOptionStatement(ctx: Ctx): OptionDecl | undefined {
    const first = this.pos;
    this.advance();
    const name = this.parseOptionName();
    if (!name) {
      this.recover(ctx, first);
      return undefined;
    }
    const node: Mutable<OptionDecl> = { kind: 'option', name, span: NO_SPAN, docs: NO_DOCS };
    if (!this.eat('=')) {
      this.expected('syntax/unexpected-token', '`=` and a value after the option name');
      return Object.assign(node, this.abandon(first, ctx));
    }
    const value = this.parseConstant();
    if (!value) return Object.assign(node, this.abandon(first, ctx));
    node.value = value;
    return this.finish(node, first, 'the option', ctx);
  }

  /** `a.b`, `(ext.name).sub`, `(.full.ext)`. Reports its own error and returns undefined when broken. */
  private parseOptionName(): OptionName | undefined {
    const start = this.cur.span.start;
    const parts: OptionNamePart[] = [];
    for (;;) {
      const t = this.cur;
      if (t.kind === 'symbol' && t.text === '(') {
        this.advance();
        const inner = this.parseDottedName(true);
        if (!inner) {
          this.expected('syntax/unexpected-token', 'an extension name after `(`');
          return undefined;
        }
        if (!this.eat(')')) {
          this.expected('syntax/unexpected-token', '`)` after the extension name');
          return undefined;
        }
        // The part's span is the name inside the parentheses, so renames and references hit the name only.
        parts.push({ text: inner.text, extension: true, span: inner.span });
      } else if (t.kind === 'ident') {
        this.advance();
        parts.push({ text: t.text, extension: false, span: t.span });
      } else {
        this.expected('syntax/unexpected-token', parts.length > 0 ? 'an option name after `.`' : 'an option name');
        return undefined;
      }
      if (!this.at('.')) break;
      this.advance();
    }
    return { parts, span: { start, end: this.prevEnd() } };
  }

  /** An option value. Reports its own error and returns undefined when there is none. */
  private parseConstant(): Constant | undefined {
    const t = this.cur;
    switch (t.kind) {
      case 'string':
        return this.parseStrings();
      case 'int':
        this.advance();
        return { kind: 'int', value: intValue(t.text), text: t.text, span: t.span };
      case 'float':
        this.advance();
        return { kind: 'float', value: parseFloat(t.text), text: t.text, span: t.span };
      case 'ident':
        if (isSymbol(this.peek(1), ':')) {
          // `name: value` is text format: the `{` before it is missing.
          this.expected('syntax/missing-brace', '`{` before the message value');
          return this.parseAggregate({ start: t.span.start, end: t.span.start });
        }
        this.advance();
        if (t.text === 'true' || t.text === 'false') {
          return { kind: 'bool', value: t.text === 'true', text: t.text, span: t.span };
        }
        return { kind: 'ident', value: t.text, text: t.text, span: t.span };
      case 'symbol':
        if (t.text === '-' || t.text === '+') return this.parseSigned();
        if (t.text === '{') return this.parseAggregate(this.advance().span);
        break;
    }
    this.expected('syntax/unexpected-token', 'a value: a number, a string, an identifier or `{ ... }`');
    return undefined;
  }

  private parseSigned(): Constant | undefined {
    const sign = this.advance();
    const t = this.cur;
    const negative = sign.text === '-';
    const span = { start: sign.span.start, end: t.span.end };
    if (t.kind === 'int') {
      this.advance();
      const v = intValue(t.text);
      return { kind: 'int', value: negative ? -v : v, text: sign.text + t.text, span };
    }
    if (t.kind === 'float') {
      this.advance();
      const v = parseFloat(t.text);
      return { kind: 'float', value: negative ? -v : v, text: sign.text + t.text, span };
    }
    if (t.kind === 'ident') {
      const lower = t.text.toLowerCase();
      if (lower === 'inf' || lower === 'infinity' || lower === 'nan') {
        this.advance();
        const v = lower === 'nan' ? NaN : Infinity;
        return { kind: 'float', value: negative ? -v : v, text: sign.text + t.text, span };
      }
    }
    this.expected('syntax/unexpected-token', `a number after \`${sign.text}\``);
    return undefined;
  }

  /** Adjacent string literals are one value, as in C. */
  private parseStrings(): Constant {
    const first = this.advance();
    let value = first.value ?? '';
    let end = first.span.end;
    while (this.cur.kind === 'string') {
      const s = this.advance();
      value += s.value ?? '';
      end = s.span.end;
    }
    const span = { start: first.span.start, end };
    return { kind: 'string', value, text: this.text.slice(span.start, end), span };
  }

  /**
   * A text-format message literal `{ ... }`, kept as raw text: the option checker parses it once
   * it knows the option's type. Brackets are matched here only to find where it ends.
   */
  private parseAggregate(open: Span): Constant | undefined {
    // The closers the open brackets wait for, innermost last, with a count per kind so that a
    // closer nobody waits for is found out without a search.
    const closers: string[] = ['}'];
    const waiting: Record<string, number> = { '}': 1, ']': 0, '>': 0 };
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') {
        this.reportUnclosed(open, 'the `{ ... }` value');
        return undefined;
      }
      if (t.kind === 'symbol') {
        const c = t.text;
        const closer = c === '{' ? '}' : c === '[' ? ']' : c === '<' ? '>' : undefined;
        if (closer !== undefined) {
          closers.push(closer);
          waiting[closer]!++;
        } else if (c === '}' || c === ']' || c === '>') {
          if (waiting[c] === 0) {
            if (c === ']') {
              // A `]` that opens nothing here closes the `[...]` around the value: its `}` is missing.
              const at = this.prevEnd();
              this.error('syntax/missing-brace', 'expected `}` to close the `{ ... }` value', { start: at, end: at });
              return undefined;
            }
          } else {
            // Close up to the matching bracket; brackets left open inside are the text format's problem.
            let top: string;
            do {
              top = closers.pop()!;
              waiting[top]!--;
            } while (top !== c);
            if (closers.length === 0) {
              this.advance();
              const span = { start: open.start, end: t.span.end };
              return { kind: 'aggregate', text: this.text.slice(span.start, span.end), span };
            }
          }
        }
      } else if (t.newlineBefore && t.kind === 'ident' && AGGREGATE_BREAKERS.has(t.text)) {
        const n = this.peek(1);
        if (n.kind === 'ident' || (t.text === 'option' && isSymbol(n, '('))) {
          this.error('syntax/missing-brace', 'expected `}` to close the `{ ... }` value', open);
          return undefined;
        }
      }
      this.advance();
    }
  }

  /**
   * `[name = value, ...]` after a field, enum value or extension range. After an error inside,
   * it resumes after the closing `]` when there is one, so the declaration itself survives;
   * undefined when there is none (the error is reported).
   */
  private parseCompactOptions(out: OptionDecl[]): Span | undefined {
    let open: number;
    if (this.at('[')) {
      open = this.advance().span.start;
    } else {
      this.expected('syntax/missing-bracket', '`[` before the options');
      open = this.cur.span.start;
    }
    for (;;) {
      const start = this.cur.span.start;
      const name = this.parseOptionName();
      if (!name) return this.skipToBracket(open);
      if (!this.eat('=')) {
        this.expected('syntax/unexpected-token', '`=` and a value after the option name');
        return this.skipToBracket(open);
      }
      const value = this.parseConstant();
      if (!value) return this.skipToBracket(open);
      out.push({ kind: 'option', name, value, span: { start, end: this.prevEnd() }, docs: NO_DOCS });
      if (this.eat(',')) continue;
      if (this.at(']')) return { start: open, end: this.advance().span.end };
      this.expected('syntax/unexpected-token', '`,` or `]` after the option value');
      return this.skipToBracket(open);
    }
  }

  /**
   * Options without their `[` after a number: `(` cannot follow it otherwise, and in a message a
   * line cannot start with `name =` or `a.b =` either (an enum value can).
   */
  private atOptionsWithoutBracket(namedToo: boolean): boolean {
    const t = this.cur;
    if (isSymbol(t, '(')) return true;
    if (!namedToo || !t.newlineBefore || t.kind !== 'ident') return false;
    let k = 1;
    while (k < 32 && isSymbol(this.peek(k), '.') && this.peek(k + 1).kind === 'ident') k += 2;
    return isSymbol(this.peek(k), '=');
  }

  /** Skips past the `]` that closes the options opened at `open`, unless a `;` or the block's `}` comes first. */
  private skipToBracket(open: number): Span | undefined {
    let depth = 0;
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') return undefined;
      if (t.kind === 'symbol') {
        switch (t.text) {
          case '[':
          case '(':
          case '{':
            depth++;
            break;
          case ']':
            if (depth === 0) return { start: open, end: this.advance().span.end };
            depth--;
            break;
          case ')':
            if (depth > 0) depth--;
            break;
          case '}':
            if (depth === 0) return undefined;
            depth--;
            break;
          case ';':
            if (depth === 0) return undefined;
            break;
        }
      }
      this.advance();
    }
  }

  // ---------------------------------------------------------------- names and numbers

  /** `a`, `a.b.c`, and with `leadingDot` also `.a.b`. Undefined, with nothing reported, when absent. */
  private parseDottedName(leadingDot: boolean): Name | undefined {
    const first = this.pos;
    const start = this.cur.span.start;
    if (leadingDot && this.at('.') && this.peek(1).kind === 'ident') this.advance();
    if (this.cur.kind !== 'ident') return undefined;
    this.advance();
    while (this.at('.') && this.peek(1).kind === 'ident') {
      this.advance();
      this.advance();
    }
    const end = this.prevEnd();
    if (this.pos - first === 1) return { text: this.toks[first]!.text, span: { start, end } };
    // Written without blanks or comments between its parts, as names nearly always are, the name
    // is its source text: one slice rather than a concatenation per part.
    let contiguous = true;
    for (let i = first + 1; i < this.pos && contiguous; i++) contiguous = this.toks[i]!.span.start === this.toks[i - 1]!.span.end;
    let text = '';
    if (contiguous) text = this.text.slice(start, end);
    else for (let i = first; i < this.pos; i++) text += this.toks[i]!.text;
    return { text, span: { start, end } };
  }

  private parseTypeRef(): TypeRef | undefined {
    const name = this.parseDottedName(true);
    return name ? { kind: 'typeRef', text: name.text, span: name.span } : undefined;
  }

  private parseName(): Name | undefined {
    const t = this.cur;
    if (t.kind !== 'ident') return undefined;
    this.advance();
    return { text: t.text, span: t.span };
  }

  /**
   * The name in a block header. A word on the next line is only the name when `{` follows it:
   * otherwise the name is missing and that word starts the body (`enum` typed on its own line).
   */
  private parseBlockName(): Name | undefined {
    const t = this.cur;
    if (t.newlineBefore && !isSymbol(this.peek(1), '{')) return undefined;
    return this.parseName();
  }

  /** An integer with an optional sign (checks reject signs where they are not allowed). */
  private parseInt(): IntLiteral | undefined {
    const t = this.cur;
    if (t.kind === 'int') {
      this.advance();
      return { kind: 'int', value: intValue(t.text), text: t.text, span: t.span };
    }
    if (t.kind === 'symbol' && (t.text === '-' || t.text === '+') && this.peek(1).kind === 'int') {
      this.advance();
      const n = this.advance();
      const v = intValue(n.text);
      return {
        kind: 'int',
        value: t.text === '-' ? -v : v,
        text: t.text + n.text,
        span: { start: t.span.start, end: n.span.end },
      };
    }
    return undefined;
  }

  /** `5`, `5 to 10`, `5 to max`. Reports its own error. */
  private parseRange(): NumberRange | undefined {
    const start = this.parseInt();
    if (!start) {
      this.expected('syntax/unexpected-token', 'a number');
      return undefined;
    }
    if (!this.atWord('to')) return { start, span: start.span };
    this.advance();
    const t = this.cur;
    if (t.kind === 'ident' && t.text === 'max') {
      this.advance();
      return { start, end: { kind: 'max', span: t.span }, span: { start: start.span.start, end: t.span.end } };
    }
    const end = this.parseInt();
    if (!end) {
      this.expected('syntax/unexpected-token', 'a number or `max` after `to`');
      return undefined;
    }
    return { start, end, span: { start: start.span.start, end: end.span.end } };
  }

  // ---------------------------------------------------------------- blocks

  /**
   * Parses `{ elements }` for a declaration whose header is parsed. When the `{` is missing, the
   * header is either broken (skip to a `{` on the same statement, if any) or complete with only
   * the `{` forgotten, which shows when the next line is indented under the header.
   */
  private parseBlock<T>(
    first: number,
    outer: Ctx,
    inner: Ctx,
    what: string,
    missingBrace: string | undefined,
    element: () => T | undefined,
  ): { body: T[]; span: Span; docs: Docs } {
    let open: Span;
    let openIndex: number;
    if (this.at('{')) {
      openIndex = this.pos;
      open = this.advance().span;
    } else {
      if (missingBrace !== undefined) this.expected('syntax/missing-brace', missingBrace);
      const end = Math.max(this.prevEnd(), this.startOf(first));
      const t = this.cur;
      if (t.newlineBefore && t.kind !== 'eof' && !isSymbol(t, '}') && this.column(t.span.start) > this.column(this.startOf(first))) {
        openIndex = -1;
        open = { start: end, end };
      } else if (this.skipToBrace(outer)) {
        openIndex = this.pos;
        open = this.advance().span;
      } else {
        return { body: [], span: { start: this.startOf(first), end }, docs: this.docs.docs(first, -1) };
      }
    }
    const body: T[] = [];
    let closedByOuter = false;
    if (this.nesting >= MAX_NESTING) {
      if (!this.nestingReported) {
        this.nestingReported = true;
        this.error('syntax/nesting-too-deep', `declarations are nested more than ${MAX_NESTING} levels deep`, open);
      }
      this.skipBalanced();
    } else {
      this.nesting++;
      for (;;) {
        const t = this.cur;
        if (t.kind === 'eof' || (t.kind === 'symbol' && t.text === '}')) break;
        if (t.newlineBefore && this.startsOuterDeclaration(inner)) {
          closedByOuter = true;
          break;
        }
        const before = this.pos;
        const el = element();
        if (el !== undefined) body.push(el);
        if (this.pos === before) this.advance();
      }
      this.nesting--;
    }
    let end: number;
    if (this.at('}')) {
      end = this.advance().span.end;
    } else {
      end = this.prevEnd();
      if (closedByOuter) {
        const at = { start: end, end };
        this.error('syntax/missing-brace', `expected \`}\` to close ${what}`, at, [
          { title: 'Insert `}`', edits: [{ span: at, newText: '\n}' }] },
        ]);
      } else {
        this.reportUnclosed(open, what);
      }
    }
    return { body, span: { start: this.startOf(first), end }, docs: this.docs.docs(first, openIndex) };
  }

  /**
   * True when the current token, at the start of a line, begins a declaration that cannot be in
   * a body of kind `ctx` but can be around it (`message M {` inside an enum, `import "x";` inside
   * a message): the block's `}` was forgotten, and the block ends here.
   */
  private startsOuterDeclaration(ctx: Ctx): boolean {
    const t = this.cur;
    if (t.kind !== 'ident') return false;
    // Declarations that close a block are written on one line; a word alone on its line is more
    // likely a value or field being typed.
    const n = this.peek(1);
    const n2 = this.peek(2);
    if (n.newlineBefore) return false;
    const n2Here = !n2.newlineBefore;
    switch (t.text) {
      case 'syntax':
      case 'edition':
        return isSymbol(n, '=') && n2.kind === 'string';
      case 'import':
        return n.kind === 'string' || (n.kind === 'ident' && isModifier(n.text) && n2.kind === 'string');
      case 'package':
        return n.kind === 'ident' && (isSymbol(n2, ';') || isSymbol(n2, '.'));
      case 'service':
        return n.kind === 'ident' && n2Here && isSymbol(n2, '{');
      case 'message':
      case 'enum':
      case 'oneof':
        return ctx !== Ctx.Message && n.kind === 'ident' && n2Here && isSymbol(n2, '{');
      case 'export':
      case 'local':
        return ctx !== Ctx.Message && n.kind === 'ident' && (n.text === 'message' || n.text === 'enum') && n2Here && n2.kind === 'ident';
      case 'extend':
        return ctx !== Ctx.Message && (n.kind === 'ident' || isSymbol(n, '.')) && !isSymbol(n2, '=');
      case 'extensions':
        return ctx !== Ctx.Message && (n.kind === 'int' || (isSymbol(n, '-') && n2.kind === 'int'));
      case 'reserved':
        return ctx !== Ctx.Message && ctx !== Ctx.Enum && (n.kind === 'int' || n.kind === 'string');
      case 'rpc':
        return ctx === Ctx.Rpc && n.kind === 'ident' && n2Here && isSymbol(n2, '(');
      case 'option':
        return false;
      default:
        // In an enum, `type name =` or `map<` can only be a field of the enclosing message.
        if (ctx !== Ctx.Enum) return false;
        if (t.text === 'map') return isSymbol(n, '<');
        return this.fieldAhead();
    }
  }

  /** Whether the tokens from here read `[label] type name =`, all on one line. */
  private fieldAhead(): boolean {
    const word = (i: number) => {
      const t = this.peek(i);
      return t.kind === 'ident' && (i === 0 || !t.newlineBefore);
    };
    const sym = (i: number, s: string) => isSymbol(this.peek(i), s) && !this.peek(i).newlineBefore;
    let k = 0;
    const label = this.cur.text;
    if (label === 'optional' || label === 'required' || label === 'repeated') k++;
    if (sym(k, '.')) k++;
    if (!word(k)) return false;
    k++;
    while (k < 64 && sym(k, '.') && word(k + 1)) k += 2;
    return word(k) && sym(k + 1, '=');
  }

  /**
   * The column of an offset, in UTF-16 units from the start of its line. Only recovery asks, so
   * the line starts are found on the first question; a scan per question would make a long line
   * full of errors quadratic.
   */
  private column(offset: number): number {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset - starts[lo]!;
  }

  private reportUnclosed(open: Span, what: string): void {
    if (this.unclosedReported) return;
    this.unclosedReported = true;
    this.error('syntax/missing-brace', `expected \`}\` to close ${what} before the end of the file`, open);
  }

  /** After a broken header: true when a `{` follows before the statement visibly ends. */
  private skipToBrace(outer: Ctx): boolean {
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') return false;
      if (t.kind === 'symbol') {
        if (t.text === '{') return true;
        if (t.text === '}') return false;
        if (t.text === ';') {
          this.advance();
          return false;
        }
      } else if (t.newlineBefore && startsDeclaration(outer, t)) {
        return false;
      }
      this.advance();
    }
  }

  /** Skips the rest of a block too deep to parse, up to (not including) its closing `}`. */
  private skipBalanced(): void {
    let depth = 0;
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') return;
      if (t.kind === 'symbol') {
        if (t.text === '{') depth++;
        else if (t.text === '}') {
          if (depth === 0) return;
          depth--;
        }
      }
      this.advance();
    }
  }

  // ---------------------------------------------------------------- messages

  /** `first` is the index of the declaration's first token (`message`, or `export`/`local` before it). */
  private parseMessage(first: number, outer: Ctx): MessageDecl {
    this.advance();
    const name = this.parseBlockName();
    if (!name) this.expected('syntax/missing-name', 'a message name after `message`');
    const block = this.parseBlock(
      first,
      outer,
      Ctx.Message,
      name ? `message \`${name.text}\`` : 'the message',
      name ? '`{` after the message name' : undefined,
      () => this.parseMessageElement(Ctx.Message),
    );
    const node: Mutable<MessageDecl> = { kind: 'message', body: block.body, span: block.span, docs: block.docs };
    if (name) node.name = name;
    return node;
  }

  private parseMessageElement(ctx: Ctx.Message | Ctx.Oneof | Ctx.Extend): MessageElement | undefined {
    const t = this.cur;
    if (t.kind !== 'ident') {
      if (t.kind === 'symbol' && t.text === ';') return this.parseEmpty();
      // A field whose type is fully qualified: `.pkg.Type name = 1;`.
      if (isSymbol(t, '.') && this.peek(1).kind === 'ident') return this.parseField(ctx);
      this.unexpected(
        ctx === Ctx.Message
          ? 'a field, a nested declaration or `}`'
          : ctx === Ctx.Oneof
            ? 'a field, `option` or `}`'
            : 'a field or `}`',
      );
      this.skipUnexpected(ctx);
      return undefined;
    }
    const first = this.pos;
    if (ctx === Ctx.Message) {
      // A keyword followed by `name =` is a field whose type has that name, e.g. `message foo = 1;`.
      const keywordIsType = this.peek(1).kind === 'ident' && isSymbol(this.peek(2), '=');
      switch (t.text) {
        case 'message':
          if (!keywordIsType) return this.parseMessage(first, ctx);
          break;
        case 'enum':
          if (!keywordIsType) return this.parseEnum(first, ctx);
          break;
        case 'extend':
          if (!keywordIsType) return this.parseExtend(ctx);
          break;
        case 'oneof':
          if (!keywordIsType) return this.parseOneof();
          break;
        case 'reserved':
          if (!keywordIsType) return this.parseReserved(ctx);
          break;
        case 'extensions':
          if (!keywordIsType) return this.parseExtensions();
          break;
        case 'option':
          return this.parseOptionStatement(ctx);
        case 'export':
        case 'local': {
          const decl = this.parseVisibility(ctx);
          if (decl) return decl;
          break;
        }
      }
    } else if (ctx === Ctx.Oneof && t.text === 'option') {
      return this.parseOptionStatement(ctx);
    }
    return this.parseField(ctx);
  }

  /** A field, map field or group; `ctx` says where it is, for recovery and for the map check. */
  private parseField(ctx: Ctx.Message | Ctx.Oneof | Ctx.Extend): FieldDecl | MapFieldDecl | GroupDecl | undefined {
    const first = this.pos;
    let label: { value: Label; span: Span } | undefined;
    const l = this.cur;
    if (l.kind === 'ident' && (l.text === 'optional' || l.text === 'required' || l.text === 'repeated')) {
      this.advance();
      label = { value: l.text, span: l.span };
    }
    const t = this.cur;
    if (t.kind === 'ident') {
      if (t.text === 'group') {
        const n = this.peek(1);
        if (n.kind === 'ident' && isUpper(n.text.charCodeAt(0)) && isSymbol(this.peek(2), '=')) {
          return this.parseGroup(first, label, ctx);
        }
      } else if (t.text === 'map' && isSymbol(this.peek(1), '<')) {
        if (label) {
          this.error(
            'syntax/map-not-allowed',
            `map fields cannot have a label: remove \`${label.value}\``,
            label.span,
          );
        } else if (ctx !== Ctx.Message) {
          this.error(
            'syntax/map-not-allowed',
            ctx === Ctx.Oneof
              ? 'map fields are not allowed in a oneof: move the field out of the oneof'
              : 'map fields cannot be extensions: use a repeated message field',
            t.span,
          );
        }
        return this.parseMapField(first, ctx);
      }
    }
    const type = this.parseTypeRef();
    if (!type) {
      this.expected('syntax/unexpected-token', label ? `a field type after \`${label.value}\`` : 'a field type');
      this.recover(ctx, first);
      return undefined;
    }
    const node: Mutable<FieldDecl> = { kind: 'field', type, options: NO_OPTIONS, span: NO_SPAN, docs: NO_DOCS };
    if (label) node.label = label;
    if (!this.parseFieldTail(node)) return Object.assign(node, this.abandon(first, ctx));
    return this.finish(node, first, 'the field declaration', ctx);
  }

  /** `name = number [options]`, shared by fields, map fields and groups. False when broken (reported). */
  private parseFieldTail(node: {
    name?: Name;
    number?: IntLiteral;
    options: readonly OptionDecl[];
    optionsSpan?: Span;
  }): boolean {
    const name = this.parseName();
    if (!name) {
      this.expected('syntax/missing-name', 'a field name');
      return false;
    }
    node.name = name;
    if (!this.eat('=')) {
      this.expected('syntax/missing-field-number', '`=` and a field number after the field name');
      return false;
    }
    const number = this.parseInt();
    if (!number) {
      this.expected('syntax/missing-field-number', 'a field number after `=`');
      return false;
    }
    node.number = number;
    if (this.at('[') || this.atOptionsWithoutBracket(true)) {
      const options: OptionDecl[] = [];
      node.options = options;
      const span = this.parseCompactOptions(options);
      if (!span) return false;
      node.optionsSpan = span;
    }
    return true;
  }

  private parseMapField(first: number, ctx: Ctx): MapFieldDecl {
    const kw = this.advance();
    this.advance(); // `<`
    const node: Mutable<MapFieldDecl> = { kind: 'mapField', typeSpan: kw.span, options: NO_OPTIONS, span: NO_SPAN, docs: NO_DOCS };
    const broken = () => {
      node.typeSpan = { start: kw.span.start, end: this.prevEnd() };
      return Object.assign(node, this.abandon(first, ctx));
    };
    const keyType = this.parseTypeRef();
    if (!keyType) {
      this.expected('syntax/unexpected-token', 'the map key type after `map<`');
      return broken();
    }
    node.keyType = keyType;
    if (!this.eat(',')) {
      this.expected('syntax/unexpected-token', '`,` between the map key type and the value type');
      return broken();
    }
    const valueType = this.parseTypeRef();
    if (!valueType) {
      this.expected('syntax/unexpected-token', 'the map value type');
      return broken();
    }
    node.valueType = valueType;
    if (!this.at('>')) {
      this.expected('syntax/unexpected-token', '`>` after the map value type');
      return broken();
    }
    node.typeSpan = { start: kw.span.start, end: this.advance().span.end };
    if (!this.parseFieldTail(node)) return Object.assign(node, this.abandon(first, ctx));
    return this.finish(node, first, 'the field declaration', ctx);
  }

  private parseGroup(first: number, label: { value: Label; span: Span } | undefined, ctx: Ctx): GroupDecl {
    const kw = this.advance();
    const node: Mutable<GroupDecl> = {
      kind: 'group',
      keywordSpan: kw.span,
      options: NO_OPTIONS,
      body: [],
      span: NO_SPAN,
      docs: NO_DOCS,
    };
    if (label) node.label = label;
    if (!this.parseFieldTail(node)) return Object.assign(node, this.abandon(first, ctx));
    const block = this.parseBlock(
      first,
      ctx,
      Ctx.Message,
      `group \`${node.name?.text ?? ''}\``,
      '`{` to start the group body',
      () => this.parseMessageElement(Ctx.Message),
    );
    node.body = block.body;
    node.span = block.span;
    node.docs = block.docs;
    return node;
  }

  private parseOneof(): OneofDecl {
    const first = this.pos;
    this.advance();
    const name = this.parseBlockName();
    if (!name) this.expected('syntax/missing-name', 'a oneof name after `oneof`');
    const block = this.parseBlock(
      first,
      Ctx.Message,
      Ctx.Oneof,
      name ? `oneof \`${name.text}\`` : 'the oneof',
      name ? '`{` after the oneof name' : undefined,
      () => {
        const el = this.parseMessageElement(Ctx.Oneof);
        // A map field in a oneof was reported; it cannot be represented there.
        return el === undefined || el.kind === 'mapField' ? undefined : (el as OneofElement);
      },
    );
    const node: Mutable<OneofDecl> = { kind: 'oneof', body: block.body, span: block.span, docs: block.docs };
    if (name) node.name = name;
    return node;
  }

  private parseExtend(outer: Ctx): ExtendDecl {
    const first = this.pos;
    this.advance();
    const extendee = this.parseTypeRef();
    if (!extendee) this.expected('syntax/missing-name', 'the name of the message to extend after `extend`');
    const block = this.parseBlock(
      first,
      outer,
      Ctx.Extend,
      extendee ? `\`extend ${extendee.text}\`` : 'the extend block',
      extendee ? '`{` after the extended message name' : undefined,
      () => {
        const el = this.parseMessageElement(Ctx.Extend);
        return el === undefined || el.kind === 'mapField' ? undefined : (el as FieldDecl | GroupDecl | EmptyDecl);
      },
    );
    const node: Mutable<ExtendDecl> = { kind: 'extend', body: block.body, span: block.span, docs: block.docs };
    if (extendee) node.extendee = extendee;
    return node;
  }

  private parseReserved(ctx: Ctx): ReservedDecl {
    const first = this.pos;
    this.advance();
    const ranges: NumberRange[] = [];
    const names: (Name & { quoted: boolean })[] = [];
    const node: Mutable<ReservedDecl> = { kind: 'reserved', ranges, names, span: NO_SPAN, docs: NO_DOCS };
    for (;;) {
      const t = this.cur;
      if (t.kind === 'string') {
        this.advance();
        names.push({ text: t.value ?? '', span: t.span, quoted: true });
      } else if (t.kind === 'ident') {
        this.advance();
        names.push({ text: t.text, span: t.span, quoted: false });
      } else if (t.kind === 'int' || isSymbol(t, '-') || isSymbol(t, '+')) {
        const range = this.parseRange();
        if (!range) return Object.assign(node, this.abandon(first, ctx));
        ranges.push(range);
      } else {
        this.expected('syntax/unexpected-token', 'a number, a range such as `5 to 10`, or a name to reserve');
        return Object.assign(node, this.abandon(first, ctx));
      }
      if (!this.eat(',')) break;
    }
    return this.finish(node, first, 'the reserved declaration', ctx);
  }

  private parseExtensions(): ExtensionsDecl {
    const first = this.pos;
    this.advance();
    const ranges: NumberRange[] = [];
    const options: OptionDecl[] = [];
    const node: Mutable<ExtensionsDecl> = { kind: 'extensions', ranges, options, span: NO_SPAN, docs: NO_DOCS };
    for (;;) {
      const range = this.parseRange();
      if (!range) return Object.assign(node, this.abandon(first, Ctx.Message));
      ranges.push(range);
      if (!this.eat(',')) break;
    }
    if ((this.at('[') || this.atOptionsWithoutBracket(true)) && !this.parseCompactOptions(options)) {
      return Object.assign(node, this.abandon(first, Ctx.Message));
    }
    return this.finish(node, first, 'the extensions declaration', Ctx.Message);
  }

  // ---------------------------------------------------------------- enums

  private parseEnum(first: number, outer: Ctx): EnumDecl {
    this.advance();
    const name = this.parseBlockName();
    if (!name) this.expected('syntax/missing-name', 'an enum name after `enum`');
    const block = this.parseBlock(
      first,
      outer,
      Ctx.Enum,
      name ? `enum \`${name.text}\`` : 'the enum',
      name ? '`{` after the enum name' : undefined,
      () => this.parseEnumElement(),
    );
    const node: Mutable<EnumDecl> = { kind: 'enum', body: block.body, span: block.span, docs: block.docs };
    if (name) node.name = name;
    return node;
  }

  private parseEnumElement(): EnumElement | undefined {
    const t = this.cur;
    if (t.kind !== 'ident') {
      if (t.kind === 'symbol' && t.text === ';') return this.parseEmpty();
      this.unexpected('an enum value, `option`, `reserved` or `}`');
      this.skipUnexpected(Ctx.Enum);
      return undefined;
    }
    const valueNamed = isSymbol(this.peek(1), '=');
    if (t.text === 'option' && !valueNamed) return this.parseOptionStatement(Ctx.Enum);
    if (t.text === 'reserved' && !valueNamed) return this.parseReserved(Ctx.Enum);
    const first = this.pos;
    this.advance();
    const node: Mutable<EnumValueDecl> = {
      kind: 'enumValue',
      name: { text: t.text, span: t.span },
      options: NO_OPTIONS,
      span: NO_SPAN,
      docs: NO_DOCS,
    };
    if (!this.eat('=')) {
      this.expected('syntax/missing-enum-number', '`=` and a number after the enum value name');
      return Object.assign(node, this.abandon(first, Ctx.Enum));
    }
    const number = this.parseInt();
    if (!number) {
      this.expected('syntax/missing-enum-number', 'a number after `=`');
      return Object.assign(node, this.abandon(first, Ctx.Enum));
    }
    node.number = number;
    if (this.at('[') || this.atOptionsWithoutBracket(false)) {
      const options: OptionDecl[] = [];
      node.options = options;
      const span = this.parseCompactOptions(options);
      if (!span) return Object.assign(node, this.abandon(first, Ctx.Enum));
      node.optionsSpan = span;
    }
    return this.finish(node, first, 'the enum value', Ctx.Enum);
  }

  // ---------------------------------------------------------------- services

  private parseService(): ServiceDecl {
    const first = this.pos;
    this.advance();
    const name = this.parseBlockName();
    if (!name) this.expected('syntax/missing-name', 'a service name after `service`');
    const block = this.parseBlock(
      first,
      Ctx.Top,
      Ctx.Service,
      name ? `service \`${name.text}\`` : 'the service',
      name ? '`{` after the service name' : undefined,
      () => this.parseServiceElement(),
    );
    const node: Mutable<ServiceDecl> = { kind: 'service', body: block.body, span: block.span, docs: block.docs };
    if (name) node.name = name;
    return node;
  }

  private parseServiceElement(): RpcDecl | OptionDecl | EmptyDecl | undefined {
    const t = this.cur;
    if (t.kind === 'symbol' && t.text === ';') return this.parseEmpty();
    if (t.kind === 'ident') {
      if (t.text === 'rpc') return this.parseRpc();
      if (t.text === 'option') return this.parseOptionStatement(Ctx.Service);
    }
    this.unexpected('`rpc`, `option` or `}`');
    this.skipUnexpected(Ctx.Service);
    return undefined;
  }

  private parseRpc(): RpcDecl {
    const first = this.pos;
    this.advance();
    const node: Mutable<RpcDecl> = { kind: 'rpc', options: NO_OPTIONS, span: NO_SPAN, docs: NO_DOCS };
    const name = this.parseName();
    if (!name) {
      this.expected('syntax/missing-name', 'a method name after `rpc`');
      return Object.assign(node, this.abandon(first, Ctx.Service));
    }
    node.name = name;
    if (!this.parseRpcType(node, 'input')) return Object.assign(node, this.abandon(first, Ctx.Service));
    if (!this.atWord('returns')) {
      this.expected('syntax/unexpected-token', '`returns` after the request type');
      return Object.assign(node, this.abandon(first, Ctx.Service));
    }
    this.advance();
    if (!this.parseRpcType(node, 'output')) return Object.assign(node, this.abandon(first, Ctx.Service));
    // Options indented under the signature mean only the `{` was forgotten.
    const t = this.cur;
    const optionsFollow = t.newlineBefore && t.kind === 'ident' && t.text === 'option' && this.column(t.span.start) > this.column(this.startOf(first));
    if (!this.at('{') && !optionsFollow) {
      return this.finish(node, first, 'the method declaration', Ctx.Service);
    }
    const block = this.parseBlock(first, Ctx.Service, Ctx.Rpc, `method \`${name.text}\``, '`{` before the method options', () =>
      this.parseRpcElement(),
    );
    node.options = block.body.filter((e): e is OptionDecl => e.kind === 'option');
    node.span = block.span;
    node.docs = block.docs;
    return node;
  }

  /** `( [stream] Type )` for the request (`input`) or the response (`output`). */
  private parseRpcType(node: Mutable<RpcDecl>, which: 'input' | 'output'): boolean {
    const role = which === 'input' ? 'request' : 'response';
    if (!this.eat('(')) {
      this.expected('syntax/unexpected-token', `\`(\` and the ${role} type`);
      return false;
    }
    const s = this.cur;
    if (s.kind === 'ident' && s.text === 'stream' && !isSymbol(this.peek(1), ')')) {
      this.advance();
      if (which === 'input') node.inputStream = s.span;
      else node.outputStream = s.span;
    }
    const type = this.parseTypeRef();
    if (!type) {
      this.expected('syntax/unexpected-token', `the ${role} message type`);
      return false;
    }
    if (which === 'input') node.input = type;
    else node.output = type;
    if (!this.eat(')')) {
      this.expected('syntax/unexpected-token', `\`)\` after the ${role} type`);
      return false;
    }
    return true;
  }

  private parseRpcElement(): OptionDecl | EmptyDecl | undefined {
    const t = this.cur;
    if (t.kind === 'symbol' && t.text === ';') return this.parseEmpty();
    if (t.kind === 'ident' && t.text === 'option') return this.parseOptionStatement(Ctx.Rpc);
    this.unexpected('`option` or `}`');
    this.skipUnexpected(Ctx.Rpc);
    return undefined;
  }
}

function startsDeclaration(ctx: Ctx, t: Token): boolean {
  if (t.kind !== 'ident') return false;
  switch (ctx) {
    case Ctx.Top:
      return TOP_KEYWORDS.has(t.text);
    case Ctx.Service:
      return t.text === 'rpc' || t.text === 'option';
    case Ctx.Rpc:
      return t.text === 'option';
    default:
      // Fields and enum values start with an identifier, so any line-initial one may start the next.
      return true;
  }
}

function isSymbol(t: Token, s: string): boolean {
  return t.kind === 'symbol' && t.text === s;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function isUnclosedString(t: Token): boolean {
  if (t.kind !== 'string') return false;
  const s = t.text;
  if (s.length < 2 || s[s.length - 1] !== s[0]) return true;
  let backslashes = 0;
  for (let i = s.length - 2; i > 0 && s[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function isModifier(word: string): word is 'public' | 'weak' | 'option' {
  return word === 'public' || word === 'weak' || word === 'option';
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  const s = t.text.length > 24 ? t.text.slice(0, 24) + '…' : t.text;
  return '`' + s + '`';
}

/** The value of an integer literal: decimal, `0x` hexadecimal or `0` octal; approximate beyond 2^53. */
function intValue(text: string): number {
  if (text.length > 1 && text.charCodeAt(0) === 48) {
    const x = text.charCodeAt(1);
    if (x === 120 || x === 88) return parseInt(text.slice(2), 16) || 0;
    return parseInt(text, 8) || 0;
  }
  return parseInt(text, 10) || 0;
}
