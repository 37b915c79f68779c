/** Map keys must be integral or string scalars: not floating point, bytes, enums or messages. */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { SCALAR_TYPES } from '../builtinOptions';
import type { CheckContext } from './context';
import { fileModel } from './walk';

const BAD_SCALAR_KEYS = new Set(['float', 'double', 'bytes']);

export function checkMaps(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { node } of fileModel(ctx.ast, ctx.symbols.packageName).fields) {
    if (node.kind !== 'mapField' || !node.keyType) continue;
    const key = node.keyType;
    let what: string | undefined;
    if (BAD_SCALAR_KEYS.has(key.text)) what = `\`${key.text}\``;
    else if (!SCALAR_TYPES.has(key.text)) {
      const target = ctx.link.typeOf.get(key);
      if (target?.kind === 'enum') what = `an enum (\`${target.fullName}\`)`;
      else if (target?.kind === 'message') what = `a message (\`${target.fullName}\`)`;
    }
    if (what) {
      out.push(
        diagnostic(
          'maps/invalid-key-type',
          'error',
          `map keys cannot be ${what}: use an integer type, bool or string`,
          key.span,
        ),
      );
    }
  }
  return out;
}
