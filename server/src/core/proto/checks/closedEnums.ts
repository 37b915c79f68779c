/** Whether an enum, possibly declared in another file, is closed: proto2, or editions with enum_type CLOSED. */
import type { EnumDecl, OptionDecl } from '../ast';
import type { ProtoSymbol } from '../symbols';
import type { CheckContext } from './context';
import { effectiveFeature } from './features';
import { fileSyntax } from './syntax';

export function isClosedEnum(ctx: CheckContext, sym: ProtoSymbol): boolean {
  if (sym.kind !== 'enum' || sym.node?.kind !== 'enum') return false;
  const ast = sym.uri === ctx.uri ? ctx.ast : ctx.env.file(sym.uri)?.ast;
  if (!ast) return false;
  const options = (sym.node as EnumDecl).body.filter((e): e is OptionDecl => e.kind === 'option');
  return effectiveFeature('enum_type', fileSyntax(ast), ast, options) === 'CLOSED';
}
