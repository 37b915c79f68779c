/**
 * Avro -> event model, for `.avsc` and `.avdl` alike (both parse into the same AST). Names
 * resolve through the registry, so a record may use types other files define. Event unions: a
 * top-level union of records, and a record field whose type is a union of two or more records
 * (a `null` branch besides them makes the union nullable).
 *
 * Never throws on broken input: unresolvable references become `unresolved` types.
 */
import type { AvroFile, AvroSchema, EnumSchema, Field as AvroField, FixedSchema, NamedSchema, Prop, RecordSchema } from '../avro/ast';
import { toPlain } from '../avro/json';
import { LOGICAL_TYPES } from '../avro/logicalTypes';
import { qualify } from '../avro/names';
import type { AvroRegistry } from '../avro/registry';
import { namedDefinitions, topLevelSchemas } from '../avro/walk';
import { baseName, pascalCase } from './names';
import {
  typeId,
  type EnumType,
  type EventModel,
  type EventUnion,
  type Field,
  type FixedType,
  type ModelFile,
  type ModelType,
  type RecordType,
  type ScalarName,
  type TypeExpr,
} from './types';
import { variantTags } from './variants';

export interface AvroInput {
  readonly uri: string;
  /** The path generated files mirror, `/`-separated, e.g. `acme/orders/order-events.avsc`. */
  readonly path: string;
}

export interface LowerAvroOptions {
  /** The path of a file that is not an input but defines types the inputs use. Default: its uri's last segment. */
  readonly pathOf?: (uri: string) => string | undefined;
}

const PRIMITIVE: Readonly<Record<string, ScalarName>> = {
  null: 'null',
  boolean: 'bool',
  int: 'int32',
  long: 'int64',
  float: 'float',
  double: 'double',
  bytes: 'bytes',
  string: 'string',
};

/** Logical types a reader applies, by the primitive they annotate. */
const LOGICAL_ON_PRIMITIVE: Readonly<Record<string, readonly string[]>> = {
  bytes: ['decimal', 'big-decimal'],
  string: ['uuid'],
  int: ['date', 'time-millis'],
  long: [
    'time-micros',
    'timestamp-millis',
    'timestamp-micros',
    'timestamp-nanos',
    'local-timestamp-millis',
    'local-timestamp-micros',
    'local-timestamp-nanos',
  ],
};

/** `a.b.Name` -> `Name`: a name written with dots is a full name. */
function simpleName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

function propsOf(props: readonly Prop[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) out[p.key] = toPlain(p.value);
  return out;
}

interface Resolved {
  readonly schema: NamedSchema;
  readonly uri: string;
}

