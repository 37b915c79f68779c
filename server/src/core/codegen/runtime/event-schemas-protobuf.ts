/**
 * event-schemas runtime for Protobuf: decodes and encodes event unions with protobufjs, by
 * reflection from the descriptor embedded in each generated module (no protoc step), and maps
 * protobufjs values to the generated types: int64 -> bigint, bytes -> Uint8Array, enums -> names
 * (or `{ unrecognized }`), Timestamp -> Date, Duration -> milliseconds, wrappers -> values,
 * Struct/Value/ListValue -> JSON, Any -> `{ typeUrl, value }`.
 *
 * Needs the `protobufjs` package (7.3 or later).
 */
import * as protobufNs from "protobufjs";
import { err, ok, type DecodeError, type Result } from "./event-schemas-runtime.js";

type Protobuf = typeof protobufNs;
// The package is CommonJS: ES module hosts put its exports under `default`.
const protobuf: Protobuf = (protobufNs as unknown as { default?: Protobuf }).default ?? protobufNs;

/** A protobufjs JSON descriptor (the `Root.fromJSON` format), built by the generator from the schema. */
export type ProtoDescriptor = { readonly [key: string]: unknown };

export interface ProtoUnionSpec {
  /** Full name of the envelope message. */
  readonly envelope: string;
  /** The oneof whose members are the variants. */
  readonly oneof: string;
  /** Oneof member field -> variant tag. */
  readonly variants: { readonly [field: string]: string };
  /** Whether variants carry the envelope's other fields as `meta`. */
  readonly meta: boolean;
}

export interface ProtoEventCodec<U> {
  decode(bytes: Uint8Array): Result<U, DecodeError>;
  encode(event: U): Uint8Array;
}

type Plain = { [key: string]: unknown };

interface Loaded {
  readonly type: protobufNs.Type;
  readonly oneof: protobufNs.OneOf;
}

const roots = new WeakMap<object, protobufNs.Root>();

function rootOf(descriptor: ProtoDescriptor): protobufNs.Root {
  let root = roots.get(descriptor);
  if (!root) {
    root = protobuf.Root.fromJSON(descriptor as protobufNs.INamespace);
    root.resolveAll();
    roots.set(descriptor, root);
  }
  return root;
}

/** The codec of one event union. Loading is deferred to the first call, and a failure to load is a `schemaMismatch`. */
export function protoEventCodec<U>(descriptor: ProtoDescriptor, spec: ProtoUnionSpec): ProtoEventCodec<U> {
  let loaded: Loaded | string | undefined;
  const load = (): Loaded | string => {
    if (loaded === undefined) {
      try {
        const type = rootOf(descriptor).lookupType(spec.envelope);
        const oneof = type.oneofs?.[spec.oneof];
        loaded = oneof ? { type, oneof } : "the embedded descriptor has no oneof " + spec.oneof + " in " + spec.envelope;
      } catch (e) {
        loaded = "the embedded descriptor does not load: " + message(e);
      }
    }
    return loaded;
  };
  return {
    decode(bytes) {
      const l = load();
      if (typeof l === "string") return err({ kind: "schemaMismatch", message: l });
      let msg: Plain;
      try {
        msg = l.type.decode(bytes) as unknown as Plain;
      } catch (e) {
        return err({ kind: "malformed", message: message(e) });
      }
      try {
        const meta = spec.meta ? fromMessage(l.type, msg, l.oneof) : undefined;
        const member = oneofCase(msg, l.oneof);
        if (member === undefined) {
          const fieldNumber = lastUnknownField(bytes, l.type);
          if (fieldNumber === undefined) {
            return err({ kind: "missingVariant", message: "the " + spec.oneof + " of " + spec.envelope + " is not set" });
          }
          return ok({ type: "$unknown", fieldNumber, writerType: undefined, raw: bytes.slice(), meta } as U);
        }
        const value = fromValue(l.type.fields[member]!, msg[member]);
        const tag = spec.variants[member]!;
        return ok((spec.meta ? { type: tag, value, meta } : { type: tag, value }) as U);
      } catch (e) {
        return err({ kind: "malformed", message: message(e) });
      }
    },
    encode(event) {
      const e = event as unknown as { readonly type: string; readonly value?: unknown; readonly meta?: Plain; readonly raw?: Uint8Array };
      if (e.type === "$unknown" && e.raw) return e.raw.slice();
      const l = load();
      if (typeof l === "string") throw new Error(l);
      const member = Object.keys(spec.variants).find((k) => spec.variants[k] === e.type);
      if (member === undefined) throw new TypeError("unknown variant " + e.type + " of " + spec.envelope);
      const plain = toMessage(l.type, spec.meta && e.meta ? e.meta : {}, l.oneof);
      plain[member] = toValue(l.type.fields[member]!, e.value);
      const out = l.type.encode(plain).finish();
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function has(obj: Plain, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined && obj[key] !== null;
}

function oneofCase(msg: Plain, oneof: protobufNs.OneOf): string | undefined {
  let found: string | undefined;
  for (const f of oneof.fieldsArray) if (has(msg, f.name)) found = f.name;
  return found;
}

/** The last length-delimited (or group) top-level field the envelope does not declare: a newer variant. */
function lastUnknownField(bytes: Uint8Array, type: protobufNs.Type): number | undefined {
  let found: number | undefined;
  try {
    const reader = protobuf.Reader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const no = tag >>> 3;
      const wireType = tag & 7;
      if (!type.fieldsById[no] && (wireType === 2 || wireType === 3)) found = no;
      reader.skipType(wireType, 0, no);
    }
  } catch {
    // The bytes decoded already; a scan that cannot finish reports what it saw.
  }
  return found;
}

const LONG = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);
const UNSIGNED = new Set(["uint64", "fixed64"]);

function toBigInt(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(v);
  if (typeof v === "string") return BigInt(v);
  const l = v as { low: number; high: number; unsigned?: boolean };
  const value = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
  return l.unsigned ? value : BigInt.asIntN(64, value);
}

function longBits(v: bigint): { low: number; high: number } {
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0 };
}

