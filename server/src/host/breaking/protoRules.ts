/**
 * The one place the CLI and the editor meet the Protobuf rule engine (core/compat/proto): which
 * rules run, as the command line (or the settings) and buf.yaml choose them, and the call that
 * compares two images.
 */
import type { Finding } from '../../core/compat/finding';
import { checkBreaking } from '../../core/compat/proto/check';
import { checkConfluentProto } from '../../core/compat/proto/confluent/check';
import { resolveBreakingRules, type BreakingConfig } from '../../core/compat/proto/config';
import type { ProtoImage } from '../../core/compat/proto/image';
import type { CompatibilityLevel } from '../baseline';

export type BufCategory = 'FILE' | 'PACKAGE' | 'WIRE_JSON' | 'WIRE';

export type ProtoRuleChoice =
  /** buf's rules: a category from --rules, else the buf.yaml config (FILE when it names none). */
  | { readonly kind: 'buf'; readonly category?: BufCategory }
  /** Schema Registry's Protobuf rules in one of its directions. */
  | { readonly kind: 'confluent'; readonly direction: 'BACKWARD' | 'FORWARD' | 'FULL' };

/**
 * The rules for `--rules` and `--mode` (either may be absent): a category names buf's rules, a
 * mode (given, or a registry subject's own level) Schema Registry's, NONE none; else buf.yaml's.
 */
export function chooseProtoRules(rules: BufCategory | 'CONFLUENT' | undefined, mode: CompatibilityLevel | undefined): ProtoRuleChoice | 'none' {
  const direction = (m: CompatibilityLevel | undefined) =>
    m?.startsWith('FULL') ? ('FULL' as const) : m?.startsWith('FORWARD') ? ('FORWARD' as const) : ('BACKWARD' as const);
  if (rules === 'CONFLUENT') return { kind: 'confluent', direction: direction(mode) };
  if (rules) return { kind: 'buf', category: rules };
  if (mode === 'NONE') return 'none';
  if (mode) return { kind: 'confluent', direction: direction(mode) };
  return { kind: 'buf' };
}

/** Whether this build has Schema Registry's Protobuf rules (core/compat/proto/confluent). */
export const CONFLUENT_PROTO_RULES_AVAILABLE = true;

/**
 * --rules replaces the config's `use` and `except` and keeps its ignores, the way a category
 * named on buf's command line would.
 */
export function effectiveConfig(choice: ProtoRuleChoice, config: BreakingConfig): BreakingConfig {
  if (choice.kind === 'buf' && choice.category) return { ...config, use: [choice.category], except: [] };
  return config;
}

/** The configuration's own mistakes (unknown rule IDs), which buf refuses to run with. */
export function configProblems(config: BreakingConfig): readonly string[] {
  return resolveBreakingRules(config).problems;
}

export function runProtoRules(before: ProtoImage, after: ProtoImage, choice: ProtoRuleChoice, config: BreakingConfig): Finding[] {
  // One earlier version per call: callers walk the versions themselves for the transitive modes.
  if (choice.kind === 'confluent') return checkConfluentProto([before], after, choice.direction);
  return checkBreaking(before, after, effectiveConfig(choice, config));
}
