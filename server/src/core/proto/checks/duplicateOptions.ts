/**
 * An option set twice on one declaration. Repeated options (`targets`, or custom options declared
 * `repeated`) may appear many times; everything else once, as protoc requires.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { FieldDecl, OptionDecl, TopLevelDecl } from '../ast';
import { resolveName } from '../resolve';
import type { CheckContext } from './context';
import { fileModel } from './walk';

const REPEATED_BUILTINS = new Set(['targets', 'edition_defaults', 'uninterpreted_option', 'declaration']);

function optionGroups(ctx: CheckContext): { options: readonly OptionDecl[]; scope: string }[] {
  const pkg = ctx.symbols.packageName;
  const groups: { options: readonly OptionDecl[]; scope: string }[] = [];
  const statements = (body: readonly { kind: string }[]) => body.filter((e): e is OptionDecl => e.kind === 'option');
  groups.push({ options: statements(ctx.ast.body as readonly TopLevelDecl[]), scope: pkg });
  const model = fileModel(ctx.ast, pkg);
  for (const m of model.messages) {
    groups.push({ options: statements(m.node.body), scope: m.fullName });
    for (const o of m.oneofs) groups.push({ options: statements(o.body), scope: m.fullName });
    for (const el of m.node.body) if (el.kind === 'extensions') groups.push({ options: el.options, scope: m.fullName });
  }
  for (const f of model.fields) groups.push({ options: f.node.options, scope: f.message?.fullName ?? pkg });
  for (const e of model.enums) {
    groups.push({ options: statements(e.node.body), scope: e.scope });
    for (const v of e.node.body) if (v.kind === 'enumValue') groups.push({ options: v.options, scope: e.scope });
  }
  for (const d of ctx.ast.body) {
    if (d.kind !== 'service') continue;
    groups.push({ options: statements(d.body), scope: pkg });
    for (const r of d.body) if (r.kind === 'rpc') groups.push({ options: r.options, scope: pkg });
  }
  return groups;
}

export function checkDuplicateOptions(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { options, scope } of optionGroups(ctx)) {
    if (options.length < 2) continue;
    const seen = new Map<string, OptionDecl>();
    for (const o of options) {
      const key = o.name.parts.map((p) => (p.extension ? `(${p.text})` : p.text)).join('.');
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, o);
        continue;
      }
      if (isRepeated(ctx, o, scope)) continue;
      out.push(
        diagnostic('options/duplicate', 'error', `option \`${key}\` is already set on this declaration: remove one of the settings`, o.name.span, {
          related: [{ uri: ctx.uri, span: earlier.span, message: 'first set here' }],
        }),
      );
    }
  }
  return out;
}

/** Whether the option's last name part is a repeated field; unknown options count as repeated, to stay quiet. */
function isRepeated(ctx: CheckContext, o: OptionDecl, scope: string): boolean {
  const parts = o.name.parts;
  const p = parts[0]!;
  // FeatureSet's fields are all singular; deeper paths into custom options are not typed here.
  if (parts.length === 2 && !p.extension && p.text === 'features' && !parts[1]!.extension) return false;
  if (parts.length !== 1) return true;
  if (!p.extension) return REPEATED_BUILTINS.has(p.text);
  const res = resolveName(p.text, scope, { index: ctx.project, isVisible: (s) => ctx.link.visible.has(s.uri), accept: (s) => s.kind === 'extension' });
  if (res.kind !== 'found') return true;
  const node = res.symbol.node as FieldDecl | undefined;
  return node?.kind !== 'field' || node.label?.value === 'repeated';
}
