/**
 * What is at an offset of a .proto file: the chain of declarations around it, the reference or
 * declared name under it, and the symbol either one stands for. Every editor feature starts here.
 *
 * A cursor touching the end of a name counts as on it (`Foo|` is on `Foo`), as editors expect.
 */
import type { Position } from 'vscode-languageserver-types';
import type { AnyDecl, ImportDecl, OptionDecl, ProtoFile } from '../../core/proto/ast';
import type { LinkResult, Ref } from '../../core/proto/link';
import type { ProtoFileState, ProtoProject } from '../../core/proto/project';
import type { FileSymbols, ProtoSymbol } from '../../core/proto/symbols';
import { spanCovers, type Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';

/** The symbol under the cursor and how the cursor reaches it. */
export interface Target {
  readonly symbol: ProtoSymbol;
  /** The text under the cursor that names the symbol: the reference or the declared name. */
  readonly span: Span;
  /**
   * Set when the cursor is on a reference rather than on the declaration's name. On a qualifier
   * (`Outer` of `Outer.Inner`) the symbol is the qualifier's and `span` is just that component.
   */
  readonly ref?: Ref;
}

/** The offset of an LSP position in a project file; positions outside the text clamp to it. */
export function offsetAt(project: ProtoProject, uri: string, position: Position): number | undefined {
  const state = project.get(uri);
  if (!state) return undefined;
  return lineIndexOf(state).offsetAt(position);
}

/** The declarations a declaration directly contains, options included. */
function childrenOf(decl: AnyDecl | ProtoFile): readonly AnyDecl[] {
  switch (decl.kind) {
    case 'file':
    case 'message':
    case 'enum':
    case 'service':
    case 'oneof':
    case 'extend':
    case 'group':
      return decl.body;
    default:
      return [];
  }
}

/** Compact options (`[...]`) and rpc body options are children too, for option lookups. */
function optionsOf(decl: AnyDecl): readonly OptionDecl[] {
  switch (decl.kind) {
    case 'field':
    case 'mapField':
    case 'group':
    case 'enumValue':
    case 'extensions':
    case 'rpc':
      return decl.options;
    default:
      return [];
  }
}

/** The declarations containing the offset, outermost first. */
export function declPathAt(ast: ProtoFile, offset: number): AnyDecl[] {
  const path: AnyDecl[] = [];
  let children: readonly AnyDecl[] = ast.body;
  for (;;) {
    const next = pickCovering(children, offset);
    if (!next) break;
    path.push(next);
    children = [...childrenOf(next), ...optionsOf(next)];
  }
  return path;
}

/**
 * The child covering the offset. Siblings can touch (`a;b`): the later one wins when the offset is
 * its start, so a cursor at the start of a declaration is in that declaration.
 */
function pickCovering(children: readonly AnyDecl[], offset: number): AnyDecl | undefined {
  let found: AnyDecl | undefined;
  for (const c of children) {
    if (c.span.start > offset) break;
    if (spanCovers(c.span, offset)) found = c;
  }
  return found;
}

/** The resolved reference under the offset. */
export function refAt(link: LinkResult | undefined, offset: number): Ref | undefined {
  if (!link) return undefined;
  let best: Ref | undefined;
  for (const r of link.refs) {
    if (!spanCovers(r.span, offset)) continue;
    // Touching spans (`A,B`): prefer the one the offset is strictly inside.
    if (!best || r.span.start === offset) best = r;
  }
  return best;
}

/** The symbol whose declared name is under the offset. */
export function declaredSymbolAt(symbols: FileSymbols, offset: number, text: string): ProtoSymbol | undefined {
  let best: ProtoSymbol | undefined;
  for (const s of symbols.all) {
    if (!spanCovers(s.nameSpan, offset)) continue;
    // All package prefixes share the dotted name's span; pick the component under the offset.
    if (s.kind === 'package' && componentEnd(text, s.nameSpan, offset) !== s.nameSpan.start + s.fullName.length) continue;
    // A group declares a field and a message under one name; the message is the more useful one.
    if (best && best.kind === 'message' && s.kind !== 'message') continue;
    best = s;
  }
  return best;
}

/** The end offset of the dotted-name component the offset is in. */
function componentEnd(text: string, nameSpan: Span, offset: number): number {
  let end = Math.max(offset, nameSpan.start);
  while (end < nameSpan.end && text[end] !== '.') end++;
  return end;
}

/** The import declaration whose path string is under the offset. */
export function importAt(ast: ProtoFile, offset: number): ImportDecl | undefined {
  for (const d of ast.body) {
    if (d.kind === 'import' && d.pathSpan && spanCovers(d.pathSpan, offset)) return d;
  }
  return undefined;
}

/** The symbol under the cursor, whether it is referenced or declared there. */
export function targetAt(project: ProtoProject, uri: string, offset: number): Target | undefined {
  const state = project.get(uri);
  if (!state) return undefined;
  const ref = refAt(project.link(uri), offset);
  if (ref) return qualifierTarget(project, state.text, ref, offset) ?? { symbol: ref.target, span: ref.span, ref };
  const symbol = declaredSymbolAt(state.symbols, offset, state.text);
  if (symbol) return { symbol, span: symbol.kind === 'package' ? packageComponentSpan(symbol) : symbol.nameSpan };
  return undefined;
}

/**
 * On a qualifier of a reference (`Outer` in `Outer.Inner`, `acme` in `acme.Money`), the symbol
 * that qualifier names: the components of a resolved name line up with the end of its full name.
 */
function qualifierTarget(project: ProtoProject, text: string, ref: Ref, offset: number): Target | undefined {
  const components = nameComponents(text, ref.span);
  const at = components.findIndex((c) => spanCovers(c, offset));
  if (at < 0 || at === components.length - 1) return undefined;
  const up = components.length - 1 - at;
  const parts = ref.target.fullName.split('.');
  if (up >= parts.length) return undefined;
  const fullName = parts.slice(0, parts.length - up).join('.');
  let symbol: ProtoSymbol | undefined = ref.target;
  while (symbol && symbol.fullName !== fullName) symbol = symbol.parent;
  symbol ??= project.lookup(fullName)?.find((s) => s.kind === 'package');
  return symbol ? { symbol, span: components[at]!, ref } : undefined;
}

/** The identifier components of a dotted name in the text (`.a . b` too), with their spans. */
export function nameComponents(text: string, s: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(s.start, s.end);
  for (const m of slice.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
  return out;
}

/** The span of one package symbol's last component inside the package statement. */
function packageComponentSpan(symbol: ProtoSymbol): Span {
  const end = symbol.nameSpan.start + symbol.fullName.length;
  return { start: end - symbol.name.length, end };
}

/** The full name of the scope at the offset: the package plus the enclosing messages (or service). */
export function scopeAt(state: ProtoFileState, offset: number): string {
  let scope = state.symbols.packageName;
  for (const d of declPathAt(state.ast, offset)) {
    if ((d.kind === 'message' || d.kind === 'group' || d.kind === 'service') && d.name) {
      // Inside the body only: the message's own name is declared in the outer scope.
      const bodyStart = d.name.span.end;
      if (offset <= bodyStart) break;
      scope = scope ? `${scope}.${d.name.text}` : d.name.text;
    }
  }
  return scope;
}
