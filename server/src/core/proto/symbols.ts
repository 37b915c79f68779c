/**
 * The symbols one file declares, with their full names, in protoc's scoping: nested types live
 * inside their message, enum values are siblings of their enum (C++ scoping), extensions live in the
 * scope of their `extend` block, and a package `a.b` declares the packages `a` and `a.b`.
 *
 * Computed from the syntax tree alone, so a file's symbols survive edits of other files.
 */
import type { Span } from '../text/span';
import type {
  AnyDecl,
  EnumDecl,
  ExtendDecl,
  FieldDecl,
  GroupDecl,
  MapFieldDecl,
  MessageDecl,
  MessageElement,
  OneofDecl,
  ProtoFile,
  RpcDecl,
  ServiceDecl,
} from './ast';

export type SymbolKind =
  | 'package'
  | 'message'
  | 'enum'
  | 'enumValue'
  | 'field'
  | 'oneof'
  | 'extension'
  | 'service'
  | 'rpc';

export interface ProtoSymbol {
  readonly kind: SymbolKind;
  /** The simple name. */
  readonly name: string;
  /** The full name without a leading dot, e.g. `acme.orders.v1.Order.Item`. */
  readonly fullName: string;
  readonly uri: string;
  /** The name's span; for a package, the span of the whole dotted name in the package statement. */
  readonly nameSpan: Span;
  /** The declaration's span. */
  readonly span: Span;
  readonly node?: AnyDecl;
  /** The enclosing message, enum, service or (for extensions and top-level types) undefined. */
  readonly parent?: ProtoSymbol;
}

/** Types that a type reference may name. */
export function isType(s: ProtoSymbol): boolean {
  return s.kind === 'message' || s.kind === 'enum';
}

/** Symbols whose name can start a compound name (`A.B`): a lookup passes through them. */
export function isAggregate(s: ProtoSymbol): boolean {
  return s.kind === 'message' || s.kind === 'enum' || s.kind === 'package' || s.kind === 'service';
}

export interface FileSymbols {
  readonly packageName: string;
  /** Every symbol the file declares, in source order, packages first. */
  readonly all: readonly ProtoSymbol[];
}

/** Builds the symbol objects; the project supplies one whose nodes can be dropped and re-read. */
export type SymbolFactory = (
  kind: SymbolKind,
  name: string,
  fullName: string,
  nameSpan: Span,
  span: Span,
  node: AnyDecl,
  parent: ProtoSymbol | undefined,
  position: number,
) => ProtoSymbol;

/** Stands in for a symbol a caller does not want: nothing reads it but its name, as a scope. */
const SKIPPED: ProtoSymbol = { kind: 'field', name: '', fullName: '', uri: '', nameSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 } };

/**
 * `only` limits the symbols to those kinds (a text-built image wants only types, packages and
 * services, a sixth of a file's symbols), and spares building the others' full names.
 */
