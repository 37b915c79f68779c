/**
 * The outline of one file (hierarchical document symbols) and the search over every symbol of
 * the project (workspace symbols, fuzzy and ranked).
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { AnyDecl } from '../../core/proto/ast';
import type { ProtoProject } from '../../core/proto/project';
import type { ProtoSymbol, SymbolKind as ProtoSymbolKind } from '../../core/proto/symbols';
import type { LineIndex } from '../../core/text/lineIndex';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from './guard';
import { fieldDetail, rpcSignature } from './signature';

const kinds: Record<ProtoSymbolKind, SymbolKind> = {
  package: SymbolKind.Package,
  message: SymbolKind.Struct,
  enum: SymbolKind.Enum,
  enumValue: SymbolKind.EnumMember,
  field: SymbolKind.Field,
  oneof: SymbolKind.Object,
  extension: SymbolKind.Field,
  service: SymbolKind.Interface,
  rpc: SymbolKind.Method,
};

export function documentSymbols(project: ProtoProject, uri: string): DocumentSymbol[] {
  return guard('documentSymbols', [], () => {
    const state = project.get(uri);
    if (!state) return [];
    const index = lineIndexOf(state);
    return state.ast.body.flatMap((d) => outline(d, index));
  });
}

function symbol(
  index: LineIndex,
  name: string,
  kind: SymbolKind,
  span: Span,
  selection: Span,
  detail: string | undefined,
  children: DocumentSymbol[],
): DocumentSymbol {
  const res: DocumentSymbol = { name, kind, range: index.rangeOf(span), selectionRange: index.rangeOf(selection) };
  if (detail) res.detail = detail;
  if (children.length) res.children = children;
  return res;
}

function outline(d: AnyDecl, index: LineIndex): DocumentSymbol[] {
  const children = () => ('body' in d ? (d.body as readonly AnyDecl[]).flatMap((c) => outline(c, index)) : []);
  switch (d.kind) {
    case 'message':
      return d.name ? [symbol(index, d.name.text, SymbolKind.Struct, d.span, d.name.span, undefined, children())] : [];
    case 'enum':
      return d.name ? [symbol(index, d.name.text, SymbolKind.Enum, d.span, d.name.span, undefined, children())] : [];
    case 'enumValue':
      return d.name.text ? [symbol(index, d.name.text, SymbolKind.EnumMember, d.span, d.name.span, d.number?.text, [])] : [];
    case 'field':
    case 'mapField':
      return d.name ? [symbol(index, d.name.text, SymbolKind.Field, d.span, d.name.span, fieldDetail(d), [])] : [];
    case 'group':
      return d.name ? [symbol(index, d.name.text, SymbolKind.Struct, d.span, d.name.span, fieldDetail(d), children())] : [];
    case 'oneof':
      return d.name ? [symbol(index, d.name.text, SymbolKind.Object, d.span, d.name.span, 'oneof', children())] : [];
    case 'service':
      return d.name ? [symbol(index, d.name.text, SymbolKind.Interface, d.span, d.name.span, undefined, children())] : [];
    case 'rpc':
      return d.name
        ? [symbol(index, d.name.text, SymbolKind.Method, d.span, d.name.span, rpcSignature(d.name.text, d).slice(4 + d.name.text.length), [])]
        : [];
    case 'extend': {
      const name = `extend ${d.extendee?.text ?? ''}`.trim();
      return [symbol(index, name, SymbolKind.Namespace, d.span, d.extendee?.span ?? d.span, undefined, children())];
    }
    default:
      return [];
  }
}

/**
 * What workspace search finds: declarations one navigates to. Fields and enum values are left
 * out; they are most of a large workspace's symbols (googleapis: 210k of 315k) and reachable
 * through their message's outline.
 */
const SEARCHED: ReadonlySet<ProtoSymbolKind> = new Set(['message', 'enum', 'service', 'rpc', 'extension']);

/** How many workspace symbols one query returns at most. */
export const WORKSPACE_SYMBOL_LIMIT = 256;

export function workspaceSymbols(project: ProtoProject, query: string, limit = WORKSPACE_SYMBOL_LIMIT): SymbolInformation[] {
  return guard('workspaceSymbols', [], () => {
    const q = query.trim().toLowerCase();
    const scored: { s: ProtoSymbol; score: number }[] = [];
    for (const s of project.allSymbols()) {
      if (!SEARCHED.has(s.kind)) continue;
      const score = matchScore(q, s);
      if (score !== undefined) scored.push({ s, score });
    }
    scored.sort(
      (a, b) =>
        a.score - b.score ||
        kindRank(a.s) - kindRank(b.s) ||
        a.s.name.length - b.s.name.length ||
        (a.s.fullName < b.s.fullName ? -1 : a.s.fullName > b.s.fullName ? 1 : 0),
    );
    const out: SymbolInformation[] = [];
    for (const { s } of scored.slice(0, limit)) {
      const state = project.get(s.uri);
      if (!state) continue;
      const container = s.fullName.slice(0, Math.max(0, s.fullName.length - s.name.length - 1));
      const info: SymbolInformation = { name: s.name, kind: kinds[s.kind], location: { uri: s.uri, range: lineIndexOf(state).rangeOf(s.nameSpan) } };
      if (container) info.containerName = container;
      out.push(info);
    }
    return out;
  });
}

/** Types and services before their members when the match is equally good. */
function kindRank(s: ProtoSymbol): number {
  return s.kind === 'message' || s.kind === 'enum' || s.kind === 'service' ? 0 : s.kind === 'rpc' ? 1 : 2;
}

/**
 * Lower is better; undefined is no match. A query without a dot matches the name: exactly, as a
 * prefix, a substring, or a subsequence (`ordplcd` finds `OrderPlaced`). A query with a dot
 * matches the full name the same way, so `orders.v1.order` finds `acme.orders.v1.Order`.
 */
function matchScore(query: string, s: Pick<ProtoSymbol, 'name' | 'fullName'>): number | undefined {
  if (!query) return 0;
  if (query.includes('.')) {
    const full = s.fullName.toLowerCase();
    if (full === query) return 0;
    if (full.endsWith(query)) return 1;
    if (full.includes(query)) return 2;
    return isSubsequence(query, full) ? 3 : undefined;
  }
  const name = s.name.toLowerCase();
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(query)) return 2;
  return isSubsequence(query, name) ? 3 : undefined;
}

function isSubsequence(query: string, target: string): boolean {
  let i = 0;
  for (let j = 0; j < target.length && i < query.length; j++) if (target[j] === query[i]) i++;
  return i === query.length;
}
