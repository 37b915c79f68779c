/**
 * The protobufjs JSON descriptor (`Root.fromJSON`'s input) embedded in a generated Protobuf
 * module: every message and enum the module's unions reach, and the well-known types they use.
 *
 * Everything is written as edition 2023 with explicit features, whatever the source syntax, so
 * that presence, packing, group encoding and enum openness read the same on every protobufjs
 * version that knows editions. Field and oneof names are the generated property names, so
 * protobufjs objects and generated types share their keys; the wire only sees numbers.
 */
import type { EnumType, ModelType, RecordType, TypeExpr, WellKnownName } from '../model/types';

export type Json = { [key: string]: unknown };

const WKT_FIELDS: Readonly<Record<string, Json>> = {
  Timestamp: { fields: { seconds: implicit('int64', 1), nanos: implicit('int32', 2) } },
  Duration: { fields: { seconds: implicit('int64', 1), nanos: implicit('int32', 2) } },
  DoubleValue: { fields: { value: implicit('double', 1) } },
  FloatValue: { fields: { value: implicit('float', 1) } },
  Int64Value: { fields: { value: implicit('int64', 1) } },
  UInt64Value: { fields: { value: implicit('uint64', 1) } },
  Int32Value: { fields: { value: implicit('int32', 1) } },
  UInt32Value: { fields: { value: implicit('uint32', 1) } },
  BoolValue: { fields: { value: implicit('bool', 1) } },
  StringValue: { fields: { value: implicit('string', 1) } },
  BytesValue: { fields: { value: implicit('bytes', 1) } },
  Struct: { fields: { fields: { keyType: 'string', type: '.google.protobuf.Value', id: 1 } } },
  Value: {
    oneofs: { kind: { oneof: ['nullValue', 'numberValue', 'stringValue', 'boolValue', 'structValue', 'listValue'] } },
    fields: {
      nullValue: { type: '.google.protobuf.NullValue', id: 1 },
      numberValue: { type: 'double', id: 2 },
      stringValue: { type: 'string', id: 3 },
      boolValue: { type: 'bool', id: 4 },
      structValue: { type: '.google.protobuf.Struct', id: 5 },
      listValue: { type: '.google.protobuf.ListValue', id: 6 },
    },
  },
  ListValue: { fields: { values: { rule: 'repeated', type: '.google.protobuf.Value', id: 1 } } },
  Any: { fields: { typeUrl: implicit('string', 1), value: implicit('bytes', 2) } },
};

const WKT_USES: Readonly<Partial<Record<WellKnownName, readonly WellKnownName[]>>> = {
  Struct: ['Value', 'ListValue', 'NullValue'],
  Value: ['Struct', 'ListValue', 'NullValue'],
  ListValue: ['Value', 'Struct', 'NullValue'],
};

function implicit(type: string, id: number): Json {
  return { type, id, options: { features: { field_presence: 'IMPLICIT' } } };
}

export interface DescriptorInput {
  readonly types: ReadonlyMap<string, ModelType>;
  /** Property names of a record's fields and oneofs, as the generated types spell them. */
  readonly props: (record: RecordType) => { fields: Map<string, string>; oneofs: Map<number, string> };
}

