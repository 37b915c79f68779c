/**
 * From edition 2024 protoc enforces the style guide's naming (features.enforce_naming_style,
 * STYLE2024 by default): TitleCase messages, enums, services and rpcs; lower_snake_case packages,
 * fields and oneofs; UPPER_SNAKE_CASE enum values; and no underscore that a case conversion would
 * lose (doubled, trailing, or before a digit). STYLE_LEGACY on the element, an enclosing one or the
 * file opts out.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { Name, OptionDecl } from '../ast';
import type { CheckContext } from './context';
import { effectiveFeature } from './features';
import { editionAtLeast, fileSyntax } from './syntax';
import { bodyOptions, fileModel, type MessageNode } from './walk';

type Style = 'TitleCase' | 'lower_snake_case' | 'UPPER_SNAKE_CASE';

/** Underscores that snake/camel conversions cannot round-trip. */
function badUnderscores(name: string): boolean {
  return name.endsWith('_') || name.includes('__') || /_[0-9]/.test(name);
}

/** What is wrong with `name` in `style`, phrased as protoc does, or undefined when it conforms. */
export function styleProblem(name: string, style: Style): string | undefined {
  switch (style) {
    case 'TitleCase':
      if (name.includes('_')) return 'should be TitleCase';
      if (!/^[A-Z]/.test(name)) return 'should begin with a capital letter';
      return undefined;
    case 'lower_snake_case':
      if (/[A-Z]/.test(name)) return 'should be lower_snake_case';
      if (!/^[a-z]/.test(name)) return 'should begin with a lower case letter';
      return badUnderscores(name) ? 'contains underscores that do not survive a case conversion' : undefined;
    case 'UPPER_SNAKE_CASE':
      if (/[a-z]/.test(name)) return 'should be UPPER_SNAKE_CASE';
      if (!/^[A-Z]/.test(name)) return 'should begin with an upper case letter';
      return badUnderscores(name) ? 'contains underscores that do not survive a case conversion' : undefined;
  }
}

export function checkNamingStyle(ctx: CheckContext): Diagnostic[] {
  const syntax = fileSyntax(ctx.ast);
  if (!editionAtLeast(syntax, '2024')) return [];
  const out: Diagnostic[] = [];
  const enforced = (own: readonly OptionDecl[], parents: readonly MessageNode[] = [], extra: readonly (readonly OptionDecl[])[] = []) =>
    effectiveFeature('enforce_naming_style', syntax, ctx.ast, own, parents, extra) !== 'STYLE_LEGACY';
  const check = (what: string, name: Name | undefined, style: Style, on: boolean) => {
    if (!name || !on) return;
    for (const part of style === 'lower_snake_case' && what === 'package' ? name.text.split('.') : [name.text]) {
      const problem = styleProblem(part, style);
      if (!problem) continue;
      out.push(
        diagnostic(
          'editions/naming-style',
          'error',
          `${what} name \`${name.text}\` ${problem}, as edition ${syntax.edition} requires: rename it, or set features.enforce_naming_style = STYLE_LEGACY`,
          name.span,
        ),
      );
      break;
    }
  };
  report(ctx, check, enforced);
  return out;
}

function report(
  ctx: CheckContext,
  check: (what: string, name: Name | undefined, style: Style, on: boolean) => void,
  enforced: (own: readonly OptionDecl[], parents?: readonly MessageNode[], extra?: readonly (readonly OptionDecl[])[]) => boolean,
) {
  for (const d of ctx.ast.body) {
    if (d.kind === 'package') check('package', d.name, 'lower_snake_case', enforced([]));
  }
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  for (const m of model.messages) {
    check('message', m.name, 'TitleCase', enforced(bodyOptions(m.node.body), m.parents));
    const inner = [...m.parents, m.node];
    for (const o of m.oneofs) {
      check('oneof', o.name, 'lower_snake_case', enforced(o.body.filter((e): e is OptionDecl => e.kind === 'option'), inner));
    }
  }
  for (const f of model.fields) {
    const parents = f.message ? [...f.message.parents, f.message.node] : [];
    // A oneof's features apply to its members.
    const oneofOptions = f.oneof ? [f.oneof.body.filter((e): e is OptionDecl => e.kind === 'option')] : [];
    check('field', f.node.name, 'lower_snake_case', enforced(f.node.options, parents, oneofOptions));
  }
  for (const e of model.enums) {
    const options = e.node.body.filter((x): x is OptionDecl => x.kind === 'option');
    check('enum', e.name, 'TitleCase', enforced(options, e.parents));
    for (const v of e.node.body) {
      if (v.kind === 'enumValue') check('enum value', v.name, 'UPPER_SNAKE_CASE', enforced(v.options, e.parents, [options]));
    }
  }
  for (const d of ctx.ast.body) {
    if (d.kind !== 'service') continue;
    const options = d.body.filter((x): x is OptionDecl => x.kind === 'option');
    check('service', d.name, 'TitleCase', enforced(options));
    for (const r of d.body) if (r.kind === 'rpc') check('rpc', r.name, 'TitleCase', enforced(r.options, [], [options]));
  }
}
