/**
 * The one place the CLI meets the Protobuf rule engine (core/compat/proto): which rules run, as
 * the command line and buf.yaml choose them, and the call that compares two images.
 */
import type { Finding } from '../../core/compat/finding';
import { checkBreaking } from '../../core/compat/proto/check';
import { resolveBreakingRules, type BreakingConfig } from '../../core/compat/proto/config';
import type { ProtoImage } from '../../core/compat/proto/image';

export type BufCategory = 'FILE' | 'PACKAGE' | 'WIRE_JSON' | 'WIRE';

export type ProtoRuleChoice =
  /** buf's rules: a category from --rules, else the buf.yaml config (FILE when it names none). */
  | { readonly kind: 'buf'; readonly category?: BufCategory }
  /** Schema Registry's Protobuf rules in one of its directions. */
  | { readonly kind: 'confluent'; readonly direction: 'BACKWARD' | 'FORWARD' | 'FULL' };

/** Whether this build has Schema Registry's Protobuf rules; until it does, `breaking` says so instead of passing silently. */
export const CONFLUENT_PROTO_RULES_AVAILABLE = false;

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
  if (choice.kind === 'confluent') return [];
  return checkBreaking(before, after, effectiveConfig(choice, config));
}
