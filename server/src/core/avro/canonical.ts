/**
 * The AST back to Avro JSON: a normalized full form (every name a full name, keys in a fixed
 * order, each named type written in full at its first use and by name after), the spec's Parsing
 * Canonical Form, and its 64-bit Rabin fingerprint. Two files that mean the same schema, whatever
 * their syntax, print the same normalized form, which is how IDL lowering is tested against JSON.
 */
import type { AvroFile, AvroMessage, AvroProtocol, AvroSchema, Field, NamedSchema, Prop, ReferenceSchema } from './ast';
import { toPlain, type JsonValue } from './json';
import { qualify, referenceCandidates } from './names';
import type { AvroRegistry } from './registry';
import { namedDefinitions, topLevelSchemas } from './walk';

export type Resolver = (ref: ReferenceSchema) => NamedSchema | undefined;

/** Resolves references against the file's own definitions, then the registry. */
export function fileResolver(file: AvroFile, registry?: AvroRegistry): Resolver {
  const local = new Map<string, NamedSchema>();
  for (const d of namedDefinitions(file)) if (!local.has(d.fullName!)) local.set(d.fullName!, d);
  return (ref) => {
    for (const c of referenceCandidates(ref)) {
      const found = local.get(c) ?? registry?.lookup(c)[0]?.schema;
      if (found) return found;
    }
    return undefined;
  };
}

type Json = unknown;

/** A JSON value as Avro Java writes it: NaN and the infinities (IDL literals) as strings. */
function plain(v: JsonValue): Json {
  if (v.kind === 'number' && v.integer === undefined && !Number.isFinite(v.value)) return String(v.value);
  if (v.kind === 'array') return v.items.map(plain);
  if (v.kind === 'object') {
    const out: Record<string, Json> = {};
    for (const m of v.members) if (m.value) out[m.key] = plain(m.value);
    return out;
  }
  return toPlain(v);
}

function propsJson(props: readonly Prop[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const p of [...props].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) out[p.key] = plain(p.value);
  return out;
}

class Printer {
  private readonly known = new Set<string>();
  private depth = 0;

  constructor(private readonly resolve: Resolver) {}

  isKnown(fullName: string | undefined): boolean {
    return fullName !== undefined && this.known.has(fullName);
  }

  schema(s: AvroSchema): Json {
    if (this.depth > 500) return null;
    this.depth++;
    try {
      return this.schemaInner(s);
    } finally {
      this.depth--;
    }
  }

  private schemaInner(s: AvroSchema): Json {
    switch (s.kind) {
      case 'invalid':
        return null;
      case 'primitive':
        if (!s.logicalType && s.props.length === 0) return s.type;
        return { type: s.type, ...(s.logicalType ? { logicalType: s.logicalType.text } : {}), ...propsJson(s.props) };
      case 'reference': {
        const target = this.resolve(s);
        if (target && !this.isKnown(target.fullName)) return this.schema(target);
        return target?.fullName ?? s.fullName;
      }
      case 'array':
        return { type: 'array', items: s.items ? this.schema(s.items) : null, ...(s.logicalType ? { logicalType: s.logicalType.text } : {}), ...propsJson(s.props) };
      case 'map':
        return { type: 'map', values: s.values ? this.schema(s.values) : null, ...(s.logicalType ? { logicalType: s.logicalType.text } : {}), ...propsJson(s.props) };
      case 'union':
        return s.branches.map((b) => this.schema(b));
      case 'record':
      case 'enum':
      case 'fixed': {
        if (this.isKnown(s.fullName)) return s.fullName;
        if (s.fullName !== undefined) this.known.add(s.fullName);
        const head: Record<string, Json> = { type: s.kind === 'record' && s.error ? 'error' : s.kind };
        if (s.fullName !== undefined) head.name = s.fullName;
        if (s.aliases.length > 0) head.aliases = s.aliases.map((a) => qualify(a.text, s.namespace));
        if (s.doc) head.doc = s.doc.text;
        if (s.kind === 'record') head.fields = s.fields.map((f) => this.field(f));
        if (s.kind === 'enum') {
          head.symbols = s.symbols.map((x) => x.text);
          if (s.default) head.default = plain(s.default);
        }
        if (s.kind === 'fixed') head.size = s.size ? plain(s.size) : null;
        if (s.logicalType) head.logicalType = s.logicalType.text;
        return { ...head, ...propsJson(s.props) };
      }
    }
  }

  field(f: Field): Json {
    const out: Record<string, Json> = { name: f.name?.text ?? null, type: f.type ? this.schema(f.type) : null };
    if (f.default) out.default = plain(f.default);
    if (f.doc) out.doc = f.doc.text;
    if (f.aliases.length > 0) out.aliases = f.aliases.map((a) => a.text);
    const order = f.order?.kind === 'string' ? f.order.value : f.order ? plain(f.order) : undefined;
    if (order !== undefined && order !== 'ascending') out.order = order;
    return { ...out, ...propsJson(f.props) };
  }

