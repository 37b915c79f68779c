/**
 * Breaking-change codes. These are the upstream tools' own IDs, so users can look them up: buf's
 * rule IDs for Protobuf, Confluent Schema Registry's difference types for its Protobuf profile,
 * and Avro's incompatibility types (Avro Java's `SchemaCompatibility`) for Avro.
 */
import { stage, type BufCategory, type CodeInfo } from './codeTypes';

const buf = stage('breaking-proto');
const avro = stage('avro-compat');

const ALL: readonly BufCategory[] = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'];
const FILE_PACKAGE: readonly BufCategory[] = ['FILE', 'PACKAGE'];
const FILE_PACKAGE_CSR: readonly BufCategory[] = ['FILE', 'PACKAGE', 'CSR'];
const FILE_PACKAGE_JSON: readonly BufCategory[] = ['FILE', 'PACKAGE', 'WIRE_JSON', 'CSR'];
const FILE_CSR: readonly BufCategory[] = ['FILE', 'CSR'];

const RESTORE = 'restore it; to delete it, reserve its number and name first and use a WIRE_JSON or WIRE rule set';
const MOVE = 'restore it in its old file; moving it breaks the imports of generated code in some languages';
const KEEP = 'keep the old value, or make the change in a new message or file';

function rule(categories: readonly BufCategory[], summary: string, fix: string): CodeInfo {
  return buf.error(summary, fix, { categories });
}

function fileOption(option: string): CodeInfo {
  return rule(FILE_PACKAGE, `the file option ${option} changed (unset counts as its default)`, `restore the old ${option}`);
}

