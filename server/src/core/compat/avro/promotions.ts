/**
 * The spec's promotions (writer type -> reader types that read it), as Avro Java 1.12's
 * `SchemaCompatibility` applies them: int -> long, float, double; long -> float, double;
 * float -> double; string <-> bytes. Nothing else converts.
 */
import type { PrimitiveType } from '../../avro/ast';

const READS: Readonly<Record<PrimitiveType, readonly PrimitiveType[]>> = {
  null: ['null'],
  boolean: ['boolean'],
  int: ['int'],
  long: ['long', 'int'],
  float: ['float', 'int', 'long'],
  double: ['double', 'int', 'long', 'float'],
  bytes: ['bytes', 'string'],
  string: ['string', 'bytes'],
};

/** Whether a reader of primitive type `reader` reads data written as `writer`. */
export function primitiveReads(reader: PrimitiveType, writer: PrimitiveType): boolean {
  return READS[reader].includes(writer);
}

/** The writer types a reader type reads, itself first. */
export function readableBy(reader: PrimitiveType): readonly PrimitiveType[] {
  return READS[reader];
}

/** The reader types that read a writer type, itself first. */
export function promotionsOf(writer: PrimitiveType): PrimitiveType[] {
  const out: PrimitiveType[] = [writer];
  for (const r of Object.keys(READS) as PrimitiveType[]) if (r !== writer && READS[r].includes(writer)) out.push(r);
  return out;
}