/** The descriptor for `roots` and everything they reach. */
export function protoDescriptor(roots: readonly string[], input: DescriptorInput): Json {
  const included = new Set<string>();
  const wkts = new Set<WellKnownName>();
  const queue = [...roots];
  const visitType = (t: TypeExpr) => {
    switch (t.kind) {
      case 'named':
        if (!included.has(t.id)) queue.push(t.id);
        break;
      case 'wellKnown':
        addWkt(t.name);
        break;
      case 'list':
        visitType(t.items);
        break;
      case 'map':
        visitType(t.values);
        break;
      default:
        break;
    }
  };
  const addWkt = (name: WellKnownName) => {
    if (wkts.has(name)) return;
    wkts.add(name);
    for (const n of WKT_USES[name] ?? []) addWkt(n);
  };
  while (queue.length) {
    const id = queue.shift()!;
    if (included.has(id)) continue;
    const t = input.types.get(id);
    if (!t) continue;
    included.add(id);
    if (t.kind === 'record') for (const f of t.fields) visitType(f.type);
  }

  const root: Json = {};
  const place = (path: readonly string[], json: Json) => {
    let ns = root;
    for (const part of path.slice(0, -1)) {
      const nested = (ns.nested ??= {}) as Json;
      ns = (nested[part] ??= {}) as Json;
    }
    const nested = (ns.nested ??= {}) as Json;
    const name = path[path.length - 1]!;
    // A namespace placed earlier for a nested type keeps its children.
    const existing = nested[name] as Json | undefined;
    nested[name] = existing?.nested ? { ...json, nested: existing.nested } : json;
  };
  // Outer messages before nested ones, so nesting merges into the outer message's entry.
  const ordered = [...included].map((id) => input.types.get(id)!).sort((a, b) => a.scope.length - b.scope.length || compare(a.fullName, b.fullName));
  for (const t of ordered) {
    const path = [...(t.namespace ? t.namespace.split('.') : []), ...t.scope, t.name];
    if (t.kind === 'record') place(path, recordJson(t, input));
    else if (t.kind === 'enum') place(path, enumJson(t));
  }
  for (const name of [...wkts].sort()) {
    place(['google', 'protobuf', name], name === 'NullValue' ? { edition: '2023', values: { NULL_VALUE: 0 } } : { edition: '2023', ...WKT_FIELDS[name] });
  }
  return root;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function typeName(t: TypeExpr, types: ReadonlyMap<string, ModelType>): string {
  switch (t.kind) {
    case 'scalar':
      return t.scalar === 'null' ? 'bytes' : t.scalar;
    case 'named':
      return `.${types.get(t.id)?.fullName ?? t.id}`;
    case 'wellKnown':
      return `.google.protobuf.${t.name}`;
    case 'list':
      return typeName(t.items, types);
    default:
      return 'bytes';
  }
}

function recordJson(r: RecordType, input: DescriptorInput): Json {
  const { fields: fieldNames, oneofs: oneofNames } = input.props(r);
  const fields: Json = {};
  for (const f of r.fields) {
    const json: Json = {};
    if (f.type.kind === 'map') {
      json.keyType = f.type.key;
      json.type = typeName(f.type.values, input.types);
    } else {
      if (f.type.kind === 'list') json.rule = 'repeated';
      json.type = typeName(f.type, input.types);
    }
    json.id = f.number ?? 0;
    const features: Json = {};
    const isMessage = f.type.kind === 'named' && input.types.get(f.type.id)?.kind === 'record';
    if (f.type.kind !== 'list' && f.type.kind !== 'map' && f.oneof === undefined && !isMessage && f.type.kind !== 'wellKnown') {
      if (f.presence === 'implicit') features.field_presence = 'IMPLICIT';
    }
    if (f.presence === 'required') features.field_presence = 'LEGACY_REQUIRED';
    if (f.type.kind === 'list' && f.packed === false) features.repeated_field_encoding = 'EXPANDED';
    if (f.delimited) features.message_encoding = 'DELIMITED';
    if (Object.keys(features).length) json.options = { features };
    fields[fieldNames.get(f.name)!] = json;
  }
  const out: Json = { edition: '2023' };
  if (r.oneofs.length) {
    const oneofs: Json = {};
    r.oneofs.forEach((_o, i) => {
      const members = r.fields.filter((f) => f.oneof === i).map((f) => fieldNames.get(f.name)!);
      if (members.length) oneofs[oneofNames.get(i)!] = { oneof: members };
    });
    out.oneofs = oneofs;
  }
  out.fields = fields;
  return out;
}

function enumJson(e: EnumType): Json {
  const values: Json = {};
  const numbers = new Set<number>();
  let alias = false;
  for (const v of e.values) {
    if (v.number !== undefined && numbers.has(v.number)) alias = true;
    if (v.number !== undefined) numbers.add(v.number);
    values[v.name] = v.number ?? 0;
  }
  const options: Json = {};
  if (alias) options.allow_alias = true;
  if (!e.open) options.features = { enum_type: 'CLOSED' };
  return Object.keys(options).length ? { edition: '2023', options, values } : { edition: '2023', values };
}
