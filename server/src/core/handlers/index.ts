/**
 * The handler rules over one TypeScript file of a program: missing handlers and discarded
 * Results (DESIGN.md, "Handler analysis"). One walk over the file dispatches to the rules. The
 * caller supplies the `typescript` module (tsserver's own inside the plugin), so this core never
 * loads a second copy. Rules never throw on user code; the adapters guard them all the same.
 */
import type * as ts from 'typescript';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { cachesFor, typeOfSymbol, type RuleContext, type TypeScript } from './context';
import { checkProducer } from './discardedResults';
import { isGeneratedFile } from './generated';
import { checkAssertion, checkHandlerLiteral, checkHandlerSlot } from './handlerObjects';
import { checkIfChainWithElse, checkTrailingIfChain } from './ifChains';
import { defaultHandlerRuleOptions, type HandlerRuleOptions } from './options';
import { checkSwitch } from './switches';

export { HANDLER_CODES, HANDLER_CODE_DESCRIPTIONS, HANDLER_CODE_NUMBERS, type HandlerCode } from './codes';
export { GENERATED_HEADER, isGeneratedFile } from './generated';
export { defaultHandlerRuleOptions, readResultLibraries, RESULT_LIBRARIES, type HandlerRuleOptions, type ResultLibrary } from './options';
export type { TypeScript } from './context';

/** Whether the rules look at this file at all: user code, not declarations or generated code. */
export function isCheckedFile(program: ts.Program, file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !isGeneratedFile(file);
}

export function checkHandlers(
  tsModule: TypeScript,
  program: ts.Program,
  file: ts.SourceFile,
  options: HandlerRuleOptions = defaultHandlerRuleOptions,
): Diagnostic[] {
  if (!isCheckedFile(program, file)) return [];
  const checker = program.getTypeChecker();
  const found: Diagnostic[] = [];
  const ctx: RuleContext = {
    ts: tsModule,
    checker,
    file,
    options,
    caches: cachesFor(checker, options),
    report: (d) => void found.push(d),
  };
  walk(ctx, file);
  return found.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function walk(ctx: RuleContext, root: ts.Node): void {
  const ts = ctx.ts;
  const K = ts.SyntaxKind;
  const visit = (node: ts.Node): void => {
    // No rule looks inside types, imports or type declarations: skipping them saves a third of the walk.
    if (ts.isTypeNode(node)) return;
    switch (node.kind) {
      case K.ImportDeclaration:
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration:
        return;
      case K.SwitchStatement:
        checkSwitch(ctx, node as ts.SwitchStatement);
        break;
      case K.IfStatement: {
        const parent = node.parent;
        if (!(ts.isIfStatement(parent) && parent.elseStatement === node)) checkIfChainWithElse(ctx, node as ts.IfStatement);
        break;
      }
      case K.Block:
        if (ts.isFunctionLike(node.parent)) checkTrailingIfChain(ctx, node as ts.Block);
        break;
      case K.AsExpression:
      case K.TypeAssertionExpression:
        checkAssertion(ctx, node as ts.AsExpression | ts.TypeAssertion);
        break;
      case K.ObjectLiteralExpression:
        if (mayBeHandlers(ctx, node as ts.ObjectLiteralExpression)) checkHandlerLiteral(ctx, node as ts.ObjectLiteralExpression);
        break;
      case K.CallExpression:
      case K.NewExpression: {
        const call = node as ts.CallExpression | ts.NewExpression;
        const signature = ctx.checker.getResolvedSignature(call);
        if (!signature) break;
        checkProducer(ctx, call, signature);
        const params = signature.getParameters();
        call.arguments?.forEach((arg, i) => {
          const param = params[i];
          if (param && mayBeAny(ctx, arg)) checkHandlerSlot(ctx, arg, typeOfSymbol(ctx, param));
        });
        break;
      }
      case K.VariableDeclaration: {
        const decl = node as ts.VariableDeclaration;
        if (decl.type && decl.initializer && mayBeAny(ctx, decl.initializer)) {
          checkHandlerSlot(ctx, decl.initializer, ctx.checker.getTypeFromTypeNode(decl.type));
        }
        break;
      }
      case K.ReturnStatement: {
        const expr = (node as ts.ReturnStatement).expression;
        const fn = expr && ts.findAncestor(node, ts.isFunctionLike);
        if (expr && fn?.type && mayBeAny(ctx, expr)) checkHandlerSlot(ctx, expr, ctx.checker.getTypeFromTypeNode(fn.type));
        break;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
}

/** Literals and functions have types of their own; only other expressions can turn out `any`. */
function mayBeAny(ctx: RuleContext, e: ts.Expression): boolean {
  const K = ctx.ts.SyntaxKind;
  switch (e.kind) {
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
    case K.TemplateExpression:
    case K.NumericLiteral:
    case K.BigIntLiteral:
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.NullKeyword:
    case K.ObjectLiteralExpression:
    case K.ArrayLiteralExpression:
    case K.ArrowFunction:
    case K.FunctionExpression:
    case K.ClassExpression:
      return false;
    default:
      return true;
  }
}

/**
 * Whether a literal could be a handler object, before asking the checker for its context: one
 * with a spread or a function-valued property, or an empty one given a declared type.
 */
function mayBeHandlers(ctx: RuleContext, node: ts.ObjectLiteralExpression): boolean {
  const { ts } = ctx;
  if (node.properties.length === 0) return ts.isVariableDeclaration(node.parent) && node.parent.type !== undefined;
  return node.properties.some(
    (p) =>
      ts.isSpreadAssignment(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isShorthandPropertyAssignment(p) ||
      (ts.isPropertyAssignment(p) && (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer) || ts.isIdentifier(p.initializer) || ts.isPropertyAccessExpression(p.initializer))),
  );
}
