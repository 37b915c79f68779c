/**
 * event-schemas runtime for Avro: decodes and encodes event unions with avsc, from the schema
 * embedded in each generated module, and maps avsc values to the generated types: long -> bigint,
 * bytes and fixed -> Uint8Array, unions with null -> optional values, other unions -> `{ case,
 * value }` keyed like Avro's JSON encoding (a full name or a type name), decimal -> string,
 * date and timestamp-millis -> Date, duration -> `{ months, days, millis }`.
 *
 * Without a writer schema the bytes must have been written with this build's schema. With one,
 * Avro's schema resolution applies, and a union branch or enum symbol newer than this build
 * stays representable (`$unknown`, `{ unrecognized }`) instead of failing.
 *
 * Needs the `avsc` package (5.7 or later).
 */
import * as avscNs from "avsc";
import { err, ok, type AvroDuration, type DecodeError, type Result } from "./event-schemas-runtime.js";

type Avsc = typeof avscNs;
// The package is CommonJS: ES module hosts put its exports under `default`.
const avsc: Avsc = (avscNs as unknown as { default?: Avsc }).default ?? avscNs;

/** An Avro schema as JSON, with every name written in full. */
export type AvroSchemaJson = unknown;

/** Named types by full name, each written once, naming the others by full name. */
export type AvroNamedTypes = { readonly [fullName: string]: AvroSchemaJson };

export interface AvroUnionSpec {
  /** `topLevel`: the schema is the union. `recordField`: the schema is a record and `field` holds the union. */
  readonly kind: "topLevel" | "recordField";
  readonly field?: string;
  /** Full name of each branch's record -> variant tag. */
  readonly variants: { readonly [fullName: string]: string };
}

export interface AvroDecodeOptions {
  /**
   * The schema the bytes were written with (JSON, or its text), e.g. from a schema registry.
   * Decoding then follows Avro's resolution rules.
   */
  readonly writerSchema?: unknown;
}

export interface AvroEventCodec<U> {
  decode(bytes: Uint8Array, options?: AvroDecodeOptions): Result<U, DecodeError>;
  encode(event: U): Uint8Array;
}

/** A value: a record, a map, or a union wrapped as `{ branch: value }`. */
type Obj = { [key: string]: unknown };

/** A schema in object form. */
interface Node {
  type?: unknown;
  name?: string;
  aliases?: string[];
  fields?: FieldNode[];
  symbols?: string[];
  default?: unknown;
  items?: unknown;
  values?: unknown;
  logicalType?: string;
  scale?: number;
  size?: number;
}

interface FieldNode {
  name: string;
  type: unknown;
  aliases?: string[];
}

