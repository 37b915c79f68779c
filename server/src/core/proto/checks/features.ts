/**
 * The editions features of google.protobuf.FeatureSet (protoc 36): their values, the edition that
 * introduced them, the declarations they may be set on, and how a declaration's effective value
 * is found (its own option, else the enclosing declarations', else the edition's default).
 */
import type { OptionDecl, ProtoFile } from '../ast';
import { featureValue } from './options';
import type { FileSyntax } from './syntax';
import { bodyOptions, type MessageNode } from './walk';

export type FeatureTarget = 'file' | 'message' | 'field' | 'oneof' | 'enum' | 'enumValue' | 'service' | 'method' | 'extensionRange';

export interface FeatureSpec {
  readonly values: readonly string[];
  readonly introduced: string;
  readonly targets: readonly FeatureTarget[];
}

const everywhere: readonly FeatureTarget[] = ['file', 'message', 'field', 'oneof', 'enum', 'enumValue', 'service', 'method', 'extensionRange'];

export const FEATURES: Readonly<Record<string, FeatureSpec>> = {
  field_presence: { values: ['EXPLICIT', 'IMPLICIT', 'LEGACY_REQUIRED'], introduced: '2023', targets: ['field', 'file'] },
  enum_type: { values: ['OPEN', 'CLOSED'], introduced: '2023', targets: ['enum', 'file'] },
  repeated_field_encoding: { values: ['PACKED', 'EXPANDED'], introduced: '2023', targets: ['field', 'file'] },
  utf8_validation: { values: ['VERIFY', 'NONE'], introduced: '2023', targets: ['field', 'file'] },
  message_encoding: { values: ['LENGTH_PREFIXED', 'DELIMITED'], introduced: '2023', targets: ['field', 'file'] },
  json_format: { values: ['ALLOW', 'LEGACY_BEST_EFFORT'], introduced: '2023', targets: ['message', 'enum', 'file'] },
  enforce_naming_style: { values: ['STYLE2024', 'STYLE_LEGACY', 'STYLE2026'], introduced: '2024', targets: everywhere },
  default_symbol_visibility: { values: ['EXPORT_ALL', 'EXPORT_TOP_LEVEL', 'LOCAL_ALL', 'STRICT'], introduced: '2024', targets: ['file'] },
  enforce_proto_limits: {
    values: ['LEGACY_NO_EXPLICIT_LIMITS', 'PROTO_LIMITS2026'],
    introduced: '2026',
    targets: ['enum', 'message', 'field', 'oneof'],
  },
};

/** What a feature resolves to when nothing sets it, per syntax. */
function defaultValue(feature: string, syntax: FileSyntax): string | undefined {
  const proto2 = syntax.kind === 'proto2';
  const proto3 = syntax.kind === 'proto3';
  switch (feature) {
    case 'field_presence':
      return proto3 ? 'IMPLICIT' : 'EXPLICIT';
    case 'enum_type':
      return proto2 ? 'CLOSED' : 'OPEN';
    case 'repeated_field_encoding':
      return proto2 ? 'EXPANDED' : 'PACKED';
    case 'utf8_validation':
      return proto2 ? 'NONE' : 'VERIFY';
    case 'message_encoding':
      return 'LENGTH_PREFIXED';
    case 'json_format':
      return proto2 ? 'LEGACY_BEST_EFFORT' : 'ALLOW';
    default:
      return undefined;
  }
}

function fileOptions(ast: ProtoFile): OptionDecl[] {
  return ast.body.filter((d): d is OptionDecl => d.kind === 'option');
}

/**
 * The value of `feature` for a declaration: set on its own options, else on the enclosing
 * declarations (innermost first), else on the file, else the edition's default. Only editions
 * files can set features; proto2 and proto3 get their fixed behaviour.
 */
export function effectiveFeature(
  feature: string,
  syntax: FileSyntax,
  ast: ProtoFile,
  own: readonly OptionDecl[],
  parents: readonly MessageNode[] = [],
  extra: readonly (readonly OptionDecl[])[] = [],
): string | undefined {
  if (syntax.kind !== 'editions') return defaultValue(feature, syntax);
  const chain: (readonly OptionDecl[])[] = [own, ...extra, ...[...parents].reverse().map((p) => bodyOptions(p.body)), fileOptions(ast)];
  for (const options of chain) {
    const value = featureValue(options, feature);
    if (value) return value;
  }
  return defaultValue(feature, syntax);
}
