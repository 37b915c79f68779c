/**
 * Semantic tokens for a whole .proto file. The point over the TextMate grammar is context:
 * Protobuf's keywords are not reserved, so `message`, `option`, `to` or `max` can be names, and
 * only the syntax tree knows which is which. Names are classified from the tree (declarations)
 * and from the linker (what a type reference actually names: a message or an enum); a word is a
 * keyword only where the grammar puts a keyword.
 */
import type { SemanticTokensLegend } from 'vscode-languageserver-types';
import type {
  Constant,
  EnumElement,
  FieldDecl,
  GroupDecl,
  MessageElement,
  OptionDecl,
  ParseResult,
  ReservedDecl,
  RpcDecl,
  ServiceDecl,
  TopLevelDecl,
  TypeRef,
} from '../../core/proto/ast';
import { SCALAR_TYPES } from '../../core/proto/builtinOptions';
import type { Token } from '../../core/proto/lexer';
import type { LinkResult, Ref } from '../../core/proto/link';
import type { ProtoSymbol } from '../../core/proto/symbols';
import { LineIndex } from '../../core/text/lineIndex';
import type { Span } from '../../core/text/span';

export const TOKEN_TYPES = [
  'namespace',
  'type',
  'class',
  'enum',
  'enumMember',
  'property',
  'method',
  'interface',
  'keyword',
  'string',
  'number',
  'comment',
  'operator',
  'decorator',
] as const;

export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'defaultLibrary'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

const TYPE_INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const DECLARATION = 1;
const DEPRECATED = 2;
const DEFAULT_LIBRARY = 4;

/** Words that are keywords where the grammar expects one. Anywhere else they are names. */
const KEYWORDS = new Set([
  'syntax',
  'edition',
  'package',
  'import',
  'public',
  'weak',
  'option',
  'message',
  'enum',
  'service',
  'rpc',
  'returns',
  'stream',
  'oneof',
  'map',
  'group',
  'reserved',
  'extensions',
  'extend',
  'to',
  'max',
  'optional',
  'required',
  'repeated',
  'export',
  'local',
]);

interface Classified {
  readonly type: TokenType;
  readonly mods: number;
}

/** LSP-encoded semantic tokens (5 numbers each) for the file; [] if anything goes wrong. */
export function semanticTokens(parse: ParseResult, text: string, link?: LinkResult): number[] {
  try {
    return new Classifier(parse, text, link).run();
  } catch {
    return [];
  }
}

function isDeprecated(options: readonly OptionDecl[] | undefined): boolean {
  return (options ?? []).some(
    (o) =>
      o.name.parts.length === 1 &&
      !o.name.parts[0]!.extension &&
      o.name.parts[0]!.text === 'deprecated' &&
      o.value?.kind === 'bool' &&
      o.value.value,
  );
}

function bodyOptions(body: readonly { kind: string }[]): OptionDecl[] {
  return body.filter((e): e is OptionDecl => e.kind === 'option');
}

/** Whether the declaration a symbol points at carries `deprecated = true`. */
function symbolDeprecated(s: ProtoSymbol): boolean {
  const node = s.node;
  if (!node) return false;
  switch (node.kind) {
    case 'message':
    case 'enum':
    case 'service':
      return isDeprecated(bodyOptions(node.body));
    case 'field':
    case 'mapField':
    case 'group':
    case 'enumValue':
    case 'rpc':
      return isDeprecated(node.options);
    default:
      return false;
  }
}

function symbolType(s: ProtoSymbol): TokenType {
  switch (s.kind) {
    case 'message':
      return 'class';
    case 'enum':
      return 'enum';
    case 'enumValue':
      return 'enumMember';
    case 'package':
      return 'namespace';
    case 'service':
      return 'interface';
    case 'rpc':
      return 'method';
    case 'extension':
      return 'decorator';
    default:
      return 'property';
  }
}

class Classifier {
  private readonly tokens: readonly Token[];
  private readonly byStart = new Map<number, Classified>();
  private readonly keywordRegions: Span[] = [];
  private readonly refs = new Map<number, Ref>();

