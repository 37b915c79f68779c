/**
 * `handlers/discarded-result`: a Result (or a Promise of one) that nobody looks at. From each call
 * or `new` that produces one, the rule follows the value outwards (through parentheses, casts,
 * `await`, `??`, `?:`) to where it ends up:
 * - handled: returned or yielded (unless into a callback whose return value is ignored), passed
 *   where a Result is expected, read through any property (`.ok`, `.match(...)`), switched on,
 *   stored in an object, array or property, or anything this rule does not model;
 * - dropped: an expression statement (`decode(b);`, `await handle(e);`), the left of a comma,
 *   or a variable none of whose reads handles it;
 * - ignored: an argument whose parameter is `any`, `unknown` or a type parameter of the callee
 *   that does not come back out (`console.log(r)`);
 * - explicitly discarded: `void expr`, reported as a hint.
 */
import type * as ts from 'typescript';
import { diagnostic, type Fix } from '../diagnostics/diagnostic';
import { HANDLER_CODES } from './codes';
import { isAnyOrUnknown, type RuleContext } from './context';
import { isMustUseSignature, isResultLike } from './resultTypes';

type Use =
  | { readonly kind: 'handled' }
  | { readonly kind: 'void'; readonly at: ts.VoidExpression }
  | { readonly kind: 'statement'; readonly statement: ts.ExpressionStatement; readonly awaited: boolean }
  | { readonly kind: 'comma'; readonly at: ts.Expression }
  | { readonly kind: 'argument'; readonly at: ts.Expression; readonly callee: string }
  | { readonly kind: 'callback'; readonly at: ts.Expression }
  | { readonly kind: 'variable'; readonly name: ts.Identifier };

type VariableVerdict =
  | { readonly kind: 'handled' }
  | { readonly kind: 'void'; readonly at: ts.VoidExpression }
  | { readonly kind: 'argument-only'; readonly callee: string }
  | { readonly kind: 'unread' };

const HANDLED: Use = { kind: 'handled' };
const MAX_ALIASES = 3;

/** `signature` is the one the call resolved to: the checker keeps it from checking the file. */
export function checkProducer(ctx: RuleContext, node: ts.CallExpression | ts.NewExpression, signature: ts.Signature): void {
  const type = signature.getReturnType();
  if (!isResultLike(ctx, type) && !(isMustUseSignature(ctx, signature) && !isVoidLike(ctx, type))) return;
  const use = classifyUse(ctx, node);
  const what = `the Result of \`${calleeName(ctx, node)}\``;
  const file = ctx.file;
  switch (use.kind) {
    case 'handled':
      return;
    case 'void':
      ctx.report(diagnostic(HANDLER_CODES.discardedResult, 'hint', `${what} is discarded explicitly`, spanOf(ctx, use.at)));
      return;
    case 'statement': {
      const expr = use.statement.expression;
      const fix: Fix = voidFix(expr.getStart(file), expr.getStart(file));
      ctx.report(
        diagnostic(
          HANDLER_CODES.discardedResult,
          'error',
          `${use.awaited ? 'the awaited Result' : 'the Result'} of \`${calleeName(ctx, node)}\` is dropped: check \`.ok\`, return it, or discard it with \`void\``,
          spanOf(ctx, expr),
          { fixes: [fix] },
        ),
      );
      return;
    }
    case 'comma':
      ctx.report(diagnostic(HANDLER_CODES.discardedResult, 'error', `${what} is dropped by the comma operator: check \`.ok\` or return it`, spanOf(ctx, use.at)));
      return;
    case 'argument':
      ctx.report(
        diagnostic(
          HANDLER_CODES.discardedResult,
          'error',
          `${what} is passed to \`${use.callee}\`, which ignores it: check \`.ok\` first`,
          spanOf(ctx, use.at),
        ),
      );
      return;
    case 'callback':
      ctx.report(
        diagnostic(
          HANDLER_CODES.discardedResult,
          'error',
          `${what} is returned to a callback whose return value is ignored: handle it inside the callback`,
          spanOf(ctx, use.at),
        ),
      );
      return;
    case 'variable':
      reportVariable(ctx, use.name, variableVerdict(ctx, use.name, 0));
      return;
  }
}

function reportVariable(ctx: RuleContext, name: ts.Identifier, verdict: VariableVerdict): void {
  const id = name.text;
  switch (verdict.kind) {
    case 'handled':
      return;
    case 'void':
      ctx.report(diagnostic(HANDLER_CODES.discardedResult, 'hint', `the Result in \`${id}\` is discarded explicitly`, spanOf(ctx, verdict.at)));
      return;
    case 'argument-only':
      ctx.report(
        diagnostic(
          HANDLER_CODES.discardedResult,
          'error',
          `the Result in \`${id}\` is only passed to \`${verdict.callee}\`, which ignores it: check \`${id}.ok\` first`,
          spanOf(ctx, name),
        ),
      );
      return;
    case 'unread': {
      const fix = unreadFix(ctx, name);
      ctx.report(
        diagnostic(
          HANDLER_CODES.discardedResult,
          'error',
          `the Result in \`${id}\` is never inspected: check \`${id}.ok\`, return it, or discard it with \`void\``,
          spanOf(ctx, name),
          fix ? { fixes: [fix] } : undefined,
        ),
      );
      return;
    }
  }
}

