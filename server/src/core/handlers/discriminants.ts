/** Reading `x.type === "A"` style tests and `switch (x.type)` subjects. */
import type * as ts from 'typescript';
import type { RuleContext } from './context';
import { stringLiteral } from './eventUnions';

export function skipParens(ctx: RuleContext, e: ts.Expression): ts.Expression {
  while (ctx.ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** For `x.type`, `x?.type` or `x["type"]`: `x`. */
export function discriminantSubject(ctx: RuleContext, e: ts.Expression): ts.Expression | undefined {
  const { ts } = ctx;
  e = skipParens(ctx, e);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'type') return e.expression;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) && e.argumentExpression.text === 'type') {
    return e.expression;
  }
  return undefined;
}

/** The string a case label or compared value stands for: a literal, or anything typed as one. */
export function literalValue(ctx: RuleContext, e: ts.Expression): string | undefined {
  e = skipParens(ctx, e);
  if (ctx.ts.isStringLiteralLike(e)) return e.text;
  return stringLiteral(ctx, ctx.checker.getTypeAtLocation(e));
}

export interface DiscriminantTest {
  /** The `x` in `x.type === "A"`. */
  readonly subject: ts.Expression;
  /** The subject's text without white space, to tell whether two tests test the same thing. */
  readonly key: string;
  /** The `x.type` of the first comparison, where a diagnostic points. */
  readonly access: ts.Expression;
  readonly tags: readonly string[];
}

/** `x.type === "A"`, `"A" == x.type`, or `||` of such tests on one subject. */
export function parseTest(ctx: RuleContext, cond: ts.Expression): DiscriminantTest | undefined {
  const { ts } = ctx;
  cond = skipParens(ctx, cond);
  if (!ts.isBinaryExpression(cond)) return undefined;
  const op = cond.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken) {
    const left = parseTest(ctx, cond.left);
    const right = left && parseTest(ctx, cond.right);
    if (!left || !right || left.key !== right.key) return undefined;
    return { ...left, tags: [...left.tags, ...right.tags] };
  }
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  for (const [access, other] of [
    [cond.left, cond.right],
    [cond.right, cond.left],
  ] as const) {
    const subject = discriminantSubject(ctx, access);
    if (!subject) continue;
    const tag = literalValue(ctx, other);
    if (tag === undefined) return undefined;
    return { subject, key: subject.getText(ctx.file).replace(/\s+/g, ''), access: skipParens(ctx, access), tags: [tag] };
  }
  return undefined;
}
