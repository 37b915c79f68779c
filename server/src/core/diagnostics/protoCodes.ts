/** Codes of linking (imports and names) and of the Protobuf semantic checks, at protoc's level. */
import { stage, type CodeInfo } from './codeTypes';

const resolve = stage('resolve');
const names = stage('names');
const fields = stage('fields');
const reserved = stage('reserved');
const enums = stage('enums');
const maps = stage('maps');
const oneof = stage('oneof');
const proto2 = stage('proto2');
const proto3 = stage('proto3');
const editions = stage('editions');
const file = stage('file');
const options = stage('options');
const defaults = stage('defaults');
const extensions = stage('extensions');

export const RESOLVE_CODES: Readonly<Record<string, CodeInfo>> = {
  'resolve/unknown-import': resolve.error('an imported file (Protobuf `import`, Avro IDL `import`) is not found under the import roots', 'fix the path, or add its root in buf.yaml, `-I` or the eventSchemas.importPaths setting'),
  'resolve/duplicate-import': resolve.error('the same file is imported twice', 'remove the second import'),
  'resolve/import-cycle': resolve.error('files import each other, directly or through others', 'move the shared types into a file of their own'),
  'resolve/unused-import': resolve.warning('nothing from an imported file is used', 'remove the import'),
  'resolve/unknown-type': resolve.error('a type name that matches no definition visible from here', 'fix the name, add the import, or qualify it with a leading dot'),
  'resolve/not-imported': resolve.error('a type or option defined in a file this file does not import', 'add the import'),
  'resolve/unknown-option': resolve.error('an option or feature name that the target descriptor does not have', 'fix the name, or import the file that declares the custom option'),
  'resolve/wrong-kind': resolve.error('a name that resolves to an enum, service or package where a message is required', 'name a message instead'),
};