  message(m: AvroMessage): Json {
    const out: Record<string, Json> = {};
    if (m.doc) out.doc = m.doc.text;
    out.request = m.request.map((f) => this.field(f));
    out.response = m.response ? this.schema(m.response) : null;
    if (m.errors.length > 0) out.errors = m.errors.map((e) => this.schema(e));
    if (m.oneWay?.kind === 'boolean' && m.oneWay.value) out['one-way'] = true;
    return { ...out, ...propsJson(m.props) };
  }
}

/** The normalized full form of one schema. */
export function schemaToJson(schema: AvroSchema, resolve: Resolver = () => undefined): Json {
  return new Printer(resolve).schema(schema);
}

/** The normalized full form of a protocol: named types not already written inside others, then messages. */
export function protocolToJson(protocol: AvroProtocol, resolve: Resolver = () => undefined): Json {
  const p = new Printer(resolve);
  const out: Record<string, Json> = { protocol: protocol.name?.text ?? null };
  if (protocol.namespace !== '') out.namespace = protocol.namespace;
  if (protocol.doc) out.doc = protocol.doc.text;
  const types: Json[] = [];
  for (const t of protocol.types) {
    const fullName = t.kind === 'record' || t.kind === 'enum' || t.kind === 'fixed' ? t.fullName : undefined;
    if (p.isKnown(fullName)) continue;
    types.push(p.schema(t));
  }
  out.types = types;
  const messages: Record<string, Json> = {};
  for (const m of protocol.messages) messages[m.name.text] = p.message(m);
  out.messages = messages;
  return { ...out, ...propsJson(protocol.props) };
}

/**
 * What a file declares, in normalized form: its protocol; else its main schema; else (an IDL
 * schema file without `schema T;`) the list of its named types.
 */
export function fileToJson(file: AvroFile, registry?: AvroRegistry): Json {
  const resolve = fileResolver(file, registry);
  if (file.protocol) return protocolToJson(file.protocol, resolve);
  if (file.schema) return schemaToJson(file.schema, resolve);
  const p = new Printer(resolve);
  const out: Json[] = [];
  for (const t of topLevelSchemas(file)) {
    const fullName = t.kind === 'record' || t.kind === 'enum' || t.kind === 'fixed' ? t.fullName : undefined;
    if (!p.isKnown(fullName)) out.push(p.schema(t));
  }
  return out;
}

// --- Parsing Canonical Form ---------------------------------------------------------------------

/** The spec's Parsing Canonical Form: full names, only the attributes that affect the binary encoding. */
export function parsingCanonicalForm(schema: AvroSchema, resolve: Resolver = () => undefined): string {
  const known = new Set<string>();
  const form = (s: AvroSchema, depth: number): string => {
    if (depth > 500) return 'null';
    switch (s.kind) {
      case 'invalid':
        return 'null';
      case 'primitive':
        return JSON.stringify(s.type);
      case 'reference': {
        const target = resolve(s);
        if (target && !known.has(target.fullName!)) return form(target, depth + 1);
        return JSON.stringify(target?.fullName ?? s.fullName);
      }
      case 'array':
        return `{"type":"array","items":${s.items ? form(s.items, depth + 1) : 'null'}}`;
      case 'map':
        return `{"type":"map","values":${s.values ? form(s.values, depth + 1) : 'null'}}`;
      case 'union':
        return `[${s.branches.map((b) => form(b, depth + 1)).join(',')}]`;
      case 'record':
      case 'enum':
      case 'fixed': {
        if (s.fullName !== undefined && known.has(s.fullName)) return JSON.stringify(s.fullName);
        if (s.fullName !== undefined) known.add(s.fullName);
        const name = `{"name":${JSON.stringify(s.fullName ?? '')},"type":"${s.kind}"`;
        if (s.kind === 'record') {
          const fields = s.fields.map((f) => `{"name":${JSON.stringify(f.name?.text ?? '')},"type":${f.type ? form(f.type, depth + 1) : 'null'}}`);
          return `${name},"fields":[${fields.join(',')}]}`;
        }
        if (s.kind === 'enum') return `${name},"symbols":[${s.symbols.map((x) => JSON.stringify(x.text)).join(',')}]}`;
        const size = s.size?.kind === 'number' && s.size.integer !== undefined ? s.size.integer.toString() : 'null';
        return `${name},"size":${size}}`;
      }
    }
  };
  return form(schema, 0);
}

const EMPTY64 = 0xc15d213aa4d7a795n;
let fpTable: bigint[] | undefined;

/** The spec's 64-bit Rabin fingerprint (CRC-64-AVRO) of a canonical form, as used by single-object encoding. */
export function rabinFingerprint(canonicalForm: string): bigint {
  if (!fpTable) {
    fpTable = [];
    for (let i = 0; i < 256; i++) {
      let fp = BigInt(i);
      for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (EMPTY64 & -(fp & 1n));
      fpTable.push(fp);
    }
  }
  let fp = EMPTY64;
  for (const byte of new TextEncoder().encode(canonicalForm)) {
    fp = (fp >> 8n) ^ fpTable[Number((fp ^ BigInt(byte)) & 0xffn)]!;
  }
  return fp & 0xffffffffffffffffn;
}