const LONG = avsc.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(n);
    return buf;
  },
  fromJSON: (x: unknown) => BigInt(x as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === "bigint",
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

/** Every `long`, plain or under a logical type, reads as a bigint; logical types are converted here, not by avsc. */
function longHook(schema: unknown): avscNs.Type | undefined {
  const isLong = schema === "long" || (typeof schema === "object" && schema !== null && (schema as Node).type === "long");
  return isLong ? LONG : undefined;
}

function typeFor(schema: unknown): avscNs.Type {
  return avsc.Type.forSchema(schema as avscNs.Schema, { wrapUnions: true, typeHook: longHook as never });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Loaded {
  readonly type: avscNs.Type;
  readonly named: Map<string, Node>;
}

/**
 * The codec of one event union. Loading is deferred to the first call, and a failure to load is a
 * `schemaMismatch`. With `types`, the schema names the types it uses, and loading writes each in
 * full where it is first used.
 */
export function avroEventCodec<U>(embedded: AvroSchemaJson, spec: AvroUnionSpec, types?: AvroNamedTypes): AvroEventCodec<U> {
  let schema: unknown = embedded;
  let loaded: Loaded | string | undefined;
  const resolvers = new Map<string, { reader: avscNs.Type; resolver: unknown } | string>();
  const load = (): Loaded | string => {
    if (loaded === undefined) {
      try {
        if (types) schema = withTypes(embedded, types);
        loaded = { type: typeFor(schema), named: namedTypes(schema) };
      } catch (e) {
        loaded = "the embedded schema does not load: " + message(e);
      }
    }
    return loaded;
  };
  const resolverFor = (writerSchema: unknown): { reader: avscNs.Type; resolver: unknown } | string => {
    const key = typeof writerSchema === "string" ? writerSchema : JSON.stringify(writerSchema);
    let r = resolvers.get(key);
    if (r === undefined) {
      try {
        const writer = typeFor(typeof writerSchema === "string" ? JSON.parse(writerSchema) : writerSchema);
        const reader = typeFor(widen(schema, writer.schema(), spec));
        r = { reader, resolver: reader.createResolver(writer) };
      } catch (e) {
        r = "the writer schema does not resolve against this build's schema: " + message(e);
      }
      resolvers.set(key, r);
    }
    return r;
  };
  return {
    decode(bytes, options) {
      const l = load();
      if (typeof l === "string") return err({ kind: "schemaMismatch", message: l });
      let reader = l.type;
      let resolver: unknown;
      if (options?.writerSchema !== undefined) {
        const r = resolverFor(options.writerSchema);
        if (typeof r === "string") return err({ kind: "schemaMismatch", message: r });
        reader = r.reader;
        resolver = r.resolver;
      }
      let value: unknown;
      try {
        value = reader.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), resolver as never);
      } catch (e) {
        const text = message(e);
        if (resolver === undefined && /union index|enum index/.test(text)) {
          return err({
            kind: "schemaMismatch",
            message: text + ": the payload has a union branch or enum symbol this build does not know; pass the writer schema to read it",
          });
        }
        return err({ kind: "malformed", message: text });
      }
      try {
        return ok(toEvent(schema, l.named, spec, value, bytes) as U);
      } catch (e) {
        if (e instanceof MissingVariant) return err({ kind: "missingVariant", message: e.message });
        return err({ kind: "malformed", message: message(e) });
      }
    },
    encode(event) {
      const e = event as unknown as { readonly type: string; readonly value?: unknown; readonly meta?: Obj; readonly raw?: Uint8Array };
      if (e.type === "$unknown" && e.raw) return e.raw.slice();
      const l = load();
      if (typeof l === "string") throw new Error(l);
      const fullName = Object.keys(spec.variants).find((k) => spec.variants[k] === e.type);
      if (fullName === undefined) throw new TypeError("unknown variant " + e.type);
      const branch = branchSchema(unionOf(schema, spec), fullName, l.named);
      const wrapped = { [fullName]: toAvro(branch, e.value, l.named) };
      let value: unknown = wrapped;
      if (spec.kind === "recordField") {
        const record = toAvro(schema, { ...e.meta }, l.named, spec.field) as Obj;
        record[spec.field!] = wrapped;
        value = record;
      }
      const out = l.type.toBuffer(value);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
  };
}

class MissingVariant extends Error {}

/** The schema with each named type of `types` written in full where it is first used, and by name after. */
function withTypes(schema: unknown, types: AvroNamedTypes): unknown {
  const written = new Set<string>();
  const visit = (s: unknown): unknown => {
    if (typeof s === "string") {
      if (written.has(s) || !Object.prototype.hasOwnProperty.call(types, s)) return s;
      written.add(s);
      return visit(types[s]);
    }
    if (Array.isArray(s)) return s.map(visit);
    if (typeof s !== "object" || s === null) return s;
    const o = s as Node;
    const out: Node = { ...o };
    if (isNamedDefinition(o)) written.add(o.name!);
    if (Array.isArray(o.fields)) out.fields = o.fields.map((f) => ({ ...f, type: visit(f.type) }));
    if (o.items !== undefined) out.items = visit(o.items);
    if (o.values !== undefined) out.values = visit(o.values);
    // A logical type over a named fixed: `{ "type": "a.Money", "logicalType": "decimal", ... }`.
    if (!isNamedDefinition(o) && o.type !== "array" && o.type !== "map") out.type = visit(o.type);
    return out;
  };
  return visit(schema);
}

function isNamedDefinition(o: Node): boolean {
  return (o.type === "record" || o.type === "error" || o.type === "enum" || o.type === "fixed") && typeof o.name === "string";
}

function namedTypes(schema: unknown): Map<string, Node> {
  const out = new Map<string, Node>();
  const visit = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(visit);
    if (typeof s !== "object" || s === null) return;
    const o = s as Node;
    if (isNamedDefinition(o)) {
      if (out.has(o.name!)) return;
      out.set(o.name!, o);
    }
    if (Array.isArray(o.fields)) for (const f of o.fields) visit(f.type);
    if (o.items !== undefined) visit(o.items);
    if (o.values !== undefined) visit(o.values);
    if (typeof o.type === "object") visit(o.type);
  };
  visit(schema);
  return out;
}

