/** A oneof holds at least one field, and its members carry no label. */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { removeWord } from './options';
import { fileModel } from './walk';

export function checkOneofs(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of fileModel(ctx.ast, ctx.symbols.packageName).messages) {
    for (const o of m.oneofs) {
      const members = o.body.filter((e) => e.kind === 'field' || e.kind === 'group');
      if (members.length === 0 && o.name) {
        out.push(diagnostic('oneof/empty', 'error', `oneof \`${o.name.text}\` has no fields: add a field or remove the oneof`, o.name.span));
      }
      for (const f of members) {
        if ((f.kind === 'field' || f.kind === 'group') && f.label) {
          out.push(
            diagnostic('oneof/label', 'error', `fields in a oneof take no label: remove \`${f.label.value}\``, f.label.span, {
              fixes: [{ title: `Remove \`${f.label.value}\``, edits: [removeWord(ctx.text, f.label.span)], preferred: true }],
            }),
          );
        }
      }
    }
  }
  return out;
}