const BUF_RULES_RAW: Readonly<Record<string, CodeInfo>> = {
  FILE_NO_DELETE: rule(FILE_CSR, 'a file was deleted or moved (files are matched by their path relative to the import root)', 'restore the file, or keep a file at the old path'),
  FILE_SAME_PACKAGE: rule(ALL, 'a file\'s package changed', 'restore the package; put new code in a new package'),
  FILE_SAME_SYNTAX: rule(FILE_PACKAGE_CSR, 'a file\'s syntax or edition changed (proto2, proto3 or editions)', 'restore the old syntax or edition, or make the switch in a release that may break generated code'),
  FILE_SAME_CC_ENABLE_ARENAS: fileOption('cc_enable_arenas'),
  FILE_SAME_CC_GENERIC_SERVICES: fileOption('cc_generic_services'),
  FILE_SAME_CSHARP_NAMESPACE: fileOption('csharp_namespace'),
  FILE_SAME_GO_PACKAGE: fileOption('go_package'),
  FILE_SAME_JAVA_GENERIC_SERVICES: fileOption('java_generic_services'),
  FILE_SAME_JAVA_MULTIPLE_FILES: fileOption('java_multiple_files'),
  FILE_SAME_JAVA_OUTER_CLASSNAME: fileOption('java_outer_classname'),
  FILE_SAME_JAVA_PACKAGE: fileOption('java_package'),
  FILE_SAME_OBJC_CLASS_PREFIX: fileOption('objc_class_prefix'),
  FILE_SAME_OPTIMIZE_FOR: fileOption('optimize_for'),
  FILE_SAME_PHP_CLASS_PREFIX: fileOption('php_class_prefix'),
  FILE_SAME_PHP_METADATA_NAMESPACE: fileOption('php_metadata_namespace'),
  FILE_SAME_PHP_NAMESPACE: fileOption('php_namespace'),
  FILE_SAME_PY_GENERIC_SERVICES: fileOption('py_generic_services'),
  FILE_SAME_RUBY_PACKAGE: fileOption('ruby_package'),
  FILE_SAME_SWIFT_PREFIX: fileOption('swift_prefix'),

  PACKAGE_NO_DELETE: rule(['PACKAGE'], 'a package disappeared: every file of it was deleted or moved to another package', 'restore the package'),
  PACKAGE_MESSAGE_NO_DELETE: rule(['PACKAGE'], 'a message disappeared from its package (moving it between files of the package is fine)', 'restore the message'),
  PACKAGE_ENUM_NO_DELETE: rule(['PACKAGE'], 'an enum disappeared from its package (moving it between files of the package is fine)', 'restore the enum'),
  PACKAGE_SERVICE_NO_DELETE: rule(['PACKAGE'], 'a service disappeared from its package (moving it between files of the package is fine)', 'restore the service'),
  PACKAGE_EXTENSION_NO_DELETE: rule(['PACKAGE'], 'an extension disappeared from its package (moving it between files of the package is fine)', 'restore the extension'),

  MESSAGE_NO_DELETE: rule(FILE_CSR, 'a message was deleted from a file, or moved to another file', MOVE),
  MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR: rule(FILE_PACKAGE_CSR, 'no_standard_descriptor_accessor went from unset or false to true', 'remove the option'),
  MESSAGE_SAME_JSON_FORMAT: rule(FILE_PACKAGE_JSON, 'a message that supported JSON (json_format ALLOW) no longer does', 'restore json_format ALLOW'),
  MESSAGE_SAME_REQUIRED_FIELDS: rule(ALL, 'a required field was added to or removed from a message', 'restore the old set of required fields; add new fields as optional'),
  ENUM_NO_DELETE: rule(FILE_CSR, 'an enum was deleted from a file, or moved to another file', MOVE),
  ENUM_SAME_JSON_FORMAT: rule(FILE_PACKAGE_JSON, 'an enum that supported JSON (json_format ALLOW) no longer does', 'restore json_format ALLOW'),
  ENUM_SAME_TYPE: rule(FILE_PACKAGE, 'an enum switched between open and closed', 'restore the enum_type (or the file syntax that set it)'),
  ENUM_VALUE_NO_DELETE: rule(FILE_PACKAGE_CSR, 'an enum value (by number) was deleted', RESTORE),
  ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: rule(['WIRE_JSON', 'CSR'], 'an enum value was deleted without reserving its name', 'restore the value, or add its name to `reserved`'),
  ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED: rule(['WIRE_JSON', 'WIRE', 'CSR'], 'an enum value was deleted without reserving its number', 'restore the value, or add its number to `reserved`'),
  ENUM_VALUE_SAME_NAME: rule(FILE_PACKAGE_JSON, 'the name bound to an enum number changed (with aliases, names may be added but not removed)', 'restore the old name; add new names as aliases'),
  EXTENSION_NO_DELETE: rule(['FILE'], 'an extension was deleted from a file, or moved to another file', MOVE),
  EXTENSION_MESSAGE_NO_DELETE: rule(FILE_PACKAGE_CSR, 'a message\'s extension ranges lost numbers', 'restore the extension ranges'),

  FIELD_NO_DELETE: rule(FILE_PACKAGE_CSR, 'a field (by number) was deleted from a message', RESTORE),
  FIELD_NO_DELETE_UNLESS_NAME_RESERVED: rule(['WIRE_JSON', 'CSR'], 'a field was deleted without reserving its name', 'restore the field, or add its name to `reserved`'),
  FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED: rule(['WIRE_JSON', 'WIRE', 'CSR'], 'a field was deleted without reserving its number', 'restore the field, or add its number to `reserved`'),
  FIELD_SAME_CARDINALITY: rule(FILE_PACKAGE, 'a field\'s cardinality changed: explicit or implicit presence, required, repeated or map', KEEP),
  FIELD_WIRE_COMPATIBLE_CARDINALITY: rule(['WIRE'], 'a field\'s cardinality changed in a way the binary encoding cannot read', KEEP),
  FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: rule(['WIRE_JSON', 'CSR'], 'a field\'s cardinality changed in a way the binary or the JSON encoding cannot read', KEEP),
  FIELD_SAME_TYPE: rule(FILE_PACKAGE_CSR, 'a field\'s type changed (its kind, or the message or enum it names)', 'restore the type; add a new field with a new number for the new type'),
  FIELD_WIRE_COMPATIBLE_TYPE: rule(['WIRE'], 'a field\'s type changed to one the binary encoding cannot read (string to bytes is fine)', 'restore the type; add a new field with a new number for the new type'),
  FIELD_WIRE_JSON_COMPATIBLE_TYPE: rule(['WIRE_JSON', 'CSR'], 'a field\'s type changed to one the binary or the JSON encoding cannot read', 'restore the type; add a new field with a new number for the new type'),
  FIELD_SAME_NAME: rule(FILE_PACKAGE_JSON, 'the field with a given number was renamed', 'restore the old name'),
  FIELD_SAME_JSON_NAME: rule(FILE_PACKAGE_JSON, 'a field\'s JSON name changed (json_name, or the name it is derived from)', 'restore the old JSON name, e.g. with json_name'),
  FIELD_SAME_ONEOF: rule(ALL, 'a field moved into, out of, or between oneofs', 'restore the field\'s place'),
  FIELD_SAME_DEFAULT: rule(ALL, 'a field\'s default value changed', 'restore the old default'),
  FIELD_SAME_CPP_STRING_TYPE: rule(FILE_PACKAGE, 'the C++ string type of a string or bytes field changed (ctype or (pb.cpp).string_type)', 'restore the old string type'),
  FIELD_SAME_JAVA_UTF8_VALIDATION: rule(FILE_PACKAGE, 'the UTF-8 checking that Java does on a string field changed (java_string_check_utf8 or (pb.java).utf8_validation)', 'restore the old setting'),
  FIELD_SAME_JSTYPE: rule(FILE_PACKAGE, 'the jstype of a 64-bit integer field changed', 'restore the old jstype'),
  FIELD_SAME_UTF8_VALIDATION: rule(FILE_PACKAGE, 'the utf8_validation feature of a string field changed', 'restore the old setting'),
  ONEOF_NO_DELETE: rule(FILE_PACKAGE_CSR, 'a oneof was deleted from a message', 'restore the oneof'),
  RESERVED_MESSAGE_NO_DELETE: rule(ALL, 'a message\'s reserved numbers or names were removed', 'restore the reservations'),
  RESERVED_ENUM_NO_DELETE: rule(ALL, 'an enum\'s reserved numbers or names were removed', 'restore the reservations'),

  SERVICE_NO_DELETE: rule(['FILE'], 'a service was deleted from a file, or moved to another file', MOVE),
  RPC_NO_DELETE: rule(FILE_PACKAGE, 'an rpc was deleted from a service', 'restore the rpc; mark it deprecated instead'),
  RPC_SAME_REQUEST_TYPE: rule(ALL, 'an rpc\'s request message changed', 'restore it; add a new rpc for the new type'),
  RPC_SAME_RESPONSE_TYPE: rule(ALL, 'an rpc\'s response message changed', 'restore it; add a new rpc for the new type'),
  RPC_SAME_CLIENT_STREAMING: rule(ALL, 'an rpc\'s request switched between unary and streaming', 'restore it; add a new rpc for the new shape'),
  RPC_SAME_SERVER_STREAMING: rule(ALL, 'an rpc\'s response switched between unary and streaming', 'restore it; add a new rpc for the new shape'),
  RPC_SAME_IDEMPOTENCY_LEVEL: rule(ALL, 'an rpc\'s idempotency_level changed', 'restore the old level'),
};

