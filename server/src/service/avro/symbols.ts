/**
 * The outline of an Avro file (hierarchical document symbols: protocol, named types, fields with
 * their types, enum symbols, messages) and the search over every named type of the workspace.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { AvroMessage, AvroSchema, Field, NamedSchema } from '../../core/avro/ast';
import { splitFullName } from '../../core/avro/names';
import { topLevelSchemas } from '../../core/avro/walk';
import type { LineIndex } from '../../core/text/lineIndex';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { fileOf, resolverFor, type AvroProject } from './project';
import { namedKind, typeText, type Resolve } from './typeText';

export function documentSymbols(project: AvroProject, uri: string): DocumentSymbol[] {
  return guard('avro documentSymbols', [], () => {
    const file = fileOf(project, uri);
    if (!file) return [];
    const index = lineIndexOf(file);
    const resolve = resolverFor(project, uri);
    const p = file.protocol;
    if (p) {
      const children = [...p.types.flatMap((t) => schemaSymbols(t, index, resolve)), ...p.messages.map((m) => messageSymbol(m, index, resolve))];
      const name = p.name?.text ?? 'protocol';
      return [symbol(index, name, SymbolKind.Interface, p.span, p.name?.span ?? p.span, p.namespace || undefined, children)];
    }
    return topLevelSchemas(file).flatMap((s) => schemaSymbols(s, index, resolve));
  });
}

function symbol(index: LineIndex, name: string, kind: SymbolKind, span: Span, selection: Span, detail: string | undefined, children: DocumentSymbol[]): DocumentSymbol {
  // A selection outside the whole range is rejected by VS Code; IDL implied nodes can borrow odd spans.
  const range = { start: Math.min(span.start, selection.start), end: Math.max(span.end, selection.end) };
  const res: DocumentSymbol = { name: name || '?', kind, range: index.rangeOf(range), selectionRange: index.rangeOf(selection) };
  if (detail) res.detail = detail;
  if (children.length) res.children = children;
  return res;
}

const KINDS: Record<NamedSchema['kind'], SymbolKind> = { record: SymbolKind.Struct, enum: SymbolKind.Enum, fixed: SymbolKind.TypeParameter };

/** Named types defined in this schema: the type itself, or the ones nested in a union, array or map. */
function schemaSymbols(s: AvroSchema, index: LineIndex, resolve: Resolve): DocumentSymbol[] {
  switch (s.kind) {
    case 'record':
    case 'enum':
    case 'fixed':
      return s.name ? [namedSymbol(s, index, resolve)] : [];
    case 'array':
      return s.items ? schemaSymbols(s.items, index, resolve) : [];
    case 'map':
      return s.values ? schemaSymbols(s.values, index, resolve) : [];
    case 'union':
      return s.branches.flatMap((b) => schemaSymbols(b, index, resolve));
    default:
      return [];
  }
}

function namedSymbol(s: NamedSchema, index: LineIndex, resolve: Resolve): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  if (s.kind === 'record') for (const f of s.fields) children.push(...fieldSymbol(f, index, resolve));
  if (s.kind === 'enum') for (const sym of s.symbols) children.push(symbol(index, sym.text, SymbolKind.EnumMember, sym.span, sym.span, undefined, []));
  const { namespace } = splitFullName(s.fullName ?? '');
  const detail = namespace ? `${namedKind(s)} · ${namespace}` : namedKind(s);
  return symbol(index, s.name!.text, KINDS[s.kind], s.span, s.name!.span, detail, children);
}

function fieldSymbol(f: Field, index: LineIndex, resolve: Resolve): DocumentSymbol[] {
  if (!f.name) return [];
  const nested = f.type ? schemaSymbols(f.type, index, resolve) : [];
  return [symbol(index, f.name.text, SymbolKind.Field, f.span, f.name.span, f.type ? typeText(f.type, resolve) : undefined, nested)];
}

function messageSymbol(m: AvroMessage, index: LineIndex, resolve: Resolve): DocumentSymbol {
  const params = m.request.map((p) => `${p.type ? typeText(p.type, resolve) : '?'} ${p.name?.text ?? ''}`).join(', ');
  const response = m.response ? typeText(m.response, resolve) : '?';
  return symbol(index, m.name.text, SymbolKind.Method, m.span, m.name.span, `(${params}): ${response === 'null' ? 'void' : response}`, []);
}

export const WORKSPACE_SYMBOL_LIMIT = 256;

/** Named types whose name (or, for a dotted query, full name) matches, best first. */
export function workspaceSymbols(project: AvroProject, query: string, limit = WORKSPACE_SYMBOL_LIMIT): SymbolInformation[] {
  return guard('avro workspaceSymbols', [], () => {
    const q = query.trim().toLowerCase();
    const scored: { uri: string; s: NamedSchema; full: string; name: string; score: number }[] = [];
    for (const uri of project.registry.uris()) {
      for (const d of project.registry.definitionsIn(uri)) {
        const name = splitFullName(d.fullName).name;
        // A type without a name (`"name": ""`, `"name": "a."`) cannot be searched for, and VS Code rejects a nameless symbol.
        if (!name) continue;
        const score = matchScore(q, name, d.fullName);
        if (score !== undefined) scored.push({ uri, s: d.schema, full: d.fullName, name, score });
      }
    }
    scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || (a.full < b.full ? -1 : a.full > b.full ? 1 : a.uri < b.uri ? -1 : 1));
    const out: SymbolInformation[] = [];
    for (const x of scored.slice(0, limit)) {
      const file = fileOf(project, x.uri);
      if (!file || !x.s.name) continue;
      const info: SymbolInformation = { name: x.name, kind: KINDS[x.s.kind], location: { uri: x.uri, range: lineIndexOf(file).rangeOf(x.s.name.span) } };
      const ns = splitFullName(x.full).namespace;
      if (ns) info.containerName = ns;
      out.push(info);
    }
    return out;
  });
}

/** Lower is better: exact, prefix, substring, subsequence; undefined is no match. */
function matchScore(query: string, name: string, fullName: string): number | undefined {
  if (!query) return 0;
  const target = (query.includes('.') ? fullName : name).toLowerCase();
  if (target === query) return 0;
  if (query.includes('.') ? target.endsWith(query) : target.startsWith(query)) return 1;
  if (target.includes(query)) return 2;
  let i = 0;
  for (let j = 0; j < target.length && i < query.length; j++) if (target[j] === query[i]) i++;
  return i === query.length ? 3 : undefined;
}