function classifyUse(ctx: RuleContext, start: ts.Expression): Use {
  const { ts } = ctx;
  let node: ts.Node = start;
  let awaited = false;
  for (;;) {
    const p: ts.Node | undefined = node.parent;
    if (!p) return HANDLED;
    if (
      ts.isParenthesizedExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isTypeAssertionExpression(p) ||
      ts.isSatisfiesExpression?.(p)
    ) {
      node = p;
      continue;
    }
    if (ts.isAwaitExpression(p)) {
      awaited = true;
      node = p;
      continue;
    }
    if (ts.isConditionalExpression(p)) {
      if (p.condition === node) return HANDLED;
      node = p;
      continue;
    }
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (op === ts.SyntaxKind.CommaToken) {
        if (p.left === node) return { kind: 'comma', at: node as ts.Expression };
        node = p;
        continue;
      }
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        if (p.right !== node) return HANDLED;
        node = p;
        continue;
      }
      if (op === ts.SyntaxKind.EqualsToken && p.right === node && ts.isIdentifier(p.left)) return { kind: 'variable', name: p.left };
      return HANDLED;
    }
    if (ts.isExpressionStatement(p)) return { kind: 'statement', statement: p, awaited };
    if (ts.isVoidExpression(p)) return { kind: 'void', at: p };
    if (ts.isReturnStatement(p)) return returnedFrom(ctx, containingFunction(ctx, p), node as ts.Expression);
    if (ts.isArrowFunction(p)) return p.body === node ? returnedFrom(ctx, p, node as ts.Expression) : HANDLED;
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(node as ts.Expression)) {
      return argumentUse(ctx, p, node as ts.Expression);
    }
    if (ts.isVariableDeclaration(p) && p.initializer === node) {
      return ts.isIdentifier(p.name) && !isExported(ctx, p) ? { kind: 'variable', name: p.name } : HANDLED;
    }
    return HANDLED;
  }
}

/** A returned Result is the caller's to handle, unless the caller is a callback that ignores it. */
function returnedFrom(ctx: RuleContext, fn: ts.Node | undefined, at: ts.Expression): Use {
  const { ts } = ctx;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return HANDLED;
  const expected = ctx.checker.getContextualType(fn);
  const signatures = expected?.getCallSignatures() ?? [];
  if (signatures.length === 0) return HANDLED;
  return signatures.every((s) => isVoidLike(ctx, s.getReturnType())) ? { kind: 'callback', at } : HANDLED;
}

/** `void`, or a Promise of it: a return type whose value nobody reads. */
function isVoidLike(ctx: RuleContext, type: ts.Type): boolean {
  const voidFlag = ctx.ts.TypeFlags.Void;
  if (type.flags & voidFlag) return true;
  const awaited = ctx.checker.getAwaitedType(type);
  return awaited !== undefined && awaited !== type && (awaited.flags & voidFlag) !== 0;
}

function argumentUse(ctx: RuleContext, call: ts.CallExpression | ts.NewExpression, arg: ts.Expression): Use {
  const { checker } = ctx;
  const expected = checker.getContextualType(arg);
  if (!expected) return HANDLED;
  const signature = checker.getResolvedSignature(call);
  // An assertion function (`assert.deepStrictEqual(r, ...)`, `asserts x is T`) inspects what it is given.
  if (signature && checker.getTypePredicateOfSignature(signature)) return HANDLED;
  const ignored: Use = { kind: 'argument', at: arg, callee: calleeName(ctx, call) };
  if (isAnyOrUnknown(ctx, expected)) return ignored;
  const typeParameter = ownTypeParameter(ctx, signature, call, arg);
  if (typeParameter) {
    // `identity(r)` and `expect(r)` hand the Result on in what they return; `log<T>(x: T): void` does not.
    const returned = typeParameter.parent.type;
    return !returned || mentions(ctx, returned, typeParameter.name.text) ? HANDLED : ignored;
  }
  return HANDLED;
}

