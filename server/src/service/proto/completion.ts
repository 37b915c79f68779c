/**
 * Completion for .proto files. The cursor usually sits in a declaration that does not parse yet,
 * so the context comes from the token stream (completionContext.ts); the syntax tree and the links
 * only supply facts such as the used field numbers and the visible files.
 *
 * Offers: keywords by block and syntax; types visible from the scope, named as briefly as
 * resolution allows, plus types of files not imported yet, with the import added; the next free
 * field or enum number after `=`; import paths inside `import "`; option names and values by
 * declaration kind, custom options whose extendee matches included.
 */
import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { AnyDecl, MessageElement, NumberRange } from '../../core/proto/ast';
import { BUILTIN_OPTIONS, FEATURE_FIELDS, SCALAR_TYPES, type OptionTarget } from '../../core/proto/builtinOptions';
import { importInsertion } from '../../core/proto/link';
import type { ProtoFileState, ProtoProject } from '../../core/proto/project';
import { resolveName } from '../../core/proto/resolve';
import { isType, type ProtoSymbol } from '../../core/proto/symbols';
import type { LineIndex } from '../../core/text/lineIndex';
import { lineIndexOf } from '../lineIndexCache';
import { completionContext, type Block, type CompletionContext, type Item } from './completionContext';
import { guard } from './guard';
import { importerTest } from './importGraph';
import { shortestName } from './naming';
import { declPathAt } from './nodeAt';
import { BUILTIN_OPTION_VALUES, FEATURE_VALUES, WELL_KNOWN_IMPORTS } from './optionValues';
import { safeLink } from './references';
import { extendeeOf } from './signature';

const empty: CompletionList = { isIncomplete: false, items: [] };

const MAX_FIELD_NUMBER = 536870911;
const TOP_KEYWORDS = ['syntax', 'edition', 'package', 'import', 'option', 'message', 'enum', 'service', 'extend'];
const MAP_KEY_TYPES = ['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string'];
/** Words that start a statement in a message body, so a name after them is not a field type. */
const MESSAGE_STATEMENT_WORDS = new Set(['message', 'enum', 'oneof', 'map', 'reserved', 'extensions', 'option', 'extend', 'group', 'optional', 'required', 'repeated']);

const OPTIONS_MESSAGE: Record<OptionTarget, string> = {
  file: 'google.protobuf.FileOptions',
  message: 'google.protobuf.MessageOptions',
  field: 'google.protobuf.FieldOptions',
  oneof: 'google.protobuf.OneofOptions',
  enum: 'google.protobuf.EnumOptions',
  enumValue: 'google.protobuf.EnumValueOptions',
  service: 'google.protobuf.ServiceOptions',
  method: 'google.protobuf.MethodOptions',
  extensionRange: 'google.protobuf.ExtensionRangeOptions',
};

type Syntax = 'proto2' | 'proto3' | 'editions';

/** Everything one completion request needs, computed once. */
interface Request {
  readonly project: ProtoProject;
  readonly uri: string;
  readonly state: ProtoFileState;
  readonly index: LineIndex;
  readonly ctx: CompletionContext;
  readonly range: Range;
  readonly syntax: Syntax;
  /** The full-name scope names resolve from at the cursor. */
  readonly scope: string;
  readonly visible: ReadonlySet<string>;
  /** Whether a file imports this one, directly or not: importing it back would make a cycle. */
  readonly importsThisFile: (uri: string) => boolean;
  /** Symbols of files not imported yet, offered so far; capped, since a workspace can hold thousands. */
  autoImported: number;
  /** Set when the answer would grow as the user types more: the client must ask again. */
  incomplete: boolean;
}

/** Offer types of files not imported yet only once this much is typed, and this many at most. */
const AUTO_IMPORT_MIN_TYPED = 2;
const AUTO_IMPORT_LIMIT = 100;

