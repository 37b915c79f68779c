/**
 * `features.x = VALUE` options: only editions files may set them; in an editions file the value
 * must be one the feature defines, the feature must exist in the file's edition, and it must be
 * settable on that kind of declaration (field_presence on a field or the file, not a message).
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { EnumElement, MessageElement, OptionDecl, TopLevelDecl } from '../ast';
import type { CheckContext } from './context';
import { FEATURES, type FeatureTarget } from './features';
import { fileSyntax, type FileSyntax } from './syntax';

const TARGET_WORDS: Record<FeatureTarget, string> = {
  file: 'a file',
  message: 'a message',
  field: 'a field',
  oneof: 'a oneof',
  enum: 'an enum',
  enumValue: 'an enum value',
  service: 'a service',
  method: 'an rpc',
  extensionRange: 'an extension range',
};

type OptionVisit = (option: OptionDecl, target: FeatureTarget) => void;

/**
 * Every option of the file with the kind of declaration it is set on. A callback rather than a
 * generator: every file is walked, and nested generators allocate at each option and level.
 */
function forEachOption(body: readonly TopLevelDecl[], visit: OptionVisit): void {
  for (const d of body) {
    if (d.kind === 'option') visit(d, 'file');
    else if (d.kind === 'message') messageOptions(d.body, visit);
    else if (d.kind === 'enum') enumOptions(d.body, visit);
    else if (d.kind === 'extend') {
      for (const f of d.body) if (f.kind !== 'empty') fieldOptions(f, visit);
    } else if (d.kind === 'service') {
      for (const el of d.body) {
        if (el.kind === 'option') visit(el, 'service');
        else if (el.kind === 'rpc') for (const o of el.options) visit(o, 'method');
      }
    }
  }
}

function fieldOptions(f: { options: readonly OptionDecl[]; kind: string; body?: readonly MessageElement[] }, visit: OptionVisit): void {
  for (const o of f.options) visit(o, 'field');
  if (f.kind === 'group' && f.body) messageOptions(f.body, visit);
}

function messageOptions(body: readonly MessageElement[], visit: OptionVisit): void {
  for (const el of body) {
    switch (el.kind) {
      case 'option':
        visit(el, 'message');
        break;
      case 'field':
      case 'mapField':
      case 'group':
        fieldOptions(el, visit);
        break;
      case 'oneof':
        for (const m of el.body) {
          if (m.kind === 'option') visit(m, 'oneof');
          else if (m.kind === 'field' || m.kind === 'group') fieldOptions(m, visit);
        }
        break;
      case 'extensions':
        for (const o of el.options) visit(o, 'extensionRange');
        break;
      case 'message':
        messageOptions(el.body, visit);
        break;
      case 'enum':
        enumOptions(el.body, visit);
        break;
      case 'extend':
        for (const f of el.body) if (f.kind !== 'empty') fieldOptions(f, visit);
        break;
      default:
        break;
    }
  }
}

function enumOptions(body: readonly EnumElement[], visit: OptionVisit): void {
  for (const el of body) {
    if (el.kind === 'option') visit(el, 'enum');
    else if (el.kind === 'enumValue') for (const o of el.options) visit(o, 'enumValue');
  }
}

export function checkFeatureValues(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const syntax = fileSyntax(ctx.ast);
  forEachOption(ctx.ast.body, (opt, target) => {
    const parts = opt.name.parts;
    const head = parts[0];
    if (!head || head.extension || head.text !== 'features') return;
    if (syntax.kind !== 'editions') {
      out.push(
        diagnostic(
          'editions/features-outside-editions',
          'error',
          `features can only be set in editions files, not in ${syntax.kind}: use the ${syntax.kind} way to get this behaviour, or migrate the file to an edition`,
          head.span,
        ),
      );
      return;
    }
    checkFeature(opt, target, syntax, out);
  });
  return out;
}

function checkFeature(opt: OptionDecl, target: FeatureTarget, syntax: FileSyntax, out: Diagnostic[]) {
  const part = opt.name.parts[1];
  // `features.(pb.cpp).x` is a language feature, resolved and typed elsewhere.
  if (!part || part.extension || opt.name.parts.length !== 2) return;
  const spec = FEATURES[part.text];
  if (!spec) return;
  if ((syntax.edition ?? '') < spec.introduced) {
    out.push(
      diagnostic(
        'editions/feature-not-available',
        'error',
        `feature \`${part.text}\` was introduced in edition ${spec.introduced} and cannot be used in edition ${syntax.edition}: remove it or move the file to edition ${spec.introduced}`,
        part.span,
      ),
    );
    return;
  }
  if (!spec.targets.includes(target)) {
    out.push(
      diagnostic(
        'editions/feature-target',
        'error',
        `feature \`${part.text}\` cannot be set on ${TARGET_WORDS[target]}: set it on ${spec.targets.map((t) => TARGET_WORDS[t]).join(' or ')}`,
        part.span,
      ),
    );
    return;
  }
  const value = opt.value;
  if (!value) return;
  if (value.kind !== 'ident' || !spec.values.includes(value.value)) {
    out.push(
      diagnostic(
        'editions/invalid-feature-value',
        'error',
        `\`${value.text}\` is not a value of feature \`${part.text}\`: use ${spec.values.map((v) => `\`${v}\``).join(', ')}`,
        value.span,
      ),
    );
  }
}
