/**
 * What the Avro reader/writer check reports. The six incompatibility types, their locations and
 * their details are Avro Java 1.12's `SchemaCompatibility` (what Confluent Schema Registry and
 * Karapace run), so a finding can be looked up and matched against a registry's answer.
 */
import type { ArraySchema, EnumSchema, Field, FixedSchema, MapSchema, PrimitiveSchema, RecordSchema, UnionSchema } from '../../avro/ast';
import type { Span } from '../../text/span';

/** A schema after following references: what Java's `Schema` objects are. */
export type ResolvedSchema = PrimitiveSchema | RecordSchema | EnumSchema | FixedSchema | ArraySchema | MapSchema | UnionSchema;

export const AVRO_INCOMPATIBILITY_TYPES = [
  'NAME_MISMATCH',
  'FIXED_SIZE_MISMATCH',
  'MISSING_ENUM_SYMBOLS',
  'READER_FIELD_MISSING_DEFAULT_VALUE',
  'TYPE_MISMATCH',
  'MISSING_UNION_BRANCH',
] as const;

export type AvroIncompatibilityType = (typeof AVRO_INCOMPATIBILITY_TYPES)[number];

/** What each type means, for hovers, `--help` and documentation. */
export const AVRO_INCOMPATIBILITY_DOCS: Readonly<Record<AvroIncompatibilityType, string>> = {
  NAME_MISMATCH: 'a record, enum or fixed has another name than the one it is read or written as, and no reader alias names it',
  FIXED_SIZE_MISMATCH: 'a fixed type has another size on the other side',
  MISSING_ENUM_SYMBOLS: 'the writer has enum symbols the reader lacks, and the reader enum has no default',
  READER_FIELD_MISSING_DEFAULT_VALUE: 'a reader field has no writer field (by name or reader alias) and no default',
  TYPE_MISMATCH: 'the reader type cannot read the writer type, even by promotion',
  MISSING_UNION_BRANCH: 'a type the writer may write (a union branch, or the whole type) has no reader union branch that reads it',
};

/** Where an incompatibility sits in one of the two schemas, always inside that schema's own file. */
export interface AvroSidePoint {
  /** The smallest element of this side the problem is about (see `AvroIncompatibility`). */
  readonly span: Span;
  /** Extra elements: the writer's enum symbols the reader lacks. */
  readonly items?: readonly Span[];
}

export interface AvroIncompatibility {
  readonly type: AvroIncompatibilityType;
  /**
   * Java's `Incompatibility.getLocation()`: a JSON pointer such as `/fields/0/type`. Field
   * positions are the reader's, union indexes the writer's; `/` is the root.
   */
  readonly location: string;
  /**
   * Java's `getMessage()`, which Confluent reports as `additionalInfo`: `expected: a.Foo`,
   * `expected: 8, found: 16`, `[C, D]`, the field name, `reader type: STRING not compatible with
   * writer type: INT`, `reader union lacking writer type: LONG`.
   */
  readonly detail: string;
  /**
   * The element in each schema. Per type, reader / writer:
   * - NAME_MISMATCH: the name / the name;
   * - FIXED_SIZE_MISMATCH: the size / the size;
   * - MISSING_ENUM_SYMBOLS: the symbols array / the missing symbol when one is missing, else the
   *   symbols array; `writer.items` holds every missing symbol;
   * - READER_FIELD_MISSING_DEFAULT_VALUE: the field's name / the name of the record that lacks it;
   * - TYPE_MISMATCH: the type as written / the type as written;
   * - MISSING_UNION_BRANCH: the union / the unreadable branch (or the whole non-union type);
   *   `writerSchema` is that branch where Java names the writer union.
   * - (a missing reader field of enum type reported as TYPE_MISMATCH: see `readerField`)
   * A type used by reference from another file is reported at the reference.
   */
  readonly reader: AvroSidePoint;
  readonly writer: AvroSidePoint;
  /** Java's reader and writer fragments: the two schemas being compared where the problem is. */
  readonly readerSchema: ResolvedSchema;
  readonly writerSchema: ResolvedSchema;
  /**
   * The reader's field the writer lacks: for READER_FIELD_MISSING_DEFAULT_VALUE, and for the
   * TYPE_MISMATCH Java reports instead when that field's type is an enum with a default (then the
   * points are those of a missing field: the field's name and the writer record's name).
   */
  readonly readerField?: Field;
  /** What the message needs: type labels (`int`, `record a.Foo`), the field, the symbols, the sizes. */
  readonly facts: AvroFacts;
}

export interface AvroFacts {
  readonly readerType: string;
  readonly writerType: string;
  readonly field?: string;
  readonly symbols?: readonly string[];
  readonly readerName?: string;
  readonly writerName?: string;
  readonly readerSize?: string;
  readonly writerSize?: string;
  /** MISSING_UNION_BRANCH between two unions: the index of the writer branch no reader branch reads. */
  readonly writerBranch?: number;
}

export interface AvroCompatResult {
  readonly compatible: boolean;
  /**
   * In Java's order. Like Java, a reader/writer pair of named types met twice is judged once, so
   * its incompatibilities repeat with the location of the first meeting.
   */
  readonly incompatibilities: readonly AvroIncompatibility[];
}