function bytesOf(v: unknown): Uint8Array {
  // Buffers from protobufjs share memory with the input; the event owns a copy.
  return Uint8Array.prototype.slice.call(v as Uint8Array);
}

const DROP = Symbol("drop");

function fromMessage(type: protobufNs.Type, msg: Plain, skip?: protobufNs.OneOf): Plain {
  const wkt = fromWellKnown(type, msg);
  if (wkt !== undefined) return wkt as Plain;
  const out: Plain = {};
  for (const oneof of type.oneofsArray) {
    if (oneof === skip) continue;
    const member = oneofCase(msg, oneof);
    if (member === undefined) continue;
    const value = fromValue(type.fields[member]!, msg[member]);
    if (value !== DROP) out[oneof.name] = { case: member, value };
  }
  for (const field of type.fieldsArray) {
    if (field.partOf) continue;
    const present = has(msg, field.name);
    if (field.map) {
      out[field.name] = fromMap(field as unknown as protobufNs.MapField, present ? (msg[field.name] as Plain) : {});
    } else if (field.repeated) {
      const items = present ? (msg[field.name] as unknown[]) : [];
      out[field.name] = items.map((x) => fromValue(field, x)).filter((x) => x !== DROP);
    } else {
      const value = present ? fromValue(field, msg[field.name]) : DROP;
      if (value !== DROP) out[field.name] = value;
      else if (!field.hasPresence) out[field.name] = zeroValue(field);
    }
  }
  return out;
}

function fromMap(field: protobufNs.MapField, obj: Plain): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  for (const key of Object.keys(obj)) {
    const value = fromValue(field as unknown as protobufNs.Field, obj[key]);
    if (value !== DROP) out.set(fromKey(field.keyType, key), value);
  }
  return out;
}

function fromKey(keyType: string, key: string): unknown {
  if (keyType === "string") return key;
  if (keyType === "bool") return key === "true" || key === "1";
  if (LONG.has(keyType)) {
    // protobufjs keys 64-bit map entries by an 8-character hash of the bits.
    if (/^-?(?:0|[1-9][0-9]*)$/.test(key)) return BigInt(key);
    return toBigInt(protobuf.util.longFromHash(key, UNSIGNED.has(keyType)));
  }
  return Number(key);
}

function isClosed(e: protobufNs.Enum): boolean {
  const features = (e.options as { features?: { enum_type?: string } } | undefined)?.features;
  return features?.enum_type === "CLOSED";
}

function fromValue(field: protobufNs.Field, v: unknown): unknown {
  const t = field.resolvedType;
  if (t instanceof protobuf.Enum) {
    if (t.fullName === ".google.protobuf.NullValue") return null;
    const n = v as number;
    const name = t.valuesById[n];
    if (name !== undefined) return name;
    return isClosed(t) ? DROP : { unrecognized: n };
  }
  if (t instanceof protobuf.Type) return fromMessage(t, v as Plain);
  if (LONG.has(field.type)) return toBigInt(v);
  if (field.type === "bytes") return bytesOf(v);
  return v;
}

function zeroValue(field: protobufNs.Field): unknown {
  const t = field.resolvedType;
  if (t instanceof protobuf.Enum) {
    if (t.fullName === ".google.protobuf.NullValue") return null;
    return t.valuesById[0] ?? { unrecognized: 0 };
  }
  if (LONG.has(field.type)) return 0n;
  switch (field.type) {
    case "string":
      return "";
    case "bytes":
      return new Uint8Array(0);
    case "bool":
      return false;
    default:
      return 0;
  }
}

const WRAPPERS = new Set([
  ".google.protobuf.DoubleValue",
  ".google.protobuf.FloatValue",
  ".google.protobuf.Int64Value",
  ".google.protobuf.UInt64Value",
  ".google.protobuf.Int32Value",
  ".google.protobuf.UInt32Value",
  ".google.protobuf.BoolValue",
  ".google.protobuf.StringValue",
  ".google.protobuf.BytesValue",
]);

