/** Codes of the Avro schema checks (.avsc, .avpr, .avdl), after their syntax is read. */
import { stage, type CodeInfo } from './codeTypes';

const a = stage('avro');

export const AVRO_SCHEMA_CODES: Readonly<Record<string, CodeInfo>> = {
  // IDL text
  'avro/misplaced-doc-comment': a.warning('a `/** */` comment in IDL that documents nothing, so it is dropped', 'move it before a declaration, or make it a plain `/* */` comment'),
  'avro/annotated-reference': a.error('an IDL annotation on a reference to a named type, which has nowhere to go', 'put the annotation on the type\'s definition'),
  // Schema structure
  'avro/protocol-in-schema-file': a.error('a protocol in a .avsc file', 'rename the file to .avpr, or keep only a schema in it'),
  'avro/schema-in-protocol-file': a.error('a .avpr file without a protocol object', 'give the protocol a "protocol" name, or rename a schema file to .avsc'),
  'avro/missing-attribute': a.error('a required attribute is missing: type, name, fields, symbols, items, values, size, request or response', 'add the attribute the message names'),
  'avro/invalid-attribute': a.error('an attribute has the wrong JSON type, such as a number for "name" (a warning for "doc")', 'write the JSON type the message names', { alsoAs: ['warning'] }),
  'avro/invalid-schema': a.error('a JSON value that is not a schema (null, a number or a boolean)', 'write a type name string, a schema object or a union array'),
  'avro/invalid-type': a.error('a schema object whose "type" is not a primitive or complex type name', 'write "record", "enum", "array", a primitive, or refer to a named type by its name alone'),
  'avro/ignored-attribute': a.warning('an attribute that has no effect where it is written, such as "default" inside a type', 'move it where it belongs, or remove it'),
  // Names
  'avro/invalid-name': a.error('a type, field or symbol name that breaks the spec\'s name rule `[A-Za-z_][A-Za-z0-9_]*`', 'rename it; keep the old name in "aliases"'),
  'avro/invalid-namespace': a.error('a namespace that is not dot-separated names', 'fix the namespace'),
  'avro/reserved-name': a.error('a named type called after a primitive type or an IDL keyword', 'choose another name'),
  'avro/ignored-namespace': a.warning('a "namespace" next to a name that is already a full name, which wins', 'remove one of them'),
  'avro/invalid-alias': a.warning('an alias that is not a valid name, which Avro Java rejects', 'fix or remove the alias'),
  'avro/alias-conflict': a.warning('an alias equal to the name of another type or field, so readers cannot tell them apart', 'remove or change the alias'),
  'avro/duplicate-type': a.error('a full name defined twice', 'rename one of them'),
  'avro/duplicate-field': a.error('a field or message parameter name used twice in one record or message', 'rename or remove one'),
  'avro/duplicate-symbol': a.error('an enum symbol listed twice', 'remove the duplicate'),
  'avro/unknown-type': a.error('a reference to a name that no schema defines or imports', 'fix the name (a close match is suggested), or define or import the type'),
  'avro/forward-reference': a.warning('a type used before its definition; only Avro Java 1.12 accepts it', 'define the type at its first use'),
  // Values and types
  'avro/default-type-mismatch': a.error('a default that is not a value of the field\'s type (for a union, of its first branch)', 'write a default of that type, or reorder the union'),
  'avro/union-default-not-first': a.warning('a union default that matches a later branch; the spec and avsc want the first', 'put the matching branch first'),
  'avro/non-portable-default': a.warning('a string default for a float or double that only Avro Java accepts', 'write the default as a JSON number'),
  'avro/invalid-enum-default': a.error('an enum default that is not one of its symbols', 'use one of the symbols'),
  'avro/invalid-fixed-size': a.error('a fixed "size" that is not a non-negative integer', 'write the size in bytes as an integer'),
  'avro/invalid-order': a.error('a field "order" other than ascending, descending or ignore', 'use one of the three'),
  'avro/nested-union': a.error('a union directly inside a union', 'merge its branches into the outer union'),
  'avro/duplicate-union-branch': a.error('two union branches of the same unnamed type, or of the same name', 'remove one of the branches'),
  'avro/invalid-logical-type': a.warning('a logical type on the wrong underlying type or with bad parameters, so Avro ignores it', 'fix the underlying type or the parameters'),
  'avro/unknown-logical-type': a.hint('a logical type the spec does not define; readers without it see the plain type (a warning when it looks like a typo)', 'fix the spelling, or ignore it if it is your own logical type', { alsoAs: ['warning'] }),
  'avro/logical-type-on-field': a.warning('a logical type written on the field instead of on its type, so it is ignored', 'move "logicalType" into the field\'s type'),
  // Protocols
  'avro/invalid-one-way': a.error('a one-way message that returns a value or declares errors', 'return null and declare no errors, or drop "one-way"'),
  'avro/not-an-error': a.error('a message that throws a type that is not an error', 'declare the thrown type as an error'),
  'avro/duplicate-message': a.warning('an IDL message declared twice; the later one wins', 'rename or remove one'),
};
