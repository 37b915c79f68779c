/**
 * Map keys must be integral or string scalars: not floating point, bytes, enums or messages. An
 * enum map value needs zero as the enum's first value, the default an absent value decodes to.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { SCALAR_TYPES } from '../builtinOptions';
import type { EnumDecl } from '../ast';
import type { CheckContext } from './context';
import { intValue } from './numbers';
import { fileModel } from './walk';

const BAD_SCALAR_KEYS = new Set(['float', 'double', 'bytes']);

export function checkMaps(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { node } of fileModel(ctx.ast, ctx.symbols.packageName).fields) {
    if (node.kind !== 'mapField') continue;
    const value = node.valueType && ctx.link.typeOf.get(node.valueType);
    if (node.valueType && value?.kind === 'enum' && value.node?.kind === 'enum') {
      const first = (value.node as EnumDecl).body.find((e) => e.kind === 'enumValue');
      if (first?.kind === 'enumValue' && first.number && intValue(first.number) !== 0n) {
        out.push(
          diagnostic(
            'maps/enum-value-first-not-zero',
            'error',
            `enum \`${value.fullName}\` starts with ${first.name.text} = ${first.number.text}, but map values need an enum whose first value is zero: add a zero value first or use another value type`,
            node.valueType.span,
            { related: [{ uri: value.uri, span: first.number.span, message: `the first value of \`${value.fullName}\`` }] },
          ),
        );
      }
    }
    if (!node.keyType) continue;
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