  constructor(
    private readonly parse: ParseResult,
    private readonly text: string,
    link: LinkResult | undefined,
  ) {
    this.tokens = parse.tokens;
    for (const r of link?.refs ?? []) this.refs.set(r.span.start, r);
  }

  run(): number[] {
    for (const d of this.parse.ast.body) this.topLevel(d);
    for (const region of this.keywordRegions) {
      for (const t of this.tokensIn(region)) {
        if (t.kind === 'ident' && KEYWORDS.has(t.text) && !this.byStart.has(t.span.start)) this.set(t, 'keyword');
      }
    }
    for (const t of this.tokens) {
      if (this.byStart.has(t.span.start)) continue;
      if (t.kind === 'string') this.set(t, 'string');
      else if (t.kind === 'int' || t.kind === 'float') this.set(t, 'number');
      else if (t.kind === 'symbol' && t.text === '=') this.set(t, 'operator');
    }
    return this.encode();
  }

  // ------------------------------------------------------------------ the tree

  private topLevel(d: TopLevelDecl): void {
    switch (d.kind) {
      case 'syntax':
      case 'import':
        this.keywords(d.span);
        break;
      case 'package':
        if (d.name) this.each(d.name.span, 'namespace', DECLARATION);
        this.keywords(d.span);
        break;
      case 'option':
        this.option(d);
        break;
      case 'message':
      case 'enum':
      case 'service':
      case 'extend':
        this.typeDecl(d);
        break;
      default:
        break;
    }
  }

  private typeDecl(d: Extract<TopLevelDecl | MessageElement, { kind: 'message' | 'enum' | 'service' | 'extend' }>): void {
    switch (d.kind) {
      case 'message':
        this.header(d.span, d.name?.span);
        if (d.name) this.set(d.name, 'class', DECLARATION | (isDeprecated(bodyOptions(d.body)) ? DEPRECATED : 0));
        this.messageBody(d.body);
        break;
      case 'enum':
        this.header(d.span, d.name?.span);
        if (d.name) this.set(d.name, 'enum', DECLARATION | (isDeprecated(bodyOptions(d.body)) ? DEPRECATED : 0));
        this.enumBody(d.body);
        break;
      case 'service':
        this.header(d.span, d.name?.span);
        if (d.name) this.set(d.name, 'interface', DECLARATION | (isDeprecated(bodyOptions(d.body)) ? DEPRECATED : 0));
        this.serviceBody(d);
        break;
      case 'extend':
        this.header(d.span, d.extendee?.span);
        if (d.extendee) this.typeRef(d.extendee);
        for (const f of d.body) {
          if (f.kind === 'field') this.field(f);
          else if (f.kind === 'group') this.group(f);
        }
        break;
    }
  }

  private messageBody(body: readonly MessageElement[]): void {
    for (const el of body) {
      switch (el.kind) {
        case 'field':
          this.field(el);
          break;
        case 'mapField':
          this.keywords(el.typeSpan);
          if (el.keyType) this.typeRef(el.keyType);
          if (el.valueType) this.typeRef(el.valueType);
          if (el.name) this.set(el.name, 'property', DECLARATION | (isDeprecated(el.options) ? DEPRECATED : 0));
          this.options(el.options);
          break;
        case 'group':
          this.group(el);
          break;
        case 'oneof':
          this.header(el.span, el.name?.span);
          if (el.name) this.set(el.name, 'property', DECLARATION);
          this.messageBody(el.body);
          break;
        case 'option':
          this.option(el);
          break;
        case 'reserved':
          this.reserved(el, 'property');
          break;
        case 'extensions':
          this.keywords(el.span);
          this.options(el.options);
          break;
        case 'message':
        case 'enum':
        case 'extend':
          this.typeDecl(el);
          break;
        default:
          break;
      }
    }
  }