/** The callee's own type parameter that the argument's parameter is declared as, if any. */
function ownTypeParameter(
  ctx: RuleContext,
  signature: ts.Signature | undefined,
  call: ts.CallExpression | ts.NewExpression,
  arg: ts.Expression,
): (ts.TypeParameterDeclaration & { parent: ts.SignatureDeclaration }) | undefined {
  const { ts } = ctx;
  const decl = signature?.getDeclaration();
  if (!decl || !('parameters' in decl) || !decl.typeParameters?.length) return undefined;
  const index = call.arguments!.indexOf(arg);
  const params = decl.parameters;
  const last = params[params.length - 1];
  const param = index < params.length ? params[index] : last?.dotDotDotToken ? last : undefined;
  let typeNode = param?.type;
  if (param?.dotDotDotToken && typeNode && ts.isArrayTypeNode(typeNode)) typeNode = typeNode.elementType;
  if (!typeNode || !ts.isTypeReferenceNode(typeNode) || !ts.isIdentifier(typeNode.typeName)) return undefined;
  const name = typeNode.typeName.text;
  const found = decl.typeParameters.find((tp) => tp.name.text === name);
  return found as (ts.TypeParameterDeclaration & { parent: ts.SignatureDeclaration }) | undefined;
}

/** Whether a type annotation refers to the named type parameter anywhere. */
function mentions(ctx: RuleContext, node: ts.Node | undefined, name: string): boolean {
  const { ts } = ctx;
  if (!node) return false;
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === name) return true;
  return ts.forEachChild(node, (c) => (mentions(ctx, c, name) ? true : undefined)) ?? false;
}

function variableVerdict(ctx: RuleContext, name: ts.Identifier, depth: number): VariableVerdict {
  const { ts, checker } = ctx;
  const symbol = checker.getSymbolAtLocation(name);
  const decl = symbol?.valueDeclaration;
  if (!symbol || !decl || !ts.isVariableDeclaration(decl) || decl.getSourceFile() !== ctx.file || isExported(ctx, decl)) {
    return { kind: 'handled' };
  }
  let voided: ts.VoidExpression | undefined;
  let passedTo: string | undefined;
  const scope = scopeOf(ctx, decl);
  const visit = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node)) {
      if (node.text !== name.text || node === decl.name || isWriteTarget(ctx, node)) return false;
      const parent = node.parent;
      if (ts.isShorthandPropertyAssignment(parent)) return checker.getShorthandAssignmentValueSymbol(parent) === symbol;
      if (checker.getSymbolAtLocation(node) !== symbol) return false;
      const use = classifyUse(ctx, node);
      switch (use.kind) {
        case 'handled':
          return true;
        case 'void':
          voided ??= use.at;
          return false;
        case 'argument':
          passedTo ??= use.callee;
          return false;
        case 'variable':
          return depth < MAX_ALIASES && use.name !== name && variableVerdict(ctx, use.name, depth + 1).kind === 'handled';
        default:
          return false;
      }
    }
    return ts.forEachChild(node, (child) => (visit(child) ? true : undefined)) ?? false;
  };
  if (visit(scope)) return { kind: 'handled' };
  if (voided) return { kind: 'void', at: voided };
  if (passedTo !== undefined) return { kind: 'argument-only', callee: passedTo };
  return { kind: 'unread' };
}

/** Where a variable can be read: its block for `let`/`const`, its function (or the file) for `var`. */
function scopeOf(ctx: RuleContext, decl: ts.VariableDeclaration): ts.Node {
  const { ts } = ctx;
  const list = decl.parent;
  const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0;
  if (blockScoped) {
    const block = ts.findAncestor(list, (n) => ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n));
    if (block) return block;
  }
  return containingFunction(ctx, decl) ?? ctx.file;
}

function isWriteTarget(ctx: RuleContext, id: ts.Identifier): boolean {
  const p = id.parent;
  return ctx.ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind === ctx.ts.SyntaxKind.EqualsToken;
}

function isExported(ctx: RuleContext, decl: ts.VariableDeclaration): boolean {
  const statement = decl.parent?.parent;
  return (
    statement !== undefined &&
    ctx.ts.isVariableStatement(statement) &&
    (statement.modifiers?.some((m) => m.kind === ctx.ts.SyntaxKind.ExportKeyword) ?? false)
  );
}

function containingFunction(ctx: RuleContext, node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ctx.ts.isFunctionLike(n)) return n;
  return undefined;
}

/** `const r = f();` becomes `void f();` when it is the statement's only declaration. */
function unreadFix(ctx: RuleContext, name: ts.Identifier): Fix | undefined {
  const { ts } = ctx;
  const decl = name.parent;
  if (!ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const list = decl.parent;
  const statement = list?.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !statement || !ts.isVariableStatement(statement)) return undefined;
  return voidFix(statement.getStart(ctx.file), decl.initializer.getStart(ctx.file));
}

function voidFix(start: number, end: number): Fix {
  return { title: 'Discard explicitly with void', edits: [{ span: { start, end }, newText: 'void ' }] };
}

function calleeName(ctx: RuleContext, call: ts.CallExpression | ts.NewExpression): string {
  const { ts } = ctx;
  const callee = call.expression;
  let name: string;
  if (ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee)) name = callee.getText(ctx.file).replace(/\s+/g, '');
  else name = 'the call';
  if (name.length > 40) name = '…' + name.slice(-39);
  return ts.isNewExpression(call) ? `new ${name}` : name;
}

function spanOf(ctx: RuleContext, node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(ctx.file), end: node.end };
}
