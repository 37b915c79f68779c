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

/**
 * The name span of the syntax node whose span is `span`. Both syntax trees (Protobuf and Avro)
 * give every declaration a `span` and its name a `name.span`, so one walk serves both.
 */
function nameOfNodeAt(ast: unknown, span: Span): Span | undefined {
  const stack: unknown[] = [ast];
  const seen = new Set<object>();
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const n = node as Partial<Named>;
    if (n.span && n.span.start === span.start && n.span.end === span.end && typeof n.name?.span?.start === 'number') return n.name.span;
    const s = (node as { span?: Span }).span;
    // Only nodes that contain the target can hold it.
    if (s && typeof s.start === 'number' && (s.start > span.start || s.end < span.end)) continue;
    for (const value of Array.isArray(node) ? node : Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return undefined;
}

/** Every event union of `file`, at its name. */
export function unionSites(model: EventModel, file: ModelFile, ast: unknown): UnionSite[] {
  return file.unions.map((union) => {
    const container = union.kind === 'envelope' && union.container ? model.types.get(union.container) : undefined;
    const declared = container?.source.uri === file.uri ? container.source.span : union.source.span;
    const name = union.kind === 'topLevel' ? undefined : nameOfNodeAt(ast, declared);
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
    const span = first ? (nameOfNodeAt(ast, first.source.span) ?? first.source.span) : { start: 0, end: 0 };
    sites.push(span);
  }
  return sites.map((span) => diagnostic(STALE_CODE, 'warning', message, span));
}
