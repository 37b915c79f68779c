/**
 * The shape of an entry in the registry of stable diagnostic codes (codes.ts). Kept apart so the
 * per-stage tables and the registry can both import it without importing each other.
 */
import type { Severity } from './diagnostic';

/**
 * The stage that emits a code. For kebab-case codes the stage is the part before the slash; the
 * three breaking-change stages use the upstream tools' own IDs (buf's rule IDs, Confluent's
 * difference types, Avro's incompatibility types), which are UPPER_SNAKE and carry no prefix.
 */
export type Stage =
  | 'syntax'
  | 'resolve'
  | 'names'
  | 'fields'
  | 'reserved'
  | 'enums'
  | 'maps'
  | 'oneof'
  | 'proto2'
  | 'proto3'
  | 'editions'
  | 'file'
  | 'options'
  | 'defaults'
  | 'extensions'
  | 'avro'
  | 'breaking-proto'
  | 'confluent-proto'
  | 'avro-compat'
  | 'codegen'
  | 'handlers'
  | 'internal';

/** buf's breaking-change categories (v2 adds CSR). Mirrors core/compat/proto/rule.ts; a test keeps them equal. */
export type BufCategory = 'FILE' | 'PACKAGE' | 'WIRE_JSON' | 'WIRE' | 'CSR';

export interface CodeInfo {
  readonly stage: Stage;
  /** The severity the product reports the code with, before any user configuration. */
  readonly severity: Severity;
  /** Other severities the code takes in particular situations, which `summary` names. */
  readonly alsoAs?: readonly Severity[];
  /** What it means, in one lowercase line. */
  readonly summary: string;
  /** How to fix it, in one lowercase line. */
  readonly fix: string;
  /** For buf's rules: the categories buf v2 puts the rule in (empty: only when named explicitly). */
  readonly categories?: readonly BufCategory[];
  /** Where the upstream tool documents the code, for codes that are another tool's IDs. */
  readonly docs?: string;
}

/** Entry builders for one stage, so the tables read as code, severity, meaning, fix. */
export function stage(id: Stage) {
  const make =
    (severity: Severity) =>
    (summary: string, fix: string, more?: Pick<CodeInfo, 'alsoAs' | 'categories' | 'docs'>): CodeInfo => ({ stage: id, severity, summary, fix, ...more });
  return { error: make('error'), warning: make('warning'), info: make('info'), hint: make('hint') };
}
