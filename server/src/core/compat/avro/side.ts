/**
 * One side of a reader/writer comparison: a schema, how its references resolve, and which nodes
 * belong to its file (so a span never points into a file other than the one being reported on).
 */
import type { AvroFile, AvroSchema } from '../../avro/ast';
import { fileResolver, type Resolver } from '../../avro/canonical';
import { referenceCandidates } from '../../avro/names';
import type { AvroRegistry } from '../../avro/registry';
import { walkFile, walkSchema } from '../../avro/walk';
import type { Span } from '../../text/span';
import type { ResolvedSchema } from './types';

export interface AvroSide {
  readonly schema: AvroSchema;
  /** The file the schema is in: its other definitions resolve references and own spans. */
  readonly file?: AvroFile;
  /** Other files' definitions, for names the file does not define. */
  readonly registry?: AvroRegistry;
  /** Overrides how references resolve (default: the file's definitions, then the registry). */
  readonly resolve?: Resolver;
}

export type Resolved = ResolvedSchema;

export class SideContext {
  private readonly owned = new Set<object>();
  private readonly resolver: Resolver;

  constructor(readonly side: AvroSide) {
    const visitor = {
      schema: (s: AvroSchema) => void this.owned.add(s),
      field: (f: object) => void this.owned.add(f),
    };
    if (side.file) walkFile(side.file, visitor);
    walkSchema(side.schema, visitor, undefined);
    const fallback = side.file ? fileResolver(side.file, side.registry) : registryResolver(side.registry);
    this.resolver = side.resolve ?? fallback;
  }

  owns(node: object): boolean {
    return this.owned.has(node);
  }

  /** The schema a node denotes; undefined when it cannot be known (unresolved or invalid). */
  deref(node: AvroSchema | undefined): Resolved | undefined {
    if (!node) return undefined;
    if (node.kind === 'reference') return this.resolver(node);
    if (node.kind === 'invalid') return undefined;
    return node;
  }

  /** Where a type used at this position is reported: itself when in this file, else the enclosing use. */
  anchor(node: AvroSchema, outer: Span): Span {
    return this.owns(node) ? typeSpan(node) : outer;
  }

  /** A span inside a definition when the definition is in this file, else the anchor of its use. */
  inner(def: object, span: Span | undefined, anchor: Span): Span {
    return span && this.owns(def) ? span : anchor;
  }
}

function registryResolver(registry: AvroRegistry | undefined): Resolver {
  return (ref) => {
    if (!registry) return undefined;
    for (const candidate of referenceCandidates(ref)) {
      const found = registry.lookup(candidate)[0];
      if (found) return found.schema;
    }
    return undefined;
  };
}

/** The smallest text that names a type: a named type's name, `array`/`map`, else the whole node. */
export function typeSpan(s: AvroSchema): Span {
  switch (s.kind) {
    case 'record':
    case 'enum':
    case 'fixed':
      return s.name?.span ?? s.typeName?.span ?? s.span;
    case 'array':
    case 'map':
      return s.typeName?.span ?? s.span;
    default:
      return s.span;
  }
}
