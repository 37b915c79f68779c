/**
 * The option names descriptor.proto defines for each kind of declaration (protoc 36), so that a
 * misspelt built-in option is reported without loading descriptor.proto. Custom options are
 * written in parentheses and resolve to extension fields instead.
 */
export type OptionTarget =
  | 'file'
  | 'message'
  | 'field'
  | 'oneof'
  | 'enum'
  | 'enumValue'
  | 'service'
  | 'method'
  | 'extensionRange';

const common = ['features', 'uninterpreted_option'];

export const BUILTIN_OPTIONS: Readonly<Record<OptionTarget, ReadonlySet<string>>> = {
  file: new Set([
    ...common,
    'java_package',
    'java_outer_classname',
    'java_multiple_files',
    'java_generate_equals_and_hash',
    'java_string_check_utf8',
    'optimize_for',
    'go_package',
    'cc_generic_services',
    'java_generic_services',
    'py_generic_services',
    'deprecated',
    'cc_enable_arenas',
    'objc_class_prefix',
    'csharp_namespace',
    'swift_prefix',
    'php_class_prefix',
    'php_namespace',
    'php_metadata_namespace',
    'ruby_package',
  ]),
  message: new Set([
    ...common,
    'message_set_wire_format',
    'no_standard_descriptor_accessor',
    'deprecated',
    'map_entry',
    'deprecated_legacy_json_field_conflicts',
  ]),
  // `default` and `json_name` are pseudo-options: they set descriptor fields, not FieldOptions.
  field: new Set([
    ...common,
    'ctype',
    'packed',
    'jstype',
    'lazy',
    'unverified_lazy',
    'deprecated',
    'weak',
    'debug_redact',
    'retention',
    'targets',
    'edition_defaults',
    'feature_support',
    'default',
    'json_name',
  ]),
  oneof: new Set(common),
  enum: new Set([...common, 'allow_alias', 'deprecated', 'deprecated_legacy_json_field_conflicts']),
  enumValue: new Set([...common, 'deprecated', 'debug_redact', 'feature_support']),
  service: new Set([...common, 'deprecated']),
  method: new Set([...common, 'deprecated', 'idempotency_level']),
  extensionRange: new Set([...common, 'declaration', 'verification']),
};

/** The fields of google.protobuf.FeatureSet, for `features.x` option names. */
export const FEATURE_FIELDS: ReadonlySet<string> = new Set([
  'field_presence',
  'enum_type',
  'repeated_field_encoding',
  'utf8_validation',
  'message_encoding',
  'json_format',
  'enforce_naming_style',
  'default_symbol_visibility',
  'enforce_proto_limits',
]);

export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);
