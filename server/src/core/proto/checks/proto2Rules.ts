/** proto2 wants a label on every field, except map fields and oneof members. */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { fileSyntax } from './syntax';
import { fileModel } from './walk';

export function checkProto2Rules(ctx: CheckContext): Diagnostic[] {
  const syntax = fileSyntax(ctx.ast);
  if (syntax.kind !== 'proto2') return [];
  const out: Diagnostic[] = [];
  for (const { node, oneof } of fileModel(ctx.ast, ctx.symbols.packageName).fields) {
    if (node.kind === 'mapField' || oneof || node.label) continue;
    const at = node.kind === 'group' ? node.keywordSpan : node.type.span;
    out.push(
      diagnostic(
        'proto2/missing-label',
        'error',
        `proto2 fields need a label: add \`optional\`, \`required\` or \`repeated\` before \`${node.kind === 'group' ? 'group' : node.type.text}\``,
        at,
        { fixes: [{ title: 'Add `optional`', edits: [{ span: { start: at.start, end: at.start }, newText: 'optional ' }], preferred: true }] },
      ),
    );
  }
  return out;
}
