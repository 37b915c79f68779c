/**
 * The handler rules over one TypeScript file of a program: missing handlers and discarded
 * Results (DESIGN.md, "Handler analysis"). One walk over the file dispatches to the rules. The
 * caller supplies the `typescript` module (tsserver's own inside the plugin), so this core never
 * loads a second copy. Rules never throw on user code; the adapters guard them all the same.
 */
import type * as ts from 'typescript';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { cachesFor, type RuleContext, type TypeScript } from './context';
import { checkProducer } from './discardedResults';
import { isGeneratedFile } from './generated';
import { checkAssertion, checkHandlerLiteral, checkHandlerSlot } from './handlerObjects';
import { checkIfChainWithElse, checkTrailingIfChain } from './ifChains';
import { defaultHandlerRuleOptions, type HandlerRuleOptions } from './options';
import { checkSwitch } from './switches';

export { HANDLER_CODES, HANDLER_CODE_DESCRIPTIONS, HANDLER_CODE_NUMBERS, handlerCodeOfNumber, type HandlerCode } from './codes';
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
    switch (node.kind) {
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
        checkHandlerLiteral(ctx, node as ts.ObjectLiteralExpression);
        break;
      case K.CallExpression:
      case K.NewExpression: {
        const call = node as ts.CallExpression | ts.NewExpression;
        checkProducer(ctx, call);
        for (const arg of call.arguments ?? []) checkHandlerSlot(ctx, arg);
        break;
      }
      case K.VariableDeclaration: {
        const decl = node as ts.VariableDeclaration;
        if (decl.type && decl.initializer) checkHandlerSlot(ctx, decl.initializer);
        break;
      }
      case K.ReturnStatement: {
        const expr = (node as ts.ReturnStatement).expression;
        if (expr) checkHandlerSlot(ctx, expr);
        break;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
}
