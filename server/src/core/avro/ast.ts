/**
 * The Avro syntax tree shared by the three front ends: `.avsc` and `.avpr` (JSON) and `.avdl`
 * (Avro IDL). Each front end lowers into these nodes, so every check, the registry and the
 * editor features see one shape whatever the file was written in.
 *
 * Invariants:
 * - every node carries the span of the text it came from. In JSON files that is the JSON node
 *   (string literals include their quotes); in IDL it is the tokens of the construct. A node the
 *   IDL implies without writing it (the `null` of `T?`, the anonymous request record of a
 *   message) borrows the span of the text that implies it.
 * - names are resolved lexically while lowering: `fullName` and `namespace` on named types and
 *   references need no other file. Which definition a reference denotes is decided later, by the
 *   checks, against the file itself and the registry.
 * - the tree is as complete as the text allows: anything missing is `undefined` and was reported
 *   by the front end; nothing is thrown.
 */
import type { Span } from '../text/span';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { JsonString, JsonValue } from './json';

export type AvroSyntax = 'avsc' | 'avpr' | 'avdl';

export const PRIMITIVE_TYPES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;
export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

export function isPrimitiveType(name: string): name is PrimitiveType {
  return (PRIMITIVE_TYPES as readonly string[]).includes(name);
}

/** A name as written: a type name, namespace, alias, field name, enum symbol, logical type... */
export interface NameNode {
  /** The decoded text (JSON escapes and IDL backticks removed). */
  readonly text: string;
  readonly span: Span;
}

/** An attribute the spec does not define for the node (metadata such as `java-class`, `precision`). */
export interface Prop {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonValue;
  /** The whole `"key": value` member, or the `@key(value)` annotation. */
  readonly span: Span;
}

interface SchemaBase {
  readonly span: Span;
  /** `logicalType` when present and a string. */
  readonly logicalType?: NameNode;
  /** Other attributes, in source order. Logical-type parameters (`precision`, `scale`) are here. */
  readonly props: readonly Prop[];
}

export interface PrimitiveSchema extends SchemaBase {
  readonly kind: 'primitive';
  readonly type: PrimitiveType;
  /**
   * The `"type"` value of the object form `{"type": "int"}`; absent for the bare form `"int"`.
   * In IDL, the keyword (`int`, `date`, `decimal`, `void`...).
   */
  readonly typeName?: NameNode;
}

/** A use of a named type by name: `"Foo"`, `"a.b.Foo"`, IDL `Foo`. */
export interface ReferenceSchema extends SchemaBase {
  readonly kind: 'reference';
  readonly name: NameNode;
  /** The name qualified by the enclosing namespace (or the name itself when it has a dot). */
  readonly fullName: string;
  /** The enclosing namespace ('' for the null namespace). */
  readonly namespace: string;
  /**
   * IDL: `fullName` is the only candidate. Avro Java qualifies IDL names before looking them up,
   * so unlike in JSON a simple name does not fall back to the null namespace.
   */
  readonly exact?: boolean;
}

interface NamedBase extends SchemaBase {
  /** The `"type"` value (`"record"`, `"error"`, `"enum"`, `"fixed"`), or the IDL keyword. */
  readonly typeName?: NameNode;
  readonly name?: NameNode;
  /** The `namespace` attribute (IDL: `@namespace("...")`) as written, even when ignored. */
  readonly namespaceAttr?: NameNode;
  /** Full name per the spec's algorithm; absent when there is no usable name. */
  readonly fullName?: string;
  /** The namespace of this type ('' = null namespace); nested definitions inherit it. */
  readonly namespace: string;
  readonly aliases: readonly NameNode[];
  readonly doc?: DocNode;
}

export interface RecordSchema extends NamedBase {
  readonly kind: 'record';
  /** `"type": "error"` / IDL `error`. */
  readonly error: boolean;
  readonly fields: readonly Field[];
  /** Absent when the record has no `fields` array. */
  readonly fieldsSpan?: Span;
}

export interface EnumSchema extends NamedBase {
  readonly kind: 'enum';
  readonly symbols: readonly NameNode[];
  readonly symbolsSpan?: Span;
  /** The enum-level default; checked to be one of the symbols. */
  readonly default?: JsonValue;
}

