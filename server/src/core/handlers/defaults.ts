/**
 * What a `default` clause (or the final `else` of an if-chain) does. A default with a `never`
 * check (`assertNever(e)`, `const x: never = e`) is unreachable by type; TypeScript itself fails
 * when a variant goes missing. A default that only throws is loud at run time. Anything else does
 * real work for whatever falls into it and so swallows the variants not listed.
 */
import type * as ts from 'typescript';
import type { RuleContext } from './context';

export type DefaultKind = 'never-check' | 'throws' | 'swallows';

export function classifyDefault(ctx: RuleContext, statements: readonly ts.Statement[]): DefaultKind {
  if (statements.some((s) => containsNeverCheck(ctx, s))) return 'never-check';
  const significant = statements.filter((s) => !ctx.ts.isBreakStatement(s) && !ctx.ts.isEmptyStatement(s));
  if (significant.length > 0 && significant.every((s) => onlyThrows(ctx, s))) return 'throws';
  return 'swallows';
}

function onlyThrows(ctx: RuleContext, s: ts.Statement): boolean {
  const { ts } = ctx;
  if (ts.isThrowStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && s.statements.every((x) => onlyThrows(ctx, x));
  const expr = ts.isExpressionStatement(s) ? s.expression : ts.isReturnStatement(s) ? s.expression : undefined;
  return expr !== undefined && ts.isCallExpression(expr) && returnsNever(ctx, expr);
}

function returnsNever(ctx: RuleContext, call: ts.CallExpression): boolean {
  const signature = ctx.checker.getResolvedSignature(call);
  return signature !== undefined && (signature.getReturnType().flags & ctx.ts.TypeFlags.Never) !== 0;
}

function containsNeverCheck(ctx: RuleContext, node: ts.Node): boolean {
  const { ts } = ctx;
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (ts.isVariableDeclaration(node) && node.type?.kind === ts.SyntaxKind.NeverKeyword) return true;
  if (ts.isSatisfiesExpression?.(node) && node.type.kind === ts.SyntaxKind.NeverKeyword) return true;
  if (ts.isCallExpression(node) && node.arguments.some((arg) => isNeverParameter(ctx, arg))) return true;
  return ts.forEachChild(node, (child) => (containsNeverCheck(ctx, child) ? true : undefined)) ?? false;
}

function isNeverParameter(ctx: RuleContext, arg: ts.Expression): boolean {
  const expected = ctx.checker.getContextualType(arg);
  return expected !== undefined && (expected.flags & ctx.ts.TypeFlags.Never) !== 0;
}
