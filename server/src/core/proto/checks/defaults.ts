/**
 * `default` values of proto2 and editions fields: only on singular scalar and enum fields, and of
 * the field's type: an integer in the type's range, a number (or inf/nan) for floating point,
 * true/false, a string, or the name of one of the enum's values. proto3 forbids defaults
 * outright; proto3Rules.ts reports that.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { Constant, EnumDecl } from '../ast';
import type { CheckContext } from './context';
import { parseIntText } from './numbers';
import { optionNamed, removeCompactOption } from './options';
import { fileSyntax } from './syntax';
import { fieldTypeKind } from './types';
import { fileModel } from './walk';

const INT_RANGES: Record<string, readonly [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

/** What is wrong with `value` as a default of scalar `type`, or undefined when it fits. */
function scalarProblem(type: string, value: Constant): string | undefined {
  const range = INT_RANGES[type];
  if (range) {
    if (value.kind !== 'int') return `\`${type}\` fields need an integer default`;
    const n = parseIntText(value.text);
    if (n === undefined) return `\`${value.text}\` is not an integer`;
    if (n < 0n && range[0] === 0n) return `unsigned \`${type}\` fields cannot have a negative default`;
    if (n < range[0] || n > range[1]) return `${value.text} does not fit in \`${type}\` (${range[0]} to ${range[1]})`;
    return undefined;
  }
  if (type === 'float' || type === 'double') {
    if (value.kind === 'int') return undefined;
    if (value.kind === 'float' && !/infinity/i.test(value.text)) return undefined;
    if (value.kind === 'ident' && (value.value === 'inf' || value.value === 'nan')) return undefined;
    return `\`${type}\` fields need a number, \`inf\` or \`nan\` as default`;
  }
  if (type === 'bool') {
    return value.kind === 'bool' ? undefined : '`bool` fields need `true` or `false` as default';
  }
  if (type === 'string' || type === 'bytes') {
    return value.kind === 'string' ? undefined : `\`${type}\` fields need a quoted string as default`;
  }
  return undefined;
}

export function checkDefaults(ctx: CheckContext): Diagnostic[] {
  if (fileSyntax(ctx.ast).kind === 'proto3') return [];
  const out: Diagnostic[] = [];
  for (const { node } of fileModel(ctx.ast, ctx.symbols.packageName).fields) {
    const def = optionNamed(node.options, 'default');
    if (!def || !def.value) continue;
    const kind = fieldTypeKind(ctx, node);
    const remove = [{ title: 'Remove the default', edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, def)], preferred: true }];
    if (node.kind === 'mapField' || (node.kind !== 'group' && node.label?.value === 'repeated') || (node.kind === 'group' && node.label?.value === 'repeated')) {
      out.push(diagnostic('defaults/not-allowed', 'error', 'repeated fields cannot have a default value: remove the option', def.name.span, { fixes: remove }));
      continue;
    }
    if (kind === 'message' || kind === 'group') {
      out.push(diagnostic('defaults/not-allowed', 'error', 'message fields cannot have a default value: remove the option', def.name.span, { fixes: remove }));
      continue;
    }
    if (node.kind !== 'field') continue;
    if (kind === 'scalar') {
      const problem = scalarProblem(node.type.text, def.value);
      if (problem) out.push(diagnostic('defaults/invalid-value', 'error', `invalid default: ${problem}`, def.value.span));
    } else if (kind === 'enum') {
      const target = ctx.link.typeOf.get(node.type)!;
      if (def.value.kind !== 'ident') {
        out.push(
          diagnostic('defaults/invalid-value', 'error', `invalid default: enum fields take the name of a value of \`${target.fullName}\`, not a number or string`, def.value.span),
        );
        continue;
      }
      const values = target.node?.kind === 'enum' ? (target.node as EnumDecl).body.filter((v) => v.kind === 'enumValue') : [];
      if (values.length > 0 && !values.some((v) => v.kind === 'enumValue' && v.name.text === def.value!.text)) {
        out.push(
          diagnostic(
            'defaults/unknown-enum-value',
            'error',
            `enum \`${target.fullName}\` has no value named \`${def.value.text}\`: use one of ${values
              .slice(0, 5)
              .map((v) => (v.kind === 'enumValue' ? `\`${v.name.text}\`` : ''))
              .join(', ')}${values.length > 5 ? ', ...' : ''}`,
            def.value.span,
          ),
        );
      }
    }
  }
  return out;
}
