/**
 * Semantic checks at protoc's level, run on one linked file. Each check lives in its own file and
 * returns diagnostics; none of them throws or looks at another file's text.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';

export type { CheckContext } from './context';

export type Check = (ctx: CheckContext) => Diagnostic[];

const checks: readonly Check[] = [];

export function runChecks(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of checks) out.push(...check(ctx));
  return out;
}