export function collectSymbols(uri: string, ast: ProtoFile, factory?: SymbolFactory, only?: ReadonlySet<SymbolKind>): FileSymbols {
  const all: ProtoSymbol[] = [];
  let packageName = '';
  for (const decl of ast.body) {
    if (decl.kind === 'package' && decl.name && !packageName) {
      packageName = decl.name.text;
      if (only && !only.has('package')) continue;
      const parts = packageName.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const name = parts[i - 1]!;
        const fullName = parts.slice(0, i).join('.');
        all.push(
          factory
            ? factory('package', name, fullName, decl.name.span, decl.span, decl, undefined, all.length)
            : { kind: 'package', name, fullName, uri, nameSpan: decl.name.span, span: decl.span, node: decl },
        );
      }
    }
  }
  const add = (
    kind: SymbolKind,
    name: string,
    scope: string,
    nameSpan: Span,
    node: AnyDecl,
    parent: ProtoSymbol | undefined,
  ): ProtoSymbol => {
    if (only && !only.has(kind)) return SKIPPED;
    const fullName = scope ? `${scope}.${name}` : name;
    const sym: ProtoSymbol = factory
      ? factory(kind, name, fullName, nameSpan, node.span, node, parent, all.length)
      : { kind, name, fullName, uri, nameSpan, span: node.span, node, parent };
    all.push(sym);
    return sym;
  };

  const visitEnum = (e: EnumDecl, scope: string, parent: ProtoSymbol | undefined) => {
    if (!e.name) return;
    const sym = add('enum', e.name.text, scope, e.name.span, e, parent);
    for (const v of e.body) {
      // Enum values are scoped as siblings of the enum, not inside it.
      if (v.kind === 'enumValue' && v.name.text) add('enumValue', v.name.text, scope, v.name.span, v, sym);
    }
  };

  const visitExtend = (x: ExtendDecl, scope: string, parent: ProtoSymbol | undefined) => {
    for (const f of x.body) {
      if (f.kind === 'field' && f.name) add('extension', f.name.text, scope, f.name.span, f, parent);
      if (f.kind === 'group' && f.name) {
        add('extension', f.name.text.toLowerCase(), scope, f.name.span, f, parent);
        visitGroupMessage(f, scope, parent);
      }
    }
  };

  const visitGroupMessage = (g: GroupDecl, scope: string, parent: ProtoSymbol | undefined) => {
    if (!g.name) return;
    const sym = add('message', g.name.text, scope, g.name.span, g, parent);
    visitBody(g.body, sym.fullName, sym);
  };

  const visitField = (f: FieldDecl | MapFieldDecl, scope: string, parent: ProtoSymbol) => {
    if (f.name) add('field', f.name.text, scope, f.name.span, f, parent);
  };

  const visitBody = (body: readonly MessageElement[], scope: string, parent: ProtoSymbol) => {
    for (const el of body) {
      switch (el.kind) {
        case 'field':
        case 'mapField':
          visitField(el, scope, parent);
          break;
        case 'group':
          if (el.name) add('field', el.name.text.toLowerCase(), scope, el.name.span, el, parent);
          visitGroupMessage(el, scope, parent);
          break;
        case 'oneof':
          visitOneof(el, scope, parent);
          break;
        case 'message':
          visitMessage(el, scope, parent);
          break;
        case 'enum':
          visitEnum(el, scope, parent);
          break;
        case 'extend':
          visitExtend(el, scope, parent);
          break;
        default:
          break;
      }
    }
  };

  const visitOneof = (o: OneofDecl, scope: string, parent: ProtoSymbol) => {
    if (o.name) add('oneof', o.name.text, scope, o.name.span, o, parent);
    for (const f of o.body) {
      if (f.kind === 'field') visitField(f, scope, parent);
      if (f.kind === 'group') {
        if (f.name) add('field', f.name.text.toLowerCase(), scope, f.name.span, f, parent);
        visitGroupMessage(f, scope, parent);
      }
    }
  };

  const visitMessage = (m: MessageDecl, scope: string, parent: ProtoSymbol | undefined) => {
    if (!m.name) return;
    const sym = add('message', m.name.text, scope, m.name.span, m, parent);
    visitBody(m.body, sym.fullName, sym);
  };

  const visitService = (s: ServiceDecl, scope: string) => {
    if (!s.name) return;
    const sym = add('service', s.name.text, scope, s.name.span, s, undefined);
    for (const r of s.body) {
      if (r.kind === 'rpc' && r.name) add('rpc', r.name.text, sym.fullName, r.name.span, r as RpcDecl, sym);
    }
  };

  for (const decl of ast.body) {
    if (decl.kind === 'message') visitMessage(decl, packageName, undefined);
    else if (decl.kind === 'enum') visitEnum(decl, packageName, undefined);
    else if (decl.kind === 'service') visitService(decl, packageName);
    else if (decl.kind === 'extend') visitExtend(decl, packageName, undefined);
  }
  return { packageName, all };
}
