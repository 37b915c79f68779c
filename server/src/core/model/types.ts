/**
 * The format-neutral event model. Protobuf and Avro schemas both lower into it (lowerProto.ts,
 * lowerAvro.ts), and the code generator reads nothing else, so a generated API looks the same
 * whichever format a topic uses.
 *
 * Invariants:
 * - every type, field, enum value, variant and union keeps the uri and span of its source text;
 * - a model is complete data: no method, no cycle of objects (types refer to each other by id);
 * - order is source order everywhere, so everything derived from a model is deterministic.
 */
import type { Span } from '../text/span';

export type SchemaFormat = 'protobuf' | 'avro';

/** Where an element was written. */
export interface Source {
  readonly uri: string;
  readonly span: Span;
}

/**
 * Scalars in Protobuf's vocabulary; Avro's primitives map onto it (`int` -> int32,
 * `long` -> int64, `boolean` -> bool). `null` exists in Avro only.
 */
export type ScalarName =
  | 'double'
  | 'float'
  | 'int32'
  | 'int64'
  | 'uint32'
  | 'uint64'
  | 'sint32'
  | 'sint64'
  | 'fixed32'
  | 'fixed64'
  | 'sfixed32'
  | 'sfixed64'
  | 'bool'
  | 'string'
  | 'bytes'
  | 'null';

/**
 * Protobuf well-known types with a natural TypeScript form. The rest (Empty, FieldMask, ...) are
 * ordinary messages.
 */
export type WellKnownName =
  | 'Timestamp'
  | 'Duration'
  | 'DoubleValue'
  | 'FloatValue'
  | 'Int64Value'
  | 'UInt64Value'
  | 'Int32Value'
  | 'UInt32Value'
  | 'BoolValue'
  | 'StringValue'
  | 'BytesValue'
  | 'Struct'
  | 'Value'
  | 'ListValue'
  | 'NullValue'
  | 'Any';

export type TypeExpr =
  | { readonly kind: 'scalar'; readonly scalar: ScalarName }
  /** A record, enum or fixed of the model. */
  | { readonly kind: 'named'; readonly id: string }
  | { readonly kind: 'list'; readonly items: TypeExpr }
  | { readonly kind: 'map'; readonly key: ScalarName; readonly values: TypeExpr }
  /** Avro `["null", T]` (or `[T, "null"]`: `nullFirst` false). */
  | { readonly kind: 'optional'; readonly inner: TypeExpr; readonly nullFirst: boolean }
  /** Any other Avro union; a `null` branch is a scalar branch like the others. */
  | { readonly kind: 'union'; readonly branches: readonly TypeExpr[] }
  /** `id` is the message or enum the well-known type is declared as, for the wire descriptor. */
  | { readonly kind: 'wellKnown'; readonly name: WellKnownName; readonly id: string }
  /**
   * An Avro logical type over `base`. `props` keeps the other attributes (precision, scale) as
   * written, so the schema embedded in generated code reads the same bytes.
   */
  | { readonly kind: 'logical'; readonly logical: string; readonly base: TypeExpr; readonly props: Readonly<Record<string, unknown>> }
  /** A reference nothing defines (already reported by the checks); generated as `unknown`. */
  | { readonly kind: 'unresolved'; readonly text: string };

/** Protobuf field presence; Avro fields are `required` (optionality is in the type). */
export type Presence = 'implicit' | 'explicit' | 'required';

export interface Field {
  readonly name: string;
  /** Protobuf field number. */
  readonly number?: number;
  /** Index among the record's fields, in source order. */
  readonly position: number;
  readonly type: TypeExpr;
  readonly presence: Presence;
  /** Index into the record's `oneofs`. */
  readonly oneof?: number;
  /** Avro default (plain JSON) or Protobuf `[default = ...]` (number, string, boolean or enum value name). */
  readonly default?: { readonly value: unknown };
  /** Protobuf repeated scalars: packed on the wire. */
  readonly packed?: boolean;
  /** Protobuf groups and DELIMITED message encoding. */
  readonly delimited?: boolean;
  readonly aliases: readonly string[];
  /** Avro `order` when not the default. */
  readonly order?: string;
  readonly doc?: string;
  readonly source: Source;
}