export function completion(project: ProtoProject, uri: string, position: Position): CompletionList {
  return guard('completion', empty, () => {
    const state = project.get(uri);
    if (!state) return empty;
    const index = lineIndexOf(state);
    const offset = index.offsetAt(position);
    const ctx = completionContext(state, offset);
    if (ctx.inComment) return empty;
    const req: Request = {
      project,
      uri,
      state,
      index,
      ctx,
      range: index.rangeOf(ctx.word),
      syntax: syntaxOf(state),
      scope: scopeOf(project, state, ctx.blocks),
      visible: safeLink(project, uri)?.visible ?? new Set([uri]),
      importsThisFile: importerTest(project, uri),
      autoImported: 0,
      incomplete: false,
    };
    const items = dedupe(itemsFor(req));
    return { isIncomplete: req.incomplete, items };
  });
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.label}\u0000${i.labelDetails?.description ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function syntaxOf(state: ProtoFileState): Syntax {
  for (const d of state.ast.body) {
    if (d.kind !== 'syntax') continue;
    if (d.keyword === 'edition') return 'editions';
    return d.value === 'proto3' ? 'proto3' : 'proto2';
  }
  return 'proto2';
}

/**
 * The scope the enclosing blocks name, down to the innermost one that is declared. Every prefix
 * of a declared name is declared, so resolving from inside an undeclared block (a body the parser
 * gave up on, nesting beyond its limit) finds what resolving from its parent finds; and each
 * level of scope costs every name resolved here a lookup.
 */
function scopeOf(project: ProtoProject, state: ProtoFileState, blocks: readonly Block[]): string {
  let scope = state.symbols.packageName;
  for (const b of blocks) {
    if ((b.kind !== 'message' && b.kind !== 'service') || !b.name) continue;
    const inner = scope ? `${scope}.${b.name}` : b.name;
    if (!project.lookup(inner)) break;
    scope = inner;
  }
  return scope;
}

const names = (items: readonly Item[]) => items.map((i) => i.text);
const isSymbolItem = (i: Item | undefined, text: string) => i?.kind === 'symbol' && i.text === text;

function itemsFor(req: Request): CompletionItem[] {
  const { ctx } = req;
  const before = ctx.before;
  const head = before[0]?.kind === 'name' ? before[0].text : undefined;
  const last = before[before.length - 1];

  if (ctx.inString) {
    if (head === 'import') return importPathItems(req, false);
    if (head === 'syntax' && isSymbolItem(last, '=')) return valueItems(req, ['proto2', 'proto3'], false);
    if (head === 'edition' && isSymbolItem(last, '=')) return valueItems(req, ['2023', '2024'], false);
    return [];
  }
  if (ctx.block.kind === 'aggregate' || ctx.block.kind === 'unknown') return [];

  if (ctx.compactOptions) {
    const target: OptionTarget | undefined =
      head === 'extensions' ? 'extensionRange' : ctx.block.kind === 'enum' ? 'enumValue' : isFieldBlock(ctx.block) ? 'field' : undefined;
    return target ? optionItems(req, ctx.compactOptions, target) : [];
  }
  if (head === 'option') {
    const target = statementOptionTarget(ctx.block);
    return target ? optionItems(req, before.slice(1), target) : [];
  }

  switch (ctx.block.kind) {
    case 'top':
      return topItems(req, before);
    case 'message':
    case 'oneof':
    case 'extend':
      return fieldItems(req, before);
    case 'enum':
      if (before.length === 0) return keywordItems(req, ['option', 'reserved']);
      if (before.length === 2 && before[0]!.kind === 'name' && isSymbolItem(last, '=')) return numberItems(req, nextEnumNumber(req));
      return [];
    case 'service':
      return serviceItems(req, before);
    case 'rpc':
      return before.length === 0 ? keywordItems(req, ['option']) : [];
    default:
      return [];
  }
}

function isFieldBlock(b: Block): boolean {
  return b.kind === 'message' || b.kind === 'oneof' || b.kind === 'extend';
}

function statementOptionTarget(b: Block): OptionTarget | undefined {
  switch (b.kind) {
    case 'top':
      return 'file';
    case 'message':
      return 'message';
    case 'enum':
      return 'enum';
    case 'service':
      return 'service';
    case 'rpc':
      return 'method';
    case 'oneof':
      return 'oneof';
    default:
      return undefined;
  }
}

function topItems(req: Request, before: readonly Item[]): CompletionItem[] {
  const words = names(before);
  if (before.length === 0) return keywordItems(req, TOP_KEYWORDS);
  if (words[0] === 'syntax' && words.length === 2 && words[1] === '=') return valueItems(req, ['proto2', 'proto3'], true);
  if (words[0] === 'edition' && words.length === 2 && words[1] === '=') return valueItems(req, ['2023', '2024'], true);
  if (words[0] === 'package' && words.length === 1) return packageItems(req);
  if (words[0] === 'import' && words.length === 1) return [...keywordItems(req, ['public', 'weak']), ...importPathItems(req, true)];
  if (words[0] === 'import' && words.length === 2 && (words[1] === 'public' || words[1] === 'weak')) return importPathItems(req, true);
  if (words[0] === 'extend' && words.length === 1) return typeItems(req, { messagesOnly: true, scalars: false });
  return [];
}

function labelsFor(syntax: Syntax): string[] {
  return syntax === 'proto2' ? ['optional', 'required', 'repeated'] : syntax === 'proto3' ? ['optional', 'repeated'] : ['repeated'];
}

function fieldItems(req: Request, before: readonly Item[]): CompletionItem[] {
  const { ctx, syntax } = req;
  const kind = ctx.block.kind;
  const words = names(before);
  const labels = labelsFor(syntax);
  const group = syntax === 'proto2' ? ['group'] : [];
  if (before.length === 0) {
    const keywords =
      kind === 'message'
        ? [...labels, 'message', 'enum', 'oneof', 'map', 'reserved', ...(syntax === 'proto3' ? [] : ['extensions']), 'option', 'extend', ...group]
        : kind === 'oneof'
          ? ['option', ...group]
          : [...labels, ...group];
    return [...keywordItems(req, keywords), ...typeItems(req, { messagesOnly: false, scalars: true })];
  }
  if (words[0] === 'extend' && words.length === 1 && kind === 'message') return typeItems(req, { messagesOnly: true, scalars: false });
  if (words[0] === 'map') return mapItems(req, before);
  if (before.length === 1 && before[0]!.kind === 'name' && labels.includes(words[0]!) && kind !== 'oneof') {
    return [...keywordItems(req, group), ...typeItems(req, { messagesOnly: false, scalars: true })];
  }
  if (MESSAGE_STATEMENT_WORDS.has(words[0]!) && !labels.includes(words[0]!)) return [];
  // `[label] Type name =` : the next free number.
  const last = before[before.length - 1];
  if (isSymbolItem(last, '=') && kind !== 'extend') {
    const decl = before.slice(0, -1);
    const nameCount = decl.filter((i) => i.kind === 'name').length;
    if (decl.every((i) => i.kind === 'name') && nameCount >= 2 && nameCount <= 3) return numberItems(req, nextFieldNumber(req));
    return [];
  }
  // `[label] Type |` : a name for the field.
  const typeAt = labels.includes(words[0]!) ? 1 : 0;
  if (before.length === typeAt + 1 && before.every((i) => i.kind === 'name')) {
    return fieldNameItems(req, words[typeAt]!, words[0] === 'repeated');
  }
  return [];
}

function mapItems(req: Request, before: readonly Item[]): CompletionItem[] {
  const words = names(before);
  if (words.length === 2 && words[1] === '<') return keywordItems(req, MAP_KEY_TYPES);
  if (words.length === 4 && words[1] === '<' && words[3] === ',') return typeItems(req, { messagesOnly: false, scalars: true });
  if (words.length === 6 && words[5] === '>') return fieldNameItems(req, words[4]!, true);
  if (words.length === 8 && words[7] === '=') return numberItems(req, nextFieldNumber(req));
  return [];
}

function serviceItems(req: Request, before: readonly Item[]): CompletionItem[] {
  const words = names(before);
  if (before.length === 0) return keywordItems(req, ['rpc', 'option']);
  if (words[0] !== 'rpc') return [];
  const open = words.lastIndexOf('(');
  const close = words.lastIndexOf(')');
  const returnsAt = words.indexOf('returns');
  const typing = open > close && (returnsAt < 0 || open > returnsAt);
  if (typing) {
    const inner = words.slice(open + 1);
    if (inner.length === 0) return [...keywordItems(req, ['stream']), ...typeItems(req, { messagesOnly: true, scalars: false })];
    if (inner.length === 1 && inner[0] === 'stream') return typeItems(req, { messagesOnly: true, scalars: false });
    return [];
  }
  if (close === words.length - 1 && returnsAt < 0) return keywordItems(req, ['returns']);
  return [];
}

// ---- items ----

function edit(req: Request, newText: string): TextEdit {
  return { range: req.range, newText };
}

function keywordItems(req: Request, keywords: readonly string[]): CompletionItem[] {
  return keywords.map((k) => ({ label: k, kind: CompletionItemKind.Keyword, textEdit: edit(req, k), sortText: `0${k}` }));
}

function valueItems(req: Request, values: readonly string[], quote: boolean): CompletionItem[] {
  return values.map((v) => {
    const text = quote ? `"${v}"` : v;
    return { label: text, kind: CompletionItemKind.Value, textEdit: edit(req, text), sortText: `0${v}` };
  });
}

function numberItems(req: Request, n: number | undefined): CompletionItem[] {
  if (n === undefined) return [];
  return [{ label: String(n), kind: CompletionItemKind.Value, detail: 'next free number', textEdit: edit(req, String(n)), preselect: true }];
}

function packageItems(req: Request): CompletionItem[] {
  const dir = req.state.importPath.split('/').slice(0, -1);
  if (dir.length === 0 || !dir.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) return [];
  const name = dir.join('.');
  return [{ label: name, kind: CompletionItemKind.Module, detail: 'package from the file path', textEdit: edit(req, name) }];
}

function fieldNameItems(req: Request, typeName: string, plural: boolean): CompletionItem[] {
  const simple = typeName.slice(typeName.lastIndexOf('.') + 1);
  if (!simple || SCALAR_TYPES.has(simple) || MESSAGE_STATEMENT_WORDS.has(simple)) return [];
  let name = simple.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
  if (plural && !name.endsWith('s')) name += 's';
  return [{ label: name, kind: CompletionItemKind.Field, textEdit: edit(req, name) }];
}

function importPathItems(req: Request, quote: boolean): CompletionItem[] {
  const { project, state } = req;
  const imported = new Set<string>();
  for (const d of state.ast.body) if (d.kind === 'import' && d.path !== undefined && !(d.pathSpan && d.pathSpan.start < req.ctx.word.start && req.ctx.word.end <= d.pathSpan.end)) imported.add(d.path);
  const typed = req.ctx.prefix.toLowerCase();
  const paths = new Set<string>([...project.importPaths(), ...WELL_KNOWN_IMPORTS]);
  const out: CompletionItem[] = [];
  for (const path of [...paths].sort()) {
    if (path === state.importPath || imported.has(path)) continue;
    const target = project.uriForImport(path);
    if (target && req.importsThisFile(target)) continue;
    const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    if (typed && !path.toLowerCase().startsWith(typed) && !base.startsWith(typed)) continue;
    const semicolon = req.ctx.next?.text === ';' ? '' : ';';
    const text = quote ? `"${path}"${semicolon}` : path;
    out.push({ label: path, kind: CompletionItemKind.File, textEdit: edit(req, text), filterText: quote ? `"${path}"` : path, sortText: path.startsWith('google/') ? `1${path}` : `0${path}` });
  }
  return out;
}

// ---- types ----

interface TypeOptions {
  readonly messagesOnly: boolean;
  readonly scalars: boolean;
}

function typeItems(req: Request, opts: TypeOptions): CompletionItem[] {
  const out: CompletionItem[] = [];
  const prefix = req.ctx.prefix;
  if (opts.scalars && !prefix.includes('.')) {
    for (const s of SCALAR_TYPES) out.push({ label: s, kind: CompletionItemKind.Keyword, detail: 'scalar', textEdit: edit(req, s), sortText: `1${s}` });
  }
  for (const symbol of req.project.allSymbols()) {
    if (!isType(symbol) || (opts.messagesOnly && symbol.kind !== 'message')) continue;
    const item = symbolItem(req, symbol, isType, { gateAutoImport: true, skipGroups: true });
    if (item) out.push(item);
  }
  return out;
}

/**
 * Types of files not imported yet are offered only once something is typed, only when the typed
 * text fuzzily matches (first letters equal, then in order), and only up to a limit; whatever is
 * left out makes the list incomplete, so that typing on asks again. A workspace such as
 * googleapis has tens of thousands of types.
 */
function fuzzy(typed: string, candidate: string): boolean {
  const t = typed.toLowerCase();
  const c = candidate.toLowerCase();
  if (!t) return true;
  if (c[0] !== t[0]) return false;
  let i = 0;
  for (let j = 0; j < c.length && i < t.length; j++) if (c[j] === t[i]) i++;
  return i === t.length;
}

/**
 * A completion item naming `symbol` from the cursor's scope, with the import added when the
 * symbol's file is not visible yet. Undefined when no name written here would reach the symbol.
 */
function symbolItem(
  req: Request,
  symbol: ProtoSymbol,
  accept: (s: ProtoSymbol) => boolean,
  opts: { readonly wrap?: (name: string) => string; readonly gateAutoImport: boolean; readonly skipGroups?: boolean },
): CompletionItem | undefined {
  const { project, state } = req;
  const wrap = opts.wrap ?? ((n: string) => n);
  const typed = req.ctx.prefix;
  const qualifier = typed.slice(0, typed.lastIndexOf('.') + 1);
  const tail = typed.slice(qualifier.length);
  const visible = req.visible.has(symbol.uri);
  let importPath: string | undefined;
  if (!visible) {
    if (opts.gateAutoImport && typed.replace(/^\./, '').length < AUTO_IMPORT_MIN_TYPED) {
      req.incomplete = true;
      return undefined;
    }
    if (opts.gateAutoImport && !qualifier && !fuzzy(tail, symbol.name)) return undefined;
    if (req.autoImported >= AUTO_IMPORT_LIMIT) {
      req.incomplete = true;
      return undefined;
    }
    const file = project.get(symbol.uri);
    if (!file || project.uriForImport(file.importPath) !== symbol.uri || req.importsThisFile(symbol.uri)) return undefined;
    importPath = file.importPath;
  }
  const name = shortestName(symbol, { project, scope: req.scope, visible: req.visible, accept, startsWith: qualifier });
  if (!name) return undefined;
  // After a qualifier, what is typed next may be a package or message component, not the name.
  if (!visible && opts.gateAutoImport && qualifier && !fuzzy(tail, name.slice(qualifier.length))) return undefined;
  // Only now, for the few symbols that get this far: reading the declaration of a symbol in a
  // background file parses that file again.
  if (opts.skipGroups && symbol.node?.kind === 'group') return undefined;
  const text = wrap(name);
  const item: CompletionItem = {
    label: text,
    kind: symbol.kind === 'enum' ? CompletionItemKind.Enum : symbol.kind === 'message' ? CompletionItemKind.Struct : CompletionItemKind.Property,
    detail: `${symbol.kind === 'extension' ? 'extension' : symbol.kind} ${symbol.fullName}`,
    textEdit: edit(req, text),
    filterText: req.ctx.prefix.includes('.') ? text : `${symbol.name} ${text}`,
    sortText: `${visible ? 2 : 3}${symbol.name}`,
  };
  const docs = symbol.node?.docs.leading?.trim();
  if (docs) item.documentation = { kind: 'markdown', value: docs };
  if (importPath !== undefined) {
    req.autoImported++;
    const ins = importInsertion(state.ast, importPath);
    item.labelDetails = { description: `import "${importPath}"` };
    item.additionalTextEdits = [{ range: req.index.rangeOf(ins.span), newText: ins.newText }];
  }
  return item;
}

// ---- numbers ----

/** The innermost declaration of one of `kinds` around the block's brace. */
function declOfBlock(req: Request, kinds: readonly AnyDecl['kind'][]): AnyDecl | undefined {
  const { blocks } = req.ctx;
  for (let b = blocks.length - 1; b > 0; b--) {
    const block = blocks[b]!;
    if (block.kind !== 'message' && block.kind !== 'enum') continue;
    const path = declPathAt(req.state.ast, block.open);
    for (let i = path.length - 1; i >= 0; i--) if (kinds.includes(path[i]!.kind)) return path[i];
    return undefined;
  }
  return undefined;
}

function rangeEnd(r: NumberRange): number {
  if (!r.end) return r.start.value;
  return r.end.kind === 'max' ? MAX_FIELD_NUMBER : r.end.value;
}

/** Smallest number above every used one that is not reserved, not an extension range, and not 19000-19999. */
function nextFieldNumber(req: Request): number | undefined {
  const decl = declOfBlock(req, ['message', 'group']);
  if (!decl || (decl.kind !== 'message' && decl.kind !== 'group')) return undefined;
  const offset = req.index.offsetAt(req.range.start);
  const used: number[] = [];
  const blocked: [number, number][] = [[19000, 19999]];
  const visit = (body: readonly MessageElement[] | readonly AnyDecl[]) => {
    for (const el of body) {
      if (el.span.start <= offset && offset <= el.span.end && el.kind !== 'oneof') continue;
      switch (el.kind) {
        case 'field':
        case 'mapField':
        case 'group':
          if (el.number) used.push(el.number.value);
          break;
        case 'oneof':
          visit(el.body);
          break;
        case 'reserved':
        case 'extensions':
          for (const r of el.ranges) blocked.push([r.start.value, rangeEnd(r)]);
          break;
        default:
          break;
      }
    }
  };
  visit(decl.body);
  let n = used.length ? Math.max(...used) + 1 : 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [lo, hi] of blocked) {
      if (n >= lo && n <= hi) {
        n = hi + 1;
        changed = true;
      }
    }
  }
  return n <= MAX_FIELD_NUMBER ? n : undefined;
}

