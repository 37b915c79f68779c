/**
 * What the cursor is on in an Avro file: a named type's name, a reference, a field, an enum
 * symbol, an alias, a type keyword, a logical type, a namespace, a message or an IDL import.
 * One walk over the tree, keeping the smallest span that holds the offset, so the answer is the
 * same for .avsc and .avdl.
 */
import type {
  AvroFile,
  AvroImport,
  AvroMessage,
  AvroSchema,
  EnumSchema,
  Field,
  NamedSchema,
  NameNode,
  RecordSchema,
  ReferenceSchema,
} from '../../core/avro/ast';
import type { JsonString } from '../../core/avro/json';
import { walkFile } from '../../core/avro/walk';
import type { Span } from '../../core/text/span';
import { contains } from './project';

export type AvroTarget =
  | { readonly kind: 'definition'; readonly schema: NamedSchema; readonly span: Span }
  | { readonly kind: 'reference'; readonly ref: ReferenceSchema; readonly span: Span }
  | { readonly kind: 'field'; readonly field: Field; readonly owner: RecordSchema | AvroMessage; readonly span: Span }
  | { readonly kind: 'symbol'; readonly symbol: NameNode; readonly enumSchema: EnumSchema; readonly span: Span }
  | { readonly kind: 'alias'; readonly alias: NameNode; readonly owner: NamedSchema | Field; readonly span: Span }
  /** A string default whose type may be an enum (a field's or an enum's own). */
  | { readonly kind: 'default'; readonly value: JsonString; readonly type: AvroSchema; readonly span: Span }
  /** A type keyword or a primitive type name. */
  | { readonly kind: 'type'; readonly schema: AvroSchema; readonly span: Span }
  | { readonly kind: 'logicalType'; readonly schema: AvroSchema; readonly span: Span }
  | { readonly kind: 'namespace'; readonly name: NameNode; readonly span: Span }
  | { readonly kind: 'message'; readonly message: AvroMessage; readonly span: Span }
  | { readonly kind: 'import'; readonly node: AvroImport; readonly span: Span };

export function targetAt(file: AvroFile, offset: number): AvroTarget | undefined {
  let best: AvroTarget | undefined;
  const offer = (t: AvroTarget) => {
    if (!contains(t.span, offset)) return;
    if (!best || t.span.end - t.span.start < best.span.end - best.span.start) best = t;
  };
  const aliases = (owner: NamedSchema | Field, list: readonly NameNode[]) => {
    for (const a of list) offer({ kind: 'alias', alias: a, owner, span: a.span });
  };

  for (const imp of file.imports) offer({ kind: 'import', node: imp, span: imp.path.span });
  if (file.namespace) offer({ kind: 'namespace', name: file.namespace, span: file.namespace.span });
  if (file.protocol?.namespaceAttr) offer({ kind: 'namespace', name: file.protocol.namespaceAttr, span: file.protocol.namespaceAttr.span });

  walkFile(file, {
    schema(s) {
      if (!contains(s.span, offset)) return;
      if (s.logicalType) offer({ kind: 'logicalType', schema: s, span: s.logicalType.span });
      switch (s.kind) {
        case 'record':
        case 'enum':
        case 'fixed':
          if (s.name) offer({ kind: 'definition', schema: s, span: s.name.span });
          if (s.typeName) offer({ kind: 'type', schema: s, span: s.typeName.span });
          if (s.namespaceAttr) offer({ kind: 'namespace', name: s.namespaceAttr, span: s.namespaceAttr.span });
          aliases(s, s.aliases);
          if (s.kind === 'enum') {
            for (const sym of s.symbols) offer({ kind: 'symbol', symbol: sym, enumSchema: s, span: sym.span });
            if (s.default?.kind === 'string') offer({ kind: 'default', value: s.default, type: s, span: s.default.span });
          }
          break;
        case 'reference':
          offer({ kind: 'reference', ref: s, span: s.name.span });
          break;
        case 'primitive':
          offer({ kind: 'type', schema: s, span: s.typeName?.span ?? s.span });
          break;
        case 'array':
        case 'map':
          if (s.typeName) offer({ kind: 'type', schema: s, span: s.typeName.span });
          break;
        default:
          break;
      }
    },
    field(f, owner) {
      if (!contains(f.span, offset) && !(f.default && contains(f.default.span, offset))) return;
      if (f.name) offer({ kind: 'field', field: f, owner, span: f.name.span });
      aliases(f, f.aliases);
      if (f.default?.kind === 'string' && f.type) offer({ kind: 'default', value: f.default, type: f.type, span: f.default.span });
    },
    message(m) {
      offer({ kind: 'message', message: m, span: m.name.span });
    },
  });
  return best;
}

/** The namespace names resolve in at `offset`: the innermost named type's, the protocol's or the file's. */
export function namespaceAt(file: AvroFile, offset: number): string {
  let ns = file.protocol?.namespace ?? file.namespace?.text ?? '';
  let size = Infinity;
  walkFile(file, {
    schema(s) {
      if ((s.kind === 'record' || s.kind === 'enum' || s.kind === 'fixed') && contains(s.span, offset) && s.span.end - s.span.start < size) {
        size = s.span.end - s.span.start;
        ns = s.namespace;
      }
    },
  });
  return ns;
}

/** The innermost record field (or message parameter) whose span holds the offset. */
export function fieldAt(file: AvroFile, offset: number): { field: Field; owner: RecordSchema | AvroMessage } | undefined {
  let best: { field: Field; owner: RecordSchema | AvroMessage } | undefined;
  walkFile(file, {
    field(f, owner) {
      if (contains(f.span, offset) && (!best || f.span.end - f.span.start <= best.field.span.end - best.field.span.start)) best = { field: f, owner };
    },
  });
  return best;
}