/** The natural form of a well-known type, or undefined for other messages. */
function fromWellKnown(type: protobufNs.Type, msg: Plain): unknown {
  switch (type.fullName) {
    case ".google.protobuf.Timestamp":
      return new Date(Number(toBigInt(msg["seconds"] ?? 0)) * 1000 + Math.trunc(Number(msg["nanos"] ?? 0) / 1e6));
    case ".google.protobuf.Duration":
      return Number(toBigInt(msg["seconds"] ?? 0)) * 1000 + Number(msg["nanos"] ?? 0) / 1e6;
    case ".google.protobuf.Struct":
      return fromStruct(msg);
    case ".google.protobuf.Value":
      return fromJsonValue(msg);
    case ".google.protobuf.ListValue":
      return ((msg["values"] as Plain[] | undefined) ?? []).map(fromJsonValue);
    case ".google.protobuf.Any":
      return { typeUrl: (msg["typeUrl"] as string | undefined) ?? "", value: msg["value"] ? bytesOf(msg["value"]) : new Uint8Array(0) };
    default:
      if (WRAPPERS.has(type.fullName)) {
        const field = type.fields["value"]!;
        return has(msg, "value") ? fromValue(field, msg["value"]) : zeroValue(field);
      }
      return undefined;
  }
}

function fromStruct(msg: Plain): Plain {
  const out: Plain = {};
  const fields = (msg["fields"] as Plain | undefined) ?? {};
  for (const key of Object.keys(fields)) out[key] = fromJsonValue(fields[key] as Plain);
  return out;
}

function fromJsonValue(v: Plain): unknown {
  if (has(v, "numberValue")) return v["numberValue"];
  if (has(v, "stringValue")) return v["stringValue"];
  if (has(v, "boolValue")) return v["boolValue"];
  if (has(v, "structValue")) return fromStruct(v["structValue"] as Plain);
  if (has(v, "listValue")) return (((v["listValue"] as Plain)["values"] as Plain[] | undefined) ?? []).map(fromJsonValue);
  return null;
}

function toMessage(type: protobufNs.Type, obj: Plain, skip?: protobufNs.OneOf): Plain {
  const out: Plain = {};
  for (const oneof of type.oneofsArray) {
    if (oneof === skip) continue;
    const c = obj[oneof.name] as { case: string; value: unknown } | undefined;
    if (c && type.fields[c.case]) out[c.case] = toValue(type.fields[c.case]!, c.value);
  }
  for (const field of type.fieldsArray) {
    if (field.partOf) continue;
    const v = obj[field.name];
    if (v === undefined || v === null) continue;
    if (field.map) {
      const entries: Plain = {};
      for (const [k, x] of v as Map<unknown, unknown>) entries[String(k)] = toValue(field, x);
      out[field.name] = entries;
    } else if (field.repeated) {
      out[field.name] = (v as unknown[]).map((x) => toValue(field, x));
    } else {
      out[field.name] = toValue(field, v);
    }
  }
  return out;
}

function toValue(field: protobufNs.Field, v: unknown): unknown {
  const t = field.resolvedType;
  if (t instanceof protobuf.Enum) {
    if (t.fullName === ".google.protobuf.NullValue") return 0;
    if (typeof v === "string") {
      const n = t.values[v];
      if (n === undefined) throw new TypeError(v + " is not a value of " + t.fullName.slice(1));
      return n;
    }
    return (v as { unrecognized: number }).unrecognized;
  }
  if (t instanceof protobuf.Type) return toWellKnown(t, v) ?? toMessage(t, v as Plain);
  if (LONG.has(field.type)) return longBits(toBigInt(v));
  return v;
}

function toWellKnown(type: protobufNs.Type, v: unknown): Plain | undefined {
  switch (type.fullName) {
    case ".google.protobuf.Timestamp": {
      const ms = (v as Date).getTime();
      if (Number.isNaN(ms)) throw new TypeError("cannot encode an invalid Date");
      const seconds = Math.floor(ms / 1000);
      return { seconds, nanos: (ms - seconds * 1000) * 1e6 };
    }
    case ".google.protobuf.Duration": {
      const ms = v as number;
      const seconds = Math.trunc(ms / 1000);
      return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
    }
    case ".google.protobuf.Struct":
      return toStruct(v as Plain);
    case ".google.protobuf.Value":
      return toJsonValue(v);
    case ".google.protobuf.ListValue":
      return { values: (v as unknown[]).map(toJsonValue) };
    case ".google.protobuf.Any": {
      const a = v as { typeUrl: string; value: Uint8Array };
      return { typeUrl: a.typeUrl, value: a.value };
    }
    default:
      return WRAPPERS.has(type.fullName) ? { value: toValue(type.fields["value"]!, v) } : undefined;
  }
}

function toStruct(obj: Plain): Plain {
  const fields: Plain = {};
  for (const key of Object.keys(obj)) fields[key] = toJsonValue(obj[key]);
  return { fields };
}

function toJsonValue(v: unknown): Plain {
  if (v === null || v === undefined) return { nullValue: 0 };
  if (typeof v === "number") return { numberValue: v };
  if (typeof v === "string") return { stringValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(toJsonValue) } };
  return { structValue: toStruct(v as Plain) };
}
