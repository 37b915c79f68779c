/**
 * `[packed = true]` only on repeated numeric, bool or enum fields, and `[lazy = true]` (or
 * `unverified_lazy`) only on message and map fields (not groups), as protoc requires. Editions replace `packed` with a
 * feature; editionsRules.ts reports it there.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { effectiveFeature } from './features';
import { isTrue, optionNamed, removeCompactOption } from './options';
import { fileSyntax } from './syntax';
import { fieldTypeKind, isPackable } from './types';
import { fileModel } from './walk';

export function checkPackedLazy(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const syntax = fileSyntax(ctx.ast);
  const editions = syntax.kind === 'editions';
  for (const { node } of fileModel(ctx.ast, ctx.symbols.packageName).fields) {
    const kind = fieldTypeKind(ctx, node);
    if (kind === 'unknown') continue;
    const packed = editions ? undefined : optionNamed(node.options, 'packed');
    const repeated = node.kind !== 'mapField' && node.label?.value === 'repeated';
    if (packed && isTrue(packed.value) && !(repeated && isPackable(ctx, node))) {
      out.push(
        diagnostic('fields/invalid-packed', 'error', 'only repeated numeric, bool and enum fields can be packed: remove `packed = true`', packed.name.span, {
          fixes: [{ title: 'Remove packed', edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, packed)], preferred: true }],
        }),
      );
    }
    for (const name of ['lazy', 'unverified_lazy']) {
      const lazy = optionNamed(node.options, name);
      if (!lazy || !isTrue(lazy.value)) continue;
      // A DELIMITED message field is encoded like a group, and groups cannot be lazy.
      const delimited = kind === 'message' && effectiveFeature('message_encoding', syntax, ctx.ast, node.options) === 'DELIMITED';
      if ((kind !== 'message' && kind !== 'map') || delimited) {
        const why = delimited ? 'delimited message fields cannot be lazy' : 'only message and map fields can be lazy';
        out.push(
          diagnostic('fields/invalid-lazy', 'error', `${why}: remove \`${name} = true\``, lazy.name.span, {
            fixes: [{ title: `Remove ${name}`, edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, lazy)], preferred: true }],
          }),
        );
      }
    }
  }
  return out;
}
