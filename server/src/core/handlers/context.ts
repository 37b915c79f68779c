/**
 * What every rule gets: the TypeScript module it must use (tsserver hands the plugin its own,
 * possibly a workspace version, so rules never import `typescript` as a value), the checker,
 * the file, the options, and caches that live as long as the checker.
 */
import type * as ts from 'typescript';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { HandlerRuleOptions } from './options';

export type TypeScript = typeof ts;

/** Per-checker memo tables: a type's classification never changes while its checker lives. */
export interface Caches {
  readonly variants: Map<ts.Type, readonly Variant[] | null>;
  readonly handlers: Map<ts.Type, HandlerType | null>;
  readonly results: Map<ts.Type, boolean>;
  readonly resultSymbols: Map<ts.Symbol, boolean>;
  readonly mustUse: Map<ts.Node, boolean>;
}

/** One member of a generated event union, e.g. `OrderPlaced` with tag "OrderPlaced". */
export interface Variant {
  readonly tag: string;
  readonly type: ts.Type;
}

/** A generated `XHandlers<R>` type: one required key per variant, `$unknown` included. */
export interface HandlerType {
  readonly name: string;
  readonly keys: readonly string[];
  readonly type: ts.Type;
}

export interface RuleContext {
  readonly ts: TypeScript;
  readonly checker: ts.TypeChecker;
  readonly file: ts.SourceFile;
  readonly options: HandlerRuleOptions;
  readonly caches: Caches;
  report(d: Diagnostic): void;
}

const cachesByChecker = new WeakMap<ts.TypeChecker, Caches & { key: string }>();

/** Caches for this checker under these options; a change of options starts afresh. */
export function cachesFor(checker: ts.TypeChecker, options: HandlerRuleOptions): Caches {
  const key = [...options.resultLibraries].sort().join(',');
  let caches = cachesByChecker.get(checker);
  if (!caches || caches.key !== key) {
    caches = { key, variants: new Map(), handlers: new Map(), results: new Map(), resultSymbols: new Map(), mustUse: new Map() };
    cachesByChecker.set(checker, caches);
  }
  return caches;
}

/** The type of a property symbol; `getTypeOfSymbol` is missing from older TypeScript versions. */
export function typeOfSymbol(ctx: RuleContext, symbol: ts.Symbol): ts.Type {
  const checker = ctx.checker as ts.TypeChecker & { getTypeOfSymbol?: (s: ts.Symbol) => ts.Type };
  return checker.getTypeOfSymbol ? checker.getTypeOfSymbol(symbol) : checker.getTypeOfSymbolAtLocation(symbol, ctx.file);
}

export function isNullish(ctx: RuleContext, type: ts.Type): boolean {
  const f = ctx.ts.TypeFlags;
  return (type.flags & (f.Null | f.Undefined | f.Void)) !== 0;
}

export function isAnyOrUnknown(ctx: RuleContext, type: ts.Type): boolean {
  return (type.flags & (ctx.ts.TypeFlags.Any | ctx.ts.TypeFlags.Unknown)) !== 0;
}
