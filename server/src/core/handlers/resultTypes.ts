/**
 * Result-like types: values that carry an error which must not be dropped. The generated
 * runtime's `Result` (and `AsyncResult`), any declaration tagged `@mustUse`, and, when the
 * options ask for them, neverthrow's and Effect's types. A Promise of one counts too.
 */
import type * as ts from 'typescript';
import { isAnyOrUnknown, type RuleContext } from './context';
import { isGeneratedFile } from './generated';

const GENERATED_RESULT_NAMES = new Set(['Result', 'AsyncResult']);
const LIBRARY_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  neverthrow: new Set(['Result', 'ResultAsync', 'Ok', 'Err']),
  effect: new Set(['Either', 'Left', 'Right', 'Exit', 'Success', 'Failure']),
};

export function isResultLike(ctx: RuleContext, type: ts.Type): boolean {
  const cached = ctx.caches.results.get(type);
  if (cached !== undefined) return cached;
  ctx.caches.results.set(type, false); // a recursive type must not loop
  const found = computeResultLike(ctx, type);
  ctx.caches.results.set(type, found);
  return found;
}

function computeResultLike(ctx: RuleContext, type: ts.Type): boolean {
  if (isAnyOrUnknown(ctx, type) || type.flags & ctx.ts.TypeFlags.Never) return false;
  if (isResultSymbol(ctx, type.aliasSymbol) || isResultSymbol(ctx, type.symbol)) return true;
  if (type.isUnion()) return type.types.some((t) => isResultLike(ctx, t));
  // Only thenables can await to something else; asking the checker for every type is costly.
  if (!(type.flags & ctx.ts.TypeFlags.Object) || !ctx.checker.getPropertyOfType(type, 'then')) return false;
  const awaited = ctx.checker.getAwaitedType(type);
  return awaited !== undefined && awaited !== type && isResultLike(ctx, awaited);
}

function isResultSymbol(ctx: RuleContext, symbol: ts.Symbol | undefined): boolean {
  if (!symbol) return false;
  const cached = ctx.caches.resultSymbols.get(symbol);
  if (cached !== undefined) return cached;
  let found = false;
  for (const decl of symbol.declarations ?? []) {
    if (hasMustUseTag(ctx, decl) || isKnownResultDeclaration(ctx, symbol.name, decl.getSourceFile())) {
      found = true;
      break;
    }
  }
  ctx.caches.resultSymbols.set(symbol, found);
  return found;
}

function isKnownResultDeclaration(ctx: RuleContext, name: string, file: ts.SourceFile): boolean {
  if (GENERATED_RESULT_NAMES.has(name) && isGeneratedFile(file)) return true;
  for (const library of ctx.options.resultLibraries) {
    if (LIBRARY_TYPES[library]?.has(name) && isInPackage(file.fileName, library)) return true;
  }
  return false;
}

function isInPackage(fileName: string, pkg: string): boolean {
  return fileName.replace(/\\/g, '/').includes(`/node_modules/${pkg}/`);
}

export function hasMustUseTag(ctx: RuleContext, decl: ts.Node): boolean {
  return ctx.ts.getJSDocTags(decl).some((tag) => tag.tagName.text === 'mustUse');
}

/** Whether the function a call resolves to is tagged `@mustUse`, whatever it returns. */
export function isMustUseSignature(ctx: RuleContext, signature: ts.Signature): boolean {
  const decl = signature.getDeclaration() as ts.Declaration | undefined;
  if (!decl) return false;
  let hit = ctx.caches.mustUse.get(decl);
  if (hit === undefined) ctx.caches.mustUse.set(decl, (hit = hasMustUseTag(ctx, decl)));
  return hit;
}