function unionOf(schema: unknown, spec: AvroUnionSpec): unknown[] {
  if (spec.kind === "topLevel") return schema as unknown[];
  const field = (schema as Node).fields!.find((f) => f.name === spec.field)!;
  return field.type as unknown[];
}

const PRIMITIVES = new Set(["null", "boolean", "int", "long", "float", "double", "bytes", "string"]);

/** The key avsc (and Avro's JSON encoding) wraps a union branch's value in. */
function branchKey(b: unknown): string {
  if (typeof b === "string") return b;
  const o = b as Node;
  if (isNamedDefinition(o)) return o.name!;
  if (o.type === "array" || o.type === "map") return o.type;
  return branchKey(o.type);
}

function branchSchema(branches: readonly unknown[], key: string, named: Map<string, Node>): unknown {
  const b = branches.find((x) => branchKey(x) === key);
  if (b === undefined) throw new TypeError("no union branch " + key);
  return typeof b === "string" && !PRIMITIVES.has(b) ? (named.get(b) ?? b) : b;
}

function toEvent(schema: unknown, named: Map<string, Node>, spec: AvroUnionSpec, value: unknown, bytes: Uint8Array): unknown {
  let meta: unknown;
  let union: unknown;
  if (spec.kind === "recordField") {
    const record = value as Obj;
    meta = fromAvro(schema, record, named, spec.field);
    union = record[spec.field!];
    if (union === null || union === undefined) throw new MissingVariant("the " + spec.field + " union holds null, not an event");
  } else {
    union = value;
  }
  const key = Object.keys(union as Obj)[0]!;
  const tag = spec.variants[key];
  if (tag === undefined) return { type: "$unknown", fieldNumber: undefined, writerType: key, raw: bytes.slice(), meta };
  const inner = fromAvro(branchSchema(unionOf(schema, spec), key, named), (union as Obj)[key], named);
  return spec.kind === "recordField" ? { type: tag, value: inner, meta } : { type: tag, value: inner };
}

/**
 * The build's schema, widened so that resolving a newer writer does not fail on what this build
 * can represent anyway: writer records missing from the event union become empty branches (read
 * as `$unknown`), and writer symbols missing from an enum without a default are appended (read as
 * `{ unrecognized }`).
 */
