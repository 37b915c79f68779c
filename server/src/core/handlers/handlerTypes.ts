/**
 * Generated handler types (`OrderEventHandlers<R>`): object types whose keys are the variant tags,
 * `$unknown` included, each a function taking the variant with that tag. Recognised by shape plus
 * the generated header on the variants, so a `Readonly<...>` or re-export still counts.
 */
import type * as ts from 'typescript';
import { typeOfSymbol, type HandlerType, type RuleContext } from './context';
import { eventVariants } from './eventUnions';

export const UNKNOWN_TAG = '$unknown';

export function handlerType(ctx: RuleContext, type: ts.Type | undefined): HandlerType | undefined {
  if (!type) return undefined;
  const cached = ctx.caches.handlers.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const found = computeHandlerType(ctx, type);
  ctx.caches.handlers.set(type, found ?? null);
  return found;
}

function computeHandlerType(ctx: RuleContext, type: ts.Type): HandlerType | undefined {
  if (!(type.flags & ctx.ts.TypeFlags.Object) || type.isUnion()) return undefined;
  // Cheap rejection first: nearly every object type lacks this key.
  if (!ctx.checker.getPropertyOfType(type, UNKNOWN_TAG)) return undefined;
  const keys: string[] = [];
  for (const prop of ctx.checker.getPropertiesOfType(type)) {
    const key = prop.name;
    const signatures = typeOfSymbol(ctx, prop).getCallSignatures();
    const first = signatures[0]?.getParameters()[0];
    if (!first) return undefined;
    const variants = eventVariants(ctx, typeOfSymbol(ctx, first));
    if (variants?.length !== 1 || variants[0]!.tag !== key) return undefined;
    keys.push(key);
  }
  // An alias (`type XHandlers<R> = {...}`) or an interface (`interface XHandlers<R>`), without its arguments.
  const named = type.aliasSymbol ?? type.symbol;
  const name = named && !named.name.startsWith('__') ? named.name : ctx.checker.typeToString(type);
  return { name, keys, type };
}

/** `Partial<H>` for a handler type H: the handler type, else undefined. */
export function partialOfHandlers(ctx: RuleContext, type: ts.Type | undefined): HandlerType | undefined {
  if (!type || type.aliasSymbol?.name !== 'Partial') return undefined;
  return handlerType(ctx, type.aliasTypeArguments?.[0]);
}
