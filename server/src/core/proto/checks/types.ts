/** What a field's type is, once linked: a scalar, a message, an enum, or unknown (unresolved). */
import { SCALAR_TYPES } from '../builtinOptions';
import type { ProtoSymbol } from '../symbols';
import type { CheckContext } from './context';
import type { AnyField } from './walk';

export type FieldTypeKind = 'scalar' | 'message' | 'enum' | 'group' | 'map' | 'unknown';

export function fieldTypeKind(ctx: CheckContext, f: AnyField): FieldTypeKind {
  if (f.kind === 'group') return 'group';
  if (f.kind === 'mapField') return 'map';
  if (SCALAR_TYPES.has(f.type.text)) return 'scalar';
  const target = ctx.link.typeOf.get(f.type);
  if (!target) return 'unknown';
  return target.kind === 'enum' ? 'enum' : target.kind === 'message' ? 'message' : 'unknown';
}

export function fieldTypeSymbol(ctx: CheckContext, f: AnyField): ProtoSymbol | undefined {
  return f.kind === 'field' ? ctx.link.typeOf.get(f.type) : undefined;
}

/** Scalars that repeated fields may pack: every numeric type, bool and enums. */
export function isPackable(ctx: CheckContext, f: AnyField): boolean {
  const kind = fieldTypeKind(ctx, f);
  if (kind === 'enum') return true;
  return kind === 'scalar' && f.kind === 'field' && f.type.text !== 'string' && f.type.text !== 'bytes';
}