function widen(schema: unknown, writer: unknown, spec: AvroUnionSpec): unknown {
  const copy = JSON.parse(JSON.stringify(schema)) as unknown;
  const writerNamed = namedTypes(writer);
  for (const e of namedTypes(copy).values()) {
    if (e.type !== "enum" || e.default !== undefined) continue;
    const names = [e.name!, ...(e.aliases ?? [])];
    const w = names.map((n) => writerNamed.get(n)).find((x) => x?.type === "enum");
    const symbols = e.symbols ?? [];
    for (const s of w?.symbols ?? []) if (!symbols.includes(s)) symbols.push(s);
  }
  let writerUnion: unknown = writer;
  if (spec.kind === "recordField") {
    const readerField = (copy as Node).fields!.find((f) => f.name === spec.field)!;
    const names = [spec.field!, ...(readerField.aliases ?? [])];
    const fields = typeof writer === "object" && writer !== null ? (writer as Node).fields : undefined;
    writerUnion = fields?.find((f) => names.includes(f.name))?.type;
  }
  const readerUnion = unionOf(copy, spec);
  const known = new Set<string>();
  for (const b of readerUnion) {
    const d = typeof b === "string" ? namedTypes(copy).get(b) : (b as Node);
    if (d && isNamedDefinition(d)) [d.name!, ...(d.aliases ?? [])].forEach((n) => known.add(n));
  }
  for (const b of Array.isArray(writerUnion) ? writerUnion : writerUnion !== undefined ? [writerUnion] : []) {
    const d = typeof b === "string" ? writerNamed.get(b) : (b as Node);
    if (!d || (d.type !== "record" && d.type !== "error") || known.has(d.name!)) continue;
    readerUnion.push({ type: "record", name: d.name, fields: [] });
    known.add(d.name!);
  }
  return copy;
}

function bytesOf(v: unknown): Uint8Array {
  return Uint8Array.prototype.slice.call(v as Uint8Array);
}

function bufferOf(v: Uint8Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function fromAvro(s: unknown, v: unknown, named: Map<string, Node>, skipField?: string): unknown {
  if (typeof s === "string") {
    if (s === "bytes") return bytesOf(v);
    if (PRIMITIVES.has(s)) return v;
    const d = named.get(s);
    return d ? fromAvro(d, v, named, skipField) : v;
  }
  if (Array.isArray(s)) {
    if (v === null) return undefined;
    const key = Object.keys(v as Obj)[0]!;
    const inner = fromAvro(branchSchema(s, key, named), (v as Obj)[key], named);
    return s.length === 2 && s.includes("null") ? inner : { case: key, value: inner };
  }
  const o = s as Node;
  if (typeof o.logicalType === "string") {
    const r = fromLogical(o, v);
    if (r !== NOT_LOGICAL) return r;
  }
  switch (o.type) {
    case "record":
    case "error": {
      const out: Obj = {};
      const rec = v as Obj;
      for (const f of o.fields ?? []) {
        if (f.name === skipField) continue;
        const x = fromAvro(f.type, rec[f.name], named);
        if (x !== undefined) out[f.name] = x;
      }
      return out;
    }
    case "enum":
      return (o.symbols ?? []).includes(v as string) ? v : { unrecognized: v };
    case "fixed":
      return bytesOf(v);
    case "array":
      return (v as unknown[]).map((x) => fromAvro(o.items, x, named));
    case "map": {
      const m = v as Obj;
      return new Map(Object.keys(m).map((k) => [k, fromAvro(o.values, m[k], named)]));
    }
    default:
      return fromAvro(o.type, v, named);
  }
}

function toAvro(s: unknown, v: unknown, named: Map<string, Node>, skipField?: string): unknown {
  if (typeof s === "string") {
    if (s === "bytes") return bufferOf(v as Uint8Array);
    if (s === "null") return null;
    if (PRIMITIVES.has(s)) return v;
    const d = named.get(s);
    return d ? toAvro(d, v, named, skipField) : v;
  }
  if (Array.isArray(s)) {
    if (v === undefined || v === null) return null;
    if (s.length === 2 && s.includes("null")) {
      const b = s.find((x) => x !== "null");
      return { [branchKey(b)]: toAvro(b, v, named) };
    }
    const c = v as { case: string; value: unknown };
    return { [c.case]: toAvro(branchSchema(s, c.case, named), c.value, named) };
  }
  const o = s as Node;
  if (typeof o.logicalType === "string") {
    const r = toLogical(o, v);
    if (r !== NOT_LOGICAL) return r;
  }
  switch (o.type) {
    case "record":
    case "error": {
      const out: Obj = {};
      const rec = v as Obj;
      for (const f of o.fields ?? []) {
        if (f.name !== skipField) out[f.name] = toAvro(f.type, rec[f.name], named);
      }
      return out;
    }
    case "enum":
      if (typeof v !== "string") throw new TypeError("cannot encode the symbol " + String((v as { unrecognized: unknown }).unrecognized) + " unknown to " + String(o.name));
      return v;
    case "fixed":
      return bufferOf(v as Uint8Array);
    case "array":
      return (v as unknown[]).map((x) => toAvro(o.items, x, named));
    case "map": {
      const out: Obj = {};
      for (const [k, x] of v as Map<string, unknown>) out[k] = toAvro(o.values, x, named);
      return out;
    }
    default:
      return toAvro(o.type, v, named);
  }
}

const NOT_LOGICAL = Symbol("not logical");
const DAY_MS = 86400000;

function fromLogical(o: Node, v: unknown): unknown {
  switch (o.logicalType) {
    case "decimal":
      return decimalToString(v as Uint8Array, Number(o.scale ?? 0));
    case "uuid":
      return o.type === "fixed" ? uuidToString(v as Uint8Array) : v;
    case "date":
      return new Date((v as number) * DAY_MS);
    case "timestamp-millis":
      return new Date(Number(v as bigint));
    case "duration": {
      const b = v as Buffer;
      const d: AvroDuration = { months: b.readUInt32LE(0), days: b.readUInt32LE(4), millis: b.readUInt32LE(8) };
      return d;
    }
    default:
      return NOT_LOGICAL;
  }
}

function toLogical(o: Node, v: unknown): unknown {
  switch (o.logicalType) {
    case "decimal":
      return decimalToBytes(v as string, Number(o.scale ?? 0), o.type === "fixed" ? Number(o.size) : undefined);
    case "uuid":
      return o.type === "fixed" ? Buffer.from((v as string).replace(/-/g, ""), "hex") : v;
    case "date":
      return Math.floor(validTime(v as Date) / DAY_MS);
    case "timestamp-millis":
      return BigInt(validTime(v as Date));
    case "duration": {
      const d = v as AvroDuration;
      const b = Buffer.alloc(12);
      b.writeUInt32LE(d.months, 0);
      b.writeUInt32LE(d.days, 4);
      b.writeUInt32LE(d.millis, 8);
      return b;
    }
    default:
      return NOT_LOGICAL;
  }
}

function validTime(d: Date): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new TypeError("cannot encode an invalid Date");
  return t;
}

