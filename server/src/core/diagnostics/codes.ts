/**
 * The registry of stable diagnostic codes: every code the product can emit, with its stage, its
 * default severity, what it means and how to fix it. Codes are stable: users look them up, filter
 * on them in CI and configure severities by them, so a code is never renamed or reused.
 *
 * Naming: `stage/kebab-name` for our own codes; the breaking-change stages use the upstream IDs
 * unchanged (buf's rule IDs, Confluent's difference types, Avro's incompatibility types), which
 * are UPPER_SNAKE. test/core/diagnostics/codes.test.ts keeps this registry, the sources and
 * docs/diagnostics.md in step.
 */
import { AVRO_SCHEMA_CODES } from './avroCodes';
import { AVRO_COMPAT_CODES, BUF_RULE_CODES } from './breakingCodes';
import type { CodeInfo, Stage } from './codeTypes';
import { CONFLUENT_PROTO_CODES } from './confluentCodes';
import { PROTO_CHECK_CODES, RESOLVE_CODES } from './protoCodes';
import { SYNTAX_CODES } from './syntaxCodes';
import { TOOL_CODES } from './toolCodes';

export type { BufCategory, CodeInfo, Stage } from './codeTypes';

export interface StageInfo {
  readonly id: Stage;
  readonly title: string;
  /** What the stage looks at, for the documentation. */
  readonly about: string;
}

/** Every stage, in the order a file goes through them (and the documentation lists them). */
export const STAGES: readonly StageInfo[] = [
  { id: 'syntax', title: 'Syntax', about: 'The lexers and parsers of Protobuf, Avro JSON (.avsc, .avpr) and Avro IDL (.avdl). Parsing never stops at the first error: each is reported and the rest of the file is still read.' },
  { id: 'resolve', title: 'Imports and names', about: 'Linking: imports found under the import roots, and every type and option name resolved to its definition.' },
  { id: 'names', title: 'Protobuf: names', about: 'Full names as protoc\'s symbol table sees them, across the files of a package.' },
  { id: 'fields', title: 'Protobuf: fields', about: 'Field numbers, reservations, JSON names and field options.' },
  { id: 'reserved', title: 'Protobuf: reserved', about: '`reserved` statements of messages and enums.' },
  { id: 'enums', title: 'Protobuf: enums', about: 'Enum values, their numbers and aliases.' },
  { id: 'maps', title: 'Protobuf: maps', about: 'Map key and value types.' },
  { id: 'oneof', title: 'Protobuf: oneofs', about: 'Oneof declarations and their members.' },
  { id: 'proto2', title: 'Protobuf: proto2', about: 'Rules only proto2 files have.' },
  { id: 'proto3', title: 'Protobuf: proto3', about: 'What proto3 forbids, and open enums (proto3 enums and OPEN enums in editions).' },
  { id: 'editions', title: 'Protobuf: editions', about: 'Editions files: features in place of labels and options, and the values and targets of features.' },
  { id: 'file', title: 'Protobuf: file statements', about: 'The syntax or edition statement and the package statement.' },
  { id: 'options', title: 'Protobuf: options', about: 'Option statements and compact options.' },
  { id: 'defaults', title: 'Protobuf: defaults', about: 'The `default` option of proto2 and editions fields.' },
  { id: 'extensions', title: 'Protobuf: extensions', about: 'Extension ranges and extension fields.' },
  { id: 'avro', title: 'Avro schemas', about: 'Avro schemas and protocols after their syntax is read: structure, names, defaults, unions and logical types, judged against the specification and what Avro Java, avsc and Python accept.' },
  { id: 'breaking-proto', title: 'Breaking changes: Protobuf (buf rules)', about: '`event-schemas breaking` and the editor\'s baseline checks with buf\'s rules. The codes are buf\'s rule IDs; `--rules` picks a category (FILE by default), and buf.yaml\'s `breaking` section is honoured.' },
  { id: 'confluent-proto', title: 'Breaking changes: Protobuf (Confluent Schema Registry)', about: 'Protobuf judged the way Confluent Schema Registry does (`--rules CONFLUENT`, or `--mode` without `--rules`). The codes are Confluent\'s difference types.' },
  { id: 'avro-compat', title: 'Breaking changes: Avro', about: 'Avro schema resolution between the new and the old schema (`--mode`, BACKWARD by default). The codes are Avro Java\'s incompatibility types, as Confluent Schema Registry reports them.' },
  { id: 'codegen', title: 'Generated code', about: 'The TypeScript that "Generate handlers" and `event-schemas generate` write.' },
  { id: 'handlers', title: 'Handler analysis (TypeScript)', about: 'TypeScript that uses the generated code, checked by the TypeScript server plugin and `event-schemas handlers`.' },
  { id: 'internal', title: 'Internal', about: 'Failures of the product itself.' },
];

export const CODES: Readonly<Record<string, CodeInfo>> = {
  ...SYNTAX_CODES,
  ...RESOLVE_CODES,
  ...PROTO_CHECK_CODES,
  ...AVRO_SCHEMA_CODES,
  ...BUF_RULE_CODES,
  ...CONFLUENT_PROTO_CODES,
  ...AVRO_COMPAT_CODES,
  ...TOOL_CODES,
};

export function isKnownCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

export function codeInfo(code: string): CodeInfo | undefined {
  return isKnownCode(code) ? CODES[code] : undefined;
}

/** The codes of one stage, sorted. */
export function codesOfStage(stage: Stage): string[] {
  return Object.keys(CODES)
    .filter((c) => CODES[c]!.stage === stage)
    .sort();
}
