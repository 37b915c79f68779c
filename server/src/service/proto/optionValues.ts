/**
 * The values descriptor.proto allows for built-in options and features, so completion can offer
 * them after `=`. Options missing here take values completion cannot guess (strings, numbers).
 */
const bool = ['true', 'false'];

export const BUILTIN_OPTION_VALUES: Readonly<Record<string, readonly string[]>> = {
  deprecated: bool,
  java_multiple_files: bool,
  java_generate_equals_and_hash: bool,
  java_string_check_utf8: bool,
  cc_generic_services: bool,
  java_generic_services: bool,
  py_generic_services: bool,
  cc_enable_arenas: bool,
  message_set_wire_format: bool,
  no_standard_descriptor_accessor: bool,
  map_entry: bool,
  deprecated_legacy_json_field_conflicts: bool,
  packed: bool,
  lazy: bool,
  unverified_lazy: bool,
  weak: bool,
  debug_redact: bool,
  allow_alias: bool,
  optimize_for: ['SPEED', 'CODE_SIZE', 'LITE_RUNTIME'],
  ctype: ['STRING', 'CORD', 'STRING_PIECE'],
  jstype: ['JS_NORMAL', 'JS_STRING', 'JS_NUMBER'],
  idempotency_level: ['IDEMPOTENCY_UNKNOWN', 'NO_SIDE_EFFECTS', 'IDEMPOTENT'],
  retention: ['RETENTION_UNKNOWN', 'RETENTION_RUNTIME', 'RETENTION_SOURCE'],
};

/** Values of `features.<name>`. */
export const FEATURE_VALUES: Readonly<Record<string, readonly string[]>> = {
  field_presence: ['EXPLICIT', 'IMPLICIT', 'LEGACY_REQUIRED'],
  enum_type: ['OPEN', 'CLOSED'],
  repeated_field_encoding: ['PACKED', 'EXPANDED'],
  utf8_validation: ['VERIFY', 'NONE'],
  message_encoding: ['LENGTH_PREFIXED', 'DELIMITED'],
  json_format: ['ALLOW', 'LEGACY_BEST_EFFORT'],
  enforce_naming_style: ['STYLE2024', 'STYLE_LEGACY', 'STYLE2026'],
  default_symbol_visibility: ['EXPORT_ALL', 'EXPORT_TOP_LEVEL', 'LOCAL_ALL', 'STRICT'],
};

/** The import paths of the well-known types, which resolve with no configuration. */
export const WELL_KNOWN_IMPORTS: readonly string[] = [
  'google/protobuf/any.proto',
  'google/protobuf/api.proto',
  'google/protobuf/compiler/plugin.proto',
  'google/protobuf/cpp_features.proto',
  'google/protobuf/descriptor.proto',
  'google/protobuf/duration.proto',
  'google/protobuf/empty.proto',
  'google/protobuf/field_mask.proto',
  'google/protobuf/go_features.proto',
  'google/protobuf/java_features.proto',
  'google/protobuf/source_context.proto',
  'google/protobuf/struct.proto',
  'google/protobuf/timestamp.proto',
  'google/protobuf/type.proto',
  'google/protobuf/wrappers.proto',
];