/** buf documents every rule under one page, with the lowercased ID as the anchor. */
export const BUF_RULE_CODES: Readonly<Record<string, CodeInfo>> = Object.fromEntries(
  Object.entries(BUF_RULES_RAW).map(([id, info]) => [id, { ...info, docs: `https://buf.build/docs/breaking/rules/#${id.toLowerCase()}` }]),
);

const AVRO_DOCS = 'https://avro.apache.org/docs/1.12.0/specification/#schema-resolution';

export const AVRO_COMPAT_CODES: Readonly<Record<string, CodeInfo>> = {
  NAME_MISMATCH: avro.error('a record, enum or fixed is read or written under another name, and no reader alias names it', 'keep the old name, or (BACKWARD) add the old name to "aliases"', { docs: AVRO_DOCS }),
  FIXED_SIZE_MISMATCH: avro.error('a fixed type has another size on the other side', 'keep the old size', { docs: AVRO_DOCS }),
  MISSING_ENUM_SYMBOLS: avro.error('the writer has enum symbols the reader lacks, and the reader enum has no default', 'restore the symbols, or first give the reading enum a "default"', { docs: AVRO_DOCS }),
  READER_FIELD_MISSING_DEFAULT_VALUE: avro.error('a reader field that the writer lacks (by name or alias) has no default', 'give the field a "default", or keep it on the writing side', { docs: AVRO_DOCS }),
  TYPE_MISMATCH: avro.error('the reader type cannot read the writer type, even by promotion (int to long, float, double; string to bytes)', 'keep the old type, or change it to one it promotes to', { docs: AVRO_DOCS }),
  MISSING_UNION_BRANCH: avro.error('a type the writer may write has no reader union branch that reads it', 'restore the union branch, or add one that reads the written type', { docs: AVRO_DOCS }),
};
