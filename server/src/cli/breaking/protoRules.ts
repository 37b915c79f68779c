/**
 * The one place the CLI meets the Protobuf rule engine (core/compat/proto): which rules to run,
 * as the command line and buf.yaml choose them, and the call that compares two images.
 */
import type { Finding } from '../../core/compat/finding';
import type { ProtoImage } from '../../core/compat/proto/image';
import type { BufBreakingConfig } from './bufConfig';

export type BufCategory = 'FILE' | 'PACKAGE' | 'WIRE_JSON' | 'WIRE';

export type ProtoRuleChoice =
  /** buf's rules: a category from --rules, else the buf.yaml config, else FILE. */
  | { readonly kind: 'buf'; readonly category?: BufCategory; readonly config?: BufBreakingConfig }
  /** Schema Registry's Protobuf rules in one of its directions. */
  | { readonly kind: 'confluent'; readonly direction: 'BACKWARD' | 'FORWARD' | 'FULL' };

/** Whether this build has the Protobuf rules; until it does, `breaking` says so instead of passing silently. */
export const PROTO_RULES_AVAILABLE = false;

export function runProtoRules(before: ProtoImage, after: ProtoImage, choice: ProtoRuleChoice): Finding[] {
  void before;
  void after;
  void choice;
  return [];
}
