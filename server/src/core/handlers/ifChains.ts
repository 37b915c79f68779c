/**
 * If-chains over a generated event union: `if (e.type === "A") ... else if (e.type === "B") ...`.
 * A chain with a final `else` is judged like a switch with a default. A chain without one is only
 * a dispatch when it ends a function body (often as a run of early-return `if`s); then the
 * variants no branch tests fall off the end of the function: `handlers/missing`. A lone
 * `if (e.type === "A")` is a filter, not a dispatch, and is left alone.
 */
import type * as ts from 'typescript';
import { diagnostic } from '../diagnostics/diagnostic';
import { HANDLER_CODES } from './codes';
import type { RuleContext } from './context';
import { classifyDefault } from './defaults';
import { parseTest, type DiscriminantTest } from './discriminants';
import { eventVariants, unionName } from './eventUnions';
import { quotedList } from './messages';

interface Chain {
  readonly tests: readonly DiscriminantTest[];
  readonly finalElse: ts.Statement | undefined;
}

/** Called for an `if` that is not itself the `else` of another `if`. */
export function checkIfChainWithElse(ctx: RuleContext, node: ts.IfStatement): void {
  const chain = readChain(ctx, node);
  if (!chain?.finalElse || tagCount(chain.tests) < 2) return;
  const missing = missingTags(ctx, chain.tests);
  if (!missing) return;
  const body = ctx.ts.isBlock(chain.finalElse) ? chain.finalElse.statements : [chain.finalElse];
  if (classifyDefault(ctx, body) === 'swallows') {
    const start = elseKeyword(ctx, chain.finalElse);
    ctx.report(
      diagnostic(
        HANDLER_CODES.swallowingDefault,
        'error',
        `else swallows known variants of \`${missing.name}\`: ${quotedList(missing.tags)}; test them explicitly`,
        { start, end: start + 'else'.length },
      ),
    );
    return;
  }
  reportMissing(ctx, chain.tests[0]!, missing);
}

/** Called for each function body: the trailing run of `if`s that dispatch on one subject. */
export function checkTrailingIfChain(ctx: RuleContext, body: ts.Block): void {
  const { ts } = ctx;
  const statements = body.statements;
  const last = statements[statements.length - 1];
  if (!last || !ts.isIfStatement(last)) return;
  const tail = readChain(ctx, last);
  if (!tail || tail.finalElse) return;
  const tests = [...tail.tests];
  for (let i = statements.length - 2; i >= 0; i--) {
    const s = statements[i]!;
    if (!ts.isIfStatement(s) || s.elseStatement || !alwaysExits(ctx, s.thenStatement)) break;
    const test = parseTest(ctx, s.expression);
    if (!test || test.key !== tests[0]!.key) break;
    tests.unshift(test);
  }
  if (tagCount(tests) < 2) return;
  const missing = missingTags(ctx, tests);
  if (missing) reportMissing(ctx, tests[0]!, missing);
}

function reportMissing(ctx: RuleContext, first: DiscriminantTest, missing: { name: string; tags: readonly string[] }): void {
  ctx.report(
    diagnostic(
      HANDLER_CODES.missing,
      'error',
      `if-chain over \`${missing.name}\` does not handle ${quotedList(missing.tags)}: add branches for them`,
      { start: first.access.getStart(ctx.file), end: first.access.end },
    ),
  );
}

function readChain(ctx: RuleContext, node: ts.IfStatement): Chain | undefined {
  const tests: DiscriminantTest[] = [];
  let current: ts.IfStatement = node;
  for (;;) {
    const test = parseTest(ctx, current.expression);
    if (!test || (tests.length > 0 && test.key !== tests[0]!.key)) return undefined;
    tests.push(test);
    const next = current.elseStatement;
    if (!next) return { tests, finalElse: undefined };
    if (!ctx.ts.isIfStatement(next)) return { tests, finalElse: next };
    current = next;
  }
}

function tagCount(tests: readonly DiscriminantTest[]): number {
  return tests.reduce((n, t) => n + t.tags.length, 0);
}

/** The variants of the subject's type where the chain starts that no test names. */
function missingTags(ctx: RuleContext, tests: readonly DiscriminantTest[]): { name: string; tags: readonly string[] } | undefined {
  const first = tests[0]!;
  const variants = eventVariants(ctx, ctx.checker.getTypeAtLocation(first.subject));
  if (!variants) return undefined;
  const tested = new Set(tests.flatMap((t) => t.tags));
  const tags = variants.filter((v) => !tested.has(v.tag)).map((v) => v.tag);
  return tags.length > 0 ? { name: unionName(ctx, first.subject, variants), tags } : undefined;
}

function alwaysExits(ctx: RuleContext, s: ts.Statement): boolean {
  const { ts } = ctx;
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) {
    const last = s.statements[s.statements.length - 1];
    return last !== undefined && alwaysExits(ctx, last);
  }
  return false;
}

function elseKeyword(ctx: RuleContext, finalElse: ts.Statement): number {
  const keyword = finalElse.parent.getChildren(ctx.file).find((c) => c.kind === ctx.ts.SyntaxKind.ElseKeyword);
  return (keyword ?? finalElse).getStart(ctx.file);
}