function decimalToString(bytes: Uint8Array, scale: number): string {
  let unscaled = 0n;
  for (const b of bytes) unscaled = (unscaled << 8n) | BigInt(b);
  if (bytes.length > 0) unscaled = BigInt.asIntN(bytes.length * 8, unscaled);
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  const text = scale > 0 ? digits.slice(0, digits.length - scale) + "." + digits.slice(digits.length - scale) : digits;
  return negative ? "-" + text : text;
}

function decimalToBytes(text: string, scale: number, size: number | undefined): Buffer {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new TypeError("not a decimal number: " + JSON.stringify(text));
  const fraction = m[3] ?? "";
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) {
    throw new RangeError(text + " has more than " + scale + " fraction digits");
  }
  let unscaled = BigInt((m[2] || "0") + fraction.slice(0, scale).padEnd(scale, "0"));
  if (m[1] === "-") unscaled = -unscaled;
  let length = size ?? 1;
  if (size === undefined) while (BigInt.asIntN(length * 8, unscaled) !== unscaled) length++;
  else if (BigInt.asIntN(length * 8, unscaled) !== unscaled) throw new RangeError(text + " does not fit in " + size + " bytes");
  const out = Buffer.alloc(length);
  let u = BigInt.asUintN(length * 8, unscaled);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(u & 0xffn);
    u >>= 8n;
  }
  return out;
}

function uuidToString(b: Uint8Array): string {
  const hex = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
  return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
}
