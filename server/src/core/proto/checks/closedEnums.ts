/** Whether an enum, possibly declared in another file, is closed: proto2, or editions with enum_type CLOSED. */
import type { EnumDecl, OptionDecl } from '../ast';
import type { ProtoSymbol } from '../symbols';
import type { CheckContext } from './context';
import { effectiveFeature } from './features';
import { fileSyntax } from './syntax';

/**
 * Answers by symbol. A symbol stands for one version of one file, so its answer never changes;
 * keeping it spares reading the enum's file again for every field that uses the enum, which for
 * a file whose tree was dropped (every file `check` is done with) means parsing it again.
 */
const closedBySymbol = new WeakMap<ProtoSymbol, boolean>();

export function isClosedEnum(ctx: CheckContext, sym: ProtoSymbol): boolean {
  if (sym.kind !== 'enum') return false;
  let closed = closedBySymbol.get(sym);
  if (closed === undefined) {
    closed = computeClosed(ctx, sym);
    closedBySymbol.set(sym, closed);
  }
  return closed;
}

/**
 * Answers for the file's own enums, while its tree is at hand: run with the file's checks, so
 * the files that import it later find them known.
 */
export function rememberClosedEnums(ctx: CheckContext): void {
  for (const sym of ctx.symbols.all) {
    if (sym.kind === 'enum' && sym.uri === ctx.uri && !closedBySymbol.has(sym)) closedBySymbol.set(sym, computeClosed(ctx, sym));
  }
}

function computeClosed(ctx: CheckContext, sym: ProtoSymbol): boolean {
  if (sym.node?.kind !== 'enum') return false;
  const ast = sym.uri === ctx.uri ? ctx.ast : ctx.env.file(sym.uri)?.ast;
  if (!ast) return false;
  const options = (sym.node as EnumDecl).body.filter((e): e is OptionDecl => e.kind === 'option');
  return effectiveFeature('enum_type', fileSyntax(ast), ast, options) === 'CLOSED';
}