function nextEnumNumber(req: Request): number | undefined {
  const decl = declOfBlock(req, ['enum']);
  if (decl?.kind !== 'enum') return undefined;
  const offset = req.index.offsetAt(req.range.start);
  const used: number[] = [];
  const blocked: [number, number][] = [];
  for (const el of decl.body) {
    if (el.span.start <= offset && offset <= el.span.end) continue;
    if (el.kind === 'enumValue' && el.number) used.push(el.number.value);
    if (el.kind === 'reserved') for (const r of el.ranges) blocked.push([r.start.value, r.end?.kind === 'max' ? 2147483647 : rangeEnd(r)]);
  }
  let n = used.length ? Math.max(...used) + 1 : 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [lo, hi] of blocked) {
      if (n >= lo && n <= hi) {
        n = hi + 1;
        changed = true;
      }
    }
  }
  return n;
}

// ---- options ----

/** `before` holds the option's elements after `option` (or after `[` / `,`). */
function optionItems(req: Request, before: readonly Item[], target: OptionTarget): CompletionItem[] {
  const words = names(before);
  const extendee = OPTIONS_MESSAGE[target];
  if (words.length === 0) {
    if (req.ctx.prefix.startsWith('features.')) return featureItems(req);
    const builtins = [...BUILTIN_OPTIONS[target]].filter((o) => o !== 'uninterpreted_option' && (o !== 'default' || req.syntax !== 'proto3')).sort();
    const items: CompletionItem[] = builtins.map((o) => ({ label: o, kind: CompletionItemKind.Property, textEdit: edit(req, o), sortText: `0${o}` }));
    return [...items, ...customOptionItems(req, extendee, (n) => `(${n})`)];
  }
  if (words.length === 1 && words[0] === '(') {
    const close = req.ctx.next?.text === ')' ? '' : ')';
    return customOptionItems(req, extendee, (n) => `${n}${close}`);
  }
  if (words[words.length - 1] === '=') return optionValueItems(req, before.slice(0, -1));
  return [];
}

