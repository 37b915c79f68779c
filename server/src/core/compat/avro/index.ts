/**
 * Avro compatibility: schema resolution of a reader against a writer, exactly as Avro Java 1.12's
 * `SchemaCompatibility` (what Confluent Schema Registry runs), and Confluent's modes on top.
 *
 *   checkAvroCompat(reader, writer) -> { compatible, incompatibilities }
 *     Each side is { schema, file?, registry?, resolve? }. Incompatibilities carry Avro's type
 *     (NAME_MISMATCH, FIXED_SIZE_MISMATCH, MISSING_ENUM_SYMBOLS, READER_FIELD_MISSING_DEFAULT_VALUE,
 *     TYPE_MISMATCH, MISSING_UNION_BRANCH), Java's location (`/fields/0/type`) and detail
 *     (`expected: a.Foo`), and a span in EACH schema's own file (types.ts says which element).
 *
 *   checkAvroMode(current, previous, mode, { schema?, allVersions? }) -> AvroFinding[]
 *     `previous` is oldest first. Modes BACKWARD, FORWARD, FULL, their _TRANSITIVE forms, NONE.
 *     Findings (Finding, ../finding.ts) sit in the current file, worded for it, code = the type,
 *     with `baseline`/`related` in the earlier version. Which schemas are compared: pairing.ts
 *     (main schema against main schema; otherwise named types by full name or alias).
 *     BACKWARD findings carry quick fixes where the new schema can repair itself (fixes.ts).
 */
export { checkAvroCompat, type AvroSide } from './checker';
export { checkAvroMode, checkAgainst, AVRO_COMPAT_MODES, type AvroCompatMode, type AvroFinding, type AvroModeOptions, type AvroVersion } from './mode';
export { pairSchemas, type AvroSchemaPair } from './pairing';
export { incompatibilityMessage, type EditedSide } from './messages';
export { schemaNameEquals } from './names';
export { backwardFixes, defaultFor } from './fixes';
export { AVRO_INCOMPATIBILITY_DOCS, AVRO_INCOMPATIBILITY_TYPES, type AvroCompatResult, type AvroFacts, type AvroIncompatibility, type AvroIncompatibilityType, type AvroSidePoint, type ResolvedSchema } from './types';
