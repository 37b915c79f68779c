/**
 * Where "Generate handlers" shows itself in a schema file: the name of each event union (code
 * lenses, and the "generated code is stale" warning). Pure: the model and the file's syntax tree in,
 * spans out.
 */
import { diagnostic, type Diagnostic } from '../../core/diagnostics/diagnostic';
import type { EventModel, EventUnion, ModelFile } from '../../core/model/types';
import type { Span } from '../../core/text/span';

export const STALE_CODE = 'codegen/stale';

export interface UnionSite {
  readonly union: EventUnion;
  /** The envelope message's name, the union field's name, or the first character of a top-level union. */
  readonly span: Span;
}

interface Named {
  readonly span: Span;
  readonly name: { readonly span: Span };
}

const key = (s: Span) => `${s.start}:${s.end}`;

/**
 * The name spans of the syntax nodes whose spans are `spans`. Both syntax trees (Protobuf and
 * Avro) give every declaration a `span` and its name a `name.span`, so one walk serves both; and
 * one walk serves every span, so a file with many unions costs one walk, not one per union.
 */
function namesOfNodesAt(ast: unknown, spans: readonly Span[]): Map<string, Span> {
  const out = new Map<string, Span>();
  const wanted = new Set(spans.map(key));
  const starts = [...new Set(spans.map((s) => s.start))].sort((a, b) => a - b);
  // Only a node in which some wanted span starts can hold it.
  const holdsOne = (s: Span): boolean => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! <= s.end;
  };
  const stack: unknown[] = [ast];
  const seen = new Set<object>();
  while (stack.length && out.size < wanted.size) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const s = (node as { span?: Span }).span;
    if (s && typeof s.start === 'number') {
      if (!holdsOne(s)) continue;
      const name = (node as Partial<Named>).name;
      const k = key(s);
      if (typeof name?.span?.start === 'number' && wanted.has(k) && !out.has(k)) out.set(k, name.span);
    }
    for (const value of Array.isArray(node) ? node : Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return out;
}

/** Every event union of `file`, at its name. */
export function unionSites(model: EventModel, file: ModelFile, ast: unknown): UnionSite[] {
  const declared = file.unions.map((union) => {
    const container = union.kind === 'envelope' && union.container ? model.types.get(union.container) : undefined;
    return container?.source.uri === file.uri ? container.source.span : union.source.span;
  });
  const names = namesOfNodesAt(ast, declared.filter((_, i) => file.unions[i]!.kind !== 'topLevel'));
  return file.unions.map((union, i) => {
    const name = union.kind === 'topLevel' ? undefined : names.get(key(declared[i]!));
    return { union, span: name ?? { start: union.source.span.start, end: union.source.span.start + 1 } };
  });
}

/**
 * "Generated code is stale" on each union of the file, or on its first type when it has none (a
 * module of types only, which other modules import).
 */
export function staleDiagnostics(model: EventModel, file: ModelFile, ast: unknown, modulePath: string): Diagnostic[] {
  const message = `generated code is stale: ${modulePath} was generated from an older version of this schema or of its imports; run "Generate handlers" to regenerate it`;
  const sites = unionSites(model, file, ast).map((s) => s.span);
  if (sites.length === 0) {
    const first = file.types.map((id) => model.types.get(id)).find((t) => t?.source.uri === file.uri);
    const span = first ? (namesOfNodesAt(ast, [first.source.span]).get(key(first.source.span)) ?? first.source.span) : { start: 0, end: 0 };
    sites.push(span);
  }
  return sites.map((span) => diagnostic(STALE_CODE, 'warning', message, span));
}