function featureItems(req: Request): CompletionItem[] {
  return [...FEATURE_FIELDS].sort().map((f) => ({ label: `features.${f}`, kind: CompletionItemKind.Property, textEdit: edit(req, `features.${f}`) }));
}

function customOptionItems(req: Request, extendee: string, wrap: (name: string) => string): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const symbol of req.project.allSymbols()) {
    if (symbol.kind !== 'extension' || extendeeOf(req.project, symbol) !== extendee) continue;
    const item = symbolItem(req, symbol, (s) => s.kind === 'extension', { wrap, gateAutoImport: false });
    if (item) out.push(item);
  }
  return out;
}

/** Values for the option named by `name` (its elements before `=`). */
function optionValueItems(req: Request, name: readonly Item[]): CompletionItem[] {
  const words = names(name);
  let values: readonly string[] | undefined;
  if (words.length === 1) {
    const w = words[0]!;
    values = w.startsWith('features.') ? FEATURE_VALUES[w.slice('features.'.length)] : BUILTIN_OPTION_VALUES[w];
  } else if (words.length === 3 && words[0] === '(' && words[2] === ')') {
    values = customOptionValues(req, words[1]!);
  }
  if (!values) return [];
  return values.map((v) => ({ label: v, kind: v === 'true' || v === 'false' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember, textEdit: edit(req, v) }));
}

function customOptionValues(req: Request, name: string): readonly string[] | undefined {
  const res = resolveName(name, req.scope, {
    index: req.project,
    isVisible: (s) => req.visible.has(s.uri),
    accept: (s) => s.kind === 'extension',
  });
  if (res.kind !== 'found') return undefined;
  const node = res.symbol.node;
  if (node?.kind !== 'field') return undefined;
  if (node.type.text === 'bool') return ['true', 'false'];
  const type = safeLink(req.project, res.symbol.uri)?.typeOf.get(node.type);
  if (type?.node?.kind !== 'enum') return undefined;
  return type.node.body.flatMap((v) => (v.kind === 'enumValue' && v.name.text ? [v.name.text] : []));
}