  private field(f: FieldDecl): void {
    if (f.label) this.keywords(f.label.span);
    this.typeRef(f.type);
    if (f.name) this.set(f.name, 'property', DECLARATION | (isDeprecated(f.options) ? DEPRECATED : 0));
    this.options(f.options);
  }

  private group(g: GroupDecl): void {
    this.header(g.span, g.name?.span);
    // A group is a field and a message type in one; it reads as the type.
    if (g.name) this.set(g.name, 'class', DECLARATION | (isDeprecated(g.options) ? DEPRECATED : 0));
    this.options(g.options);
    this.messageBody(g.body);
  }

  private enumBody(body: readonly EnumElement[]): void {
    for (const el of body) {
      switch (el.kind) {
        case 'enumValue':
          this.set(el.name, 'enumMember', DECLARATION | (isDeprecated(el.options) ? DEPRECATED : 0));
          this.options(el.options);
          break;
        case 'option':
          this.option(el);
          break;
        case 'reserved':
          this.reserved(el, 'enumMember');
          break;
        default:
          break;
      }
    }
  }

  private serviceBody(s: ServiceDecl): void {
    for (const el of s.body) {
      if (el.kind === 'option') this.option(el);
      else if (el.kind === 'rpc') this.rpc(el);
    }
  }

  private rpc(r: RpcDecl): void {
    // Everything in the signature that is not a name or a type is a keyword: `rpc`, `returns`, `stream`.
    const bodyStart = r.options[0]?.span.start ?? r.span.end;
    this.keywordRegions.push({ start: r.span.start, end: bodyStart });
    if (r.name) this.set(r.name, 'method', DECLARATION | (isDeprecated(r.options) ? DEPRECATED : 0));
    if (r.input) this.typeRef(r.input);
    if (r.output) this.typeRef(r.output);
    for (const o of r.options) this.option(o);
  }

  private reserved(r: ReservedDecl, nameType: TokenType): void {
    this.keywords(r.span);
    for (const n of r.names) {
      if (!n.quoted) this.set(n, nameType);
    }
  }

  private options(options: readonly OptionDecl[]): void {
    for (const o of options) this.option(o);
  }

  /** `option` statements and `[...]` entries: the name as a decorator, then the value. */
  private option(o: OptionDecl): void {
    this.keywordRegions.push({ start: o.span.start, end: o.name.span.start });
    o.name.parts.forEach((part, i) => {
      if (part.extension) {
        const ref = this.refs.get(part.span.start);
        const mods = ref && symbolDeprecated(ref.target) ? DEPRECATED : 0;
        this.each(part.span, 'decorator', mods);
      } else if (i === 0) {
        this.set(part, 'decorator', DEFAULT_LIBRARY);
      } else {
        this.set(part, 'property');
      }
    });
    if (o.value) this.constant(o.value);
  }

  private constant(c: Constant): void {
    switch (c.kind) {
      case 'bool':
        this.each(c.span, 'keyword');
        break;
      case 'ident':
        this.each(c.span, /^(inf|nan)$/i.test(c.value) ? 'number' : 'enumMember');
        break;
      case 'aggregate':
        this.aggregate(c.span);
        break;
      default:
        break;
    }
  }

  /** Text-format message literals: field names, enum values and booleans, read from the tokens. */
  private aggregate(span: Span): void {
    const toks = this.tokensIn(span);
    /** For each open `[`, whether it lists values (after `:`) rather than naming an extension. */
    const brackets: boolean[] = [];
    toks.forEach((t, i) => {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      if (t.kind === 'symbol') {
        if (t.text === '[') brackets.push(prev?.text === ':');
        else if (t.text === ']') brackets.pop();
        return;
      }
      if (t.kind !== 'ident') return;
      const inName = brackets.length > 0 && !brackets[brackets.length - 1];
      if (inName) this.set(t, 'decorator');
      else if (next && (next.text === ':' || next.text === '{' || next.text === '<')) this.set(t, 'property');
      else if (/^(true|false|True|False)$/.test(t.text)) this.set(t, 'keyword');
      else if (/^(inf|infinity|nan)$/i.test(t.text)) this.set(t, 'number');
      else this.set(t, 'enumMember');
    });
  }