export function lowerAvro(registry: AvroRegistry, inputs: readonly AvroInput[], options: LowerAvroOptions = {}): EventModel {
  const types = new Map<string, ModelType>();
  const declared = new Map<string, string[]>();
  const lowered = new Set<string>();
  const pending: { schema: NamedSchema; uri: string }[] = [];
  /** Files each file's types use, directly. */
  const uses = new Map<string, Set<string>>();

  const useFile = (from: string, to: string) => {
    if (from === to) return;
    let set = uses.get(from);
    if (!set) uses.set(from, (set = new Set()));
    set.add(to);
  };

  const resolveRef = (schema: AvroSchema, uri: string): Resolved | undefined => {
    if (schema.kind === 'record' || schema.kind === 'enum' || schema.kind === 'fixed') return schema.fullName ? { schema, uri } : undefined;
    if (schema.kind !== 'reference') return undefined;
    const d = registry.resolve(schema, uri);
    return d ? { schema: d.schema, uri: d.uri } : undefined;
  };

  const include = (schema: NamedSchema, uri: string) => {
    const id = typeId('avro', schema.fullName!);
    if (lowered.has(id)) return;
    lowered.add(id);
    pending.push({ schema, uri });
    let list = declared.get(uri);
    if (!list) declared.set(uri, (list = []));
    list.push(id);
  };

  const typeOf = (schema: AvroSchema | undefined, uri: string): TypeExpr => {
    if (!schema) return { kind: 'unresolved', text: '' };
    switch (schema.kind) {
      case 'invalid':
        return { kind: 'unresolved', text: '' };
      case 'primitive': {
        const base: TypeExpr = { kind: 'scalar', scalar: PRIMITIVE[schema.type]! };
        const lt = schema.logicalType?.text;
        if (lt && LOGICAL_ON_PRIMITIVE[schema.type]?.includes(lt) && LOGICAL_TYPES[lt] !== undefined) {
          return { kind: 'logical', logical: lt, base, props: propsOf(schema.props) };
        }
        return base;
      }
      case 'reference':
      case 'record':
      case 'enum':
      case 'fixed': {
        const r = resolveRef(schema, uri);
        if (!r) return { kind: 'unresolved', text: schema.kind === 'reference' ? schema.name.text : '' };
        useFile(uri, r.uri);
        include(r.schema, r.uri);
        return { kind: 'named', id: typeId('avro', r.schema.fullName!) };
      }
      case 'array':
        return { kind: 'list', items: typeOf(schema.items, uri) };
      case 'map':
        return { kind: 'map', key: 'string', values: typeOf(schema.values, uri) };
      case 'union': {
        const branches = schema.branches.map((b) => typeOf(b, uri));
        const nulls = branches.filter((b) => b.kind === 'scalar' && b.scalar === 'null').length;
        if (branches.length === 2 && nulls === 1) {
          const nullFirst = branches[0]!.kind === 'scalar' && (branches[0] as { scalar: string }).scalar === 'null';
          return { kind: 'optional', inner: branches[nullFirst ? 1 : 0]!, nullFirst };
        }
        return { kind: 'union', branches };
      }
    }
  };

  const lowerNamed = (schema: NamedSchema, uri: string): ModelType => {
    const fullName = schema.fullName!;
    const base = {
      id: typeId('avro', fullName),
      format: 'avro' as const,
      name: simpleName(fullName),
      fullName,
      namespace: schema.namespace,
      scope: [],
      aliases: schema.aliases.map((a) => qualify(a.text, schema.namespace)),
      doc: schema.doc?.text,
      source: { uri, span: schema.span },
    };
    if (schema.kind === 'record') return { ...base, kind: 'record', fields: lowerFields(schema, uri), oneofs: [], ...(schema.error ? { error: true } : {}) };
    if (schema.kind === 'enum') return lowerEnum(schema, base, uri);
    return lowerFixed(schema, base);
  };

  const lowerFields = (schema: RecordSchema, uri: string): Field[] =>
    schema.fields.flatMap((f: AvroField, position) => {
      if (!f.name) return [];
      const order = f.order?.kind === 'string' && f.order.value !== 'ascending' ? f.order.value : undefined;
      const field: Field = {
        name: f.name.text,
        position,
        type: typeOf(f.type, uri),
        presence: 'required',
        aliases: f.aliases.map((a) => a.text),
        doc: f.doc?.text,
        source: { uri, span: f.span },
        ...(f.default ? { default: { value: toPlain(f.default) } } : {}),
        ...(order ? { order } : {}),
      };
      return [field];
    });

  const lowerEnum = (schema: EnumSchema, base: Omit<EnumType, 'kind' | 'values' | 'open'>, uri: string): EnumType => {
    const def = schema.default?.kind === 'string' ? schema.default.value : undefined;
    return {
      ...base,
      kind: 'enum',
      values: schema.symbols.map((s) => ({ name: s.text, source: { uri, span: s.span } })),
      open: def === undefined,
      ...(def !== undefined ? { default: def } : {}),
    };
  };

  const lowerFixed = (schema: FixedSchema, base: Omit<FixedType, 'kind' | 'size'>): FixedType => {
    const size = schema.size?.kind === 'number' && schema.size.integer !== undefined ? Number(schema.size.integer) : 0;
    const lt = schema.logicalType?.text;
    const logical = lt && ['decimal', 'uuid', 'duration'].includes(lt) ? { name: lt, props: propsOf(schema.props) } : undefined;
    return { ...base, kind: 'fixed', size, ...(logical ? { logical } : {}) };
  };

  const inputFiles: { input: AvroInput; file: AvroFile }[] = [];
  for (const input of inputs) {
    const file = registry.file(input.uri);
    if (!file || inputFiles.some((f) => f.input.uri === input.uri)) continue;
    inputFiles.push({ input, file });
    for (const s of namedDefinitions(file)) include(s, input.uri);
    // Walk the top-level schemas too, so that a union of references pulls in other files' types.
    for (const s of topLevelSchemas(file)) typeOf(s, input.uri);
  }
  while (pending.length) {
    const { schema, uri } = pending.shift()!;
    types.set(typeId('avro', schema.fullName!), lowerNamed(schema, uri));
  }

  const files: ModelFile[] = [];
  const inputUris = inputFiles.map((f) => f.input.uri);
  const others = [...declared.keys()].filter((u) => !inputUris.includes(u)).sort();
  for (const uri of [...inputUris, ...others]) {
    const input = inputFiles.find((f) => f.input.uri === uri);
    const file = input?.file ?? registry.file(uri);
    if (!file) continue;
    const path = input?.input.path ?? options.pathOf?.(uri) ?? uri.slice(uri.lastIndexOf('/') + 1);
    const order = namedDefinitions(file).map((s) => typeId('avro', s.fullName!));
    const mine = new Set(declared.get(uri) ?? []);
    files.push({
      uri,
      path,
      format: 'avro',
      text: file.text,
      types: [...new Set(order)].filter((id) => mine.has(id)),
      unions: input ? findUnions(file, uri, path) : [],
      dependencies: closure(uri).map((u) => ({ uri: u, text: registry.file(u)?.text ?? '' })),
    });
  }
  return { files, types };

  function closure(uri: string): string[] {
    const seen = new Set<string>();
    const queue = [uri];
    while (queue.length) {
      for (const next of uses.get(queue.pop()!) ?? []) {
        if (next !== uri && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return [...seen].sort();
  }

  /** The record branches of a union, or undefined when a branch is anything but a record (or one null). */
  function recordBranches(union: AvroSchema, uri: string): { branches: { index: number; record: RecordType }[]; nullable: boolean } | undefined {
    if (union.kind !== 'union') return undefined;
    const branches: { index: number; record: RecordType }[] = [];
    let nulls = 0;
    for (const [index, b] of union.branches.entries()) {
      if (b.kind === 'primitive' && b.type === 'null') {
        nulls++;
        continue;
      }
      const r = resolveRef(b, uri);
      const t = r ? types.get(typeId('avro', r.schema.fullName!)) : undefined;
      if (t?.kind !== 'record') return undefined;
      branches.push({ index, record: t });
    }
    return nulls <= 1 ? { branches, nullable: nulls === 1 } : undefined;
  }

  function unionOf(
    name: string,
    kind: EventUnion['kind'],
    found: { branches: { index: number; record: RecordType }[]; nullable: boolean },
    rest: Pick<EventUnion, 'container' | 'field' | 'root' | 'doc' | 'source'>,
  ): EventUnion {
    const tags = variantTags(
      found.branches.map((b) => ({ typeId: b.record.id, simpleName: b.record.name, fullName: b.record.fullName, ordinal: b.index })),
    );
    return {
      name,
      format: 'avro',
      kind,
      ...(found.nullable ? { nullable: true } : {}),
      ...rest,
      variants: found.branches.map((b, i) => ({ name: tags[i]!, record: b.record.id, branch: b.index, doc: b.record.doc, source: b.record.source })),
    };
  }

  function findUnions(file: AvroFile, uri: string, path: string): EventUnion[] {
    const out: EventUnion[] = [];
    const top = file.schema;
    if (top?.kind === 'union') {
      const found = recordBranches(top, uri);
      if (found && found.branches.length >= 1 && !found.nullable) {
        out.push(unionOf(pascalCase(baseName(path)), 'topLevel', found, { root: typeOf(top, uri), source: { uri, span: top.span } }));
      }
    }
    for (const s of namedDefinitions(file)) {
      if (s.kind !== 'record') continue;
      for (const f of s.fields) {
        if (!f.name || !f.type) continue;
        const found = recordBranches(f.type, uri);
        if (!found || found.branches.length < 2) continue;
        out.push(
          unionOf(`${simpleName(s.fullName!)}${pascalCase(f.name.text)}`, 'recordField', found, {
            container: typeId('avro', s.fullName!),
            field: f.name.text,
            doc: f.doc?.text,
            source: { uri, span: f.span },
          }),
        );
      }
    }
    return out;
  }
}
