/**
 * Traversal of an Avro file in the spec's order: depth first, left to right, a protocol's types
 * before its messages. Checks, the registry and editor features share it.
 */
import type { AvroFile, AvroMessage, AvroSchema, Field, NamedSchema, RecordSchema, ReferenceSchema } from './ast';

export interface AvroVisitor {
  /** Every schema node; `parent` is the schema that contains it (undefined at the top of a tree). */
  schema?(schema: AvroSchema, parent: AvroSchema | undefined): void;
  /** Every record field and message parameter, before its type is visited. */
  field?(field: Field, owner: RecordSchema | AvroMessage): void;
  message?(message: AvroMessage): void;
}

/** The top-level schemas of a file: the main schema, IDL declarations, protocol types. */
export function topLevelSchemas(file: AvroFile): AvroSchema[] {
  const out: AvroSchema[] = [];
  if (file.schema) out.push(file.schema);
  out.push(...file.types);
  if (file.protocol) out.push(...file.protocol.types);
  return out;
}

export function walkFile(file: AvroFile, visitor: AvroVisitor): void {
  for (const s of topLevelSchemas(file)) walkSchema(s, visitor, undefined);
  for (const m of file.protocol?.messages ?? []) walkMessage(m, visitor);
}

export function walkMessage(m: AvroMessage, visitor: AvroVisitor): void {
  visitor.message?.(m);
  for (const p of m.request) {
    visitor.field?.(p, m);
    if (p.type) walkSchema(p.type, visitor, undefined);
  }
  if (m.response) walkSchema(m.response, visitor, undefined);
  for (const e of m.errors) walkSchema(e, visitor, undefined);
}

export function walkSchema(s: AvroSchema, visitor: AvroVisitor, parent: AvroSchema | undefined): void {
  visitor.schema?.(s, parent);
  switch (s.kind) {
    case 'record':
      for (const f of s.fields) {
        visitor.field?.(f, s);
        if (f.type) walkSchema(f.type, visitor, s);
      }
      break;
    case 'array':
      if (s.items) walkSchema(s.items, visitor, s);
      break;
    case 'map':
      if (s.values) walkSchema(s.values, visitor, s);
      break;
    case 'union':
      for (const b of s.branches) walkSchema(b, visitor, s);
      break;
    default:
      break;
  }
}

/** Named type definitions with a full name, in definition order. */
export function namedDefinitions(file: AvroFile): NamedSchema[] {
  const out: NamedSchema[] = [];
  const seen = new Set<AvroSchema>();
  walkFile(file, {
    schema(s) {
      if ((s.kind === 'record' || s.kind === 'enum' || s.kind === 'fixed') && s.fullName !== undefined && !seen.has(s)) {
        seen.add(s);
        out.push(s);
      }
    },
  });
  return out;
}

/** Uses of named types by name, in order; a node shared by several IDL variables appears once. */
export function namedReferences(file: AvroFile): ReferenceSchema[] {
  const out: ReferenceSchema[] = [];
  const seen = new Set<AvroSchema>();
  walkFile(file, {
    schema(s) {
      if (s.kind === 'reference' && !seen.has(s)) {
        seen.add(s);
        out.push(s);
      }
    },
  });
  return out;
}