  /** A type reference: a scalar, or the path of a message or enum with each part classified. */
  private typeRef(ref: TypeRef): void {
    if (SCALAR_TYPES.has(ref.text)) {
      this.each(ref.span, 'type', DEFAULT_LIBRARY);
      return;
    }
    const idents = this.tokensIn(ref.span).filter((t) => t.kind === 'ident');
    const target = this.refs.get(ref.span.start)?.target;
    let s: ProtoSymbol | undefined = target;
    for (let i = idents.length - 1; i >= 0; i--) {
      const t = idents[i]!;
      if (i === idents.length - 1) {
        if (s) {
          const wkt = s.fullName.startsWith('google.protobuf.');
          this.set(t, symbolType(s), (symbolDeprecated(s) ? DEPRECATED : 0) | (wkt ? DEFAULT_LIBRARY : 0));
        } else {
          this.set(t, 'type');
        }
      } else {
        s = s?.parent;
        this.set(t, s && s.kind !== 'package' ? symbolType(s) : 'namespace');
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Marks the keyword region of a declaration: from its start up to its name. */
  private header(declSpan: Span, nameSpan: Span | undefined): void {
    const end = nameSpan?.start ?? this.tokens[this.firstTokenAt(declSpan.start)]?.span.end ?? declSpan.start;
    this.keywordRegions.push({ start: declSpan.start, end });
  }

  private keywords(span: Span): void {
    this.keywordRegions.push(span);
  }

  private set(at: { readonly span: Span }, type: TokenType, mods = 0): void {
    if (!this.byStart.has(at.span.start)) this.byStart.set(at.span.start, { type, mods });
  }

  /** Classifies every identifier inside a span, e.g. each part of a dotted name. */
  private each(span: Span, type: TokenType, mods = 0): void {
    for (const t of this.tokensIn(span)) if (t.kind === 'ident') this.set(t, type, mods);
  }

  /** The tokens inside a span, found by binary search. */
  private tokensIn(span: Span): Token[] {
    const out: Token[] = [];
    for (let i = this.firstTokenAt(span.start); i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.span.end > span.end || t.kind === 'eof') break;
      out.push(t);
    }
    return out;
  }

  /** The index of the first token starting at or after an offset. */
  private firstTokenAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.span.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private encode(): number[] {
    const index = new LineIndex(this.text);
    const entries: { start: number; end: number; type: number; mods: number }[] = [];
    for (const t of this.tokens) {
      const c = this.byStart.get(t.span.start);
      if (c && t.span.end > t.span.start) entries.push({ start: t.span.start, end: t.span.end, type: TYPE_INDEX.get(c.type)!, mods: c.mods });
    }
    const comment = TYPE_INDEX.get('comment')!;
    for (const c of this.parse.ast.comments) entries.push({ start: c.span.start, end: c.span.end, type: comment, mods: 0 });
    entries.sort((a, b) => a.start - b.start);

    const data: number[] = [];
    let prevLine = 0;
    let prevChar = 0;
    const push = (start: number, end: number, type: number, mods: number) => {
      const pos = index.positionAt(start);
      const length = end - start;
      if (length <= 0) return;
      data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, length, type, mods);
      prevLine = pos.line;
      prevChar = pos.character;
    };
    for (const e of entries) {
      // A token may not span lines (clients need not support it), so a block comment goes line by line.
      const startLine = index.positionAt(e.start).line;
      const endLine = index.positionAt(e.end).line;
      if (startLine === endLine) {
        push(e.start, e.end, e.type, e.mods);
        continue;
      }
      for (let line = startLine; line <= endLine; line++) {
        const s = Math.max(e.start, index.lineStart(line));
        const end = Math.min(e.end, index.lineEnd(line));
        push(s, end, e.type, e.mods);
      }
    }
    return data;
  }
}