export interface FixedSchema extends NamedBase {
  readonly kind: 'fixed';
  /** The `size` value as written (checked to be a non-negative int). */
  readonly size?: JsonValue;
}

export interface ArraySchema extends SchemaBase {
  readonly kind: 'array';
  readonly typeName?: NameNode;
  readonly items?: AvroSchema;
}

export interface MapSchema extends SchemaBase {
  readonly kind: 'map';
  readonly typeName?: NameNode;
  readonly values?: AvroSchema;
}

export interface UnionSchema extends SchemaBase {
  readonly kind: 'union';
  readonly branches: readonly AvroSchema[];
  /** IDL `T?`: null is first, or last when the field's default is not null. */
  readonly nullable?: boolean;
}

/** Text that should be a schema but is not one (a number, an unknown `"type"`...); already reported. */
export interface InvalidSchema {
  readonly kind: 'invalid';
  readonly span: Span;
  readonly props: readonly Prop[];
  readonly logicalType?: undefined;
}

export type NamedSchema = RecordSchema | EnumSchema | FixedSchema;
export type AvroSchema =
  | PrimitiveSchema
  | ReferenceSchema
  | RecordSchema
  | EnumSchema
  | FixedSchema
  | ArraySchema
  | MapSchema
  | UnionSchema
  | InvalidSchema;

export function isNamedSchema(s: AvroSchema): s is NamedSchema {
  return s.kind === 'record' || s.kind === 'enum' || s.kind === 'fixed';
}

export interface DocNode {
  readonly text: string;
  /** The `"doc"` string, or the IDL `/** ... *\/` comment. */
  readonly span: Span;
}

export type FieldOrder = 'ascending' | 'descending' | 'ignore';

export interface Field {
  readonly name?: NameNode;
  readonly type?: AvroSchema;
  readonly default?: JsonValue;
  readonly doc?: DocNode;
  readonly aliases: readonly NameNode[];
  /** The `order` value as written; checked against ascending/descending/ignore. */
  readonly order?: JsonValue;
  /** Other attributes, `logicalType` included (which is misplaced on a field). */
  readonly props: readonly Prop[];
  /** The field object, or in IDL the variable (name up to the default). */
  readonly span: Span;
}

export interface AvroMessage {
  readonly name: NameNode;
  readonly doc?: DocNode;
  /** The parameters: an anonymous record's fields. */
  readonly request: readonly Field[];
  readonly requestSpan?: Span;
  /** Absent only when missing from the text; IDL `void` is a `null` primitive. */
  readonly response?: AvroSchema;
  /** The declared errors (without the implicit `string`). */
  readonly errors: readonly AvroSchema[];
  readonly oneWay?: JsonValue;
  readonly props: readonly Prop[];
  readonly span: Span;
}

export interface AvroProtocol {
  readonly name?: NameNode;
  readonly namespaceAttr?: NameNode;
  /** The protocol's namespace ('' = null namespace), inherited by its types. */
  readonly namespace: string;
  readonly fullName?: string;
  readonly doc?: DocNode;
  readonly types: readonly AvroSchema[];
  readonly messages: readonly AvroMessage[];
  readonly props: readonly Prop[];
  readonly span: Span;
}

/** IDL `import idl|protocol|schema "path";`. Resolving the path is the host's job. */
export interface AvroImport {
  readonly kind: 'idl' | 'protocol' | 'schema';
  readonly path: JsonString;
  readonly span: Span;
}

/** One parsed file. */
export interface AvroFile {
  readonly syntax: AvroSyntax;
  readonly text: string;
  /** The JSON tree of a `.avsc`/`.avpr` file, for editor features that work on JSON. */
  readonly json?: JsonValue;
  /** The schema of a `.avsc`, or the main schema of an IDL schema file (`schema T;`). */
  readonly schema?: AvroSchema;
  /** A `.avpr`, or an IDL `protocol`. */
  readonly protocol?: AvroProtocol;
  /** IDL schema-file declarations (`namespace x; record A {...}`). */
  readonly types: readonly AvroSchema[];
  /** IDL `namespace x;`. */
  readonly namespace?: NameNode;
  readonly imports: readonly AvroImport[];
  /** Syntax and structure problems found while parsing. */
  readonly diagnostics: readonly Diagnostic[];
}