export interface Oneof {
  readonly name: string;
  /** Field names, in source order. */
  readonly fields: readonly string[];
  readonly doc?: string;
  readonly source: Source;
}

interface TypeBase {
  /** Unique in the model: `<format>:<full name>`. */
  readonly id: string;
  readonly format: SchemaFormat;
  readonly name: string;
  readonly fullName: string;
  /** Protobuf package or Avro namespace ('' for none). */
  readonly namespace: string;
  /** Enclosing message names for a nested Protobuf type, outermost first; empty otherwise. */
  readonly scope: readonly string[];
  readonly aliases: readonly string[];
  readonly doc?: string;
  /** The declaring file. */
  readonly source: Source;
}

export interface RecordType extends TypeBase {
  readonly kind: 'record';
  readonly fields: readonly Field[];
  readonly oneofs: readonly Oneof[];
  /** Avro `error` records. */
  readonly error?: boolean;
}

export interface EnumValue {
  readonly name: string;
  /** Protobuf number; Avro symbols have none. */
  readonly number?: number;
  readonly doc?: string;
  readonly source: Source;
}

export interface EnumType extends TypeBase {
  readonly kind: 'enum';
  readonly values: readonly EnumValue[];
  /**
   * Whether values unknown to this schema can reach a reader: Protobuf open enums, and Avro enums
   * without a `default` (a reader given the writer's schema sees the new symbol).
   */
  readonly open: boolean;
  /** Avro enum default symbol. */
  readonly default?: string;
}

export interface FixedType extends TypeBase {
  readonly kind: 'fixed';
  readonly size: number;
  /** A logical type written on the fixed itself (decimal, uuid, duration) and its attributes. */
  readonly logical?: { readonly name: string; readonly props: Readonly<Record<string, unknown>> };
}

export type ModelType = RecordType | EnumType | FixedType;

export interface Variant {
  /** The `type` tag: the member's simple type name, or its PascalCase field name when members share a name. */
  readonly name: string;
  /** The record id of the variant's payload. */
  readonly record: string;
  /** Protobuf: the oneof member field. Avro: absent. */
  readonly field?: string;
  readonly number?: number;
  /** Avro: the index of the branch in its union. */
  readonly branch?: number;
  readonly doc?: string;
  readonly source: Source;
}

/**
 * An event union, as DESIGN.md defines it: a Protobuf envelope (a oneof of messages only), an
 * Avro record field whose type is a union of two or more records, or a top-level Avro union of
 * records.
 */
export interface EventUnion {
  /** `U`: the envelope's name, the record name plus the PascalCase field name, or the PascalCase file name. */
  readonly name: string;
  readonly format: SchemaFormat;
  readonly kind: 'envelope' | 'recordField' | 'topLevel';
  /** The envelope message or the Avro record that holds the field. */
  readonly container?: string;
  /** Envelope: index of the oneof in the container's `oneofs`. */
  readonly oneof?: number;
  /** Avro record field union: the field's name. */
  readonly field?: string;
  /** Whether the payload may carry no variant (an Avro `null` branch); decoding it is a `missingVariant` error. */
  readonly nullable?: boolean;
  /** Top-level Avro union: the union itself, for the embedded schema. */
  readonly root?: TypeExpr;
  readonly variants: readonly Variant[];
  readonly doc?: string;
  /** The oneof, the field, or the union. */
  readonly source: Source;
}

export interface ModelFile {
  readonly uri: string;
  /** The path generated files mirror: the import path (Protobuf) or the path below the input folder (Avro). */
  readonly path: string;
  readonly format: SchemaFormat;
  readonly text: string;
  /** Ids of the types declared in the file that code is generated for, in source order. */
  readonly types: readonly string[];
  readonly unions: readonly EventUnion[];
  /** Files this file's types may use, directly or not, sorted by uri; their texts feed the schema hash. */
  readonly dependencies: readonly SchemaText[];
}

export interface SchemaText {
  readonly uri: string;
  readonly text: string;
}

export interface EventModel {
  /** Files code is generated for, in input order then dependency order. */
  readonly files: readonly ModelFile[];
  readonly types: ReadonlyMap<string, ModelType>;
}

export function typeId(format: SchemaFormat, fullName: string): string {
  return `${format}:${fullName}`;
}
