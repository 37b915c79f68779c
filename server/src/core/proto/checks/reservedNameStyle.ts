/**
 * How reserved names are written: string literals before editions, identifiers in editions.
 * protoc rejects the other form in each.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { fileSyntax } from './syntax';
import { fileModel } from './walk';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkReservedNameStyle(ctx: CheckContext): Diagnostic[] {
  const syntax = fileSyntax(ctx.ast);
  const out: Diagnostic[] = [];
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  for (const body of [...model.messages.map((m) => m.node.body), ...model.enums.map((e) => e.node.body)]) {
    for (const el of body) {
      if (el.kind !== 'reserved') continue;
      for (const n of el.names) {
        if (syntax.kind === 'editions' && n.quoted) {
          out.push(
            diagnostic('editions/reserved-name-string', 'error', `reserved names are identifiers in editions, not strings: write ${n.text} without quotes`, n.span, {
              fixes: IDENT.test(n.text) ? [{ title: `Write ${n.text}`, edits: [{ span: n.span, newText: n.text }], preferred: true }] : [],
            }),
          );
        } else if (syntax.kind !== 'editions' && !n.quoted) {
          out.push(
            diagnostic('reserved/identifier-name', 'error', `reserved names are strings in ${syntax.kind}: write "${n.text}" (identifiers are for editions)`, n.span, {
              fixes: [{ title: `Write "${n.text}"`, edits: [{ span: n.span, newText: `"${n.text}"` }], preferred: true }],
            }),
          );
        }
      }
    }
  }
  return out;
}