export const PROTO_CHECK_CODES: Readonly<Record<string, CodeInfo>> = {
  'names/duplicate': names.error('two declarations with the same full name, in this file or across the files it shares a package with', 'rename one of them or remove the duplicate'),

  'fields/number-out-of-range': fields.error('a field or extension number outside 1 to 536,870,911', 'use a number in range'),
  'fields/reserved-implementation-range': fields.error('a field or extension number in 19000 to 19999, which protobuf reserves for itself', 'use another number'),
  'fields/duplicate-number': fields.error('two fields of a message, or two extensions of one message, use the same number (a warning when the other extension is in another file)', 'give one of them an unused number', { alsoAs: ['warning'] }),
  'fields/reserved-number': fields.error('a field uses a number its message reserves', 'use another number, or remove the reservation'),
  'fields/reserved-name': fields.error('a field uses a name its message reserves', 'rename the field, or remove the reservation'),
  'fields/number-in-extension-range': fields.error('a field number inside the message\'s own extension range', 'use another number, or shrink the range'),
  'fields/invalid-json-name': fields.error('a json_name that looks like an extension name, `[...]`', 'choose a json_name without the brackets'),
  'fields/json-name-conflict': fields.error('two fields of a message map to the same JSON name (a warning for default names under deprecated_legacy_json_field_conflicts)', 'rename a field, or give one a distinct json_name', { alsoAs: ['warning'] }),
  'fields/invalid-packed': fields.error('`packed = true` on a field that is not repeated numeric, bool or enum', 'remove the option'),
  'fields/invalid-lazy': fields.error('`lazy` or `unverified_lazy` on a field that is not a (length-prefixed) message or map field', 'remove the option'),

  'reserved/invalid-range': reserved.error('a reserved range below 1, above the maximum, or ending before it starts', 'write the range within bounds and with start <= end'),
  'reserved/overlap': reserved.error('two reserved ranges of one message or enum overlap', 'merge the ranges or make them disjoint'),
  'reserved/duplicate-name': reserved.error('a name reserved twice', 'remove the repetition'),
  'reserved/invalid-name': reserved.warning('a reserved name that is not an identifier, so no field could use it', 'fix the spelling, or remove it'),
  'reserved/identifier-name': reserved.error('a reserved name written as an identifier outside editions, which want strings', 'quote the name'),

  'enums/empty': enums.error('an enum without values', 'add a value, such as `NAME_UNSPECIFIED = 0`'),
  'enums/number-out-of-range': enums.error('an enum value number that does not fit in int32', 'use a number from -2,147,483,648 to 2,147,483,647'),
  'enums/duplicate-number': enums.error('two enum values share a number without `allow_alias`', 'give one another number, or set `option allow_alias = true;`'),
  'enums/reserved-number': enums.error('an enum value uses a reserved number', 'use another number, or remove the reservation'),
  'enums/reserved-name': enums.error('an enum value uses a reserved name', 'rename the value, or remove the reservation'),
  'enums/name-conflict': enums.error('two values that generated code cannot tell apart once the enum-name prefix is stripped and case ignored (a warning in proto2 with legacy JSON conflicts allowed)', 'rename one of them', { alsoAs: ['warning'] }),
  'enums/unnecessary-alias': enums.error('`allow_alias` is set but no two values share a number, or it is set to false', 'remove the option'),

  'maps/invalid-key-type': maps.error('a map key that is a float, double, bytes, enum or message type', 'use an integer type, bool or string'),
  'maps/enum-value-first-not-zero': maps.error('a map value enum whose first value is not zero', 'add a zero value first, or use another value type'),

  'oneof/empty': oneof.error('a oneof without fields', 'add a field, or remove the oneof'),
  'oneof/label': oneof.error('a oneof member with a label (`optional`, `required`, `repeated`)', 'remove the label'),

  'proto2/missing-label': proto2.error('a proto2 field without `optional`, `required` or `repeated`', 'add a label, usually `optional`'),

  'proto3/required': proto3.error('a `required` field in proto3', 'remove the label'),
  'proto3/group': proto3.error('a group in proto3', 'declare a nested message and a field of that type'),
  'proto3/default': proto3.error('a `default` option in proto3, where the default is always the zero value', 'remove the option'),
  'proto3/closed-enum': proto3.error('a proto3 message uses a closed enum (from proto2, or enum_type CLOSED)', 'use an open enum, or move the message to proto2 or editions'),
  'proto3/extension-range': proto3.error('an extension range in a proto3 message', 'use proto2 or editions for an extendable message'),
  'proto3/extend': proto3.error('a proto3 file extends something other than google.protobuf.*Options', 'declare the extension in a proto2 or editions file'),
  'proto3/enum-first-value-zero': proto3.error('the first value of an open enum is not zero, so it cannot be the default', 'add a zero value first, such as `NAME_UNSPECIFIED = 0`'),

  'editions/optional-label': editions.error('an `optional` label in an editions file, where singular fields have presence by default', 'remove the label'),
  'editions/required-label': editions.error('a `required` label in an editions file', 'set `features.field_presence = LEGACY_REQUIRED` instead'),
  'editions/group': editions.error('a group in an editions file', 'use a nested message field with `features.message_encoding = DELIMITED`'),
  'editions/packed': editions.error('the `packed` option in an editions file', 'use `features.repeated_field_encoding` instead'),
  'editions/ctype': editions.error('the `ctype` option from edition 2024 on', 'use `features.(pb.cpp).string_type`'),
  'editions/option-removed': editions.error('a file option removed in this edition, such as java_multiple_files in 2024', 'remove it and use the feature the message names'),
  'editions/invalid-field-presence': editions.error('field_presence set on an extension, oneof member or repeated field, or IMPLICIT on a message field', 'remove the feature'),
  'editions/invalid-repeated-field-encoding': editions.error('repeated_field_encoding on a singular field, or PACKED on a field that cannot be packed', 'remove the feature'),
  'editions/invalid-message-encoding': editions.error('message_encoding on a field that is not a message', 'remove the feature'),
  'editions/invalid-utf8-validation': editions.error('utf8_validation on a field that is not a string', 'remove the feature'),
  'editions/implicit-presence-default': editions.error('a default on a field with implicit presence', 'remove the default, or set `features.field_presence = EXPLICIT`'),
  'editions/implicit-presence-closed-enum': editions.error('a field with implicit presence uses a closed enum', 'set `features.field_presence = EXPLICIT`, or open the enum'),
  'editions/features-outside-editions': editions.error('`features` set in a proto2 or proto3 file', 'use that syntax\'s own option, or migrate the file to an edition'),
  'editions/feature-not-available': editions.error('a feature introduced in a later edition than the file\'s', 'remove it, or move the file to that edition'),
  'editions/feature-target': editions.error('a feature set on an element it does not apply to', 'set it on the element kinds the message lists'),
  'editions/invalid-feature-value': editions.error('a value that the feature does not have', 'use one of the values the message lists'),
  'editions/naming-style': editions.error('from edition 2024, a name that breaks the enforced naming style (TitleCase, lower_snake_case, UPPER_SNAKE_CASE)', 'rename it, or set `features.enforce_naming_style = STYLE_LEGACY`'),
  'editions/reserved-name-string': editions.error('a reserved name written as a string in an editions file, which wants identifiers', 'remove the quotes'),

  'file/missing-syntax': file.warning('no syntax or edition statement, so the file is read as proto2', 'add `syntax = "proto3";`, `edition = "2023";` or `syntax = "proto2";` at the top'),
  'file/syntax-not-first': file.error('the syntax or edition statement is not the first statement', 'move it to the top of the file'),
  'file/duplicate-syntax': file.error('a second syntax or edition statement', 'remove it'),
  'file/unknown-syntax': file.error('a syntax other than "proto2" or "proto3"', 'use "proto2", "proto3", or an edition statement'),
  'file/unknown-edition': file.error('an edition other than "2023" or "2024"', 'use "2023" or "2024"'),
  'file/unstable-edition': file.warning('an edition still in development ("2026", "UNSTABLE") that may change', 'use "2024" for stable behaviour'),
  'file/duplicate-package': file.error('a second package statement', 'remove it; a file has one package'),

  'options/duplicate': options.error('the same option set twice on one declaration', 'remove one of the settings'),

  'defaults/not-allowed': defaults.error('a default on a repeated or message field', 'remove the option'),
  'defaults/invalid-value': defaults.error('a default that is not a valid value of the field\'s type', 'write a value of the field\'s type (an enum value name for enums)'),
  'defaults/unknown-enum-value': defaults.error('an enum default that names no value of the enum', 'use one of the enum\'s value names'),

  'extensions/invalid-range': extensions.error('an extension range below 1, above the maximum, or ending before it starts', 'write the range within bounds and with start <= end'),
  'extensions/overlap': extensions.error('two extension ranges of one message overlap', 'merge the ranges or make them disjoint'),
  'extensions/overlaps-reserved': extensions.error('an extension range overlaps a reserved range', 'make the ranges disjoint'),
  'extensions/number-not-in-range': extensions.error('an extension number outside the extended message\'s extension ranges', 'use a number in a declared range, or add `extensions N;` to the message'),
  'extensions/required': extensions.error('a `required` extension', 'make it `optional`'),
  'extensions/json-name': extensions.error('json_name on an extension, whose JSON name is always `[full.name]`', 'remove the option'),
};
