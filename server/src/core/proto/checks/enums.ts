/**
 * Enum rules, as protoc applies them: at least one value; values in int32; the first value zero in
 * an open enum (proto3, editions); numbers unique unless `allow_alias`, which must then be needed;
 * reserved numbers and names respected; and no two value names that become the same once the
 * enum's name is stripped as a prefix and the rest is PascalCased (code generators do that).
 */
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics/diagnostic';
import { wholeLineSpan } from '../../text/span';
import type { EnumValueDecl, OptionDecl, ReservedDecl } from '../ast';
import type { CheckContext } from './context';
import { effectiveFeature } from './features';
import { INT32_MAX, INT32_MIN, inRange, intValue, readRange, showRange, type Range } from './numbers';
import { constantIdent, insertStatementBefore, optionNamed } from './options';
import { fileSyntax } from './syntax';
import { fileModel, type EnumInfo } from './walk';

/** Lowercase letters of the enum name without underscores: what a value name may start with. */
function prefixOf(enumName: string): string {
  return enumName.replace(/_/g, '').toLowerCase();
}

/** The value name without the enum's prefix (see prefixOf), if it starts with it. */
function stripPrefix(prefix: string, valueName: string): string {
  let i = 0;
  let j = 0;
  for (; i < valueName.length && j < prefix.length; i++) {
    if (valueName[i] === '_') continue;
    if (valueName[i]!.toLowerCase() !== prefix[j]) return valueName;
    j++;
  }
  if (j < prefix.length) return valueName;
  while (i < valueName.length && valueName[i] === '_') i++;
  return i === valueName.length ? valueName : valueName.slice(i);
}

function pascal(name: string): string {
  let out = '';
  let upper = true;
  for (const ch of name) {
    if (ch === '_') upper = true;
    else {
      out += upper ? ch.toUpperCase() : ch.toLowerCase();
      upper = false;
    }
  }
  return out;
}

/** `OrderStatus` -> `ORDER_STATUS`, for a suggested zero value name. */
function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export function checkEnums(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const syntax = fileSyntax(ctx.ast);
  for (const e of fileModel(ctx.ast, ctx.symbols.packageName).enums) checkEnum(ctx, e, syntax, out);
  return out;
}

