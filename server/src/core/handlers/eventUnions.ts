/**
 * Generated event unions as the checker sees them. A type is (a narrowing of) a generated union
 * when every member is an object with a string-literal `type` and at least one member's `type`
 * is declared in a generated file. Working on the narrowed type at a location means that a switch
 * after `if (e.type === "A") return;` only has to cover the rest.
 */
import type * as ts from 'typescript';
import { isNullish, typeOfSymbol, type RuleContext, type Variant } from './context';
import { isGeneratedSymbol } from './generated';

export function eventVariants(ctx: RuleContext, type: ts.Type): readonly Variant[] | undefined {
  const cached = ctx.caches.variants.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const found = computeVariants(ctx, type);
  ctx.caches.variants.set(type, found ?? null);
  return found;
}

function computeVariants(ctx: RuleContext, type: ts.Type): readonly Variant[] | undefined {
  const members = type.isUnion() ? type.types : [type];
  const variants: Variant[] = [];
  let generated = false;
  for (const member of members) {
    if (isNullish(ctx, member)) continue;
    if (!(member.flags & ctx.ts.TypeFlags.Object)) return undefined;
    const tagSymbol = ctx.checker.getPropertyOfType(member, 'type');
    if (!tagSymbol) return undefined;
    const tag = stringLiteral(ctx, typeOfSymbol(ctx, tagSymbol));
    if (tag === undefined) return undefined;
    if (isGeneratedSymbol(tagSymbol) || isGeneratedSymbol(member.aliasSymbol) || isGeneratedSymbol(member.symbol)) generated = true;
    if (!variants.some((v) => v.tag === tag)) variants.push({ tag, type: member });
  }
  return generated && variants.length > 0 ? variants : undefined;
}

export function stringLiteral(ctx: RuleContext, type: ts.Type): string | undefined {
  return type.flags & ctx.ts.TypeFlags.StringLiteral ? (type as ts.StringLiteralType).value : undefined;
}

/**
 * The name users know the union by (`OrderEvent`), from the declared type of the subject; the
 * narrowed type at the location has lost its alias.
 */
export function unionName(ctx: RuleContext, subject: ts.Expression, variants: readonly Variant[]): string {
  const declared = declaredType(ctx, subject);
  const alias = declared?.aliasSymbol?.name ?? nonAnonymous(declared?.symbol?.name);
  if (alias) return alias;
  return variants.map((v) => v.tag).join(' | ');
}

function declaredType(ctx: RuleContext, subject: ts.Expression): ts.Type | undefined {
  const symbol = ctx.checker.getSymbolAtLocation(subject);
  const decl = symbol?.valueDeclaration;
  if (!symbol || !decl) return undefined;
  return ctx.checker.getTypeOfSymbolAtLocation(symbol, decl);
}

function nonAnonymous(name: string | undefined): string | undefined {
  return name && !name.startsWith('__') ? name : undefined;
}