function checkEnum(ctx: CheckContext, e: EnumInfo, syntax: ReturnType<typeof fileSyntax>, out: Diagnostic[]) {
  const values = e.node.body.filter((v): v is EnumValueDecl => v.kind === 'enumValue');
  const options = e.node.body.filter((v): v is OptionDecl => v.kind === 'option');
  const name = e.name.text;
  if (values.length === 0) {
    out.push(
      diagnostic('enums/empty', 'error', `enum \`${name}\` has no values: add one, such as \`${upperSnake(name)}_UNSPECIFIED = 0\``, e.name.span),
    );
    return;
  }

  const open = effectiveFeature('enum_type', syntax, ctx.ast, options) === 'OPEN';
  const first = values[0]!;
  const firstNumber = intValue(first.number);
  if (open && first.number && firstNumber !== undefined && firstNumber !== 0n) {
    const zeroName = `${upperSnake(name)}_UNSPECIFIED`;
    const fixes: Fix[] = values.some((v) => v.name.text === zeroName)
      ? []
      : [{ title: `Add ${zeroName} = 0 as the first value`, edits: [insertStatementBefore(ctx.text, first.span.start, `${zeroName} = 0;`)] }];
    out.push(
      diagnostic(
        'proto3/enum-first-value-zero',
        'error',
        `the first value of open enum \`${name}\` must be zero, so that it can be the default: add a zero value first, such as \`${zeroName} = 0\``,
        first.number.span,
        { fixes },
      ),
    );
  }

  const reserved: Range[] = [];
  const reservedNames = new Map<string, ReservedDecl['names'][number]>();
  for (const el of e.node.body) {
    if (el.kind !== 'reserved') continue;
    for (const r of el.ranges) {
      const range = readRange(r, INT32_MAX);
      if (range) reserved.push(range);
    }
    for (const n of el.names) if (!reservedNames.has(n.text)) reservedNames.set(n.text, n);
  }

  const allowAliasOpt = optionNamed(options, 'allow_alias');
  const allowAlias = constantIdent(allowAliasOpt?.value) === 'true';
  // Each value's number, read once.
  const numbers = values.map((v) => intValue(v.number));
  const used = new Set<bigint>();
  for (const n of numbers) if (n !== undefined) used.add(n);
  const nextFree = () => {
    let n = 0n;
    while (used.has(n) || reserved.some((r) => inRange(n, r))) n++;
    return n;
  };

  const byNumber = new Map<bigint, EnumValueDecl>();
  let aliased = false;
  const stripped = new Map<string, EnumValueDecl>();
  const legacyJson = constantIdent(optionNamed(options, 'deprecated_legacy_json_field_conflicts')?.value) === 'true';
  const prefix = prefixOf(name);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const n = numbers[i];
    if (v.number && n !== undefined) {
      if (n < INT32_MIN || n > INT32_MAX) {
        out.push(
          diagnostic('enums/number-out-of-range', 'error', `enum value \`${v.name.text}\` = ${v.number.text} does not fit in int32: use a number from ${INT32_MIN} to ${INT32_MAX}`, v.number.span),
        );
      }
      const earlier = byNumber.get(n);
      if (earlier) {
        aliased = true;
        if (!allowAlias) {
          const free = nextFree();
          out.push(
            diagnostic(
              'enums/duplicate-number',
              'error',
              `\`${v.name.text}\` uses the same number ${n} as \`${earlier.name.text}\`: give it another number (${free} is free), or set \`option allow_alias = true;\` in \`${name}\` if it is meant as an alias`,
              v.number.span,
              {
                related: [{ uri: ctx.uri, span: earlier.number!.span, message: `\`${earlier.name.text}\` uses ${n}` }],
                fixes: [
                  { title: `Use the next free number ${free}`, edits: [{ span: v.number.span, newText: `${free}` }], preferred: true },
                  ...aliasFix(ctx, e, first, allowAliasOpt),
                ],
              },
            ),
          );
        }
      } else byNumber.set(n, v);
      const res = reserved.find((r) => inRange(n, r));
      if (res) {
        out.push(
          diagnostic(
            'enums/reserved-number',
            'error',
            `enum value \`${v.name.text}\` uses number ${n}, which is reserved in \`${name}\`: use another number or remove the reservation`,
            v.number.span,
            { related: [{ uri: ctx.uri, span: res.span, message: `${showRange(res)} is reserved here` }] },
          ),
        );
      }
    }
    const rn = reservedNames.get(v.name.text);
    if (rn) {
      out.push(
        diagnostic('enums/reserved-name', 'error', `enum value name \`${v.name.text}\` is reserved in \`${name}\`: rename the value or remove the reservation`, v.name.span, {
          related: [{ uri: ctx.uri, span: rn.span, message: `\`${rn.text}\` is reserved here` }],
        }),
      );
    }
    const key = pascal(stripPrefix(prefix, v.name.text));
    const clash = stripped.get(key);
    if (!clash) stripped.set(key, v);
    else if (clash.name.text !== v.name.text && intValue(clash.number) !== n) {
      // protoc keeps this a warning for proto2 enums that opt into the legacy JSON behaviour.
      const severity = legacyJson && syntax.kind === 'proto2' ? 'warning' : 'error';
      out.push(
        diagnostic(
          'enums/name-conflict',
          severity,
          `enum value \`${v.name.text}\` becomes \`${key}\` like \`${clash.name.text}\` once the prefix \`${name}\` is stripped and case ignored, which generated code cannot tell apart: rename one of them`,
          v.name.span,
          { related: [{ uri: ctx.uri, span: clash.name.span, message: `\`${clash.name.text}\` is defined here` }] },
        ),
      );
    }
  }

  if (allowAliasOpt && allowAliasOpt.value) {
    const remove: Fix = {
      title: 'Remove the allow_alias option',
      edits: [{ span: wholeLineSpan(ctx.text, allowAliasOpt.span), newText: '' }],
      preferred: true,
    };
    if (allowAlias && !aliased) {
      out.push(
        diagnostic(
          'enums/unnecessary-alias',
          'error',
          `\`${name}\` allows aliases but no two values share a number: remove \`option allow_alias = true;\``,
          allowAliasOpt.name.span,
          { fixes: [remove], tags: ['unnecessary'] },
        ),
      );
    } else if (constantIdent(allowAliasOpt.value) === 'false') {
      out.push(
        diagnostic('enums/unnecessary-alias', 'error', `\`option allow_alias = false;\` in \`${name}\` has no effect: remove it`, allowAliasOpt.name.span, {
          fixes: [remove],
          tags: ['unnecessary'],
        }),
      );
    }
  }
}

function aliasFix(ctx: CheckContext, e: EnumInfo, first: EnumValueDecl, existing: OptionDecl | undefined): Fix[] {
  if (existing?.value) {
    return [{ title: `Allow aliases in ${e.name.text}`, edits: [{ span: existing.value.span, newText: 'true' }] }];
  }
  return [{ title: `Allow aliases in ${e.name.text}`, edits: [insertStatementBefore(ctx.text, first.span.start, 'option allow_alias = true;')] }];
}
